// A loopback HTTPS stand-in for Azure Resource Manager's Consumption usageDetails endpoint: it serves
// the real example responses of test/fixtures/shared/consumption-api (Azure/azure-rest-api-specs, MIT), paged through nextLink.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURES } from '../../support/export-gen.js';

const TLS = join(import.meta.dirname, '..', 'fixtures', 'tls');
export const LOOPBACK_CA = readFileSync(join(TLS, 'loopback-cert.pem'), 'utf8');

export function exampleBody(file: string): { value: Record<string, unknown>[] } {
  const example = JSON.parse(readFileSync(join(FIXTURES, 'consumption-api', file), 'utf8'));
  return example.responses['200'].body;
}

export interface FakeArm {
  readonly endpoint: string;
  readonly requests: { url: string; authorization: string | undefined }[];
  readonly close: () => Promise<void>;
}

/** Serves `pages` in order (page N links to page N+1), or `status` for every request. */
export async function startFakeArm(options: { pages?: { value: unknown[] }[]; status?: number; error?: { code: string; message: string }; rawBody?: string }): Promise<FakeArm> {
  const requests: FakeArm['requests'] = [];
  let base = '';
  const server: Server = createServer({ key: readFileSync(join(TLS, 'loopback-key.pem')), cert: LOOPBACK_CA }, (req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.setHeader('Content-Type', 'application/json');
    if (options.rawBody !== undefined) {
      res.end(options.rawBody);
      return;
    }
    if (options.status) {
      res.statusCode = options.status;
      res.end(JSON.stringify({ error: options.error ?? { code: 'Error', message: 'scripted' } }));
      return;
    }
    const url = new URL(req.url ?? '/', base);
    const page = Number(url.searchParams.get('page') ?? '0');
    const pages = options.pages ?? [];
    const body: Record<string, unknown> = { ...(pages[page] ?? { value: [] }) };
    if (page + 1 < pages.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      body.nextLink = next.toString();
    }
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint: base,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
