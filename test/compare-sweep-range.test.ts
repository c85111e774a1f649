import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../src/range/monte-carlo.js';
import { loadScenario } from '../src/scenario/load.js';
import { estimate } from '../src/estimate/estimate.js';
import { shownCosts } from '../src/estimate/shown.js';
import { Decimal } from '../src/model/money.js';
import { OSCC_ITEMS, blobItems, priceList, snapshotText, vmItem } from '../support/prices.js';
import { runCli, tempDir, writeTemp } from './helpers/cli.js';

// prices: A2_v2 Windows 0.136/h, A4_v2 Windows 0.19/h, egress 5 GB free then 0.087/GB, Hot LRS 0.0184
const ITEMS = [...OSCC_ITEMS, vmItem('Standard_A4_v2', 0.19), ...blobItems('Hot', [[0, 0.0184]])];
const A = `name: A (2 x A2_v2)
region: eastus
clients:
  total: 1024
gateway:
  vmSize: Standard_A2_v2
  minInstances: 2
  publicIp: none
traffic:
  managementMBPerClientMonth: 1024
`;
const B = A.replace('name: A (2 x A2_v2)', 'name: B (1 x A4_v2)').replace('vmSize: Standard_A2_v2\n  minInstances: 2', 'vmSize: Standard_A4_v2\n  instances: 1');

function files(extra: Record<string, string> = {}) {
  const dir = tempDir();
  return {
    dir,
    prices: writeTemp(dir, 'prices.json', snapshotText(ITEMS)),
    a: writeTemp(dir, 'a.yaml', A),
    b: writeTemp(dir, 'b.yaml', B),
    ...Object.fromEntries(Object.entries(extra).map(([name, text]) => [name, writeTemp(dir, `${name}.yaml`, text)])),
  } as Record<string, string>;
}

