import { describe, expect, it } from 'vitest';
import { deriveManagementMB, estimateTraffic, type TrafficInput } from '../src/traffic/egress.js';
import { MANAGEMENT_BAND_MB, MANAGEMENT_TRAFFIC_DEFAULTS as D } from '../src/traffic/management-defaults.js';

const defaults: TrafficInput = {
  totalClients: 1000,
  onlineHoursPerDay: 24,
  hoursPerMonth: 730,
  policyPollingMinutes: D.policyPollingMinutes.value,
  policyKBPerPoll: D.policyKBPerPoll.value,
  notificationKBPerHour: D.notificationKBPerHour.value,
  inventoryCycleDays: D.inventoryCycleDays.value,
  inventoryKBPerCycle: D.inventoryKBPerCycle.value,
  statusKBPerDay: D.statusKBPerDay.value,
  downloadMBPerClientMonth: 0,
  peerShare: 0,
};

describe('management traffic', () => {
  it("puts a default client online 24 h inside Microsoft's 100-300 MB band", () => {
    const t = estimateTraffic(defaults);
    expect(t.managementBasis).toBe('derived');
    expect(t.managementMBPerClientMonth24h.toNumber()).toBeGreaterThanOrEqual(MANAGEMENT_BAND_MB.low);
    expect(t.managementMBPerClientMonth24h.toNumber()).toBeLessThanOrEqual(MANAGEMENT_BAND_MB.high);
  });

  it('derives each driver from the client settings (worked by hand)', () => {
    const b = deriveManagementMB(defaults);
    // 730 polls x 200 KB / 1024 = 142.578125 MB
    expect(b.policy.toString()).toBe('142.578125');
    // 730 h x 24 KB / 1024 = 17.109375 MB
    expect(b.notification.toString()).toBe('17.109375');
    // 730/24 days / 7 x 1024 KB / 1024 = 4.345238... MB
    expect(b.inventory.toFixed(6)).toBe('4.345238');
    // 730/24 days x 1024 KB / 1024 = 30.416666... MB
    expect(b.status.toFixed(6)).toBe('30.416667');
  });

  it('polls half as often: the policy share halves', () => {
    const b = deriveManagementMB({ ...defaults, policyPollingMinutes: 120 });
    expect(b.policy.toString()).toBe('71.2890625');
  });

  it('scales with onlineHoursPerDay / 24; content does not', () => {
    const t = estimateTraffic({ ...defaults, onlineHoursPerDay: 8, measuredManagementMBPerClientMonth: 300, downloadMBPerClientMonth: 100 });
    expect(t.managementBasis).toBe('measured');
    expect(t.managementMBPerClientMonth.toString()).toBe('100');
    expect(t.contentMBPerClientMonth.toString()).toBe('100');
  });

  it('takes away the share peers serve and counts 1 GB as 1024 MB', () => {
    const t = estimateTraffic({ ...defaults, totalClients: 2048, measuredManagementMBPerClientMonth: 512, downloadMBPerClientMonth: 200, peerShare: 0.3 });
    // content: 200 x 0.7 = 140 MB x 2048 / 1024 = 280 GB; management 512 x 2048 / 1024 = 1024 GB
    expect(t.contentGB.toString()).toBe('280');
    expect(t.managementGB.toString()).toBe('1024');
    expect(t.egressGB.toString()).toBe('1304');
  });
});
