import { Decimal, ZERO } from '../model/money.js';
import { HOURS_PER_DAY, MB_PER_GB } from '../model/units.js';
import type { Scenario } from '../scenario/scenario.js';
import type { Estimate } from '../estimate/estimate.js';
import { ALERT_WINDOW_DAYS } from '../estimate/estimate.js';
import type { ActualTotals } from './aggregate.js';
import type { SiteTelemetry } from './site-telemetry.js';

/**
 * Alert thresholds are set so that the expected figure sits at this share of the threshold: under the
 * CMG's 50 % warning level, so that the warning means "more than usual" and the 90 % critical level
 * (which can stop the service) is far from normal use
 * (https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/monitor-clients-cloud-management-gateway).
 */
export const ALERT_EXPECTED_SHARE = { value: 0.4, source: "cmg-planner default: the expected figure at 40 % of the threshold, under the CMG's 50 % warning level" } as const;
/** Thresholds are rounded up to this many GB. */
export const ALERT_ROUND_GB = 100;

export interface Calibration {
  /** Management MB a month for a client online 24 h: the scenario's traffic.managementMBPerClientMonth. */
  readonly managementMBPerClientMonth: Decimal;
  readonly managementBasis: 'site telemetry' | 'scaled to the actual egress' | 'scenario (no egress to calibrate from)';
  /** Content each client downloads a month before peers: the scenario's content.downloadMBPerClientMonth. */
  readonly contentMBPerClientMonth: Decimal;
  readonly contentBasis: 'back-solved from the actual egress' | 'scaled to the actual egress' | 'site telemetry' | 'scenario (no egress to calibrate from)';
  readonly instanceHours: Decimal;
  readonly egressGB: Decimal;
  /** The scenario's own figures, for showing side by side. */
  /** MB of content one blob read operation served (content.mbPerReadOperation). */
  readonly mbPerReadOperation: Decimal;
  readonly readOperationBasis:
    'the content served over the actual read operations' | 'scenario (no content read operations to calibrate from)' | 'scenario (too little content served to calibrate from)';
  readonly scenario: { managementMBPerClientMonth: Decimal; contentMBPerClientMonth: Decimal; instanceHours: Decimal; egressGB: Decimal; mbPerReadOperation: Decimal };
}

export interface AlertThresholds {
  readonly outbound14DayGB: number;
  readonly storageGB: number | null;
  readonly basis: string;
}

const roundUpTo = (value: Decimal, step: number) => value.dividedBy(step).ceil().times(step).toNumber();

/** The smallest MB per read operation calibration gives (the figure is shown, and written, to 4 decimals). */
const MIN_MB_PER_READ = new Decimal('0.0001');

/**
 * Back-solves the per-client traffic and the instance-hours from a month's actuals. Egress is
 * clients x (management x onlineHours/24 + content x (1 - peerShare)) / 1024 GB: one equation, so
 * - with site telemetry, management is the measured figure (turned into its 24-hour equivalent) and
 *   content is what the actual egress leaves (never below 0);
 * - without, both are scaled by actual / forecast egress (their shares are kept).
 */
export function calibrate(scenario: Scenario, forecast: Estimate, actual: ActualTotals, telemetry?: SiteTelemetry): Calibration {
  const traffic = calibrateTraffic(scenario, forecast, actual, telemetry);
  // the MB one read operation serves: the content the storage account served (after peers) over its read operations
  const served = traffic.contentMBPerClientMonth.times(new Decimal(1).minus(scenario.content.peerShare)).times(scenario.clients.total);
  const reads = actual.storageReadOperations;
  const scenarioFigure = new Decimal(scenario.content.mbPerReadOperation);
  const perRead = reads.isZero() ? ZERO : served.dividedBy(reads);
  // a figure that rounds to 0 at the shown 4 decimals is no figure to forecast with (the field must be above 0)
  const read = reads.isZero()
    ? { mbPerReadOperation: scenarioFigure, readOperationBasis: 'scenario (no content read operations to calibrate from)' as const }
    : perRead.lt(MIN_MB_PER_READ)
      ? { mbPerReadOperation: scenarioFigure, readOperationBasis: 'scenario (too little content served to calibrate from)' as const }
      : { mbPerReadOperation: perRead, readOperationBasis: 'the content served over the actual read operations' as const };
  return { ...traffic, ...read, scenario: { ...traffic.scenario, mbPerReadOperation: new Decimal(scenario.content.mbPerReadOperation) } };
}

