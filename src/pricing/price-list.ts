import { Decimal } from '../model/money.js';
import type { PriceItem, SnapshotMeta } from './price-item.js';

/** Validated price items and where they came from. */
export interface PriceList {
  readonly items: readonly PriceItem[];
  /** The file (or URL) the items were read from. */
  readonly source: string;
  readonly meta: SnapshotMeta;
}

/**
 * A price asked for in the Retail Prices API's own terms. Fields left out match anything;
 * productName may list products in order of preference.
 */
export interface PriceQuery {
  readonly serviceName: string;
  readonly armRegionName: string;
  readonly currencyCode: string;
  readonly type: 'Consumption' | 'Reservation';
  /** Reservation items only: '1 Year' or '3 Years'. */
  readonly reservationTerm?: string;
  readonly productName?: string | readonly string[];
  readonly productNameMatches?: { readonly pattern: RegExp; readonly label: string };
  readonly skuName?: string;
  readonly meterName?: string;
  readonly armSkuName?: string;
  readonly unitOfMeasure?: string;
  /** Meters never to use (Spot, Low Priority). */
  readonly excludeMeter?: RegExp;
}

export interface PriceTier {
  /** Where the tier starts, in the meter's units (tierMinimumUnits). */
  readonly fromUnits: Decimal;
  readonly unitPrice: Decimal;
  /** The price list's item that gives this tier's price: the line it prices cites it. */
  readonly item: PriceItem;
}

/** The meter a query found: its tiers, sorted, and its unit. */
export interface ResolvedPrice {
  readonly query: PriceQuery;
  readonly meterName: string;
  readonly productName: string;
  readonly unitOfMeasure: string;
  /** How many base units one priced unit is: "10K" is 10,000 operations, "1 Hour" is 1 hour. */
  readonly unitSize: Decimal;
  readonly tiers: readonly PriceTier[];
  /** The first tier's item's savings-plan rates per unit, by term ('1 Year', '3 Years'). */
  readonly savingsPlan: readonly { readonly term: string; readonly unitPrice: Decimal }[];
}

/** "1 Hour" -> 1, "1 GB/Month" -> 1, "10K" -> 10000, "100 Hours" -> 100. */
export function unitSizeOf(unitOfMeasure: string): Decimal {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KM])?\b/i.exec(unitOfMeasure);
  if (!match) return new Decimal(1);
  const scale = match[2]?.toUpperCase() === 'K' ? 1_000 : match[2]?.toUpperCase() === 'M' ? 1_000_000 : 1;
  return new Decimal(match[1]!).times(scale);
}

/** Describes a query the way a user would search the API for it. */
export function describeQuery(q: PriceQuery): string {
  const parts = [
    `serviceName '${q.serviceName}'`,
    q.productName !== undefined ? `productName '${[q.productName].flat().join("' or '")}'` : undefined,
    q.productNameMatches ? `productName ${q.productNameMatches.label}` : undefined,
    q.armSkuName !== undefined ? `armSkuName '${q.armSkuName}'` : undefined,
    q.skuName !== undefined ? `skuName '${q.skuName}'` : undefined,
    q.meterName !== undefined ? `meterName '${q.meterName}'` : undefined,
    q.unitOfMeasure !== undefined ? `unit '${q.unitOfMeasure}'` : undefined,
    q.reservationTerm !== undefined ? `reservationTerm '${q.reservationTerm}'` : undefined,
    `type ${q.type}`,
    `region ${q.armRegionName}`,
    `currency ${q.currencyCode}`,
  ];
  return parts.filter(Boolean).join(', ');
}

function matches(item: PriceItem, q: PriceQuery, productName?: string): boolean {
  return (
    item.serviceName === q.serviceName &&
    item.armRegionName === q.armRegionName &&
    item.currencyCode === q.currencyCode &&
    item.type === q.type &&
    (productName === undefined || item.productName === productName) &&
    (q.productNameMatches === undefined || q.productNameMatches.pattern.test(item.productName)) &&
    (q.skuName === undefined || item.skuName === q.skuName) &&
    (q.meterName === undefined || item.meterName === q.meterName) &&
    (q.armSkuName === undefined || item.armSkuName === q.armSkuName) &&
    (q.unitOfMeasure === undefined || item.unitOfMeasure === q.unitOfMeasure) &&
    (q.reservationTerm === undefined || item.reservationTerm === q.reservationTerm) &&
    !(q.excludeMeter && (q.excludeMeter.test(item.meterName) || q.excludeMeter.test(item.skuName)))
  );
}

