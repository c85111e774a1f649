/** CMG limits, each from Microsoft's CMG performance and scale page. */
const PERF_SCALE = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/perf-scale';

/** A CMG has 1 to 16 VM instances. */
export const MAX_INSTANCES_PER_GATEWAY = { value: 16, source: PERF_SCALE } as const;
/** One CMG connection point serves up to four instances. */
export const INSTANCES_PER_CONNECTION_POINT = { value: 4, source: PERF_SCALE } as const;
/** Windows' default dynamic port range: one notification channel per client per connection point. */
export const CLIENTS_PER_CONNECTION_POINT = { value: 16384, source: PERF_SCALE } as const;
/** High availability: at least two instances and two connection points. */
export const HA_CONNECTION_POINTS = { value: 2, source: PERF_SCALE } as const;
