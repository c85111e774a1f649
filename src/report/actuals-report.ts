import { Decimal, ZERO, fixedString, minorUnitDigits, quantityString, roundMoney } from '../model/money.js';
import { COST_COMPONENTS, type CostComponent } from '../pricing/cost-line.js';
import type { Estimate } from '../estimate/estimate.js';
import type { ActualTotals } from '../actuals/aggregate.js';
import type { AlertThresholds, Calibration } from '../actuals/calibrate.js';
import { COMPONENT_UNITS } from '../actuals/component-map.js';
import { VARIANCE_BANDS, variance, type Verdict } from '../actuals/variance.js';
import type { SiteTelemetry } from '../actuals/site-telemetry.js';
import { buildEstimateReport } from './estimate-report.js';
import { COMPONENT_COLOURS, groupedBarChart } from './chart.js';
import { renderReport, type ReportFormat } from './render.js';

export interface ComparisonRow {
  component: CostComponent;
  forecastCost: string;
  actualCost: string;
  varianceCost: string;
  variancePct: string | null;
  verdict: Verdict;
  forecastQuantity: string | null;
  actualQuantity: string | null;
  unit: string;
}

/** The actuals report's JSON contract (`actuals --format json`); the templates render it. */
export interface ActualsReport {
  month: string;
  currency: string;
  scope: string;
  scenario: { name: string; region: string; vmSize: string; instances: number; gateways: number; hoursInMonth: number };
  sources: string[];
  prices: { source: string; asOf: string | null };
  rowsRead: number;
  rowsSelected: number;
  components: ComparisonRow[];
  total: { forecastCost: string; actualCost: string; varianceCost: string; variancePct: string | null; verdict: Verdict };
  unmapped: { meterCategory: string; meterName: string; cost: string; rows: number }[];
  calibration: {
    managementMBPerClientMonth: string;
    contentMBPerClientMonth: string;
    instanceHours: string;
    egressGB: string;
    /** MB of content one blob read operation served, and the month's read operations it comes from. */
    mbPerReadOperation: string;
    storageReadOperations: string;
    basis: { management: string; content: string; readOperation: string };
    scenario: { managementMBPerClientMonth: string; contentMBPerClientMonth: string; instanceHours: string; egressGB: string; mbPerReadOperation: string };
    siteTelemetry: { sites: number; clients: number; managementMBPerClientMonth: string; contentMBPerClientMonth: string } | null;
  };
  alerts: { outbound14DayGB: number; storageGB: number | null; basis: string };
  bands: string;
}

const q = (d: Decimal, places = 2) => quantityString(d, places);

export interface ActualsInput {
  readonly month: string;
  readonly scope: string;
  readonly sources: readonly string[];
  readonly forecast: Estimate;
  readonly actual: ActualTotals;
  readonly calibration: Calibration;
  readonly alerts: AlertThresholds;
  readonly telemetry?: SiteTelemetry;
}

