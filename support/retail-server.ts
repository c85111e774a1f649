// A loopback stand-in for the Azure Retail Prices API: the real envelope, $filter (eq/and) applied,
// paging through an absolute NextPageLink back at itself, and scripted faults.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseEqAnd } from './odata-parse.js';

export type FaultAction = { kind: 'status'; status: number; headers?: Record<string, string>; body?: string } | { kind: 'hang' } | { kind: 'malformed' } | { kind: 'empty' } | { kind: 'repeat-link' };

export interface Fault {
  /** Which requests it hits (default: any). */
  readonly match?: (url: URL, requestNumber: number) => boolean;
  /** How many times (default 1). */
  times?: number;
  readonly action: FaultAction;
}

export interface FakeRetailApi {
  readonly url: string;
  readonly requests: string[];
  readonly close: () => Promise<void>;
}

export interface FakeRetailApiOptions {
  readonly items: readonly Record<string, unknown>[];
  readonly pageSize?: number;
  readonly faults?: Fault[];
  /** Currency rates from USD, e.g. { EUR: 0.9 } (the API converts; non-USD is for reference). */
  readonly rates?: Record<string, number>;
}

function page(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

export async function startFakeRetailApi(options: FakeRetailApiOptions): Promise<FakeRetailApi> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const pageSize = options.pageSize ?? 3;
  const faults = options.faults ?? [];
  let base = '';

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    // a proxied request carries the absolute URL; a direct one the path
    const url = new URL(req.url ?? '/', base);
    requests.push(url.toString());
    const n = requests.length;
    const fault = faults.find((f) => (f.times ?? 1) > 0 && (!f.match || f.match(url, n)));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      const a = fault.action;
      if (a.kind === 'hang') return; // never answers; the socket is destroyed on close
      if (a.kind === 'status') return page(res, a.status, a.body ?? JSON.stringify({ Error: { Code: 'Fault', Message: `scripted ${a.status}` } }), a.headers);
      if (a.kind === 'malformed') return page(res, 200, '{"BillingCurrency":"USD","Items":[{"currencyCode":');
      if (a.kind === 'empty') return page(res, 200, JSON.stringify({ BillingCurrency: 'USD', CustomerEntityId: 'Default', CustomerEntityType: 'Retail', Items: [], NextPageLink: null, Count: 0 }));
      if (a.kind === 'repeat-link') return page(res, 200, JSON.stringify({ BillingCurrency: 'USD', Items: [], NextPageLink: url.toString(), Count: 0 }));
    }
    if (!url.pathname.endsWith('/api/retail/prices')) return page(res, 404, JSON.stringify({ Error: { Code: 'NotFound' } }));
    const currency = (url.searchParams.get('currencyCode') ?? "'USD'").replace(/^'|'$/g, '');
    const rate = currency === 'USD' ? 1 : options.rates?.[currency];
    if (rate === undefined) return page(res, 400, JSON.stringify({ Error: { Code: 'InvalidCurrency', Message: `Invalid currency code ${currency}` } }));
    let clauses: { field: string; value: string }[];
    try {
      clauses = parseEqAnd(url.searchParams.get('$filter') ?? '');
    } catch {
      return page(res, 400, JSON.stringify({ Error: { Code: 'InvalidFilter', Message: 'Invalid OData parameters supplied' } }));
    }
    const matching = options.items
      .filter((item) => clauses.every(({ field, value }) => item[field] === value))
      .map((item) => {
        if (rate === 1) return item;
        const convert = (v: unknown) => (typeof v === 'number' ? Number((v * rate).toFixed(6)) : v);
        return { ...item, currencyCode: currency, retailPrice: convert(item.retailPrice), unitPrice: convert(item.unitPrice) };
      });
    const skip = Number(url.searchParams.get('$skip') ?? '0');
    const Items = matching.slice(skip, skip + pageSize);
    let NextPageLink: string | null = null;
    if (skip + pageSize < matching.length) {
      const next = new URL(url);
      next.searchParams.set('$skip', String(skip + pageSize));
      NextPageLink = next.toString();
    }
    page(res, 200, JSON.stringify({ BillingCurrency: currency, CustomerEntityId: 'Default', CustomerEntityType: 'Retail', Items, NextPageLink, Count: Items.length }));
  };

  const server: Server = createServer(handler);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/api/retail/prices`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
