import type { VmSizeName } from '../sizing/vm-sizes.js';
import type { PriceQuery } from './price-list.js';

/**
 * The meters a CMG is billed on, in the Retail Prices API's own names.
 * Sources: https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/cost and the API's items.
 */
export const METERS = {
  vm: { serviceName: 'Virtual Machines', unitOfMeasure: '1 Hour', exclude: /Spot|Low Priority/i },
  egress: { serviceName: 'Bandwidth', productName: 'Rtn Preference: MGN', meterName: 'Standard Data Transfer Out', unitOfMeasure: '1 GB' },
  blob: {
    serviceName: 'Storage',
    // some regions price Hot LRS under 'Blob Storage'; General Block Blob v2 is preferred
    productNames: ['General Block Blob v2', 'Blob Storage'],
    unitOfMeasure: '1 GB/Month',
  },
  publicIp: { serviceName: 'Virtual Network', productName: 'IP Addresses', skuName: 'Standard', meterName: 'Standard IPv4 Static Public IP', unitOfMeasure: '1 Hour' },
  keyVault: { serviceName: 'Key Vault', productName: 'Key Vault', skuName: 'Standard', meterName: 'Operations', unitOfMeasure: '10K' },
} as const;

type Where = { readonly region: string; readonly currency: string };

/** Queries are made once per set of arguments and handed out again: the price list answers a known query object at once. */
const made = new Map<string, PriceQuery>();
function once(key: string, make: () => PriceQuery): PriceQuery {
  let query = made.get(key);
  if (!query) made.set(key, (query = make()));
  return query;
}

export function vmQuery(size: VmSizeName, os: 'windows' | 'linux', where: Where): PriceQuery {
  return once(`vm|${size}|${os}|${where.region}|${where.currency}`, () => ({
    serviceName: METERS.vm.serviceName,
    armRegionName: where.region,
    currencyCode: where.currency,
    type: 'Consumption',
    armSkuName: size,
    unitOfMeasure: METERS.vm.unitOfMeasure,
    // Windows meters are in the "... Series Windows" product, Linux in the plain "... Series" one
    productNameMatches:
      os === 'windows'
        ? { pattern: / Windows$/, label: "ending in ' Windows'" }
        : { pattern: /^(?!.*Windows)/, label: "without 'Windows'" },
    excludeMeter: METERS.vm.exclude,
  }));
}

/**
 * A query maker that hands out its last query again for the same arguments without building its key:
 * a sweep or Monte Carlo run asks for the egress and read-operation queries at every point.
 */
function rememberLast(make: (a: string, b: string, c: string) => PriceQuery): (a: string, b: string, c: string) => PriceQuery {
  let last: { readonly a: string; readonly b: string; readonly c: string; readonly query: PriceQuery } | undefined;
  return (a, b, c) => {
    if (last?.a !== a || last.b !== b || last.c !== c) last = { a, b, c, query: make(a, b, c) };
    return last.query;
  };
}

const egressOnce = rememberLast((region, currency) => {
  const m = METERS.egress;
  return once(`egress|${region}|${currency}`, () => ({ serviceName: m.serviceName, productName: m.productName, meterName: m.meterName, unitOfMeasure: m.unitOfMeasure, armRegionName: region, currencyCode: currency, type: 'Consumption' }));
});

export function egressQuery(where: Where): PriceQuery {
  return egressOnce(where.region, where.currency, '');
}

export function blobQuery(tier: 'hot' | 'cool', where: Where): PriceQuery {
  const skuName = tier === 'hot' ? 'Hot LRS' : 'Cool LRS';
  const m = METERS.blob;
  return once(`blob|${tier}|${where.region}|${where.currency}`, () => ({ serviceName: m.serviceName, productName: m.productNames, skuName, meterName: `${skuName} Data Stored`, unitOfMeasure: m.unitOfMeasure, armRegionName: where.region, currencyCode: where.currency, type: 'Consumption' }));
}

export function publicIpQuery(where: Where): PriceQuery {
  const m = METERS.publicIp;
  return once(`ip|${where.region}|${where.currency}`, () => ({ serviceName: m.serviceName, productName: m.productName, skuName: m.skuName, meterName: m.meterName, unitOfMeasure: m.unitOfMeasure, armRegionName: where.region, currencyCode: where.currency, type: 'Consumption' }));
}

export function keyVaultQuery(where: Where): PriceQuery {
  const m = METERS.keyVault;
  return once(`kv|${where.region}|${where.currency}`, () => ({ serviceName: m.serviceName, productName: m.productName, skuName: m.skuName, meterName: m.meterName, unitOfMeasure: m.unitOfMeasure, armRegionName: where.region, currencyCode: where.currency, type: 'Consumption' }));
}

const blobReadOnce = rememberLast((tier, region, currency) => {
  const skuName = tier === 'hot' ? 'Hot LRS' : 'Cool LRS';
  const m = METERS.blob;
  return once(`blob-read|${tier}|${region}|${currency}`, () => ({ serviceName: m.serviceName, productName: m.productNames, skuName, meterName: `${tier === 'hot' ? 'Hot' : 'Cool'} Read Operations`, unitOfMeasure: '10K', armRegionName: region, currencyCode: currency, type: 'Consumption' }));
});

/** Blob read operations of the content tier (per 10K), which content downloads from the storage account count. */
export function blobReadQuery(tier: 'hot' | 'cool', where: Where): PriceQuery {
  return blobReadOnce(tier, where.region, where.currency);
}

/**
 * A VM reservation: a `Reservation` item of the size's base (Linux) product; its retailPrice is the
 * price of the whole term. Reservations cover the VM's infrastructure only: Windows software is
 * billed on top (https://learn.microsoft.com/azure/cost-management-billing/manage/understand-vm-reservation-charges).
 */
export function vmReservationQuery(size: VmSizeName, term: '1 Year' | '3 Years', where: Where): PriceQuery {
  return once(`reservation|${size}|${term}|${where.region}|${where.currency}`, () => ({
    serviceName: METERS.vm.serviceName,
    armRegionName: where.region,
    currencyCode: where.currency,
    type: 'Reservation',
    armSkuName: size,
    reservationTerm: term,
    productNameMatches: { pattern: /^(?!.*Windows)/, label: "without 'Windows'" },
    excludeMeter: METERS.vm.exclude,
  }));
}
