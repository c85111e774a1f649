// The shipped snapshot's build: pricing/tools/build-default-snapshot.mjs turns the real data in
// pricing/sources/ into a price file. Built here into a temporary folder, so that these tests hold
// whatever pricing/azure-retail-prices.json holds (a user may have refreshed it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, writeTemp } from './helpers/cli.js';

interface Item {
  armRegionName: string;
  armSkuName?: string;
  productName: string;
  meterName: string;
  type: string;
  retailPrice: number;
  tierMinimumUnits: number;
  savingsPlan?: { term: string; retailPrice: number }[];
  _provenance: { kind: string; note: string; asOf?: string; estimatedTerms?: string[] };
}

let file: string;
let items: Item[];
const dir = mkdtempSync(join(tmpdir(), 'cmg-planner-snapshot-'));

beforeAll(() => {
  file = join(dir, 'built.json');
  execFileSync(process.execPath, [join(REPO, 'pricing', 'tools', 'build-default-snapshot.mjs'), file]);
  items = JSON.parse(readFileSync(file, 'utf8')).Items;
});

const vm = (region: string, size: string, windows: boolean) =>
  items.find((i) => i.armRegionName === region && i.armSkuName === size && i.type === 'Consumption' && i.productName.endsWith(' Windows') === windows && !/Spot|Low Priority/.test(i.meterName))!;

describe('the shipped snapshot, built from pricing/sources', () => {
  it('holds the real European prices, as the API data has them', () => {
    expect(vm('westeurope', 'Standard_A2_v2', true)).toMatchObject({ retailPrice: 0.13, _provenance: { kind: 'api', asOf: '2026-08-22' } });
    expect(vm('northeurope', 'Standard_D4ads_v6', true)).toMatchObject({ retailPrice: 0.439, _provenance: { kind: 'api', asOf: '2026-08-22' } });
    expect(vm('westeurope', 'Standard_A2_v2', false).savingsPlan?.find((p) => p.term === '1 Year')?.retailPrice).toBe(0.06437697);
    expect(new Set(items.map((i) => i.armRegionName))).toEqual(new Set(['eastus', 'westeurope', 'northeurope', 'francecentral', 'swedencentral']));
  });

  it('cites public sources only, and sells no Av2 or B-series v1 reservation', () => {
    for (const item of items) {
      expect(item._provenance.note).not.toMatch(/\.\.\/shared|skypilot|cmg-domain/);
      expect(item._provenance.note).toMatch(/https:\/\/|@[0-9a-f]{7,40} |estimate|assum|mean|ratio/);
      if (item._provenance.note.includes('azure-pricing-radar') && item._provenance.kind === 'api') expect(item._provenance.asOf).toBe('2026-08-22');
    }
    expect(items.filter((i) => i.type === 'Reservation' && /_A\d_v2$|_B2s$/.test(i.armSkuName ?? ''))).toEqual([]);
  });

  it('20,000 GB of eastus egress: (10,335 - 100) x 0.087 + (20,000 - 10,335) x 0.083 = 1,692.64', async () => {
    // 20,480 clients x 1,000 MB / 1,024 = 20,000 GB
    const scenario = writeTemp(
      dir,
      'egress.yaml',
      'name: egress\nregion: eastus\nclients:\n  total: 20480\ntraffic:\n  managementMBPerClientMonth: 1000\ncontent:\n  storedGB: 0\n  downloadMBPerClientMonth: 0\n',
    );
    const run = await runCli(['estimate', scenario, '--prices', file, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.traffic.egressGB).toBe('20000');
    expect(json.costs.egress).toBe('1692.64');
  });

  it('prices westeurope A2_v2 Windows on a 1-year savings plan (the Linux plan rate plus the Windows licence)', async () => {
    const scenario = writeTemp(dir, 'we.yaml', 'name: we\nregion: westeurope\nclients:\n  total: 20000\ngateway:\n  vmSize: Standard_A2_v2\n  os: windows\n');
    const json = JSON.parse((await runCli(['estimate', scenario, '--prices', file, '--format', 'json', '--commitment', '1y-savings-plan'])).stdout);
    const compute = json.lines.filter((l: { component: string }) => l.component === 'compute');
    // 20,000 clients at peak concurrency 1: 4 instances x 730 h = 2,920 h, at 0.06437697 (the Linux 1-year plan) + 0.13 - 0.0861 (Windows software)
    expect(json.sizing.instances).toBe(4);
    expect(compute.map((l: { unitPrice: string; cost: string }) => [l.unitPrice, l.cost])).toEqual([
      ['0.06437697', '187.98'],
      ['0.0439', '128.19'],
    ]);
  });
});
