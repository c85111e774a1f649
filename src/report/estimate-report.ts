import { Decimal, fixedString, minorUnitDigits, moneyString, percentString, quantityString } from '../model/money.js';
import type { Warning } from '../model/warning.js';
import type { Assumption } from '../scenario/scenario.js';
import type { Estimate } from '../estimate/estimate.js';
import { shownCosts } from '../estimate/shown.js';
import { COST_COMPONENTS, type CostComponent, type CostLine, type PriceRule } from '../pricing/cost-line.js';
import { TERM_MONTHS } from '../pricing/commitments.js';
import { describeQuery, type PriceQuery } from '../pricing/price-list.js';
import type { PriceItem } from '../pricing/price-item.js';
import type { RangeResult, Percentiles } from '../range/monte-carlo.js';
import { costSplitChart } from './chart.js';
import { renderReport, type ReportFormat } from './render.js';

/** One price list item behind a line, as the JSON shows it. */
export interface ItemReference {
  readonly meterId: string | null;
  readonly productName: string;
  readonly skuName: string;
  readonly meterName: string;
  readonly armRegionName: string;
  readonly type: string;
  readonly reservationTerm: string | null;
  readonly tierMinimumUnits: number;
  readonly unitPrice: number;
  readonly effectiveStartDate: string | null;
  /** api: a verbatim Retail Prices API item; otherwise cmg-planner's note says where it came from. */
  readonly origin: string;
  readonly note: string | null;
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
  /** Where the price came from, in a line: the file, the query, the rule, and any note on the item. */
  readonly source: string;
  /** The same as data: the price file, the query, the rule, and the exact items (the tier's own item). */
  readonly provenance: { readonly priceList: string; readonly query: string; readonly rule: string; readonly items: readonly ItemReference[] };
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
  /** With --range: P10 / P50 / P90 of each component and of the total. */
  readonly range?: RangeView;
}

/** "1 GB" -> "GB", "1 Hour" -> "Hour": the unit a tier's bounds are counted in. */
const unitLabel = (unitOfMeasure: string) => unitOfMeasure.replace(/^\s*\d+(?:\.\d+)?\s*/, '') || unitOfMeasure;

function tierLabel(tier: NonNullable<CostLine['tier']>): string {
  const unit = unitLabel(tier.unit);
  return tier.toUnits ? `${tier.fromUnits} to ${tier.toUnits} ${unit}` : `${tier.fromUnits} ${unit} and up`;
}

function itemSource(priceList: string, query: PriceQuery, item: PriceItem | undefined): string {
  const from = `${priceList}: ${describeQuery(query)}`;
  const p = item?._provenance;
  return p ? `${from} [${p.kind}${p.asOf ? `, data of ${p.asOf}` : ''}: ${p.note}]` : from;
}

function ruleText(rule: PriceRule): string {
  switch (rule.kind) {
    case 'meter':
      return 'consumption price, by tier';
    case 'savings-plan':
      return `savingsPlan '${rule.term}'`;
    case 'reservation':
      return `the term's price / ${TERM_MONTHS[rule.term]} months`;
    case 'difference':
      return `minus ${describeQuery(rule.minus)}`;
  }
}

/** A line's source in words, built from its provenance (never parsed back). */
export function lineSource(line: CostLine): string {
  const { priceList, query, rule, items } = line.provenance;
  if (!items.length) return `not in ${priceList}: ${describeQuery(query)}`;
  const own = itemSource(priceList, query, items[0]);
  switch (rule.kind) {
    case 'meter':
      return own;
    case 'savings-plan':
      return `${own}: savingsPlan '${rule.term}'`;
    case 'reservation':
      return `${own}: the term's price / ${TERM_MONTHS[rule.term]} months`;
    case 'difference':
      return `${own}; minus ${itemSource(priceList, rule.minus, items[1])}`;
  }
}

function itemReference(item: PriceItem): ItemReference {
  return {
    meterId: item.meterId ?? null,
    productName: item.productName,
    skuName: item.skuName,
    meterName: item.meterName,
    armRegionName: item.armRegionName,
    type: item.type,
    reservationTerm: item.reservationTerm ?? null,
    tierMinimumUnits: item.tierMinimumUnits ?? 0,
    unitPrice: item.unitPrice ?? item.retailPrice,
    effectiveStartDate: item.effectiveStartDate ?? null,
    origin: item._provenance?.kind ?? 'api',
    note: item._provenance?.note ?? null,
  };
}

