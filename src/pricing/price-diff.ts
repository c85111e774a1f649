import { Decimal, fixedString } from '../model/money.js';
import type { PriceItem } from './price-item.js';
import type { PriceList } from './price-list.js';

/** One price of a meter: the item's own, or one of its savings-plan rates. */
interface PricePoint {
  readonly key: string;
  readonly fields: PriceIdentity;
  readonly price: Decimal;
  readonly effectiveStartDate: string;
}

export interface PriceIdentity {
  readonly armRegionName: string;
  readonly currencyCode: string;
  readonly serviceName: string;
  readonly productName: string;
  readonly skuName: string;
  readonly meterName: string;
  readonly armSkuName: string;
  /** Consumption, Reservation, DevTestConsumption, or "Savings plan". */
  readonly type: string;
  /** A reservation's or savings plan's term, else "". */
  readonly term: string;
  readonly unitOfMeasure: string;
  readonly tierMinimumUnits: string;
}

export interface PriceChange extends PriceIdentity {
  readonly status: 'changed' | 'added' | 'removed';
  readonly oldPrice: string | null;
  readonly newPrice: string | null;
  /** (new - old) / old in %, two decimals; null when a side is missing or the old price is 0. */
  readonly changePct: string | null;
}

export interface PriceDiff {
  readonly old: { source: string; asOf: string | null; items: number };
  readonly new: { source: string; asOf: string | null; items: number };
  readonly summary: { changed: number; added: number; removed: number; unchanged: number };
  readonly changes: PriceChange[];
}

function points(item: PriceItem): PricePoint[] {
  const base = {
    armRegionName: item.armRegionName,
    currencyCode: item.currencyCode,
    serviceName: item.serviceName,
    productName: item.productName,
    skuName: item.skuName,
    meterName: item.meterName,
    armSkuName: item.armSkuName ?? '',
    unitOfMeasure: item.unitOfMeasure,
    tierMinimumUnits: new Decimal(item.tierMinimumUnits ?? 0).toString(),
  };
  const own: PriceIdentity = { ...base, type: item.type, term: item.reservationTerm ?? '' };
  const plans: PriceIdentity[] = (item.savingsPlan ?? []).map((sp) => ({ ...base, type: `${item.type} savings plan`, term: sp.term }));
  const at = item.effectiveStartDate ?? '';
  return [
    { key: JSON.stringify(own), fields: own, price: new Decimal(item.retailPrice), effectiveStartDate: at },
    ...(item.savingsPlan ?? []).map((sp, i) => ({ key: JSON.stringify(plans[i]), fields: plans[i]!, price: new Decimal(sp.retailPrice), effectiveStartDate: at })),
  ];
}

/** Each price once; where a file lists one twice, the latest effectiveStartDate wins (as in the estimate). */
function index(list: PriceList): Map<string, PricePoint> {
  const byKey = new Map<string, PricePoint>();
  for (const item of list.items) {
    for (const point of points(item)) {
      const seen = byKey.get(point.key);
      if (!seen || point.effectiveStartDate > seen.effectiveStartDate) byKey.set(point.key, point);
    }
  }
  return byKey;
}

const order = (a: PriceChange, b: PriceChange) =>
  a.armRegionName.localeCompare(b.armRegionName) ||
  a.serviceName.localeCompare(b.serviceName) ||
  a.productName.localeCompare(b.productName) ||
  a.meterName.localeCompare(b.meterName) ||
  a.type.localeCompare(b.type) ||
  a.term.localeCompare(b.term) ||
  new Decimal(a.tierMinimumUnits).comparedTo(b.tierMinimumUnits);

/** What changed between two price files, by meter, tier and term. Pure. */
export function diffPrices(oldList: PriceList, newList: PriceList): PriceDiff {
  const before = index(oldList);
  const after = index(newList);
  const changes: PriceChange[] = [];
  let unchanged = 0;
  for (const [key, was] of before) {
    const now = after.get(key);
    if (!now) {
      changes.push({ ...was.fields, status: 'removed', oldPrice: was.price.toString(), newPrice: null, changePct: null });
    } else if (!now.price.equals(was.price)) {
      const pct = was.price.isZero() ? null : fixedString(now.price.minus(was.price).dividedBy(was.price).times(100), 2);
      changes.push({ ...was.fields, status: 'changed', oldPrice: was.price.toString(), newPrice: now.price.toString(), changePct: pct });
    } else {
      unchanged++;
    }
  }
  for (const [key, now] of after) {
    if (!before.has(key)) changes.push({ ...now.fields, status: 'added', oldPrice: null, newPrice: now.price.toString(), changePct: null });
  }
  changes.sort(order);
  const count = (status: PriceChange['status']) => changes.filter((c) => c.status === status).length;
  return {
    old: { source: oldList.source, asOf: oldList.meta.fetchedAt ?? null, items: oldList.items.length },
    new: { source: newList.source, asOf: newList.meta.fetchedAt ?? null, items: newList.items.length },
    summary: { changed: count('changed'), added: count('added'), removed: count('removed'), unchanged },
    changes,
  };
}
