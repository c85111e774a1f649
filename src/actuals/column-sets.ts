import { Decimal } from '../model/money.js';
import { UserInputError } from '../model/errors.js';
import { usageDay } from './dates.js';
import type { RowOrigin, UsageRow } from './usage-row.js';

/**
 * The Cost Management export column sets cmg-planner reads, and where each field of a usage row is in
 * them. Header names are matched without regard to case (EA writes MeterCategory, MCA meterCategory).
 * Sources: https://learn.microsoft.com/azure/cost-management-billing/automate/understand-usage-details-fields
 * and the FOCUS specification (https://focus.finops.org).
 */
export type ColumnSetName = 'EA' | 'MCA' | 'FOCUS';

type Field = 'date' | 'meterCategory' | 'meterSubCategory' | 'meterName' | 'quantity' | 'unitOfMeasure' | 'cost' | 'currency' | 'resourceId' | 'resourceGroup' | 'tags' | 'chargeType';

interface ColumnSet {
  readonly name: ColumnSetName;
  /** All of these (lower case) in the header identify the set. */
  readonly signature: readonly string[];
  /** Candidate headers per field, first found wins; required fields must be found. */
  readonly fields: Readonly<Record<Field, readonly string[]>>;
  readonly required: readonly Field[];
}

const COMMON_REQUIRED: Field[] = ['date', 'meterCategory', 'quantity', 'cost', 'currency'];

export const COLUMN_SETS: readonly ColumnSet[] = [
  {
    name: 'FOCUS',
    signature: ['billedcost', 'chargeperiodstart'],
    fields: {
      date: ['ChargePeriodStart'],
      // Microsoft's FOCUS exports add x_SkuMeterCategory; the FOCUS column is ServiceName
      meterCategory: ['x_SkuMeterCategory', 'ServiceName'],
      meterSubCategory: ['x_SkuMeterSubcategory', 'ServiceSubcategory'],
      meterName: ['x_SkuMeterName', 'SkuMeter'],
      quantity: ['ConsumedQuantity', 'PricingQuantity'],
      unitOfMeasure: ['ConsumedUnit', 'PricingUnit'],
      // EffectiveCost: amortized, commitments spread over the months they cover, like the forecast
      cost: ['EffectiveCost', 'BilledCost'],
      currency: ['BillingCurrency'],
      resourceId: ['ResourceId'],
      resourceGroup: ['x_ResourceGroupName'],
      tags: ['Tags'],
      chargeType: ['ChargeCategory'],
    },
    required: COMMON_REQUIRED,
  },
  {
    name: 'MCA',
    signature: ['costinbillingcurrency', 'resourcegroupname'],
    fields: {
      date: ['date'],
      meterCategory: ['meterCategory'],
      meterSubCategory: ['meterSubCategory'],
      meterName: ['meterName'],
      quantity: ['quantity'],
      unitOfMeasure: ['unitOfMeasure'],
      cost: ['costInBillingCurrency'],
      currency: ['billingCurrency', 'billingCurrencyCode'],
      resourceId: ['ResourceId', 'instanceName'],
      resourceGroup: ['resourceGroupName'],
      tags: ['tags'],
      chargeType: ['chargeType'],
    },
    required: COMMON_REQUIRED,
  },
  {
    name: 'EA',
    signature: ['metercategory', 'date', 'resourcegroup'],
    fields: {
      date: ['Date', 'UsageDateTime'],
      meterCategory: ['MeterCategory'],
      meterSubCategory: ['MeterSubCategory'],
      meterName: ['MeterName'],
      quantity: ['Quantity', 'UsageQuantity'],
      unitOfMeasure: ['UnitOfMeasure'],
      cost: ['Cost', 'CostInBillingCurrency', 'PreTaxCost'],
      currency: ['BillingCurrency', 'BillingCurrencyCode', 'Currency'],
      resourceId: ['ResourceId', 'InstanceId'],
      resourceGroup: ['ResourceGroup', 'ResourceGroupName'],
      tags: ['Tags'],
      chargeType: ['ChargeType'],
    },
    required: COMMON_REQUIRED,
  },
];