function calibrateTraffic(
  scenario: Scenario,
  forecast: Estimate,
  actual: ActualTotals,
  telemetry?: SiteTelemetry,
): Omit<Calibration, 'mbPerReadOperation' | 'readOperationBasis' | 'scenario'> & { scenario: Omit<Calibration['scenario'], 'mbPerReadOperation'> } {
  const clients = new Decimal(scenario.clients.total);
  const onlineShare = new Decimal(scenario.clients.onlineHoursPerDay).dividedBy(HOURS_PER_DAY);
  const keep = new Decimal(1).minus(scenario.content.peerShare);
  const mgmt24h = forecast.traffic.managementMBPerClientMonth24h;
  const download = new Decimal(scenario.content.downloadMBPerClientMonth);
  const actualEgress = actual.components.egress.quantity;
  const forecastEgress = forecast.traffic.egressGB;
  const scenarioFigures = {
    managementMBPerClientMonth: mgmt24h,
    contentMBPerClientMonth: download,
    instanceHours: new Decimal(forecast.sizing.instances).times(scenario.hoursPerMonth),
    egressGB: forecastEgress,
  };
  const base = { instanceHours: actual.components.compute.quantity, egressGB: actualEgress, scenario: scenarioFigures };

  if (telemetry) {
    const management = onlineShare.isZero() ? telemetry.managementMBPerClientMonth : telemetry.managementMBPerClientMonth.dividedBy(onlineShare);
    if (clients.isZero() || actualEgress.isZero()) {
      return {
        ...base,
        managementMBPerClientMonth: management,
        managementBasis: 'site telemetry',
        contentMBPerClientMonth: keep.isZero() ? download : telemetry.contentMBPerClientMonth.dividedBy(keep),
        contentBasis: 'site telemetry',
      };
    }
    const managementMB = telemetry.managementMBPerClientMonth.times(clients);
    const contentMB = Decimal.max(ZERO, actualEgress.times(MB_PER_GB).minus(managementMB));
    const perClient = contentMB.dividedBy(clients);
    return {
      ...base,
      managementMBPerClientMonth: management,
      managementBasis: 'site telemetry',
      contentMBPerClientMonth: keep.isZero() ? download : perClient.dividedBy(keep),
      contentBasis: 'back-solved from the actual egress',
    };
  }
  if (forecastEgress.isZero() || actualEgress.isZero()) {
    return {
      ...base,
      managementMBPerClientMonth: mgmt24h,
      managementBasis: 'scenario (no egress to calibrate from)',
      contentMBPerClientMonth: download,
      contentBasis: 'scenario (no egress to calibrate from)',
    };
  }
  const factor = actualEgress.dividedBy(forecastEgress);
  return {
    ...base,
    managementMBPerClientMonth: mgmt24h.times(factor),
    managementBasis: 'scaled to the actual egress',
    contentMBPerClientMonth: download.times(factor),
    contentBasis: 'scaled to the actual egress',
  };
}

/**
 * The CMG alert thresholds to set, from the month's actual egress and storage (per CMG): the 14-day
 * outbound figure and the stored GB, each at ALERT_EXPECTED_SHARE of its threshold, rounded up.
 */
export function recommendAlerts(forecast: Estimate, actual: ActualTotals, monthDays: number): AlertThresholds {
  const gateways = forecast.sizing.gateways;
  const egressPerGateway = actual.components.egress.quantity.dividedBy(gateways);
  const outbound14 = egressPerGateway.times(ALERT_WINDOW_DAYS).dividedBy(monthDays);
  const share = ALERT_EXPECTED_SHARE.value;
  const outbound14DayGB = Math.max(ALERT_ROUND_GB, roundUpTo(outbound14.dividedBy(share), ALERT_ROUND_GB));
  const storedGB = actual.components.storage.quantity.dividedBy(gateways);
  const storageGB = storedGB.isZero() ? null : Math.max(ALERT_ROUND_GB, roundUpTo(storedGB.dividedBy(share), ALERT_ROUND_GB));
  return {
    outbound14DayGB,
    storageGB,
    basis: `the month's actual egress over ${ALERT_WINDOW_DAYS} of its ${monthDays} days (${outbound14.toFixed(1)} GB per CMG) and its stored GB-month, each at ${share * 100} % of the threshold (${ALERT_EXPECTED_SHARE.source}), rounded up to ${ALERT_ROUND_GB} GB`,
  };
}
