// The figures of the community write-up this project started from (oscc.be, "Configure the new
// cloud management gateway in HTTP mode"): Standard_A2_v2 Windows at 0.136 USD/h for 730 h is 99.28;
// 1 TB (1024 GB) of egress at 0.087/GB after 5 free GB is 88.65.
import { describe, expect, it } from 'vitest';
import { estimate } from '../src/estimate/estimate.js';
import { buildEstimateReport } from '../src/report/estimate-report.js';
import { resolveScenario } from '../src/scenario/scenario.js';
import { OSCC_ITEMS, priceList, snapshotText } from '../support/prices.js';
import { runCli, tempDir, writeTemp } from './helpers/cli.js';

const osccScenario = {
  name: 'oscc.be check',
  region: 'eastus',
  clients: { total: 1024 },
  gateway: { vmSize: 'Standard_A2_v2', minInstances: 1, instances: 1, publicIp: 'none' },
  traffic: { managementMBPerClientMonth: 1024 },
} as const;

describe('the oscc.be cost write-up', () => {
  it('gives 99.28 of compute and 88.65 of egress in the model', () => {
    const result = estimate(resolveScenario(structuredClone(osccScenario) as never), priceList(OSCC_ITEMS), { now: new Date('2026-11-23T00:00:00Z') });
    const report = buildEstimateReport(result);
    expect(report.traffic.egressGB).toBe('1024');
    expect(report.sizing.instances).toBe(1);
    expect(report.costs.compute).toBe('99.28');
    expect(report.costs.egress).toBe('88.65');
    expect(report.costs.storage).toBe('0.00');
    const egress = report.lines.filter((l) => l.component === 'egress');
    expect(egress.map((l) => [l.quantity, l.unitPrice, l.cost])).toEqual([
      ['5', '0', '0.00'],
      ['1019', '0.087', '88.65'],
    ]);
  });

  it('gives the same figures through the built CLI with a snapshot file', async () => {
    const dir = tempDir();
    const prices = writeTemp(dir, 'oscc-prices.json', snapshotText(OSCC_ITEMS));
    const scenario = writeTemp(dir, 'oscc.json', JSON.stringify(osccScenario));
    const run = await runCli(['estimate', scenario, '--prices', prices, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.costs.compute).toBe('99.28');
    expect(json.costs.egress).toBe('88.65');
    // Key Vault is not in this price list: an unpriced line and a warning, not an error
    expect(json.costs.other).toBe('0.00');
    expect(json.costs.total).toBe('187.93');
    expect(json.warnings.map((w: { code: string }) => w.code)).toContain('unpriced-item');
  });
});
