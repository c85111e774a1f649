import { Decimal, ZERO, exactInverse } from '../model/money.js';
import { HOURS_PER_DAY, KB_PER_MB, MB_PER_GB } from '../model/units.js';

export interface TrafficInput {
  readonly totalClients: number;
  readonly onlineHoursPerDay: number;
  readonly hoursPerMonth: number;
  readonly policyPollingMinutes: number;
  readonly policyKBPerPoll: number;
  readonly notificationKBPerHour: number;
  readonly inventoryCycleDays: number;
  readonly inventoryKBPerCycle: number;
  readonly statusKBPerDay: number;
  /** A measured figure for a client online 24 h; replaces the derived one. */
  readonly measuredManagementMBPerClientMonth?: number;
  readonly downloadMBPerClientMonth: number;
  readonly peerShare: number;
}

/** MB a month, for one client online 24 h, by what causes it. */
export interface ManagementBreakdown {
  readonly policy: Decimal;
  readonly notification: Decimal;
  readonly inventory: Decimal;
  readonly status: Decimal;
}

export interface Traffic {
  /** Per client online 24 h: measured, or the sum of the breakdown. */
  readonly managementMBPerClientMonth24h: Decimal;
  readonly managementBasis: 'measured' | 'derived';
  readonly breakdown?: ManagementBreakdown;
  /** Per client, after scaling by online hours a day. */
  readonly managementMBPerClientMonth: Decimal;
  /** Per client, after the share peers serve. */
  readonly contentMBPerClientMonth: Decimal;
  readonly managementGB: Decimal;
  readonly contentGB: Decimal;
  /** The CMG's internet egress a month: management + content. */
  readonly egressGB: Decimal;
}

/** Management MB a month for one client online 24 h, derived from its client settings. */
export function deriveManagementMB(input: Omit<TrafficInput, 'totalClients'>): ManagementBreakdown {
  const hours = new Decimal(input.hoursPerMonth);
  const days = hours.dividedBy(HOURS_PER_DAY);
  const perMB = (kb: Decimal) => kb.dividedBy(KB_PER_MB);
  return {
    policy: perMB(hours.times(60).dividedBy(input.policyPollingMinutes).times(input.policyKBPerPoll)),
    notification: perMB(hours.times(input.notificationKBPerHour)),
    inventory: perMB(days.dividedBy(input.inventoryCycleDays).times(input.inventoryKBPerCycle)),
    status: perMB(days.times(input.statusKBPerDay)),
  };
}

/**
 * A client's derived MB a month is kept to 12 decimal places (a billionth of a KB): far below any
 * figure shown or billed, and short numbers keep a sweep's or a Monte Carlo run's arithmetic fast.
 */
export const PER_CLIENT_MB_PLACES = 12;

/** 1 - the share peers serve, the last one remembered (draws and sweeps ask for the same one again and again). */
let lastKeep: { readonly peerShare: number; readonly keep: Decimal } | undefined;
function keepShare(peerShare: number): Decimal {
  if (lastKeep?.peerShare !== peerShare) lastKeep = { peerShare, keep: new Decimal(1).minus(peerShare) };
  return lastKeep.keep;
}

/** One client's traffic a month: what does not depend on the number of clients. */
export interface PerClientTraffic {
  readonly managementMBPerClientMonth24h: Decimal;
  readonly managementBasis: 'measured' | 'derived';
  readonly breakdown?: ManagementBreakdown;
  readonly managementMBPerClientMonth: Decimal;
  readonly contentMBPerClientMonth: Decimal;
}

/** Per client: management traffic scaled by the hours a client is online, content after the share peers serve. */
export function perClientTraffic(input: Omit<TrafficInput, 'totalClients'>): PerClientTraffic {
  const measured = input.measuredManagementMBPerClientMonth;
  const breakdown = measured === undefined ? deriveManagementMB(input) : undefined;
  const per24h = breakdown ? breakdown.policy.plus(breakdown.notification).plus(breakdown.inventory).plus(breakdown.status) : new Decimal(measured!);
  return {
    managementMBPerClientMonth24h: per24h,
    managementBasis: breakdown ? 'derived' : 'measured',
    breakdown,
    managementMBPerClientMonth: (input.onlineHoursPerDay === HOURS_PER_DAY ? per24h : per24h.times(input.onlineHoursPerDay).dividedBy(HOURS_PER_DAY)).toDecimalPlaces(
      PER_CLIENT_MB_PLACES,
      Decimal.ROUND_HALF_UP,
    ),
    contentMBPerClientMonth: (input.peerShare === 0 ? new Decimal(input.downloadMBPerClientMonth) : new Decimal(input.downloadMBPerClientMonth).times(keepShare(input.peerShare))).toDecimalPlaces(
      PER_CLIENT_MB_PLACES,
      Decimal.ROUND_HALF_UP,
    ),
  };
}

/** 1 / 1024, exactly (0.0009765625): a multiplication is faster than decimal.js's division, and gives the same. */
const GB_PER_MB = exactInverse(new Decimal(MB_PER_GB))!;

/** The total of a client's management and content MB, for the last per-client traffic asked about (a sweep asks again and again). */
let lastPerClientTotal: { readonly perClient: PerClientTraffic; readonly total: Decimal } | undefined;
function perClientTotal(perClient: PerClientTraffic): Decimal {
  if (lastPerClientTotal?.perClient !== perClient) lastPerClientTotal = { perClient, total: perClient.managementMBPerClientMonth.plus(perClient.contentMBPerClientMonth) };
  return lastPerClientTotal.total;
}

/** A month's traffic: the egress is worked out at once, its management and content shares only when read (a sweep reads neither). */
class MonthTraffic implements Traffic {
  readonly managementMBPerClientMonth24h: Decimal;
  readonly managementBasis: 'measured' | 'derived';
  readonly breakdown?: ManagementBreakdown;
  readonly managementMBPerClientMonth: Decimal;
  readonly contentMBPerClientMonth: Decimal;
  readonly egressGB: Decimal;

  constructor(
    perClient: PerClientTraffic,
    private readonly clients: Decimal,
  ) {
    this.managementMBPerClientMonth24h = perClient.managementMBPerClientMonth24h;
    this.managementBasis = perClient.managementBasis;
    this.breakdown = perClient.breakdown;
    this.managementMBPerClientMonth = perClient.managementMBPerClientMonth;
    this.contentMBPerClientMonth = perClient.contentMBPerClientMonth;
    // exact either way: (management + content) x clients / 1024 is the sum of the two shares below
    this.egressGB = perClientTotal(perClient).times(clients).times(GB_PER_MB);
  }

  get managementGB(): Decimal {
    return this.managementMBPerClientMonth.times(this.clients).dividedBy(MB_PER_GB);
  }

  get contentGB(): Decimal {
    return this.contentMBPerClientMonth.isZero() ? ZERO : this.contentMBPerClientMonth.times(this.clients).dividedBy(MB_PER_GB);
  }
}

/**
 * The CMG's monthly egress: management traffic (scaled by the hours a client is online) plus
 * content downloads (not scaled: a client fetches its content whenever it is online). 1 GB = 1024 MB.
 * `perClient` may be handed in when it is known (a sweep over the number of clients).
 */
export function estimateTraffic(input: TrafficInput, perClient: PerClientTraffic = perClientTraffic(input)): Traffic {
  return trafficOf(input.totalClients, perClient);
}

/** The month's traffic of a number of clients, from one client's. */
export function trafficOf(totalClients: number, perClient: PerClientTraffic): Traffic {
  return new MonthTraffic(perClient, new Decimal(totalClients));
}
