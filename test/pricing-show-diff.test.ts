import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { diffPrices } from '../src/pricing/price-diff.js';
import { runCli, tempDir, writeTemp } from './helpers/cli.js';
import { EASTUS_ITEMS, egressItems, priceList, snapshotText, vmItem } from '../support/prices.js';

const before = [
  vmItem('Standard_A2_v2', 0.136),
  vmItem('Standard_A2_v2', 0.0903, { productName: 'Virtual Machines Av2 Series', savingsPlan: [{ unitPrice: 0.07, retailPrice: 0.07, term: '1 Year' }] }),
  ...egressItems([
    [0, 0],
    [100, 0.087],
    [10340, 0.083],
  ]),
  vmItem('Standard_B2s', 0.05, { productName: 'Virtual Machines BS Series Windows' }),
];
const after = [
  vmItem('Standard_A2_v2', 0.15),
  vmItem('Standard_A2_v2', 0.0903, { productName: 'Virtual Machines Av2 Series', savingsPlan: [{ unitPrice: 0.063, retailPrice: 0.063, term: '1 Year' }] }),
  ...egressItems([
    [0, 0],
    [100, 0.087],
    [10340, 0.08],
  ]),
  vmItem('Standard_D4ads_v6', 0.412, { productName: 'Virtual Machines Dadsv6 Series Windows' }),
];

describe('diffPrices', () => {
  const diff = diffPrices(priceList(before), priceList(after));
  it('lists changes per meter, tier and term, with the change in %', () => {
    expect(diff.summary).toEqual({ changed: 3, added: 1, removed: 1, unchanged: 3 });
    const changed = diff.changes.filter((c) => c.status === 'changed').map((c) => [c.meterName, c.type, c.term, c.tierMinimumUnits, c.oldPrice, c.newPrice, c.changePct]);
    expect(changed).toEqual([
      ['Standard Data Transfer Out', 'Consumption', '', '10340', '0.083', '0.08', '-3.61'], // (0.08 - 0.083) / 0.083 = -3.614 %
      ['A2 v2', 'Consumption savings plan', '1 Year', '0', '0.07', '0.063', '-10.00'],
      ['A2 v2', 'Consumption', '', '0', '0.136', '0.15', '10.29'], // 0.014 / 0.136 = 10.294 %
    ]);
    expect(diff.changes.find((c) => c.status === 'added')).toMatchObject({ armSkuName: 'Standard_D4ads_v6', oldPrice: null, newPrice: '0.412' });
    expect(diff.changes.find((c) => c.status === 'removed')).toMatchObject({ armSkuName: 'Standard_B2s', oldPrice: '0.05', newPrice: null });
  });
  it('a price from 0 has no %', () => {
    const d = diffPrices(priceList(egressItems([[0, 0]])), priceList(egressItems([[0, 0.01]])));
    expect(d.changes[0]).toMatchObject({ status: 'changed', changePct: null });
  });
});

