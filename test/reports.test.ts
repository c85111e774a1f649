import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTemp, type CliResult } from './helpers/cli.js';
import { EASTUS_ITEMS, OSCC_ITEMS, blobItems, egressItems, keyVaultItem, publicIpItem, snapshotText, vmItem } from '../support/prices.js';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

/** A price file of EASTUS_ITEMS: the figures below are worked out from it, not from the shipped snapshot. */
const eastusPrices = () => writeTemp(tempDir(), 'eastus-prices.json', snapshotText(EASTUS_ITEMS));

function scenarioFile(dir: string, name: string, extra = ''): string {
  return writeTemp(
    dir,
    'scenario.yaml',
    `name: ${JSON.stringify(name)}\nregion: eastus\nclients:\n  total: 20000\n  peakConcurrency: 0.6\ngateway:\n  minInstances: 2\ncontent:\n  storedGB: 500\n  downloadMBPerClientMonth: 200\n  peerShare: 0.3\n${extra}`,
  );
}

describe('estimate --format json (the stable contract)', () => {
  let run: CliResult;
  let json: any; // the parsed JSON contract, as JSON.parse types it
  beforeAll(async () => {
    run = await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--prices', eastusPrices(), '--format', 'json']);
    json = JSON.parse(run.stdout);
  });

  it('has every field of the contract', () => {
    expect(run.code).toBe(0);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['scenario', 'prices', 'sizing', 'traffic', 'costs', 'lines', 'assumptions']));
    expect(json.scenario).toMatchObject({ name: 'Contoso internet clients', region: 'eastus', currency: 'USD' });
    expect(Object.keys(json.prices)).toEqual(expect.arrayContaining(['source', 'asOf']));
    expect(json.sizing).toMatchObject({ concurrentClients: 12000, clientsPerInstance: 6000, instances: 2, gateways: 1, connectionPoints: 2 });
    // warnings are listed once, in `warnings` (the sizing block no longer repeats them)
    expect(json.sizing.warnings).toBeUndefined();
    expect(Array.isArray(json.warnings)).toBe(true);
    expect(Object.keys(json.traffic)).toEqual(expect.arrayContaining(['egressGB', 'managementMBPerClientMonth', 'contentMBPerClientMonth']));
    for (const line of json.lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['component', 'meterName', 'productName', 'quantity', 'unit', 'unitPrice', 'cost']));
      expect(['compute', 'egress', 'storage', 'other']).toContain(line.component);
    }
    for (const a of json.assumptions) expect(Object.keys(a)).toEqual(['name', 'value', 'source']);
  });

  it('gives amounts as decimal strings in cents, the total the sum of the components as shown', () => {
    const { compute, egress, storage, other, total } = json.costs;
    for (const amount of [compute, egress, storage, other, total]) expect(amount).toMatch(/^\d+\.\d{2}$/);
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(cents(compute) + cents(egress) + cents(storage) + cents(other)).toBe(cents(total));
    const lineCents = json.lines.reduce((n: number, l: { cost: string | null }) => n + (l.cost ? cents(l.cost) : 0), 0);
    expect(lineCents).toBe(cents(total));
  });

  it('gives the contoso figures worked out by hand', () => {
    // prices: EASTUS_ITEMS
    // 2 x 730 h x 0.136 = 198.56; egress 20000 clients x (194.45 MB derived management + 200 MB content
    // x 0.7 not from peers) / 1024 = 6532.21 GB: 100 GB free, then 6432.21 x 0.087 = 559.60
    expect(json.costs.compute).toBe('198.56');
    expect(json.traffic.egressGB).toBe('6532.21');
    expect(json.costs.egress).toBe('559.60');
    // 500 GB x 0.0184 = 9.20; public IP 730 x 0.005 = 3.65; Key Vault 1 x 0.03
    expect(json.costs.storage).toBe('9.20');
    expect(json.costs.other).toBe('3.68');
    expect(json.costs.total).toBe('771.04');
  });

  it('says where every assumption came from', () => {
    const byName = Object.fromEntries(json.assumptions.map((a: { name: string; source: string }) => [a.name, a.source]));
    expect(byName['clients.total']).toBe('user scenario');
    expect(byName['content.peerShare']).toBe('user scenario');
    expect(byName['egress.alert14DayGB']).toMatch(/monitor-clients-cloud-management-gateway/);
    expect(byName['traffic.inventoryCycleDays']).toMatch(/7 days/);
  });
});

