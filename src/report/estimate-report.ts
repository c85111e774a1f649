import { Decimal, ZERO, minorUnitDigits, roundToSum, sum } from '../model/money.js';
import type { Warning } from '../model/warning.js';
import type { Assumption } from '../scenario/scenario.js';
import type { Estimate } from '../estimate/estimate.js';
import { COST_COMPONENTS, type CostComponent } from '../estimate/cost-line.js';

/** A quantity as shown: at most 4 decimals, no exponent, no trailing zeros. */
export function quantityString(value: Decimal, places = 4): string {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed();
}

export interface ReportLine {
  readonly component: CostComponent;
  readonly meterName: string;
  readonly productName: string;
  readonly tier: string | null;
  readonly quantity: string;
  readonly unit: string;
  /** Full precision, as the price list gives it; null when unpriced. */
  readonly unitPrice: string | null;
  /** Rounded half-up to the minor unit; null when unpriced. */
  readonly cost: string | null;
  readonly source: string;
}

/** The estimate's JSON contract (`--format json`); Markdown, HTML, CSV and the table render it. */
export interface EstimateReport {
  readonly scenario: { name: string; region: string; currency: string; vmSize: string; os: string; hoursPerMonth: number; commitment: string };
  readonly prices: { source: string; asOf: string | null };
  readonly sizing: {
    concurrentClients: number;
    clientsPerInstance: number;
    instancesNeeded: number;
    instances: number;
    gateways: number;
    connectionPoints: number;
    perGateway: { instances: number; concurrentClients: number; connectionPoints: number }[];
    warnings: Warning[];
  };
  readonly traffic: {
    egressGB: string;
    managementGB: string;
    contentGB: string;
    managementMBPerClientMonth: string;
    managementBasis: 'measured' | 'derived';
    contentMBPerClientMonth: string;
    outbound14DayGBPerGateway: string;
  };
  readonly costs: Record<CostComponent | 'total', string>;
  /** The compute commitment against pay-as-you-go: amounts as shown, the saving their difference. */
  readonly commitment: { type: string; paygCompute: string; compute: string; saving: string; savingPct: string | null };
  readonly lines: ReportLine[];
  readonly warnings: Warning[];
  readonly assumptions: Assumption[];
}

const SIZING_WARNINGS = new Set(['fixed-instances-undersized', 'multiple-gateways', 'lab-size', 'single-instance', 'capacity-assumed', 'egress-over-alert-threshold']);

/** The amounts an estimate shows: each line rounded so that the lines add up to the shown total. */
export function shownCosts(result: Estimate): { lines: (Decimal | null)[]; components: Record<CostComponent, Decimal>; total: Decimal } {
  const priced = result.lines.map((l) => l.cost);
  const rounded = roundToSum(priced.filter((c): c is Decimal => c !== null), result.scenario.currency);
  let next = 0;
  const lines = priced.map((c) => (c === null ? null : rounded[next++]!));
  const components = Object.fromEntries(
    COST_COMPONENTS.map((component) => [component, sum(result.lines.flatMap((l, i) => (l.component === component && lines[i] ? [lines[i]] : [])))]),
  ) as Record<CostComponent, Decimal>;
  const total = COST_COMPONENTS.reduce((acc, c) => acc.plus(components[c]), ZERO);
  return { lines, components, total };
}

/** Rounds for showing: each line half-up to the minor unit, the lines adding up to the shown total. */
export function buildEstimateReport(result: Estimate): EstimateReport {
  const currency = result.scenario.currency;
  const digits = minorUnitDigits(currency);
  const { lines: shownLineCosts, components: componentTotals, total } = shownCosts(result);
  const money = (d: Decimal) => d.toFixed(digits);

  const paygCompute = result.commitment.paygComputeCost.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const saving = paygCompute.minus(componentTotals.compute);
  const s = result.sizing;
  return {
    scenario: {
      name: result.scenario.name,
      region: result.scenario.region,
      currency,
      vmSize: result.vmSize.name,
      os: result.scenario.gateway.os,
      hoursPerMonth: result.scenario.hoursPerMonth,
      commitment: result.scenario.commitment,
    },
    prices: { source: result.prices.source, asOf: result.prices.asOf },
    sizing: {
      concurrentClients: s.concurrentClients,
      clientsPerInstance: s.clientsPerInstance,
      instancesNeeded: s.instancesNeeded,
      instances: s.instances,
      gateways: s.gateways,
      connectionPoints: s.connectionPoints,
      perGateway: s.perGateway.map((g) => ({ ...g })),
      warnings: result.warnings.filter((w) => SIZING_WARNINGS.has(w.code)),
    },
    traffic: {
      egressGB: quantityString(result.traffic.egressGB, 2),
      managementGB: quantityString(result.traffic.managementGB, 2),
      contentGB: quantityString(result.traffic.contentGB, 2),
      managementMBPerClientMonth: quantityString(result.traffic.managementMBPerClientMonth, 2),
      managementBasis: result.traffic.managementBasis,
      contentMBPerClientMonth: quantityString(result.traffic.contentMBPerClientMonth, 2),
      outbound14DayGBPerGateway: quantityString(result.outbound14DayGBPerGateway, 2),
    },
    costs: {
      compute: money(componentTotals.compute),
      egress: money(componentTotals.egress),
      storage: money(componentTotals.storage),
      other: money(componentTotals.other),
      total: money(total),
    },
    commitment: {
      type: result.commitment.type,
      paygCompute: money(paygCompute),
      compute: money(componentTotals.compute),
      saving: money(saving),
      savingPct: paygCompute.isZero() ? null : saving.dividedBy(paygCompute).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1),
    },
    lines: result.lines.map((l, i) => ({
      component: l.component,
      meterName: l.meterName,
      productName: l.productName,
      tier: l.tier ?? null,
      quantity: quantityString(l.quantity),
      unit: l.unit,
      unitPrice: l.unitPrice === null ? null : l.unitPrice.toFixed(),
      cost: shownLineCosts[i] ? money(shownLineCosts[i]) : null,
      source: l.source,
    })),
    warnings: [...result.warnings],
    assumptions: result.assumptions.map((a) => ({ ...a })),
  };
}