/** Rounds for showing: each line half-up to the minor unit, the lines adding up to the shown total. */
export function buildEstimateReport(result: Estimate): EstimateReport {
  const currency = result.scenario.currency;
  const shown = shownCosts(result);
  const money = (d: Decimal) => d.toFixed(minorUnitDigits(currency));
  const paygCompute = new Decimal(moneyString(result.commitment.paygComputeCost, currency));
  const saving = paygCompute.minus(shown.groups.compute);
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
      compute: money(shown.groups.compute),
      egress: money(shown.groups.egress),
      storage: money(shown.groups.storage),
      other: money(shown.groups.other),
      total: money(shown.total),
    },
    commitment: {
      type: result.commitment.type,
      paygCompute: money(paygCompute),
      compute: money(shown.groups.compute),
      saving: money(saving),
      savingPct: percentString(saving, paygCompute),
    },
    lines: result.lines.map((l, i) => {
      const cost = shown.amounts[i];
      return {
        component: l.component,
        meterName: l.meterName,
        productName: l.productName,
        tier: l.tier ? tierLabel(l.tier) : null,
        quantity: quantityString(l.quantity),
        unit: l.unit,
        unitPrice: l.unitPrice === null ? null : l.unitPrice.toFixed(),
        cost: cost ? money(cost) : null,
        source: lineSource(l),
        provenance: { priceList: l.provenance.priceList, query: describeQuery(l.provenance.query), rule: ruleText(l.provenance.rule), items: l.provenance.items.map(itemReference) },
      };
    }),
    warnings: [...result.warnings],
    assumptions: result.assumptions.map((a) => ({ ...a })),
  };
}

/** The Monte Carlo figures as the report shows them: amounts rounded to the minor unit. */
export interface RangeView {
  readonly draws: number;
  readonly seed: number;
  readonly total: { p10: string; p50: string; p90: string };
  readonly components: Record<CostComponent, { p10: string; p50: string; p90: string }>;
  readonly budget?: { amount: string; probabilityOver: string };
}

export function buildRangeView(result: RangeResult, currency: string): RangeView {
  const p = (x: Percentiles) => ({ p10: moneyString(x.p10, currency), p50: moneyString(x.p50, currency), p90: moneyString(x.p90, currency) });
  return {
    draws: result.draws,
    seed: result.seed,
    total: p(result.total),
    components: Object.fromEntries(COST_COMPONENTS.map((c) => [c, p(result.components[c])])) as RangeView['components'],
    ...(result.budget ? { budget: { amount: result.budget.amount.toFixed(minorUnitDigits(currency)), probabilityOver: fixedString(new Decimal(result.budget.over).dividedBy(result.draws), 4) } } : {}),
  };
}

/** The estimate with its Monte Carlo range: the plain estimate's note that it used the modes no longer applies. */
export function withRange(report: EstimateReport, range: RangeView): EstimateReport {
  return { ...report, warnings: report.warnings.filter((w) => w.code !== 'ranges-mode'), range };
}

/** The estimate in any format: JSON is the report itself; the templates get a view beside it. */
/** Decimals a unit price is shown to in tables, Markdown, HTML and CSV. */
export const UNIT_PRICE_PLACES = 6;

export function renderEstimate(report: EstimateReport, format: ReportFormat): string {
  const componentRows = COST_COMPONENTS.map((component) => ({ component, cost: report.costs[component] }));
  const range = report.range;
  const view = {
    componentRows,
    componentRowsWithTotal: [...componentRows, { component: 'total', cost: report.costs.total }],
    chart: costSplitChart(report.costs),
    multiGateway: report.sizing.gateways > 1,
    committed: report.commitment.type !== 'payg',
    rangeRows: range ? [...COST_COMPONENTS.map((c) => ({ component: c, ...range.components[c] })), { component: 'total', ...range.total }] : null,
    // unit prices shown to at most 6 decimals, half-up (a reservation's term price / 36 has 40); JSON keeps them exact
    lines: report.lines.map((l) => ({ ...l, unitPrice: l.unitPrice === null ? null : quantityString(new Decimal(l.unitPrice), UNIT_PRICE_PLACES) })),
  };
  return renderReport('estimate', format, report, view);
}
