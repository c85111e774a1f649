import { ExternalError } from '../model/errors.js';
import { describeIssue, fieldPath } from '../model/validation.js';
import { priceItemSchema, type PriceItem, type SnapshotMeta } from './price-item.js';
import type { PriceList } from './price-list.js';

/** Where the Retail Prices API says its non-USD prices stand. */
export const NON_USD_NOTE =
  'The currency that Microsoft uses to price all Azure services is USD. Prices shown in USD currency are Microsoft retail prices. Other non-USD prices returned by the API are for your reference to help you estimate budget expenses. (https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices)';

/** The currencies the Retail Prices API answers in (its documentation's list). */
export const RETAIL_CURRENCIES = ['USD', 'AUD', 'BRL', 'CAD', 'CHF', 'CNY', 'DKK', 'EUR', 'GBP', 'INR', 'JPY', 'KRW', 'NOK', 'NZD', 'RUB', 'SEK', 'TWD'] as const;

export interface SnapshotFile {
  readonly BillingCurrency: string;
  readonly Items: readonly PriceItem[];
  readonly NextPageLink: null;
  readonly Count: number;
  readonly cmgPlanner: SnapshotMeta & { requests: number };
}

export interface SnapshotInput {
  /** Items as the API returned them, from every query, not yet checked. */
  readonly rawItems: readonly unknown[];
  readonly regions: readonly string[];
  readonly currency: string;
  readonly endpoint: string;
  readonly apiVersion: string;
  readonly filters: readonly string[];
  readonly fetchedAt: string;
  readonly requests: number;
}

/** A stable identity of one price: the same meter, tier and term listed twice is kept once. */
function itemKey(item: PriceItem): string {
  return JSON.stringify([item.armRegionName, item.currencyCode, item.meterId, item.serviceName, item.productName, item.skuName, item.meterName, item.armSkuName, item.type, item.reservationTerm, item.unitOfMeasure, item.tierMinimumUnits, item.effectiveStartDate]);
}

/**
 * The snapshot a refresh writes: the API's items for the requested regions (checked, each kept once,
 * in a stable order) in the API's envelope, plus cmg-planner's metadata.
 */
export function buildSnapshot(input: SnapshotInput): SnapshotFile {
  const wanted = new Set(input.regions);
  const kept = new Map<string, PriceItem>();
  input.rawItems.forEach((raw, index) => {
    const region = (raw as { armRegionName?: unknown } | null)?.armRegionName;
    if (typeof region !== 'string' || !wanted.has(region)) return;
    const parsed = priceItemSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      const { path, message } = describeIssue(parsed.error.issues[0]!);
      throw new ExternalError(`the Retail Prices API returned an item cmg-planner cannot read (item ${index + 1}, ${fieldPath(path)}: ${message}); nothing was written`);
    }
    const key = itemKey(parsed.data);
    if (!kept.has(key)) kept.set(key, parsed.data);
  });
  const items = [...kept.values()].sort(
    (a, b) =>
      a.armRegionName.localeCompare(b.armRegionName) ||
      a.serviceName.localeCompare(b.serviceName) ||
      a.productName.localeCompare(b.productName) ||
      a.meterName.localeCompare(b.meterName) ||
      a.type.localeCompare(b.type) ||
      (a.reservationTerm ?? '').localeCompare(b.reservationTerm ?? '') ||
      (a.tierMinimumUnits ?? 0) - (b.tierMinimumUnits ?? 0),
  );
  const notes = ['Fetched by `cmg-planner pricing refresh`: verbatim Retail Prices API items for the regions asked for.'];
  if (input.currency !== 'USD') notes.push(NON_USD_NOTE);
  return {
    BillingCurrency: input.currency,
    Items: items,
    NextPageLink: null,
    Count: items.length,
    cmgPlanner: {
      fetchedAt: input.fetchedAt,
      source: 'Azure Retail Prices API',
      endpoint: input.endpoint,
      apiVersion: input.apiVersion,
      currency: input.currency,
      regions: [...input.regions],
      filters: [...input.filters],
      itemCount: items.length,
      requests: input.requests,
      notes,
    },
  };
}

export function snapshotAsPriceList(snapshot: SnapshotFile, source: string): PriceList {
  return { items: snapshot.Items, source, meta: snapshot.cmgPlanner };
}
