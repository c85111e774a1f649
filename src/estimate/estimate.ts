import { Decimal, ZERO, groupedRounding, moneyString, type GroupedAmounts } from '../model/money.js';
import type { Warning } from '../model/warning.js';
import { HOURS_PER_DAY } from '../model/units.js';
import { scenarioAssumptions, USER_SCENARIO, type Assumption, type Scenario } from '../scenario/scenario.js';
import { sizeGateway, type Sizing } from '../sizing/capacity.js';
import { vmSizeOf, type VmSize } from '../sizing/vm-sizes.js';
import { perClientTraffic, trafficOf, type PerClientTraffic, type Traffic, type TrafficInput } from '../traffic/egress.js';
import { MANAGEMENT_BAND_MB } from '../traffic/management-defaults.js';
import { egressZoneOf } from '../pricing/regions.js';
import { priceComponents } from '../pricing/charge.js';
import type { Commitment } from '../pricing/commitments.js';
import { isEstimatedLine, oldestDataDate, type CostComponent, type CostLine } from '../pricing/cost-line.js';
import type { PricedComponents } from '../pricing/charge.js';
import type { PriceList } from '../pricing/price-list.js';
import { STALE_PRICES_DAYS } from '../pricing/default-snapshot.js';
import { computeComponents, egressComponents, perGatewayComponents, readOperationComponents, scenarioCompute, storageComponents } from './components.js';

/** Days of outbound data the CMG's alert threshold counts. */
export const ALERT_WINDOW_DAYS = 14;

/** The model's figures for one scenario: what sweeps and Monte Carlo draws compute for every point. */
export interface Evaluation {
  readonly scenario: Scenario;
  readonly vmSize: VmSize;
  readonly sizing: Sizing;
  readonly traffic: Traffic;
  readonly lines: readonly CostLine[];
  /** The lines' costs in the parts they were priced in (compute, egress, storage, per CMG), for shown money. */
  readonly parts: readonly GroupedAmounts<CostComponent>[];
  /** What the same instance-hours cost pay-as-you-go: the baseline of a commitment's saving. */
  readonly paygComputeCost: Decimal;
  /** Notes of the priced components (what a commitment covers), then the optional items left unpriced. */
  readonly pricingWarnings: readonly Warning[];
}

export interface Estimate extends Evaluation {
  readonly prices: { readonly source: string; readonly asOf: string | null; readonly ageDays: number | null };
  /** The CMG's outbound GB over the alert window, per CMG. */
  readonly outbound14DayGBPerGateway: Decimal;
  readonly commitment: { readonly type: Commitment; readonly paygComputeCost: Decimal };
  readonly warnings: readonly Warning[];
  readonly assumptions: readonly Assumption[];
}

export interface EstimateContext {
  /** The clock, for the age of the prices. */
  readonly now: Date;
}

/** Results of pure steps, kept while many scenarios are evaluated (bounded). */
const MEMO_LIMIT = 20_000;

/**
 * A pure step's results by the values it depends on: the latest is checked first (a sweep asks for
 * the same one point after point), then, unless `lastOnly`, a bounded map of earlier ones.
 */
class Memo<T> {
  private lastKeys: readonly (string | number | undefined)[] | undefined;
  private lastValue: T | undefined;
  private readonly earlier = new Map<string, T>();

  constructor(private readonly lastOnly = false) {}

  get(keys: readonly (string | number | undefined)[], make: () => T): T {
    const last = this.lastKeys;
    if (last && last.length === keys.length && sameKeys(last, keys)) return this.lastValue!;
    let value: T | undefined;
    if (this.lastOnly) value = make();
    else {
      const key = keys.join('|');
      value = this.earlier.get(key);
      if (value === undefined) {
        if (this.earlier.size >= MEMO_LIMIT) this.earlier.clear();
        this.earlier.set(key, (value = make()));
      }
    }
    this.lastKeys = keys;
    this.lastValue = value;
    return value;
  }
}

