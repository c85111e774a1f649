import { z } from 'zod';

/**
 * One item of the Azure Retail Prices API, as the API returns it
 * (https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices).
 * Only the fields the model reads are checked; the rest pass through untouched.
 */
const price = z.number({ error: 'expected a number' }).min(0, 'expected a price of 0 or more');

export const provenanceSchema = z.object({
  /** api: an API item from a public copy of its data; documented: a figure a public source states; estimated: cmg-planner's own. */
  kind: z.enum(['api', 'catalog', 'documented', 'estimated']),
  note: z.string(),
  /** When the price data was fetched from the API (a date); none for estimates. */
  asOf: z.string().optional(),
  /** Savings-plan terms of the item that are estimated although the item's own price is not. */
  estimatedTerms: z.array(z.string()).optional(),
});


export const priceItemSchema = z.looseObject({
  currencyCode: z.string({ error: 'expected a currency code' }),
  tierMinimumUnits: z.number({ error: 'expected a number' }).min(0).optional(),
  retailPrice: price,
  unitPrice: price.optional(),
  armRegionName: z.string({ error: 'expected a region name' }),
  location: z.string().optional(),
  effectiveStartDate: z.string().optional(),
  meterId: z.string().optional(),
  meterName: z.string({ error: 'expected a meter name' }),
  productName: z.string({ error: 'expected a product name' }),
  skuName: z.string({ error: 'expected a SKU name' }),
  serviceName: z.string({ error: 'expected a service name' }),
  unitOfMeasure: z.string({ error: 'expected a unit of measure' }),
  type: z.string({ error: 'expected a price type' }),
  armSkuName: z.string().optional(),
  isPrimaryMeterRegion: z.boolean().optional(),
  reservationTerm: z.string().optional(),
  /** Savings-plan rates of a Consumption item (api-version 2023-01-01-preview): per unit, by term. */
  savingsPlan: z
    .array(z.looseObject({ unitPrice: price.optional(), retailPrice: price, term: z.string({ error: 'expected a term such as "1 Year"' }) }))
    .optional(),
  /** cmg-planner's own note where an item is not a verbatim API item. */
  _provenance: provenanceSchema.optional(),
});
export type PriceItem = z.infer<typeof priceItemSchema>;

/** cmg-planner's metadata beside the API's own envelope fields. */
export const snapshotMetaSchema = z.looseObject({
  fetchedAt: z.string().optional(),
  source: z.string().optional(),
  endpoint: z.string().optional(),
  apiVersion: z.string().optional(),
  currency: z.string().optional(),
  regions: z.array(z.string()).optional(),
  filters: z.array(z.string()).optional(),
  itemCount: z.number().optional(),
  notes: z.array(z.string()).optional(),
});
export type SnapshotMeta = z.infer<typeof snapshotMetaSchema>;

export const snapshotEnvelopeSchema = z.looseObject({
  BillingCurrency: z.string().optional(),
  Items: z.array(z.unknown(), { error: 'expected an "Items" list of Retail Prices API items' }),
  NextPageLink: z.string().nullable().optional(),
  Count: z.number().optional(),
  cmgPlanner: snapshotMetaSchema.optional(),
});
