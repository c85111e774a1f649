/**
 * The drivers of a client's management traffic out of Azure (policy to clients, notification
 * channel, client data forwarded to the site through the connection point), per online hour or day.
 *
 * Microsoft publishes no per-driver figures, only the total: "approximately 100-300 MB per client
 * per month", the low end a default client configuration
 * (https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/cost). The per-driver
 * defaults below are cmg-planner's calibration: a default client (policy every 60 minutes, weekly
 * inventory) online 24 h a 730-hour month comes to about 194 MB/month, inside that band. The oscc.be
 * write-up measured about 350 MB/month for such a client, above the band; a measured figure goes in
 * `traffic.managementMBPerClientMonth` and replaces the derived one.
 */
const BAND = "calibrated so that a default client online 24 h lands inside Microsoft's 100-300 MB/client/month band (https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/cost)";

export const MANAGEMENT_BAND_MB = { low: 100, high: 300, source: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/cost' } as const;

export const MANAGEMENT_TRAFFIC_DEFAULTS = {
  policyPollingMinutes: { value: 60, source: 'ConfigMgr client setting default: policy polling every 60 minutes' },
  policyKBPerPoll: { value: 200, source: `KB out of Azure per policy poll (request answer and policy bodies): ${BAND}` },
  notificationKBPerHour: { value: 24, source: `KB per online hour of notification-channel keep-alive: ${BAND}` },
  inventoryCycleDays: { value: 7, source: 'ConfigMgr client setting default: hardware inventory every 7 days' },
  inventoryKBPerCycle: { value: 1024, source: `KB of inventory delta forwarded to the site per cycle: ${BAND}` },
  statusKBPerDay: { value: 1024, source: `KB of status and state messages forwarded to the site per day: ${BAND}` },
} as const;