/** Forecast against actual per component, rounded for showing: the shown variances are the shown differences. */
export function buildActualsReport(input: ActualsInput): ActualsReport {
  const { forecast, actual } = input;
  const currency = forecast.scenario.currency;
  const digits = minorUnitDigits(currency);
  const money = (d: Decimal) => roundMoney(d, currency);
  const pct = (d: Decimal | null) => (d === null ? null : fixedString(d, 1));

  const forecastQuantity: Record<CostComponent, Decimal | null> = {
    compute: new Decimal(forecast.sizing.instances).times(forecast.scenario.hoursPerMonth),
    egress: forecast.traffic.egressGB,
    storage: new Decimal(forecast.scenario.content.storedGB),
    other: null,
  };
  // the forecast as the estimate shows it for the same month: the same figures, to the cent
  const forecastCosts = buildEstimateReport(forecast).costs;
  const rows = COST_COMPONENTS.map((component) => {
    const f = new Decimal(forecastCosts[component]);
    const a = money(actual.components[component].cost);
    const v = variance(f, a);
    const quantity = forecastQuantity[component];
    return {
      shown: { f, a },
      row: {
        component,
        forecastCost: f.toFixed(digits),
        actualCost: a.toFixed(digits),
        varianceCost: v.amount.toFixed(digits),
        variancePct: pct(v.pct),
        verdict: v.verdict,
        forecastQuantity: quantity === null ? null : q(quantity),
        actualQuantity: quantity === null ? null : q(actual.components[component].quantity),
        unit: COMPONENT_UNITS[component],
      } satisfies ComparisonRow,
    };
  });
  const forecastTotal = rows.reduce((acc, r) => acc.plus(r.shown.f), ZERO);
  const actualTotal = rows.reduce((acc, r) => acc.plus(r.shown.a), ZERO);
  const totalVariance = variance(forecastTotal, actualTotal);
  const c = input.calibration;
  return {
    month: input.month,
    currency,
    scope: input.scope,
    scenario: {
      name: forecast.scenario.name,
      region: forecast.scenario.region,
      vmSize: forecast.vmSize.name,
      instances: forecast.sizing.instances,
      gateways: forecast.sizing.gateways,
      hoursInMonth: forecast.scenario.hoursPerMonth,
    },
    sources: [...input.sources],
    prices: { source: forecast.prices.source, asOf: forecast.prices.asOf },
    rowsRead: actual.rowsRead,
    rowsSelected: actual.rowsSelected,
    components: rows.map((r) => r.row),
    total: {
      forecastCost: forecastTotal.toFixed(digits),
      actualCost: actualTotal.toFixed(digits),
      varianceCost: totalVariance.amount.toFixed(digits),
      variancePct: pct(totalVariance.pct),
      verdict: totalVariance.verdict,
    },
    unmapped: actual.unmapped.map((u) => ({ meterCategory: u.meterCategory, meterName: u.meterName, cost: money(u.cost).toFixed(digits), rows: u.rows })),
    calibration: {
      managementMBPerClientMonth: q(c.managementMBPerClientMonth, 1),
      contentMBPerClientMonth: q(c.contentMBPerClientMonth, 1),
      instanceHours: q(c.instanceHours),
      egressGB: q(c.egressGB),
      mbPerReadOperation: q(c.mbPerReadOperation, 4),
      storageReadOperations: q(input.actual.storageReadOperations, 0),
      basis: { management: c.managementBasis, content: c.contentBasis, readOperation: c.readOperationBasis },
      scenario: {
        managementMBPerClientMonth: q(c.scenario.managementMBPerClientMonth, 1),
        contentMBPerClientMonth: q(c.scenario.contentMBPerClientMonth, 1),
        instanceHours: q(c.scenario.instanceHours),
        egressGB: q(c.scenario.egressGB),
        mbPerReadOperation: q(c.scenario.mbPerReadOperation, 4),
      },
      siteTelemetry: input.telemetry
        ? {
            sites: input.telemetry.sites,
            clients: input.telemetry.clients,
            managementMBPerClientMonth: q(input.telemetry.managementMBPerClientMonth, 1),
            contentMBPerClientMonth: q(input.telemetry.contentMBPerClientMonth, 1),
          }
        : null,
    },
    alerts: { ...input.alerts },
    bands: VARIANCE_BANDS.source,
  };
}

/** The actuals report in any format: JSON is the report itself. */
export function renderActuals(report: ActualsReport, format: ReportFormat): string {
  const view = {
    chart: groupedBarChart(
      report.components.map((c) => ({
        label: c.component,
        bars: [
          { label: 'forecast', value: c.forecastCost, colour: '#b7c4d3' },
          { label: 'actual', value: c.actualCost, colour: COMPONENT_COLOURS[c.component] },
        ],
      })),
    ),
    rowsWithTotal: [
      ...report.components.map((c) => ({ ...c, pct: c.variancePct ?? 'n/a', verdictClass: c.verdict.replace(' ', '-') })),
      { component: 'total', ...report.total, pct: report.total.variancePct ?? 'n/a', verdictClass: report.total.verdict.replace(' ', '-'), forecastQuantity: null, actualQuantity: null, unit: '' },
    ],
    totalVerdictClass: report.total.verdict.replace(' ', '-'),
    calibrationRows: [
      {
        name: 'management MB/client/month (online 24 h)',
        scenario: report.calibration.scenario.managementMBPerClientMonth,
        calibrated: report.calibration.managementMBPerClientMonth,
        basis: report.calibration.basis.management,
      },
      {
        name: 'content MB/client/month (before peers)',
        scenario: report.calibration.scenario.contentMBPerClientMonth,
        calibrated: report.calibration.contentMBPerClientMonth,
        basis: report.calibration.basis.content,
      },
      {
        name: 'MB per blob read operation',
        scenario: report.calibration.scenario.mbPerReadOperation,
        calibrated: report.calibration.mbPerReadOperation,
        basis: `${report.calibration.basis.readOperation} (${report.calibration.storageReadOperations} read operations)`,
      },
      { name: 'instance-hours', scenario: report.calibration.scenario.instanceHours, calibrated: report.calibration.instanceHours, basis: 'actual compute hours' },
      { name: 'egress GB', scenario: report.calibration.scenario.egressGB, calibrated: report.calibration.egressGB, basis: 'actual internet egress' },
    ],
  };
  return renderReport('actuals', format, report, view);
}
