import { HOURS_PER_MONTH_DEFAULT, HOURS_PER_MONTH_SOURCE } from '../model/units.js';
import { MANAGEMENT_TRAFFIC_DEFAULTS } from '../traffic/management-defaults.js';

/** A default for one scenario field, with where the figure comes from. */
export interface FieldDefault {
  readonly value: string | number;
  readonly source: string;
}

const CMG_COST = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/cost';
const CMG_MONITOR = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/monitor-clients-cloud-management-gateway';
const CMG_PERF = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/perf-scale';
const PLANNER = 'cmg-planner default';

/**
 * Every default a scenario field takes when the file leaves it out, keyed by the field's path.
 * The estimate lists each one with its source, so a reader sees where every figure came from.
 */
export const SCENARIO_DEFAULTS = {
  currency: { value: 'USD', source: `${PLANNER}: Azure retail prices are published in USD` },
  hoursPerMonth: { value: HOURS_PER_MONTH_DEFAULT, source: HOURS_PER_MONTH_SOURCE },
  commitment: { value: 'payg', source: `${PLANNER}: pay-as-you-go (reservations and savings plans: --commitment)` },
  'clients.peakConcurrency': { value: 1, source: `${PLANNER}: every client connected at once (the safe upper bound for sizing)` },
  'clients.onlineHoursPerDay': { value: 24, source: `${PLANNER}: clients online around the clock (the upper bound for traffic)` },
  'gateway.vmSize': { value: 'Standard_A2_v2', source: `${CMG_PERF} (Standard_A2_v2 is the default size)` },
  'gateway.os': { value: 'windows', source: `${CMG_COST} (the CMG runs a Windows Server image: Windows VM meters apply)` },
  'gateway.minInstances': { value: 1, source: `${CMG_PERF} (a CMG has 1 to 16 instances, default 1)` },
  'gateway.publicIp': { value: 'standard-static', source: `${CMG_COST} (one public IP per CMG; Basic IPs retired 2025-09-30, so Standard static)` },
  'traffic.policyPollingMinutes': MANAGEMENT_TRAFFIC_DEFAULTS.policyPollingMinutes,
  'traffic.policyKBPerPoll': MANAGEMENT_TRAFFIC_DEFAULTS.policyKBPerPoll,
  'traffic.notificationKBPerHour': MANAGEMENT_TRAFFIC_DEFAULTS.notificationKBPerHour,
  'traffic.inventoryCycleDays': MANAGEMENT_TRAFFIC_DEFAULTS.inventoryCycleDays,
  'traffic.inventoryKBPerCycle': MANAGEMENT_TRAFFIC_DEFAULTS.inventoryKBPerCycle,
  'traffic.statusKBPerDay': MANAGEMENT_TRAFFIC_DEFAULTS.statusKBPerDay,
  'content.storedGB': { value: 0, source: `${PLANNER}: no content on the CMG (${CMG_COST}: keep Microsoft update content off it)` },
  'content.storageTier': { value: 'hot', source: `${PLANNER}: the CMG's content storage account is Hot LRS` },
  'content.downloadMBPerClientMonth': { value: 0, source: `${PLANNER}: no content downloaded through the CMG` },
  'content.peerShare': { value: 0, source: `${PLANNER}: no peer caching (Delivery Optimization, BranchCache) assumed` },
  'content.mbPerReadOperation': {
    value: 4,
    source: `assumption (${PLANNER}): one blob read operation serves 4 MB of content on average; no Microsoft source gives the figure: a month of actuals shows the figure its read operations imply`,
  },
  'egress.otherGBPerMonth': { value: 0, source: `${PLANNER}: no other internet egress on the same meter` },
  'egress.alert14DayGB': { value: 10000, source: `${CMG_MONITOR} (14-day outbound data transfer threshold, default 10,000 GB)` },
  'other.keyVaultOperationsPerMonth': { value: 10000, source: `${CMG_COST} (well under 10,000 Key Vault operations a month: the upper bound is used)` },
} as const satisfies Record<string, FieldDefault>;
