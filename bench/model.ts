// Model throughput in-process: a 100,000-point sweep, and Monte Carlo draws.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePriceList } from '../src/pricing/snapshot.js';
import { loadScenario } from '../src/scenario/load.js';
import { parseVary } from '../src/sweep/vary.js';
import { sweep } from '../src/sweep/sweep.js';
import { monteCarlo } from '../src/range/monte-carlo.js';
import { REPO_ROOT } from '../test/helpers/export-gen.js';
import { fmt, heading } from './common.js';

export function benchModel(): void {
  heading('Model throughput (in-process)');
  const list = parsePriceList(readFileSync(join(REPO_ROOT, 'pricing', 'azure-retail-prices.json'), 'utf8'), 'pricing/azure-retail-prices.json');
  const context = { now: new Date('2026-11-23T00:00:00Z') };
  const base = loadScenario(readFileSync(join(REPO_ROOT, 'scenarios', 'contoso-20k.yaml'), 'utf8'), 'contoso-20k.yaml');
  const spec = parseVary('clients.total=1..100000:1', base.input);
  let start = performance.now();
  const result = sweep(base, [spec], list, context);
  let ms = performance.now() - start;
  console.log(`sweep of ${result.points.length.toLocaleString('en')} points: ${fmt(ms / 1000, 2)} s, ${fmt(result.points.length / (ms / 1000), 0)} scenarios estimated a second`);

  const ranged = loadScenario(readFileSync(join(REPO_ROOT, 'scenarios', 'contoso-ranges.yaml'), 'utf8'), 'contoso-ranges.yaml');
  monteCarlo(ranged, list, context, { draws: 1000 }); // warm up
  start = performance.now();
  const mc = monteCarlo(ranged, list, context, { draws: 10_000 });
  ms = performance.now() - start;
  console.log(`Monte Carlo, ${mc.draws.toLocaleString('en')} draws over ${ranged.ranges.length} ranges: ${fmt(ms, 0)} ms, ${fmt(mc.draws / (ms / 1000), 0)} draws a second (target: 10,000 well under a second)`);
}
