import { Decimal, ZERO } from '../model/money.js';
import { MissingPriceError } from '../model/errors.js';
import type { Warning } from '../model/warning.js';
import type { Assumption, Scenario } from '../scenario/scenario.js';
import { USER_SCENARIO } from '../scenario/scenario.js';
import { sizeGateway, type Sizing } from '../sizing/capacity.js';
import { VM_SIZES, type VmSize } from '../sizing/vm-sizes.js';
import { estimateTraffic, type Traffic } from '../traffic/egress.js';
import { MANAGEMENT_BAND_MB } from '../traffic/management-defaults.js';
import { HOURS_PER_DAY } from '../model/units.js';
import { egressZoneOf } from '../pricing/regions.js';
import { blobQuery, egressQuery, keyVaultQuery, publicIpQuery } from '../pricing/meters.js';
import { priceCompute, type Commitment } from './commitment.js';
import { describeQuery, resolvePrice, type PriceList, type PriceQuery, type ResolvedPrice } from '../pricing/price-list.js';
import { STALE_PRICES_DAYS } from '../pricing/default-snapshot.js';
import { chargeTiers } from './tiers.js';
import type { CostLine } from './cost-line.js';

/** Days of outbound data the CMG's alert threshold counts. */
export const ALERT_WINDOW_DAYS = 14;

export interface Estimate {
  readonly scenario: Scenario;
  readonly vmSize: VmSize;
  readonly prices: { readonly source: string; readonly asOf: string | null; readonly ageDays: number | null };
  readonly sizing: Sizing;
  readonly traffic: Traffic;
  /** The CMG's outbound GB over the alert window, per CMG. */
  readonly outbound14DayGBPerGateway: Decimal;
  readonly lines: readonly CostLine[];
  /** The compute cost's commitment, and what the same hours cost pay-as-you-go. */
  readonly commitment: { readonly type: Commitment; readonly paygComputeCost: Decimal };
  readonly warnings: readonly Warning[];
  readonly assumptions: readonly Assumption[];
}

export interface EstimateContext {
  /** The clock, for the age of the prices. */
  readonly now: Date;
}

const unitLabel = (unitOfMeasure: string) => unitOfMeasure.replace(/^\s*\d+(?:\.\d+)?\s*/, '') || unitOfMeasure;

const sources = new WeakMap<ResolvedPrice, string>();

/** Where a line's price came from: the file, the query, and the item's provenance. Built once per price. */
function priceSource(price: ResolvedPrice, list: PriceList): string {
  let text = sources.get(price);
  if (text === undefined) {
    const from = `${list.source}: ${describeQuery(price.query)}`;
    text = price.provenance && price.provenance.kind !== 'api' ? `${from} [${price.provenance.kind}: ${price.provenance.note}]` : from;
    sources.set(price, text);
  }
  return text;
}

function requirePrice(list: PriceList, query: PriceQuery, what: string): ResolvedPrice {
  const price = resolvePrice(list, query);
  if (price) return price;
  const regions = [...new Set(list.items.filter((i) => i.serviceName === query.serviceName).map((i) => `${i.armRegionName}/${i.currencyCode}`))].sort();
  const has = regions.length ? `it has ${query.serviceName} prices for ${regions.slice(0, 12).join(', ')}${regions.length > 12 ? ', ...' : ''}` : `it has no ${query.serviceName} prices at all`;
  throw new MissingPriceError(
    `no ${what} price in ${list.source} for region ${query.armRegionName}, currency ${query.currencyCode} (${describeQuery(query)}); ${has}. Use a price file that covers it (--prices FILE) or a region and currency it covers`,
  );
}