describe('pricing diff and show through the CLI', () => {
  const dir = tempDir();
  const oldFile = writeTemp(dir, 'old.json', snapshotText(before, '2026-01-01T00:00:00Z'));
  const newFile = writeTemp(dir, 'new.json', snapshotText(after, '2026-11-01T00:00:00Z'));

  it('diff as CSV reads back, negative changes stay numbers', async () => {
    const run = await runCli(['pricing', 'diff', oldFile, newFile, '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows: Record<string, string>[] = parseCsv(run.stdout, { columns: true });
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.tierMinimumUnits === '10340')!.changePct).toBe('-3.61');
  });

  it('diff as JSON, md and a table', async () => {
    const json = JSON.parse((await runCli(['pricing', 'diff', oldFile, newFile, '--format', 'json'])).stdout);
    expect(json.summary).toEqual({ changed: 3, added: 1, removed: 1, unchanged: 3 });
    expect(json.old).toEqual({ source: oldFile, asOf: '2026-01-01T00:00:00Z', items: 6 });
    const md = await runCli(['pricing', 'diff', oldFile, newFile, '--format', 'md']);
    expect(md.stdout).toMatch(/\*\*3 changed, 1 added, 1 removed\*\*/);
    const table = await runCli(['pricing', 'diff', oldFile, newFile]);
    expect(table.stdout).toMatch(/changed\s+eastus\s+Virtual Machines Av2 Series Windows \/ A2 v2\s+Consumption\s+USD\s+0\.136\s+0\.15\s+\+10\.29/);
    const out = join(dir, 'diff.md');
    expect((await runCli(['pricing', 'diff', oldFile, newFile, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Price changes/);
  });

  it('diff of a file that is not a price file: exit 2, one line', async () => {
    const bad = writeTemp(dir, 'bad.json', '{"Items": 3}');
    const run = await runCli(['pricing', 'diff', oldFile, bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cmg-planner: .*bad\.json: Items: expected an "Items" list/);
  });

  it('show: age, stale warning, coverage per region', async () => {
    const run = await runCli(['pricing', 'show', '--prices', oldFile, '--format', 'json']);
    expect(run.code).toBe(0);
    const s = JSON.parse(run.stdout);
    expect(s).toMatchObject({ fetchedAt: '2026-01-01T00:00:00Z', ageDays: 326, stale: true, itemCount: 6 });
    expect(s.regions[0]).toMatchObject({ region: 'eastus', egressTiers: 3, hotLRS: false, publicIp: false });
    expect(s.regions[0].sizes.find((z: { size: string }) => z.size === 'Standard_A2_v2')).toMatchObject({ windows: '0.136', linux: '0.0903', savingsPlan: true });
    // the table of the same file: 6 items, fetched 326 days before the test clock's 2026-11-23
    const table = await runCli(['pricing', 'show', '--prices', oldFile]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^\s+price data\s+fetched 2026-01-01T00:00:00Z \(326 days ago\): older than 90 days/m);
    expect(table.stdout).toMatch(/^\s+items\s+6 \(Consumption 6\)$/m);
    // meters: 6 items in eastus, 3 egress tiers, no blob, IP or Key Vault price
    expect(table.stdout).toMatch(/^eastus\s+USD\s+6\s+3\s+-\s+-\s+-\s+-$/m);
    // VM prices (Windows / Linux): B2s 0.05 / -, A2_v2 0.136 / 0.0903 with a savings plan
    expect(table.stdout).toMatch(/^eastus\s+USD\s+0\.05 \/ -\s+0\.136 \/ 0\.0903 SP\s+- \/ -/m);
  });

  it('show reads the shipped snapshot', async () => {
    const run = await runCli(['pricing', 'show']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\s+items\s+\d+ \(/m);
  });
});

describe('estimate --commitment', () => {
  it('shows the saving against pay-as-you-go, and overrides the scenario', async () => {
    const run = await runCli(['estimate', 'scenarios/fabrikam-90k-v6.yaml', '--commitment', '3y-reservation', '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.scenario.commitment).toBe('3y-reservation');
    expect(json.commitment.type).toBe('3y-reservation');
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(cents(json.commitment.paygCompute) - cents(json.commitment.compute)).toBe(cents(json.commitment.saving));
    expect(json.assumptions.find((a: { name: string }) => a.name === 'commitment')).toEqual({ name: 'commitment', value: '3y-reservation', source: 'command line (--commitment)' });
  });

  it('Av2 and B2s reservations are refused with the reason and the dates; their savings plans are priced', async () => {
    const prices = writeTemp(tempDir(), 'eastus.json', snapshotText(EASTUS_ITEMS));
    const run = await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--prices', prices, '--commitment', '1y-reservation']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/Standard_A2_v2 \(Av2\) reservations are no longer sold \(3-year purchases ended 2025-11-15, 1-year 2026-07-01/);
    const dir = tempDir();
    const b2s = writeTemp(dir, 'b2s.yaml', 'name: lab\nregion: westeurope\nclients:\n  total: 8\ngateway:\n  vmSize: Standard_B2s\n');
    const refused = await runCli(['estimate', b2s, '--commitment', '3y-reservation']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Standard_B2s \(B-series v1\) reservations are no longer sold/);
  });

  it('an unknown commitment is a usage error', async () => {
    expect((await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--commitment', '5y'])).code).toBe(2);
  });
});
