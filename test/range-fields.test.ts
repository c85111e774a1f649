// A range on any numeric field spreads the cost: every draw sets the drawn value in the scenario's input
// (nothing re-applies the file's or an override's value over it), hoursPerMonth included.
import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../src/range/monte-carlo.js';
import { RANGEABLE_FIELDS, setPath } from '../src/scenario/ranges.js';
import { loadScenario } from '../src/scenario/load.js';
import { withOverrides } from '../src/scenario/scenario.js';
import { EASTUS_ITEMS, blobReadItem, priceList } from '../support/prices.js';

const BASE = {
  name: 'every field counts',
  region: 'eastus',
  clients: { total: 20000, peakConcurrency: 0.6, onlineHoursPerDay: 12 },
  gateway: { minInstances: 2 },
  content: { storedGB: 500, downloadMBPerClientMonth: 200, peerShare: 0.3 },
};

// a range for each field wide enough to move the month's total
const RANGES: Record<string, { low: number; high: number }> = {
  hoursPerMonth: { low: 100, high: 730 },
  'clients.total': { low: 1000, high: 60000 },
  'clients.peakConcurrency': { low: 0.2, high: 1 },
  'clients.onlineHoursPerDay': { low: 2, high: 24 },
  'gateway.clientsPerInstance': { low: 1000, high: 8000 },
  'traffic.policyPollingMinutes': { low: 15, high: 240 },
  'traffic.managementMBPerClientMonth': { low: 100, high: 900 },
  'traffic.policyKBPerPoll': { low: 50, high: 400 },
  'traffic.notificationKBPerHour': { low: 10, high: 100 },
  'traffic.inventoryCycleDays': { low: 1, high: 14 },
  'traffic.inventoryKBPerCycle': { low: 100, high: 8000 },
  'traffic.statusKBPerDay': { low: 100, high: 8000 },
  'content.storedGB': { low: 100, high: 1000 },
  'content.downloadMBPerClientMonth': { low: 50, high: 500 },
  'content.peerShare': { low: 0, high: 0.9 },
  'content.mbPerReadOperation': { low: 0.01, high: 8 },
  'egress.otherGBPerMonth': { low: 0, high: 20000 },
  'other.keyVaultOperationsPerMonth': { low: 10000, high: 2000000 },
};

describe('a range on any numeric field spreads the cost', () => {
  it('covers every field that may be a range', () => {
    expect(Object.keys(RANGES).sort()).toEqual(Object.keys(RANGEABLE_FIELDS).sort());
  });

  it.each(Object.entries(RANGES))('%s', (path, range) => {
    const scenario = loadScenario(JSON.stringify(setPath(BASE, path, range)), 'r.json');
    const result = monteCarlo(scenario, priceList([...EASTUS_ITEMS, blobReadItem('Hot', 0.0044)]), { draws: 300, seed: 11 });
    expect(result.total.p10.lt(result.total.p90)).toBe(true);
  });

  it('an override holds in every draw while the range still spreads (--commitment with a range on hoursPerMonth)', () => {
    const scenario = loadScenario(JSON.stringify(setPath(BASE, 'hoursPerMonth', RANGES.hoursPerMonth)), 'r.json');
    const payg = monteCarlo(scenario, priceList(EASTUS_ITEMS), { draws: 300, seed: 11 });
    // the same draws with the override written in: a missing savings-plan rate makes every draw fail, so the override is in force
    const overridden = withOverrides(scenario, [{ path: 'commitment', value: '1y-savings-plan', source: 'test' }]);
    expect(overridden.ranges.map((r) => r.path)).toEqual(['hoursPerMonth']);
    expect(() => monteCarlo(overridden, priceList(EASTUS_ITEMS), { draws: 5, seed: 11 })).toThrow(/savings-plan rate/);
    expect(payg.total.p10.lt(payg.total.p90)).toBe(true);
  });
});