/** Priced components with their costs as grouped amounts; `prepared`: their rounding is made now, for reuse. */
interface PricedPart extends GroupedAmounts<CostComponent> {
  readonly priced: PricedComponents;
}

function pricedPart(priced: PricedComponents, currency: string, prepared: boolean): PricedPart {
  const block = { priced, items: priced.lines.map((l) => ({ group: l.component, amount: l.cost })) };
  return prepared ? { ...block, rounding: groupedRounding(block, currency) } : block;
}

function sameKeys(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface ListMemos {
  readonly compute: Memo<{ readonly part: PricedPart; readonly paygCost: Decimal }>;
  readonly storage: Memo<PricedPart>;
  readonly perGateway: Memo<PricedPart>;
}
const memos = new WeakMap<PriceList, ListMemos>();
/** A client's traffic does not depend on the price list; Monte Carlo draws rarely repeat it, so only the latest is kept. */
const trafficMemo = new Memo<PerClientTraffic>(true);
let lastTraffic:
  | { readonly traffic: Scenario['traffic']; readonly content: Scenario['content']; readonly hoursPerMonth: number; readonly onlineHoursPerDay: number; readonly perClient: PerClientTraffic }
  | undefined;

const computeCost = (lines: readonly CostLine[]) => lines.reduce((acc, l) => (l.component === 'compute' && l.cost ? acc.plus(l.cost) : acc), ZERO);

/**
 * scenario -> sizing -> traffic -> cost components -> pricing -> cost lines, for one scenario. Pure.
 * Evaluating many scenarios against one price list resolves each price once, and prices the parts
 * that did not change (compute for the same instances and hours, storage, the per-CMG items) once:
 * a sweep or a Monte Carlo draw computes only what its values change, still in Decimal.
 */
export function evaluate(scenario: Scenario, list: PriceList): Evaluation {
  let memo = memos.get(list);
  if (!memo) memos.set(list, (memo = { compute: new Memo(), storage: new Memo(), perGateway: new Memo() }));
  const { region, currency, hoursPerMonth, clients, gateway, traffic: t, content } = scenario;
  const vmSize = vmSizeOf(gateway.vmSize);
  const sizing = sizeGateway({
    totalClients: clients.total,
    peakConcurrency: clients.peakConcurrency,
    vmSize,
    clientsPerInstance: gateway.clientsPerInstance,
    minInstances: gateway.minInstances,
    fixedInstances: gateway.instances,
  });
  const trafficInput = (): Omit<TrafficInput, 'totalClients'> => ({
    onlineHoursPerDay: clients.onlineHoursPerDay,
    hoursPerMonth,
    policyPollingMinutes: t.policyPollingMinutes,
    policyKBPerPoll: t.policyKBPerPoll,
    notificationKBPerHour: t.notificationKBPerHour,
    inventoryCycleDays: t.inventoryCycleDays,
    inventoryKBPerCycle: t.inventoryKBPerCycle,
    statusKBPerDay: t.statusKBPerDay,
    measuredManagementMBPerClientMonth: t.managementMBPerClientMonth,
    downloadMBPerClientMonth: content.downloadMBPerClientMonth,
    peerShare: content.peerShare,
  });
  // the same traffic and content settings (the same objects: a sweep over clients) have the same per-client traffic
  const last = lastTraffic;
  const perClient =
    last && last.traffic === t && last.content === content && last.hoursPerMonth === hoursPerMonth && last.onlineHoursPerDay === clients.onlineHoursPerDay
      ? last.perClient
      : trafficMemo.get(
          [
            hoursPerMonth,
            clients.onlineHoursPerDay,
            t.managementMBPerClientMonth,
            t.policyPollingMinutes,
            t.policyKBPerPoll,
            t.notificationKBPerHour,
            t.inventoryCycleDays,
            t.inventoryKBPerCycle,
            t.statusKBPerDay,
            content.downloadMBPerClientMonth,
            content.peerShare,
          ],
          () => perClientTraffic(trafficInput()),
        );
  lastTraffic = { traffic: t, content, hoursPerMonth, onlineHoursPerDay: clients.onlineHoursPerDay, perClient };
  const traffic = trafficOf(clients.total, perClient);
  const c = scenarioCompute(scenario, sizing);
  const compute = memo.compute.get([region, currency, c.size, c.os, c.instances, hoursPerMonth, c.commitment], () => {
    const priced = priceComponents(computeComponents(c), list);
    const payg = c.commitment === 'payg' ? priced : priceComponents(computeComponents({ ...c, commitment: 'payg' }), list);
    return { part: pricedPart(priced, currency, true), paygCost: computeCost(payg.lines) };
  });
  // egress and the read operations of content downloads change with the traffic: priced at every evaluation
  const reads = readOperationComponents(scenario, traffic);
  const egress = pricedPart(priceComponents(reads.length ? [...egressComponents(scenario, traffic), ...reads] : egressComponents(scenario, traffic), list), currency, false);
  const storage = memo.storage.get([region, currency, content.storageTier, content.storedGB], () => pricedPart(priceComponents(storageComponents(scenario), list), currency, true));
  const perGateway = memo.perGateway.get([region, currency, gateway.publicIp, sizing.gateways, hoursPerMonth, scenario.other.keyVaultOperationsPerMonth], () =>
    pricedPart(priceComponents(perGatewayComponents(scenario, sizing.gateways), list), currency, true),
  );
  const parts = [compute.part, egress, storage, perGateway];
  const lines: CostLine[] = [];
  let quiet = true;
  for (const p of parts) {
    for (const line of p.priced.lines) lines.push(line);
    if (p.priced.notes.length || p.priced.unpriced.length) quiet = false;
  }
  return {
    scenario,
    vmSize,
    sizing,
    traffic,
    lines,
    parts,
    paygComputeCost: compute.paygCost,
    pricingWarnings: quiet ? NO_WARNINGS : [...parts.flatMap((p) => p.priced.notes).map((message) => ({ code: 'commitment-note', message })), ...parts.flatMap((p) => p.priced.unpriced)],
  };
}

const NO_WARNINGS: readonly Warning[] = Object.freeze([]);

/** The whole estimate: the evaluation, with what a reader should know (warnings) and the source of every figure (assumptions). */
export function estimate(scenario: Scenario, list: PriceList, context: EstimateContext): Estimate {
  const result = evaluate(scenario, list);
  const { sizing, traffic, vmSize, lines } = result;
  const warnings: Warning[] = [...sizing.warnings, ...result.pricingWarnings];
  const assumptions: Assumption[] = scenarioAssumptions(scenario);
  if (scenario.gateway.clientsPerInstance === undefined) {
    assumptions.push({ name: 'sizing.clientsPerInstance', value: sizing.clientsPerInstance, source: vmSize.capacitySource });
  }
  if (traffic.breakdown) {
    const b = traffic.breakdown;
    assumptions.push({
      name: 'traffic.managementMBPerClientMonth (derived, client online 24 h)',
      value: traffic.managementMBPerClientMonth24h.toDecimalPlaces(1).toNumber(),
      source: `policy ${b.policy.toFixed(1)} + notification ${b.notification.toFixed(1)} + inventory ${b.inventory.toFixed(1)} + status ${b.status.toFixed(1)} MB, from the traffic.* settings above; Microsoft's band is ${MANAGEMENT_BAND_MB.low}-${MANAGEMENT_BAND_MB.high} MB (${MANAGEMENT_BAND_MB.source})`,
    });
  }
  assumptions.push({ name: 'egress zone', value: egressZoneOf(scenario.region) ?? 'unknown', source: 'https://azure.microsoft.com/pricing/details/bandwidth/' });

  // the CMG's 14-day outbound data alert, per CMG
  const daysInMonth = new Decimal(scenario.hoursPerMonth).dividedBy(HOURS_PER_DAY);
  const outbound14DayGBPerGateway = traffic.egressGB.dividedBy(sizing.gateways).times(ALERT_WINDOW_DAYS).dividedBy(daysInMonth);
  const threshold = new Decimal(scenario.egress.alert14DayGB);
  if (outbound14DayGBPerGateway.gt(threshold)) {
    warnings.push({
      code: 'egress-over-alert-threshold',
      message: `each CMG sends about ${outbound14DayGBPerGateway.toFixed(0)} GB in ${ALERT_WINDOW_DAYS} days, over its ${threshold.toFixed(0)} GB outbound data alert threshold: raise the threshold (egress.alert14DayGB) or the CMG may be stopped when "stop this service" is set`,
    });
  }

  if (scenario.ranges.length) {
    warnings.push({
      code: 'ranges-mode',
      message: `${scenario.ranges.map((r) => r.path).join(', ')} ${scenario.ranges.length > 1 ? 'are ranges' : 'is a range'}: this estimate uses the most likely value${scenario.ranges.length > 1 ? 's' : ''}; run with --range for P10 / P50 / P90`,
    });
  }

  // a line is estimated when any item behind its price (or the savings-plan term it uses) is cmg-planner's own estimate
  const estimatedLines = lines.filter((l) => l.cost !== null && isEstimatedLine(l));
  if (estimatedLines.length) {
    const priced = lines.filter((l) => l.cost !== null);
    const total = priced.reduce((acc, l) => acc.plus(l.cost!), ZERO);
    const estimated = estimatedLines.reduce((acc, l) => acc.plus(l.cost!), ZERO);
    const share = total.isZero() ? '0' : estimated.dividedBy(total).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0);
    const currency = scenario.currency;
    warnings.push({
      code: 'estimated-prices',
      message: `${estimatedLines.length} of ${priced.length} cost lines (${moneyString(estimated, currency)} of ${moneyString(total, currency)} ${currency} a month, ${share} %) use cmg-planner's own estimate of a price, not a price Azure published (each line's source says which); give current prices with --prices FILE (cmg-planner pricing refresh)`,
    });
  }

  // the age of the prices: of the oldest data behind the lines when the items are dated one by one, else the file's fetch date
  const data = oldestDataDate(lines);
  const asOf = data.dated ? data.asOf : (list.meta.fetchedAt ?? null);
  let ageDays: number | null = null;
  if (asOf && !Number.isNaN(Date.parse(asOf))) {
    ageDays = Math.floor((context.now.getTime() - Date.parse(asOf)) / 86_400_000);
    if (ageDays > STALE_PRICES_DAYS) {
      warnings.push({
        code: 'prices-stale',
        message: `the prices are ${ageDays} days old (price data of ${asOf.slice(0, 10)}), older than ${STALE_PRICES_DAYS} days: get current ones with --prices FILE`,
      });
    }
  } else if (data.dated) {
    warnings.push({
      code: 'prices-undated',
      message: `no line of this estimate is priced from dated API data (documented figures and cmg-planner estimates only): their age is unknown; get current prices with --prices FILE`,
    });
  } else {
    warnings.push({ code: 'prices-undated', message: `${list.source} does not say when its prices were fetched (no cmgPlanner.fetchedAt): their age is unknown` });
  }
  assumptions.push({ name: 'prices', value: list.source, source: asOf ? `price data of ${asOf.slice(0, 10)}` : data.dated ? 'documented figures and estimates (see each line)' : USER_SCENARIO });

  return {
    ...result,
    prices: { source: list.meta.source ?? list.source, asOf, ageDays },
    outbound14DayGBPerGateway,
    commitment: { type: scenario.commitment, paygComputeCost: result.paygComputeCost },
    warnings,
    assumptions,
  };
}
