import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runPricingRefresh } from '../src/cli/commands/pricing-refresh.js';
import type { CommandIO } from '../src/cli/output.js';
import { CmgPlannerError } from '../src/model/errors.js';
import { parsePriceList } from '../src/pricing/snapshot.js';
import { and, eq, quote } from '../src/pricing/odata-filter.js';
import { parseEqAnd } from '../support/odata-parse.js';
import { backoffMs, parseRetryAfter } from '../src/http/retry.js';
import { catalogFor } from '../support/retail-catalog.js';
import { startFakeRetailApi, type FakeRetailApi, type Fault } from '../support/retail-server.js';
import { runCli, tempDir } from './helpers/cli.js';

const CATALOG = [...catalogFor('eastus'), ...catalogFor('westeurope', 1.1), ...catalogFor('northeurope', 1.05)];
const OLD_SNAPSHOT = '{"Items": [], "cmgPlanner": {"fetchedAt": "2026-01-01T00:00:00Z"}}\n';

let api: FakeRetailApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function testIO(): CommandIO & { err: string[]; progressLines: (string | null)[] } {
  const err: string[] = [];
  const progressLines: (string | null)[] = [];
  return { err, progressLines, stdout: () => undefined, stderr: (t) => err.push(t), now: () => new Date('2026-11-23T10:00:00Z'), progress: (t) => progressLines.push(t) };
}

/** Refreshes into a folder that already holds a good snapshot; returns what happened. */
async function refresh(faults: Fault[], options: Record<string, string> = {}, pageSize = 3) {
  api = await startFakeRetailApi({ items: CATALOG, faults, pageSize, rates: { EUR: 0.9 } });
  const dir = tempDir();
  const out = join(dir, 'prices.json');
  writeFileSync(out, OLD_SNAPSHOT);
  const io = testIO();
  const waits: number[] = [];
  let error: unknown;
  try {
    await runPricingRefresh({ regions: 'eastus,westeurope', endpoint: api.url, out, timeout: '0.5', ...options }, io, {
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    });
  } catch (e) {
    error = e;
  }
  return { dir, out, io, waits, error: error as CmgPlannerError | undefined, text: readFileSync(out, 'utf8'), requests: api.requests };
}

describe('OData $filter', () => {
  it('quotes values and doubles quotes inside them', () => {
    expect(quote("O'Brien")).toBe("'O''Brien'");
    expect(and(eq('serviceName', 'Virtual Machines'), eq('armRegionName', 'eastus'))).toBe("serviceName eq 'Virtual Machines' and armRegionName eq 'eastus'");
    expect(parseEqAnd("meterName eq 'It''s' and type eq 'Consumption'")).toEqual([
      { field: 'meterName', value: "It's" },
      { field: 'type', value: 'Consumption' },
    ]);
  });
});

