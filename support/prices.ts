import type { PriceItem } from '../src/pricing/price-item.js';
import type { PriceList } from '../src/pricing/price-list.js';

/** A Retail Prices API item with the fields every meter has; pass what differs. */
export function item(fields: Partial<PriceItem> & Pick<PriceItem, 'serviceName' | 'meterName' | 'productName' | 'retailPrice'>): PriceItem {
  return {
    currencyCode: 'USD',
    tierMinimumUnits: 0,
    armRegionName: 'eastus',
    location: 'US East',
    effectiveStartDate: '2024-01-01T00:00:00Z',
    skuName: fields.meterName,
    unitOfMeasure: '1 Hour',
    type: 'Consumption',
    isPrimaryMeterRegion: true,
    unitPrice: fields.retailPrice,
    ...fields,
  };
}

export const vmItem = (armSkuName: string, retailPrice: number, over: Partial<PriceItem> = {}): PriceItem =>
  item({
    serviceName: 'Virtual Machines',
    armSkuName,
    productName: 'Virtual Machines Av2 Series Windows',
    meterName: armSkuName.replace(/^Standard_/, '').replace(/_/g, ' '),
    retailPrice,
    ...over,
  });

export const egressItems = (tiers: readonly [number, number][], over: Partial<PriceItem> = {}): PriceItem[] =>
  tiers.map(([tierMinimumUnits, retailPrice]) =>
    item({
      serviceName: 'Bandwidth',
      productName: 'Rtn Preference: MGN',
      skuName: 'Standard',
      meterName: 'Standard Data Transfer Out',
      unitOfMeasure: '1 GB',
      tierMinimumUnits,
      retailPrice,
      ...over,
    }),
  );

export const blobItems = (tier: 'Hot' | 'Cool', tiers: readonly [number, number][], over: Partial<PriceItem> = {}): PriceItem[] =>
  tiers.map(([tierMinimumUnits, retailPrice]) =>
    item({
      serviceName: 'Storage',
      productName: 'General Block Blob v2',
      skuName: `${tier} LRS`,
      meterName: `${tier} LRS Data Stored`,
      unitOfMeasure: '1 GB/Month',
      tierMinimumUnits,
      retailPrice,
      ...over,
    }),
  );

/** Blob read operations of a tier, per 10K. */
export const blobReadItem = (tier: 'Hot' | 'Cool', retailPrice: number, over: Partial<PriceItem> = {}): PriceItem =>
  item({ serviceName: 'Storage', productName: 'General Block Blob v2', skuName: `${tier} LRS`, meterName: `${tier} Read Operations`, unitOfMeasure: '10K', retailPrice, ...over });

export const publicIpItem = (retailPrice = 0.005, over: Partial<PriceItem> = {}): PriceItem =>
  item({ serviceName: 'Virtual Network', productName: 'IP Addresses', skuName: 'Standard', meterName: 'Standard IPv4 Static Public IP', retailPrice, ...over });

export const keyVaultItem = (retailPrice = 0.03, over: Partial<PriceItem> = {}): PriceItem =>
  item({ serviceName: 'Key Vault', productName: 'Key Vault', skuName: 'Standard', meterName: 'Operations', unitOfMeasure: '10K', retailPrice, ...over });

export function priceList(items: readonly PriceItem[], fetchedAt = '2026-11-01T00:00:00Z'): PriceList {
  return { items, source: 'test-prices.json', meta: { fetchedAt } };
}

/** A snapshot file's text: the API's envelope plus cmg-planner's metadata. */
export function snapshotText(items: readonly PriceItem[], fetchedAt = '2026-11-01T00:00:00Z'): string {
  return JSON.stringify({ BillingCurrency: 'USD', Items: items, NextPageLink: null, Count: items.length, cmgPlanner: { fetchedAt, source: 'test' } }, null, 2);
}

/** The oscc.be write-up's prices: A2_v2 Windows 0.136/h, egress 5 GB free then 0.087/GB. */
export const OSCC_ITEMS: readonly PriceItem[] = [
  vmItem('Standard_A2_v2', 0.136),
  ...egressItems([
    [0, 0],
    [5, 0.087],
  ]),
];

/**
 * East US list prices (USD) for every meter an estimate of a Windows A2_v2 CMG uses: A2_v2 0.136/h
 * (Linux 0.0903/h); egress 100 GB free, then 0.087/GB, 0.083 from 10,340 GB, 0.07 from 51,300 GB,
 * 0.05 from 153,700 GB; Hot LRS 0.0184/GB-month (0.0177 from 51,200 GB), Cool LRS 0.01; a Standard
 * static public IP 0.005/h; Key Vault 0.03 per 10K operations. Tests that work figures out by hand
 * write these to their own price file, so that none reads the shipped snapshot's figures.
 */
export const EASTUS_ITEMS: readonly PriceItem[] = [
  vmItem('Standard_A2_v2', 0.136),
  vmItem('Standard_A2_v2', 0.0903, { productName: 'Virtual Machines Av2 Series' }),
  ...egressItems([
    [0, 0],
    [100, 0.087],
    [10340, 0.083],
    [51300, 0.07],
    [153700, 0.05],
  ]),
  ...blobItems('Hot', [
    [0, 0.0184],
    [51200, 0.0177],
  ]),
  ...blobItems('Cool', [[0, 0.01]]),
  publicIpItem(0.005),
  keyVaultItem(0.03),
];