/** Lines of a tiered meter: one per tier the quantity touches (at least one, even for zero). */
function tieredLines(
  component: CostLine['component'],
  price: ResolvedPrice,
  quantity: Decimal,
  alreadyUsed: Decimal,
  list: PriceList,
): CostLine[] {
  const unit = unitLabel(price.unitOfMeasure);
  const charges = chargeTiers(price.tiers, quantity.dividedBy(price.unitSize), alreadyUsed.dividedBy(price.unitSize));
  const source = priceSource(price, list);
  if (!charges.length) {
    const first = price.tiers[0]!;
    return [{ component, meterName: price.meterName, productName: price.productName, quantity: ZERO, unit: price.unitOfMeasure, unitPrice: first.unitPrice, cost: ZERO, source }];
  }
  return charges.map((c) => ({
    component,
    meterName: price.meterName,
    productName: price.productName,
    tier: price.tiers.length > 1 ? (c.toUnits ? `${c.fromUnits} to ${c.toUnits} ${unit}` : `${c.fromUnits} ${unit} and up`) : undefined,
    quantity: c.quantity,
    unit: price.unitOfMeasure,
    unitPrice: c.unitPrice,
    cost: c.cost,
    source,
  }));
}

function flatLine(component: CostLine['component'], price: ResolvedPrice, baseQuantity: Decimal, list: PriceList): CostLine {
  const quantity = baseQuantity.dividedBy(price.unitSize);
  const unitPrice = price.tiers[0]!.unitPrice;
  return { component, meterName: price.meterName, productName: price.productName, quantity, unit: price.unitOfMeasure, unitPrice, cost: quantity.times(unitPrice), source: priceSource(price, list) };
}

/**
 * The whole estimate: sizing, traffic, prices and cost lines for one scenario. Pure: the price list
 * and the clock are handed in.
 */