/** A header read: which column set, and the column index of each field (-1 where absent). */
export interface ColumnMap {
  readonly set: ColumnSetName;
  readonly index: Readonly<Record<Field, number>>;
  readonly width: number;
}

/** Identifies the column set from a header row (BOM already removed); an unknown header is a UserInputError. */
export function detectColumns(header: readonly string[], file: string): ColumnMap {
  const lower = header.map((h) => h.trim().toLowerCase());
  const present = new Set(lower);
  for (const set of COLUMN_SETS) {
    if (!set.signature.every((s) => present.has(s))) continue;
    const index = Object.fromEntries((Object.keys(set.fields) as Field[]).map((field) => [field, set.fields[field].map((c) => lower.indexOf(c.toLowerCase())).find((i) => i >= 0) ?? -1])) as Record<
      Field,
      number
    >;
    const missing = set.required.filter((f) => index[f] < 0);
    if (missing.length) {
      throw new UserInputError(`${file}:1: a ${set.name} export without ${missing.map((f) => set.fields[f].join(' or ')).join(', ')}; export the full usage details (actual or amortized cost)`);
    }
    return { set: set.name, index, width: header.length };
  }
  const shown = header.slice(0, 8).join(',');
  throw new UserInputError(
    `${file}:1: unknown column set (header starts "${shown.length > 120 ? `${shown.slice(0, 117)}...` : shown}"); expected a Cost Management export: EA (Date, MeterCategory, Cost, ResourceGroup ...), MCA (date, meterCategory, costInBillingCurrency, resourceGroupName ...) or FOCUS (ChargePeriodStart, BilledCost, EffectiveCost ...)`,
  );
}

const RESOURCE_GROUP = /\/resourcegroups\/([^/]+)/i;

/** No cost or quantity of one usage row comes near this: a larger one is a broken file. */
const MAX_PLAUSIBLE = new Decimal('1e15');

function decimal(text: string, column: string, origin: RowOrigin): Decimal {
  const trimmed = text.trim();
  if (trimmed === '') return new Decimal(0);
  // exports write plain decimals, sometimes with an exponent; nothing else is a number
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    throw new UserInputError(`${origin.file}:${origin.line}: ${column}: "${trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed}" is not a number`);
  }
  const value = new Decimal(trimmed);
  if (value.abs().gt(MAX_PLAUSIBLE)) throw new UserInputError(`${origin.file}:${origin.line}: ${column}: ${trimmed} is not a plausible figure (more than 1e15)`);
  return value;
}

/** One record of an export (its fields decoded on demand) as a usage row; a bad date or number is a UserInputError naming file and line. */
export function toUsageRow(fieldAt: (index: number) => string, map: ColumnMap, origin: RowOrigin): UsageRow {
  const get = (field: Field) => (map.index[field] >= 0 ? fieldAt(map.index[field]) : '');
  const dateText = get('date');
  const date = usageDay(dateText);
  if (!date) throw new UserInputError(`${origin.file}:${origin.line}: date "${dateText}" is not a date (expected MM/DD/YYYY or YYYY-MM-DD)`);
  const resourceId = get('resourceId');
  return {
    date,
    meterCategory: get('meterCategory').trim(),
    meterSubCategory: get('meterSubCategory').trim(),
    meterName: get('meterName').trim(),
    quantity: decimal(get('quantity'), 'quantity', origin),
    unitOfMeasure: get('unitOfMeasure').trim(),
    cost: decimal(get('cost'), 'cost', origin),
    currency: get('currency').trim().toUpperCase(),
    resourceId,
    resourceGroup: get('resourceGroup').trim() || RESOURCE_GROUP.exec(resourceId)?.[1] || '',
    tags: get('tags'),
    chargeType: get('chargeType').trim(),
    origin,
  };
}