describe('several CMGs', () => {
  it('charges the fixed items once per CMG', async () => {
    const dir = tempDir();
    const prices = writeTemp(dir, 'p.json', snapshotText([...OSCC_ITEMS, publicIpItem(0.005), keyVaultItem(0.03)]));
    const scenario = writeTemp(dir, 's.yaml', 'name: big\nregion: eastus\nclients:\n  total: 100000\ntraffic:\n  managementMBPerClientMonth: 200\n');
    const json = JSON.parse((await runCli(['estimate', scenario, '--prices', prices, '--format', 'json'])).stdout);
    // 100,000 / 6000 = 17 instances: 2 CMGs of 9 and 8 with 50,000 clients each; each CMG needs
    // max(ceil(9/4), ceil(50000/16384), 2) = 4 connection points: 8 in all
    expect(json.sizing).toMatchObject({ instances: 17, gateways: 2, connectionPoints: 8 });
    const ip = json.lines.find((l: { meterName: string }) => l.meterName === 'Standard IPv4 Static Public IP');
    expect(ip).toMatchObject({ quantity: '1460', cost: '7.30' });
    expect(json.costs.compute).toBe('1687.76'); // 17 x 730 x 0.136
  });
});

describe('warnings', () => {
  it('warns when the prices are older than 90 days, on a fixed clock', async () => {
    const dir = tempDir();
    const prices = writeTemp(dir, 'p.json', snapshotText(OSCC_ITEMS, '2026-01-01T00:00:00Z'));
    const scenario = writeTemp(dir, 's.yaml', 'name: s\nregion: eastus\nclients:\n  total: 10\n');
    const run = await runCli(['estimate', scenario, '--prices', prices, '--format', 'json'], { now: '2026-11-23T00:00:00Z' });
    const codes = JSON.parse(run.stdout).warnings.map((w: { code: string }) => w.code);
    expect(codes).toContain('prices-stale');
    const fresh = await runCli(['estimate', scenario, '--prices', prices, '--format', 'json'], { now: '2026-02-01T00:00:00Z' });
    expect(JSON.parse(fresh.stdout).warnings.map((w: { code: string }) => w.code)).not.toContain('prices-stale');
  });

  it('warns when the 14-day egress passes the alert threshold', async () => {
    const dir = tempDir();
    const scenario = writeTemp(dir, 's.yaml', 'name: s\nregion: eastus\nclients:\n  total: 20000\ngateway:\n  minInstances: 2\negress:\n  alert14DayGB: 1000\n');
    const json = JSON.parse((await runCli(['estimate', scenario, '--format', 'json'])).stdout);
    expect(json.warnings.map((w: { code: string }) => w.code)).toContain('egress-over-alert-threshold');
  });
});

describe('user strings are escaped for each format', () => {
  it('HTML: a hostile scenario name is text, never markup', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.html');
    expect((await runCli(['estimate', scenarioFile(dir, HOSTILE_NAME), '--out', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/<svg[^>]*>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<(script|link)\b/i);
  });

  it('CSV: cells that begin with = + - @ from a price file are neutralised; the file reads back', async () => {
    const dir = tempDir();
    const hostileMeter = '=HYPERLINK("http://x","y")';
    const items = [
      vmItem('Standard_A2_v2', 0.136, { meterName: hostileMeter }),
      ...egressItems([
        [0, 0],
        [100, 0.087],
      ]),
      ...blobItems('Hot', [[0, 0.0184]]),
      publicIpItem(),
      keyVaultItem(),
    ];
    const prices = writeTemp(dir, 'p.json', snapshotText(items));
    const run = await runCli(['estimate', scenarioFile(dir, '+cmd|calc'), '--prices', prices, '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows: Record<string, string>[] = parseCsv(run.stdout, { columns: true });
    expect(rows[0]!.meterName).toBe(`'${hostileMeter}`);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
    const total = rows.find((r) => r.component === 'total')!;
    expect(total.cost).toMatch(/^\d+\.\d{2}$/);
  });

  it('Markdown: a name cannot break the table or inject HTML', async () => {
    const dir = tempDir();
    const run = await runCli(['estimate', scenarioFile(dir, 'a | b <script>x</script> *bold*'), '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('<script>');
    // CommonMark backslash escapes: | < > * render as themselves
    expect(run.stdout.split('\n')[0]).toBe('# CMG estimate: a \\| b \\<script\\>x\\</script\\> \\*bold\\*');
  });
});

describe('formats', () => {
  // contoso with EASTUS_ITEMS: 198.56 + 559.60 + 9.20 + 3.68 = 771.04, as worked out above
  it.each(['table', 'md', 'html', 'csv', 'json'])('%s shows the total', async (format) => {
    const run = await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--prices', eastusPrices(), '--format', format]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\[object Object\]|undefined|NaN/);
    expect(run.stdout).toContain('771.04');
  });

  it('infers the format from --out and says what it wrote', async () => {
    const dir = tempDir();
    const out = join(dir, 'deep', 'r.md');
    const run = await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--prices', eastusPrices(), '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^wrote .*r\.md \(total 771\.04 USD\)\n$/);
    expect(readFileSync(out, 'utf8')).toMatch(/^# CMG estimate: Contoso internet clients/);
  });

  it('every shipped example scenario runs', async () => {
    for (const name of ['contoso-20k.yaml', 'contoso-ranges.yaml', 'lab-westeurope.yaml', 'fabrikam-90k-v6.yaml']) {
      const run = await runCli(['estimate', `scenarios/${name}`, '--format', 'json']);
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
    }
  });
});