const resolved = new WeakMap<PriceList, Map<string, ResolvedPrice | undefined>>();

/** Every field of a query in one string: the cache key. */
function queryKey(q: PriceQuery): string {
  const product = q.productName === undefined ? '' : typeof q.productName === 'string' ? q.productName : q.productName.join('\u0002');
  return [q.serviceName, q.armRegionName, q.currencyCode, q.type, product, q.productNameMatches?.label, q.skuName, q.meterName, q.armSkuName, q.unitOfMeasure, q.reservationTerm, q.excludeMeter?.source].join('\u0001');
}

/**
 * Finds the meter for a query, or undefined when nothing matches. Tie-break, where the list holds
 * several items for one tier: the latest effectiveStartDate wins, then the primary meter region, then
 * the first listed. Each query is answered once per list.
 */
const resolvedByQuery = new WeakMap<PriceList, WeakMap<PriceQuery, ResolvedPrice | null>>();

export function resolvePrice(list: PriceList, query: PriceQuery): ResolvedPrice | undefined {
  // a list's items do not change: each query is answered once (sweeps and Monte Carlo ask thousands of
  // times, mostly with the very same query object, see meters.ts)
  let byQuery = resolvedByQuery.get(list);
  if (!byQuery) resolvedByQuery.set(list, (byQuery = new WeakMap()));
  const known = byQuery.get(query);
  if (known !== undefined) return known ?? undefined;
  let cache = resolved.get(list);
  if (!cache) resolved.set(list, (cache = new Map()));
  const key = queryKey(query);
  let price: ResolvedPrice | undefined;
  if (cache.has(key)) price = cache.get(key);
  else cache.set(key, (price = findPrice(list, query)));
  byQuery.set(query, price ?? null);
  return price;
}

function findPrice(list: PriceList, query: PriceQuery): ResolvedPrice | undefined {
  const products = query.productName === undefined ? [undefined] : [query.productName].flat();
  let found: PriceItem[] = [];
  for (const product of products) {
    found = list.items.filter((item) => matches(item, query, product));
    if (found.length) break;
  }
  if (!found.length) return undefined;

  // a query that matches several meters (e.g. two skus) keeps the meter of the best item only
  const ranked = [...found].sort(
    (a, b) =>
      (b.effectiveStartDate ?? '').localeCompare(a.effectiveStartDate ?? '') ||
      Number(b.isPrimaryMeterRegion ?? false) - Number(a.isPrimaryMeterRegion ?? false),
  );
  const best = ranked[0]!;
  const sameMeter = ranked.filter(
    (i) => i.meterName === best.meterName && i.productName === best.productName && i.skuName === best.skuName && i.unitOfMeasure === best.unitOfMeasure,
  );
  const byTier = new Map<string, PriceItem>();
  for (const item of sameMeter) {
    const key = new Decimal(item.tierMinimumUnits ?? 0).toString();
    if (!byTier.has(key)) byTier.set(key, item);
  }
  const tiers = [...byTier.entries()]
    .map(([from, item]) => ({ fromUnits: new Decimal(from), unitPrice: new Decimal(item.unitPrice ?? item.retailPrice), item }))
    .sort((a, b) => a.fromUnits.comparedTo(b.fromUnits));

  return {
    query,
    meterName: best.meterName,
    productName: best.productName,
    unitOfMeasure: best.unitOfMeasure,
    unitSize: unitSizeOf(best.unitOfMeasure),
    tiers,
    savingsPlan: (tiers[0]!.item.savingsPlan ?? []).map((sp) => ({ term: sp.term, unitPrice: new Decimal(sp.unitPrice ?? sp.retailPrice) })),
  };
}
