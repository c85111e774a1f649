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

/** The last egress query handed out: a sweep asks for the same one at every point. */
let lastEgress: { readonly region: string; readonly currency: string; readonly query: PriceQuery } | undefined;

export function egressQuery(where: Where): PriceQuery {
  if (lastEgress?.region === where.region && lastEgress.currency === where.currency) return lastEgress.query;
  const m = METERS.egress;
  const query = once(`egress|${where.region}|${where.currency}`, () => ({ serviceName: m.serviceName, productName: m.productName, meterName: m.meterName, unitOfMeasure: m.unitOfMeasure, armRegionName: where.region, currencyCode: where.currency, type: 'Consumption' }));
  lastEgress = { region: where.region, currency: where.currency, query };
  return query;
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

/** Blob read operations of the content tier (per 10K), which content downloads from the storage account count. */
let lastRead: { readonly tier: string; readonly region: string; readonly currency: string; readonly query: PriceQuery } | undefined;

export function blobReadQuery(tier: 'hot' | 'cool', where: Where): PriceQuery {
  if (lastRead?.tier === tier && lastRead.region === where.region && lastRead.currency === where.currency) return lastRead.query;
  const query = blobReadQueryOnce(tier, where);
  lastRead = { tier, region: where.region, currency: where.currency, query };
  return query;
}

function blobReadQueryOnce(tier: 'hot' | 'cool', where: Where): PriceQuery {
  const skuName = tier === 'hot' ? 'Hot LRS' : 'Cool LRS';
  const m = METERS.blob;
  return once(`blob-read|${tier}|${where.region}|${where.currency}`, () => ({ serviceName: m.serviceName, productName: m.productNames, skuName, meterName: `${tier === 'hot' ? 'Hot' : 'Cool'} Read Operations`, unitOfMeasure: '10K', armRegionName: where.region, currencyCode: where.currency, type: 'Consumption' }));
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