describe('retry timing', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000, maxTotalMs: 60000 };
  it('backs off exponentially with jitter, capped', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(policy, a, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(policy, a, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:05 GMT', Date.parse('2026-11-23T10:00:00Z'))).toBe(5000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});

describe('pricing refresh against a loopback Retail Prices API', () => {
  it('fetches every page of every query once and writes a snapshot of the regions asked for', async () => {
    const r = await refresh([]);
    expect(r.error).toBeUndefined();
    const list = parsePriceList(r.text, r.out);
    const regions = new Set(list.items.map((i) => i.armRegionName));
    expect([...regions].sort()).toEqual(['eastus', 'westeurope']);
    // every item of the two regions that a query asks for, once: no page lost or repeated
    const expected = CATALOG.filter((i) => (i.armRegionName === 'eastus' || i.armRegionName === 'westeurope') && !(i.serviceName === 'Bandwidth' && i.productName !== 'Rtn Preference: MGN'));
    expect(list.items).toHaveLength(expected.length);
    expect(new Set(r.requests).size).toBe(r.requests.length);
    expect(r.requests.every((u) => new URL(u).searchParams.get('api-version') === '2023-01-01-preview')).toBe(true);
    const meta = JSON.parse(r.text).cmgPlanner;
    expect(meta).toMatchObject({
      source: 'Azure Retail Prices API',
      endpoint: api!.url,
      apiVersion: '2023-01-01-preview',
      currency: 'USD',
      regions: ['eastus', 'westeurope'],
      itemCount: expected.length,
      fetchedAt: '2026-11-23T10:00:00.000Z',
      requests: r.requests.length,
    });
    expect(meta.filters).toHaveLength(13);
    // several regions: the queries span all regions (fewer requests), filtered here
    expect(meta.filters.some((f: string) => f.includes('armRegionName'))).toBe(false);
    expect(r.io.err.join('')).toMatch(/^wrote .*prices\.json: \d+ items for eastus, westeurope in USD, \d+ requests\n$/);
    expect(r.io.progressLines.filter((l) => l && /page \d+/.test(l)).length).toBe(r.requests.length);
  });

  it('puts the region in the filter when one is asked for', async () => {
    const r = await refresh([], { regions: 'northeurope' });
    expect(r.error).toBeUndefined();
    expect(JSON.parse(r.text).cmgPlanner.filters.every((f: string) => f.includes("armRegionName eq 'northeurope'"))).toBe(true);
    expect(r.requests.every((u) => new URL(u).searchParams.get('$filter')!.includes("armRegionName eq 'northeurope'"))).toBe(true);
  });

  it('waits as Retry-After says on a 429, then carries on', async () => {
    const r = await refresh([{ match: (_u, n) => n === 2, action: { kind: 'status', status: 429, headers: { 'Retry-After': '7' } } }]);
    expect(r.error).toBeUndefined();
    expect(r.waits).toEqual([7000]);
    expect(parsePriceList(r.text, r.out).items.length).toBeGreaterThan(50);
  });

  it('backs off on a 500, then succeeds', async () => {
    const r = await refresh([{ match: (_u, n) => n === 1, action: { kind: 'status', status: 500 } }]);
    expect(r.error).toBeUndefined();
    // first backoff: 1000 ms base, half fixed and half random (random 0.5): 750 ms
    expect(r.waits).toEqual([750]);
  });

  it('retries a request that hangs past the timeout, and gives up naming it; the old snapshot stays', async () => {
    const r = await refresh([{ times: 10, action: { kind: 'hang' } }], { maxAttempts: '2' });
    expect(r.error?.exitCode).toBe(1);
    expect(r.error?.message).toMatch(/^the Retail Prices API request failed after 2 attempts: GET http:\/\/127\.0\.0\.1:\d+\/api\/retail\/prices\?.*: no answer within the timeout$/);
    expect(r.text).toBe(OLD_SNAPSHOT);
    expect(readdirSync(r.dir)).toEqual(['prices.json']);
  });

  it('gives up after the attempts allowed on a lasting 503', async () => {
    const r = await refresh([{ times: 100, action: { kind: 'status', status: 503 } }], { maxAttempts: '3' });
    expect(r.error?.message).toMatch(/after 3 attempts: GET .*: HTTP 503/);
    expect(r.waits).toEqual([750, 1500]);
    expect(r.text).toBe(OLD_SNAPSHOT);
  });

  it('does not wait past the retry budget', async () => {
    const r = await refresh([{ action: { kind: 'status', status: 429, headers: { 'Retry-After': '600' } } }], { retryBudget: '60' });
    expect(r.error?.message).toMatch(/would pass the 60 s retry budget/);
    expect(r.waits).toEqual([]);
  });

  it("does not retry a 400 and shows the API's message", async () => {
    const r = await refresh([{ action: { kind: 'status', status: 400, body: '{"Error":{"Code":"InvalidFilter","Message":"Invalid OData parameters supplied"}}' } }]);
    expect(r.error?.exitCode).toBe(1);
    expect(r.error?.message).toMatch(/request failed: GET .*: HTTP 400 Bad Request: .*Invalid OData parameters supplied/);
    expect(r.requests).toHaveLength(1);
  });

  it('fails on malformed JSON and writes nothing', async () => {
    const r = await refresh([{ match: (_u, n) => n === 3, action: { kind: 'malformed' } }]);
    expect(r.error?.message).toMatch(/answered http:\/\/127\.0\.0\.1:\d+\/.* with something that is not JSON/);
    expect(r.text).toBe(OLD_SNAPSHOT);
    expect(readdirSync(r.dir)).toEqual(['prices.json']);
  });

  it('fails when a page link repeats, so no page is counted twice', async () => {
    const r = await refresh([{ action: { kind: 'repeat-link' } }]);
    expect(r.error?.message).toMatch(/same NextPageLink twice/);
    expect(r.text).toBe(OLD_SNAPSHOT);
  });

  it('validates the result: empty Items for a query fails, naming what is missing', async () => {
    const r = await refresh([{ match: (u) => (u.searchParams.get('$filter') ?? '').includes("'Bandwidth'"), times: 5, action: { kind: 'empty' } }]);
    expect(r.error?.exitCode).toBe(1);
    expect(r.error?.message).toMatch(
      /did not return every price the model needs \(2 missing: eastus: internet egress; westeurope: internet egress\)\..*Nothing was written; .*prices\.json is as it was$/,
    );
    expect(r.text).toBe(OLD_SNAPSHOT);
  });

  it('names a region that got nothing at all', async () => {
    const r = await refresh([], { regions: 'eastus,westeuorpe' });
    expect(r.error?.message).toMatch(/Nothing at all came back for westeuorpe: check the region name/);
  });

  it('asks in another currency and notes that non-USD prices are for reference', async () => {
    const r = await refresh([], { currency: 'eur' });
    expect(r.error).toBeUndefined();
    const snapshot = JSON.parse(r.text);
    expect(snapshot.cmgPlanner.currency).toBe('EUR');
    expect(snapshot.cmgPlanner.notes.join(' ')).toMatch(/non-USD prices returned by the API are for your reference/);
    expect(new Set(snapshot.Items.map((i: { currencyCode: string }) => i.currencyCode))).toEqual(new Set(['EUR']));
    expect(r.requests.every((u) => new URL(u).searchParams.get('currencyCode') === "'EUR'")).toBe(true);
  });

  it('refuses bad options with exit code 2 before any request', async () => {
    for (const [options, message] of [
      [{ currency: 'XYZ' }, /--currency: the Retail Prices API has no prices in "XYZ"/],
      [{ regions: 'East US' }, /--regions: "East US" is not an armRegionName/],
      [{ sizes: 'A3' }, /--sizes: "A3" is not an Azure VM size name/],
      [{ endpoint: 'not a url' }, /--endpoint: "not a url" is not a URL/],
      [{ timeout: '-1' }, /--timeout: expected a number above 0/],
    ] as const) {
      const r = await refresh([], options);
      expect(r.error?.exitCode).toBe(2);
      expect(r.error?.message).toMatch(message);
      expect(r.requests).toHaveLength(0);
      await api?.close();
      api = undefined;
    }
  });
});

describe('pricing refresh as a user runs it', () => {
  it('writes a snapshot that feeds estimate unchanged; no progress when stderr is not a terminal', async () => {
    api = await startFakeRetailApi({ items: CATALOG, pageSize: 50 });
    const dir = tempDir();
    const out = join(dir, 'eastus.json');
    const run = await runCli(['pricing', 'refresh', '--regions', 'eastus', '--endpoint', api.url, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^wrote .*eastus\.json: \d+ items for eastus in USD, 13 requests\n$/);
    const estimate = await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--prices', out, '--format', 'json']);
    expect(estimate.code).toBe(0);
    const json = JSON.parse(estimate.stdout);
    // Windows A2_v2 in this catalog: 0.0903 + 2 x 0.023 = 0.1363/h; 2 instances x 730 h = 199.00
    expect(json.costs.compute).toBe('199.00');
    expect(json.costs.egress).toBe('559.60');
    expect(json.warnings.map((w: { code: string }) => w.code)).not.toContain('estimated-prices');
  });

  it('goes through the proxy that HTTP_PROXY names', async () => {
    // the "proxy" is the fake API itself: a proxied request carries the absolute URL of a host that does not exist
    api = await startFakeRetailApi({ items: CATALOG, pageSize: 50 });
    const dir = tempDir();
    const out = join(dir, 'p.json');
    const proxy = new URL(api.url).origin;
    const run = await runCli(['pricing', 'refresh', '--regions', 'eastus', '--endpoint', 'http://prices.example.invalid/api/retail/prices', '--out', out], {
      env: { HTTP_PROXY: proxy, http_proxy: proxy, NO_PROXY: '', no_proxy: '' },
    });
    expect(run.stderr).toMatch(/^wrote /);
    expect(run.code).toBe(0);
    expect(api.requests[0]).toMatch(/^http:\/\/prices\.example\.invalid\/api\/retail\/prices\?/);
  });

  it('tunnels through the proxy that HTTPS_PROXY names (CONNECT) for an https endpoint', async () => {
    const connects: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (req, socket) => {
      connects.push(req.url ?? '');
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const run = await runCli(['pricing', 'refresh', '--regions', 'eastus', '--out', join(tempDir(), 'p.json'), '--max-attempts', '1'], {
      env: { HTTPS_PROXY: proxyUrl, https_proxy: proxyUrl, NO_PROXY: '', no_proxy: '' },
    });
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    expect(connects).toEqual(['prices.azure.com:443']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^cmg-planner: the Retail Prices API request failed: GET https:\/\/prices\.azure\.com\/api\/retail\/prices\?.*: (HTTP 502 Bad Gateway|network error)/);
  });

  it('fails with exit code 1 and one line when the API cannot be reached; the old file stays', async () => {
    const dir = tempDir();
    const out = join(dir, 'p.json');
    writeFileSync(out, OLD_SNAPSHOT);
    const run = await runCli(['pricing', 'refresh', '--regions', 'eastus', '--endpoint', 'http://127.0.0.1:9/api/retail/prices', '--out', out, '--max-attempts', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^cmg-planner: the Retail Prices API request failed: GET http:\/\/127\.0\.0\.1:9\/.*: network error: connect ECONNREFUSED/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readFileSync(out, 'utf8')).toBe(OLD_SNAPSHOT);
    expect(existsSync(join(dir, 'p.json'))).toBe(true);
  });
});
