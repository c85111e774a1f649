// Each line cites the exact item, and tier, that priced it; the estimated-lines count comes from that data.
import { describe, expect, it } from 'vitest';
import { estimate } from '../src/estimate/estimate.js';
import { cmgComponents } from '../src/estimate/components.js';
import { buildEstimateReport } from '../src/report/estimate-report.js';
import { resolveScenario } from '../src/scenario/scenario.js';
import { sizeGateway } from '../src/sizing/capacity.js';
import { vmSizeOf } from '../src/sizing/vm-sizes.js';
import { estimateTraffic } from '../src/traffic/egress.js';
import { egressItems, keyVaultItem, priceList, publicIpItem, vmItem } from '../support/prices.js';

const NOW = { now: new Date('2026-11-23T00:00:00Z') };
const note = (kind: 'documented' | 'estimated', text: string) => ({ _provenance: { kind, note: text } });

// egress: the free tier documented, the 0.087 tier from the API, the 0.083 tier estimated
const ITEMS = [
  vmItem('Standard_A2_v2', 0.136),
  ...egressItems([[0, 0]], note('documented', 'first 100 GB free')),
  ...egressItems([[100, 0.087]]),
  ...egressItems([[10340, 0.083]], note('estimated', 'the 10 TB band')),
  publicIpItem(0.005),
  keyVaultItem(0.03),
];
// 4 instances' worth of clients (24,000 at 6,000 each); 20,000 GB of measured egress: 20,000 x 1024 MB / 20,000 clients = 1024 MB each
const SCENARIO = resolveScenario({ name: 'p', region: 'eastus', clients: { total: 20000 }, gateway: { minInstances: 2 }, traffic: { managementMBPerClientMonth: 1024 } });

describe('provenance as data', () => {
  const report = buildEstimateReport(estimate(SCENARIO, priceList(ITEMS), NOW));
  const egress = report.lines.filter((l) => l.component === 'egress');

  it('gives each egress tier line its own item', () => {
    expect(egress.map((l) => [l.tier, l.quantity, l.unitPrice, l.cost])).toEqual([
      ['0 to 100 GB', '100', '0', '0.00'],
      ['100 to 10340 GB', '10240', '0.087', '890.88'], // 10,240 x 0.087
      ['10340 GB and up', '9660', '0.083', '801.78'], // 9,660 x 0.083
    ]);
    expect(egress.map((l) => l.provenance.items.map((i) => [i.tierMinimumUnits, i.unitPrice, i.origin, i.note]))).toEqual([
      [[0, 0, 'documented', 'first 100 GB free']],
      [[100, 0.087, 'api', null]],
      [[10340, 0.083, 'estimated', 'the 10 TB band']],
    ]);
    expect(egress[0]!.source).toMatch(/\[documented: first 100 GB free\]$/);
    expect(egress[1]!.source).not.toMatch(/\[/);
    expect(egress[2]!.source).toMatch(/\[estimated: the 10 TB band\]$/);
    expect(egress.every((l) => l.provenance.rule === 'consumption price, by tier')).toBe(true);
  });

  it('counts the estimated lines from the items behind them', () => {
    expect(report.warnings.find((w) => w.code === 'estimated-prices')?.message).toMatch(
      /^1 of 6 cost lines \(801\.78 of 2093\.46 USD a month, 38 %\) use cmg-planner's own estimate of a price, not a price Azure published/,
    );
  });

  it('declares the components before any price is known', () => {
    const vmSize = vmSizeOf(SCENARIO.gateway.vmSize);
    const sizing = sizeGateway({ totalClients: 20000, peakConcurrency: 1, vmSize, minInstances: 2 });
    const traffic = estimateTraffic({
      totalClients: 20000,
      onlineHoursPerDay: 24,
      hoursPerMonth: 730,
      policyPollingMinutes: 60,
      policyKBPerPoll: 0,
      notificationKBPerHour: 0,
      inventoryCycleDays: 7,
      inventoryKBPerCycle: 0,
      statusKBPerDay: 0,
      measuredManagementMBPerClientMonth: 1024,
      downloadMBPerClientMonth: 0,
      peerShare: 0,
    });
    const components = cmgComponents(SCENARIO, sizing, traffic);
    expect(components.map((c) => [c.component, c.name, c.rule.kind, c.quantity.toString(), c.need])).toEqual([
      ['compute', 'Windows Standard_A2_v2 VM price', 'meter', '2920', 'required'], // 4 instances x 730 h
      ['egress', 'internet egress (Standard Data Transfer Out) price', 'meter', '20000', 'required'],
      ['other', 'public IP (Standard, static)', 'meter', '730', 'optional'],
      ['other', 'Key Vault operations', 'meter', '10000', 'optional'],
    ]);
    expect(components[1]!.priceQuery).toMatchObject({ serviceName: 'Bandwidth', meterName: 'Standard Data Transfer Out', armRegionName: 'eastus', currencyCode: 'USD' });
  });
});
