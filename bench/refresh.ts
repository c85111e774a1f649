// Pricing refresh against the loopback Retail Prices API: requests and wall time for 10 regions.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { runPricingRefresh, DEFAULT_REFRESH_REGIONS } from '../src/cli/commands/pricing-refresh.js';
import { startFakeRetailApi } from '../support/retail-server.js';
import { catalogFor } from '../support/retail-catalog.js';
import { fmt, heading } from './common.js';

export async function benchRefresh(): Promise<void> {
  heading('Pricing refresh against the loopback Retail Prices API (10 regions, pages of 100 items)');
  // the regions asked for, plus 40 other regions' worth of items the queries also return
  const regions = [...DEFAULT_REFRESH_REGIONS, ...Array.from({ length: 40 }, (_, i) => `otherregion${i}`)];
  const api = await startFakeRetailApi({ items: regions.flatMap((r, i) => catalogFor(r, 1 + i / 100)), pageSize: 100 });
  const out = join(mkdtempSync(join(tmpdir(), 'cmg-refresh-')), 'prices.json');
  const messages: string[] = [];
  const start = performance.now();
  await runPricingRefresh({ endpoint: api.url, out }, { stdout: () => undefined, stderr: (t) => messages.push(t), now: () => new Date() });
  const ms = performance.now() - start;
  await api.close();
  console.log(`${api.requests.length} requests, ${fmt(ms, 0)} ms; ${messages.join('').trim()}`);
}