describe('compare', () => {
  // A: 2 x 730 h x 0.136 = 198.56; 1024 GB egress: (1024 - 5) x 0.087 = 88.653 -> 88.65; total 287.21
  // B: 1 x 730 h x 0.19 = 138.70; 88.65; total 227.35; -59.86 = -20.8 % of A
  // cost per client: 287.21 / 1024 = 0.28048 -> 0.2805; 227.35 / 1024 = 0.22202 -> 0.2220
  it('two scenarios worked out by hand (JSON contract)', async () => {
    const f = files();
    const run = await runCli(['compare', f.a!, f.b!, '--prices', f.prices!, '--format', 'json']);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.currency).toBe('USD');
    expect(json.scenarios.map((s: Record<string, unknown>) => [s.name, s.sizing, s.traffic, s.costs, s.costPerClientMonth, s.deltaTotal, s.deltaPct])).toEqual([
      [
        'A (2 x A2_v2)',
        { instances: 2, gateways: 1, connectionPoints: 2 },
        { egressGB: '1024' },
        { compute: '198.56', egress: '88.65', storage: '0.00', other: '0.00', total: '287.21' },
        '0.2805',
        '0.00',
        '0.0',
      ],
      [
        'B (1 x A4_v2)',
        { instances: 1, gateways: 1, connectionPoints: 1 },
        { egressGB: '1024' },
        { compute: '138.70', egress: '88.65', storage: '0.00', other: '0.00', total: '227.35' },
        '0.2220',
        '-59.86',
        '-20.8',
      ],
    ]);
    expect(json.scenarios[0].file).toBe(f.a);
  });

  it('CSV: one column per scenario, reads back equal to the data; a formula name is inert', async () => {
    const f = files({ evil: A.replace('name: A (2 x A2_v2)', 'name: \'=HYPERLINK("http://x","y")\'') });
    const run = await runCli(['compare', f.evil!, f.b!, '--prices', f.prices!, '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows: string[][] = parseCsv(run.stdout);
    expect(rows[0]).toEqual(['metric', 'unit', '\'=HYPERLINK("http://x","y")', 'B (1 x A4_v2)']);
    const byMetric = Object.fromEntries(rows.slice(1).map((r) => [`${r[0]}|${r[1]}`, r.slice(2)]));
    expect(byMetric['total|USD']).toEqual(['287.21', '227.35']);
    expect(byMetric['instances|']).toEqual(['2', '1']);
    expect(byMetric['difference from the first|USD']).toEqual(['0.00', '-59.86']); // a negative number stays a number
    expect(byMetric['difference from the first|%']).toEqual(['0.0', '-20.8']);
    expect(byMetric['cost per client a month|USD']).toEqual(['0.2805', '0.2220']);
    expect(byMetric['a year (12 x the total)|USD']).toEqual(['3446.52', '2728.20']);
    // each scenario's warnings, a row each, the message in the scenario's column
    const warnings = rows.filter((r) => r[0] === 'warning');
    expect(warnings.length).toBe(Number(byMetric['warnings|']![0]) + Number(byMetric['warnings|']![1]));
    // B is on A4_v2: its retirement is in its own column, and not in A's
    expect(warnings.filter((r) => /A4_v2 \(Av2\) retires on 2028-11-15/.test(r[3]!) && r[2] === '')).toHaveLength(1);
    expect(warnings.filter((r) => /A4_v2/.test(r[2]!))).toHaveLength(0);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@]/);
  });

  it('HTML, Markdown and a table', async () => {
    const f = files();
    const html = (await runCli(['compare', f.a!, f.b!, '--prices', f.prices!, '--format', 'html'])).stdout;
    expect(html).toMatch(/<svg class="chart"/);
    expect((html.match(/<rect [^>]*><title>/g) ?? []).length).toBe(10); // 5 groups x 2 scenarios
    expect(html).toContain('data-figure="total (USD)-1">227.35<');
    expect((await runCli(['compare', f.a!, f.b!, '--prices', f.prices!, '--format', 'md'])).stdout).toMatch(/\| total \(USD\) \| 287\.21 \| 227\.35 \|/);
    expect((await runCli(['compare', f.a!, f.b!, '--prices', f.prices!])).stdout).toMatch(/total \(USD\)\s+287\.21\s+227\.35/);
  });

  it('refuses scenarios in different currencies', async () => {
    const f = files({ eur: `${A}currency: EUR\n` });
    const run = await runCli(['compare', f.a!, f.eur!, '--prices', f.prices!]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cmg-planner: .*eur\.yaml is priced in EUR, .*a\.yaml in USD: scenarios in different currencies cannot be compared/);
  });

  it('--successor shows the scenario beside the same scenario on other sizes, with the capacity basis in the name', async () => {
    // D4ads_v6 0.412/h Windows; A4_v2 publishes 10,000 clients an instance, D4ads_v6 nothing: A2_v2's 6,000 assumed
    const f = files();
    const prices = writeTemp(
      f.dir!,
      'v6.json',
      snapshotText([
        ...ITEMS,
        vmItem('Standard_D4ads_v6', 0.412, { productName: 'Virtual Machines Dadsv6 Series Windows' }),
        vmItem('Standard_D2as_v6', 0.18, { productName: 'Virtual Machines Dasv6 Series Windows', meterName: 'D2as v6', skuName: 'D2as v6' }),
      ]),
    );
    const run = await runCli(['estimate', f.a!, '--prices', prices, '--successor', 'Standard_A4_v2,Standard_D4ads_v6,Standard_D2as_v6', '--format', 'json']);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    // A: 287.21 (above). On A4_v2: 2 instances (the floor) x 730 h x 0.19 = 277.40 + 88.65 = 366.05.
    // On D4ads_v6: 2 x 730 x 0.412 = 601.52 + 88.65 = 690.17
    expect(json.scenarios.map((s: { name: string; vmSize: string; costs: { total: string } }) => [s.name, s.vmSize, s.costs.total])).toEqual([
      ['A (2 x A2_v2)', 'Standard_A2_v2', '287.21'],
      ['A (2 x A2_v2) on Standard_A4_v2 (10,000 clients per instance, published)', 'Standard_A4_v2', '366.05'],
      ['A (2 x A2_v2) on Standard_D4ads_v6 (6,000 clients per instance assumed, as Standard_A2_v2)', 'Standard_D4ads_v6', '690.17'],
      // a size cmg-planner does not know, priced by the file: 2 x 730 x 0.18 = 262.80 + 88.65 = 351.45
      ['A (2 x A2_v2) on Standard_D2as_v6 (6,000 clients per instance assumed, as Standard_A2_v2)', 'Standard_D2as_v6', '351.45'],
    ]);
  });

  it.each([
    [['--migrate-2609'], /--migrate-2609 is gone: .*use --successor SIZE/],
    [['--successor', 'Standard_A2_v2'], /--successor: Standard_A2_v2 is the scenario's own size/],
    [['--successor', 'D4s_v6'], /--successor: "D4s_v6" is not an Azure VM size name/],
    [['--successor', 'Standard_D4s_v6'], /no Windows Standard_D4s_v6 VM price in .*Use a price file that covers it/],
  ])('estimate %j is exit 2 with one line', async (args, message) => {
    const f = files();
    const run = await runCli(['estimate', f.a!, '--prices', f.prices!, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the gateway.migrate2609 field is exit 2 at its line, pointing to --successor', async () => {
    const f = files({ old: A.replace('  publicIp: none', '  publicIp: none\n  migrate2609: true') });
    const run = await runCli(['estimate', f.old!, '--prices', f.prices!]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/old\.yaml:9: gateway\.migrate2609: is no longer a field: .*--successor/);
  });
});

describe('sweep', () => {
  // clients 5000, 6000, 7000 (all connected): 1, 1, 2 instances of A2_v2 (6000 each); egress = clients GB
  //  5000: 99.28 + (5000 - 5) x 0.087 = 434.565 -> 99.28 + 434.57 = 533.85
  //  6000: 99.28 + 521.565 -> 620.85
  //  7000: 198.56 + 608.565 -> 807.13
  // A4_v2 (10,000 clients each: 1 instance, 138.70): 573.27, 660.27, 747.27: cheaper from 7000, saving 59.86
  it('a small sweep and its break-even, worked out by hand', async () => {
    const f = files();
    const base = A.replace('  minInstances: 2\n', '');
    const s = writeTemp(f.dir!, 's.yaml', base);
    const run = await runCli(['sweep', s, '--vary', 'clients.total=5000..7000:1000', '--prices', f.prices!, '--format', 'json']);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.fields).toEqual(['clients.total']);
    expect(json.points.map((p: { values: object; instances: number; costs: { total: string } }) => [p.values, p.instances, p.costs.total])).toEqual([
      [{ 'clients.total': 5000 }, 1, '533.85'],
      [{ 'clients.total': 6000 }, 1, '620.85'],
      [{ 'clients.total': 7000 }, 2, '807.13'],
    ]);
    const a4 = json.breakEvens.find((b: { alternative: string }) => b.alternative === 'gateway.vmSize=Standard_A4_v2');
    expect(a4).toEqual({ alternative: 'gateway.vmSize=Standard_A4_v2', at: null, cheaperFrom: 7000, staysCheaper: true, savingAtEnd: '59.86' });
    expect(json.notes).toContain('gateway.vmSize=Standard_D4ads_v6: not priced by the price file, so not compared');
    // each point is what estimate shows for it
    const one = writeTemp(f.dir!, 'one.yaml', base.replace('total: 1024', 'total: 7000'));
    expect(JSON.parse((await runCli(['estimate', one, '--prices', f.prices!, '--format', 'json'])).stdout).costs.total).toBe('807.13');
  });

  it('two fields, CSV with a stable header, HTML with the instance steps', async () => {
    const f = files();
    const args = ['sweep', f.a!, '--vary', 'clients.total=1000..13000:6000', '--vary', 'content.downloadMBPerClientMonth=0,100', '--prices', f.prices!];
    const rows: Record<string, string>[] = parseCsv((await runCli([...args, '--format', 'csv'])).stdout, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([
      'clients.total',
      'content.downloadMBPerClientMonth',
      'instances',
      'gateways',
      'connectionPoints',
      'egressGB',
      'compute',
      'egress',
      'storage',
      'other',
      'total',
      'currency',
    ]);
    expect(rows.map((r) => [r['clients.total'], r['content.downloadMBPerClientMonth'], r.instances])).toEqual([
      ['1000', '0', '2'],
      ['7000', '0', '2'],
      ['13000', '0', '3'],
      ['1000', '100', '2'],
      ['7000', '100', '2'],
      ['13000', '100', '3'],
    ]);
    const html = (await runCli([...args, '--format', 'html'])).stdout;
    expect((html.match(/<path d="M/g) ?? []).length).toBe(2);
    expect(html).toMatch(/<title>3 instances<\/title>/);
  });

  it.each([
    [['--vary', 'clients.total=-5..5:5'], /--vary clients\.total=-5: clients\.total: expected 0 or more clients/],
    [['--vary', 'gateway.vmSize=Standard_A9'], /--vary gateway\.vmSize=Standard_A9: gateway\.vmSize: unknown VM size/],
    [['--vary', 'name=a,b'], /--vary: "name" cannot be varied/],
    [['--vary', 'clients.total=1..2000000:1'], /more than 100,000/],
    [['--vary', 'clients.total'], /write field=start\.\.end:step/],
  ])('bad --vary %j', async (args, message) => {
    const run = await runCli(['sweep', 'scenarios/contoso-20k.yaml', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('Monte Carlo ranges', () => {
  const list = priceList(ITEMS);
  const context = { now: new Date('2026-11-23T00:00:00Z') };
  const scenarioWith = (storedGB: string) => loadScenario(`${A}content:\n  storedGB: ${storedGB}\n`, 'r.yaml');

  it('a fixed range collapses to the estimate itself', async () => {
    const s = scenarioWith('{low: 500, mode: 500, high: 500}');
    const r = monteCarlo(s, list, { draws: 200 });
    const exact = shownCosts(estimate(s, list, context));
    expect(r.components.storage).toEqual({ p10: r.components.storage.p50, p50: r.components.storage.p50, p90: r.components.storage.p50 });
    expect(r.components.storage.p50.toString()).toBe('9.2'); // 500 x 0.0184
    expect(r.total.p50.toFixed(2)).toBe(exact.total.toFixed(2));
  });

  it('a uniform input gives its known quantiles (storage 0.0184 x U(0, 1000): 1.84 / 9.20 / 16.56)', async () => {
    const r = monteCarlo(scenarioWith('{low: 0, high: 1000}'), list, { draws: 10_000, seed: 7 });
    expect(Number(r.components.storage.p10)).toBeCloseTo(1.84, 0);
    expect(Math.abs(Number(r.components.storage.p10) - 1.84)).toBeLessThan(0.2);
    expect(Math.abs(Number(r.components.storage.p50) - 9.2)).toBeLessThan(0.2);
    expect(Math.abs(Number(r.components.storage.p90) - 16.56)).toBeLessThan(0.2);
    // a triangular input's mode: compute is the same in every draw
    expect(r.components.compute.p10.toString()).toBe(r.components.compute.p90.toString());
  });

  it('the same seed gives the same figures; another seed others', async () => {
    const s = scenarioWith('{low: 0, mode: 200, high: 1000}');
    const a = monteCarlo(s, list, { draws: 500, seed: 42 });
    const b = monteCarlo(s, list, { draws: 500, seed: 42 });
    const c = monteCarlo(s, list, { draws: 500, seed: 43 });
    expect(a.total.p50.toString()).toBe(b.total.p50.toString());
    expect(a.total.p90.toString()).toBe(b.total.p90.toString());
    expect(c.total.p50.toString()).not.toBe(a.total.p50.toString());
  });

  it('a range on hoursPerMonth spreads the cost (every hour-priced line moves with it)', async () => {
    const s = loadScenario(A.replace('region: eastus', 'region: eastus\nhoursPerMonth: {low: 100, high: 730}'), 'h.yaml');
    const r = monteCarlo(s, list, { draws: 2000, seed: 5 });
    // compute is 2 x hours x 0.136: from 27.20 (100 h) to 198.56 (730 h); uniform, so P10 ~ 2 x 163 x 0.136 = 44.34, P90 ~ 2 x 667 x 0.136 = 181.42
    expect(Number(r.components.compute.p10)).toBeGreaterThan(40);
    expect(Number(r.components.compute.p10)).toBeLessThan(49);
    expect(Number(r.components.compute.p90)).toBeGreaterThan(177);
    expect(Number(r.components.compute.p90)).toBeLessThan(186);
    expect(r.total.p10.lt(r.total.p90)).toBe(true);
  });

  it('the probability of crossing a budget (half the draws pass the median)', async () => {
    const s = scenarioWith('{low: 0, high: 1000}');
    // everything but storage is fixed: 198.56 + 88.653 = 287.213; budget at the storage median 9.2
    const r = monteCarlo(s, list, { draws: 10_000, seed: 3, budget: new Decimal('296.413') });
    expect(Math.abs(r.budget!.over / 10_000 - 0.5)).toBeLessThan(0.02);
  });

  it('through the CLI: JSON range contract, and a scenario without ranges is refused', async () => {
    const dir = tempDir();
    const prices = writeTemp(dir, 'p.json', snapshotText(ITEMS));
    const file = writeTemp(dir, 'r.yaml', `${A}content:\n  storedGB: {low: 0, mode: 500, high: 1000}\n`);
    const run = await runCli(['estimate', file, '--prices', prices, '--range', '--draws', '2000', '--seed', '5', '--budget', '300', '--format', 'json']);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json.range)).toEqual(['draws', 'seed', 'total', 'components', 'budget']);
    expect(json.range).toMatchObject({ draws: 2000, seed: 5, budget: { amount: '300.00' } });
    expect(json.range.total.p10 <= json.range.total.p50 && json.range.total.p50 <= json.range.total.p90).toBe(true);
    expect(json.range.budget.probabilityOver).toMatch(/^0\.\d{4}$/);
    expect(json.warnings.map((w: { code: string }) => w.code)).not.toContain('ranges-mode');
    const again = JSON.parse((await runCli(['estimate', file, '--prices', prices, '--range', '--draws', '2000', '--seed', '5', '--format', 'json'])).stdout);
    expect(again.range.total).toEqual(json.range.total);
    expect((await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--range'])).stderr).toMatch(/--range: .* gives no ranges/);
    const html = (await runCli(['estimate', file, '--prices', prices, '--range', '--draws', '500', '--format', 'html'])).stdout;
    expect(html).toMatch(/data-figure="total-p90"/);
  });

  it.each([
    ['{low: 5, mode: 1, high: 9}', /content\.storedGB: expected low <= mode <= high/],
    ['{low: -5, high: 9}', /content\.storedGB: the range's low \(-5\)/],
    ['{low: 1, high: x}', /content\.storedGB\.high: expected a number/],
    ['{low: 1, top: 3, high: 4}', /a range has low, mode and high, not "top"/],
  ])('a bad range %s', async (range, message) => {
    const dir = tempDir();
    const file = writeTemp(dir, 'r.yaml', `${A}content:\n  storedGB: ${range}\n`);
    const run = await runCli(['estimate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/r\.yaml:\d+: /);
  });
});