export function estimate(scenario: Scenario, list: PriceList, context: EstimateContext): Estimate {
  const where = { region: scenario.region, currency: scenario.currency };
  const vmSize = VM_SIZES[scenario.gateway.vmSize];
  const warnings: Warning[] = [];
  const assumptions: Assumption[] = [...scenario.assumptions];

  const sizing = sizeGateway({
    totalClients: scenario.clients.total,
    peakConcurrency: scenario.clients.peakConcurrency,
    vmSize,
    clientsPerInstance: scenario.gateway.clientsPerInstance,
    minInstances: scenario.gateway.minInstances,
    fixedInstances: scenario.gateway.instances,
  });
  warnings.push(...sizing.warnings);
  if (scenario.gateway.clientsPerInstance === undefined) {
    assumptions.push({ name: 'sizing.clientsPerInstance', value: sizing.clientsPerInstance, source: vmSize.capacitySource });
  }

  const traffic = estimateTraffic({
    totalClients: scenario.clients.total,
    onlineHoursPerDay: scenario.clients.onlineHoursPerDay,
    hoursPerMonth: scenario.hoursPerMonth,
    ...scenario.traffic,
    measuredManagementMBPerClientMonth: scenario.traffic.managementMBPerClientMonth,
    downloadMBPerClientMonth: scenario.content.downloadMBPerClientMonth,
    peerShare: scenario.content.peerShare,
  });
  if (traffic.breakdown) {
    const b = traffic.breakdown;
    assumptions.push({
      name: 'traffic.managementMBPerClientMonth (derived, client online 24 h)',
      value: traffic.managementMBPerClientMonth24h.toDecimalPlaces(1).toNumber(),
      source: `policy ${b.policy.toFixed(1)} + notification ${b.notification.toFixed(1)} + inventory ${b.inventory.toFixed(1)} + status ${b.status.toFixed(1)} MB, from the traffic.* settings above; Microsoft's band is ${MANAGEMENT_BAND_MB.low}-${MANAGEMENT_BAND_MB.high} MB (${MANAGEMENT_BAND_MB.source})`,
    });
  }
  assumptions.push({ name: 'egress zone', value: egressZoneOf(scenario.region) ?? 'unknown', source: 'https://azure.microsoft.com/pricing/details/bandwidth/' });

  // compute: every instance of every CMG, all month, under the scenario's commitment
  const compute = priceCompute(
    { size: vmSize.name, os: scenario.gateway.os, region: scenario.region, currency: scenario.currency, instances: sizing.instances, hoursPerMonth: scenario.hoursPerMonth, commitment: scenario.commitment },
    list,
    (price) => priceSource(price, list),
  );
  const lines: CostLine[] = [...compute.lines];
  warnings.push(...compute.notes.map((message) => ({ code: 'commitment-note', message })));

  // egress: the tiers count all internet egress on the meter; the CMG is charged what it adds
  const egressPrice = requirePrice(list, egressQuery(where), 'internet egress (Standard Data Transfer Out)');
  lines.push(...tieredLines('egress', egressPrice, traffic.egressGB, new Decimal(scenario.egress.otherGBPerMonth), list));

  // content storage, only when the CMG holds content
  if (scenario.content.storedGB > 0) {
    const blobPrice = requirePrice(list, blobQuery(scenario.content.storageTier, where), `${scenario.content.storageTier === 'hot' ? 'Hot' : 'Cool'} LRS blob storage`);
    lines.push(...tieredLines('storage', blobPrice, new Decimal(scenario.content.storedGB), ZERO, list));
  }

  // small fixed items, one set per CMG: priced when the list has them, otherwise shown unpriced
  const gateways = new Decimal(sizing.gateways);
  const fixedItems: { query: PriceQuery; what: string; quantity: Decimal; unit: string; enabled: boolean }[] = [
    { query: publicIpQuery(where), what: 'public IP (Standard, static)', quantity: gateways.times(scenario.hoursPerMonth), unit: '1 Hour', enabled: scenario.gateway.publicIp !== 'none' },
    { query: keyVaultQuery(where), what: 'Key Vault operations', quantity: gateways.times(scenario.other.keyVaultOperationsPerMonth), unit: '10K', enabled: true },
  ];
  for (const item of fixedItems.filter((i) => i.enabled)) {
    const price = resolvePrice(list, item.query);
    if (price) {
      lines.push(flatLine('other', price, item.quantity, list));
    } else {
      const size = item.unit === '10K' ? new Decimal(10000) : new Decimal(1);
      lines.push({ component: 'other', meterName: item.query.meterName ?? item.what, productName: [item.query.productName].flat()[0] ?? '', quantity: item.quantity.dividedBy(size), unit: item.unit, unitPrice: null, cost: null, source: `not in ${list.source}: ${describeQuery(item.query)}` });
      warnings.push({ code: 'unpriced-item', message: `${item.what} is not priced: ${list.source} has no ${describeQuery(item.query)}; the total leaves it out` });
    }
  }

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

  const usedEstimated = lines.filter((l) => /\[estimated:/.test(l.source)).length;
  if (usedEstimated) {
    warnings.push({
      code: 'estimated-prices',
      message: `${usedEstimated} line${usedEstimated > 1 ? 's are' : ' is'} priced from cmg-planner's own estimate, not a verbatim Retail Prices API item (see each line's source); give current prices with --prices FILE`,
    });
  }

  const asOf = list.meta.fetchedAt ?? null;
  let ageDays: number | null = null;
  if (asOf && !Number.isNaN(Date.parse(asOf))) {
    ageDays = Math.floor((context.now.getTime() - Date.parse(asOf)) / 86_400_000);
    if (ageDays > STALE_PRICES_DAYS) {
      warnings.push({ code: 'prices-stale', message: `the prices are ${ageDays} days old (fetched ${asOf}), older than ${STALE_PRICES_DAYS} days: get current ones with --prices FILE` });
    }
  } else {
    warnings.push({ code: 'prices-undated', message: `${list.source} does not say when its prices were fetched (no cmgPlanner.fetchedAt): their age is unknown` });
  }
  assumptions.push({ name: 'prices', value: list.source, source: asOf ? `fetched ${asOf}` : USER_SCENARIO });

  return {
    scenario,
    vmSize,
    prices: { source: list.meta.source ?? list.source, asOf, ageDays },
    sizing,
    traffic,
    outbound14DayGBPerGateway,
    lines,
    commitment: { type: scenario.commitment, paygComputeCost: compute.paygCost },
    warnings,
    assumptions,
  };
}
