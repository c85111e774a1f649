import { describe, expect, it } from 'vitest';
import { resolvePrice, unitSizeOf } from '../src/pricing/price-list.js';
import { blobQuery, egressQuery, vmQuery } from '../src/pricing/meters.js';
import { parsePriceList } from '../src/pricing/snapshot.js';
import { blobItems, egressItems, priceList, snapshotText, vmItem } from '../support/prices.js';

const where = { region: 'eastus', currency: 'USD' };

describe('VM price selection', () => {
  const items = [
    vmItem('Standard_A2_v2', 0.009933, { productName: 'Virtual Machines Av2 Series', meterName: 'A2 v2 Spot', skuName: 'A2 v2 Spot' }),
    vmItem('Standard_A2_v2', 0.05, { productName: 'Virtual Machines Av2 Series Windows', meterName: 'A2 v2 Low Priority', skuName: 'A2 v2 Low Priority' }),
    vmItem('Standard_A2_v2', 0.0903, { productName: 'Virtual Machines Av2 Series' }),
    vmItem('Standard_A2_v2', 0.136, { productName: 'Virtual Machines Av2 Series Windows' }),
    vmItem('Standard_A2_v2', 0.5, { productName: 'Virtual Machines Av2 Series Windows', type: 'Reservation', reservationTerm: '1 Year' }),
    vmItem('Standard_A2_v2', 0.2, { productName: 'Virtual Machines Av2 Series Windows', armRegionName: 'westeurope' }),
    vmItem('Standard_A2_v2', 0.12, { productName: 'Virtual Machines Av2 Series Windows', currencyCode: 'EUR' }),
  ];
  const list = priceList(items);

  it('takes Windows from the "... Series Windows" product, never Spot, Low Priority or a reservation', () => {
    expect(resolvePrice(list, vmQuery('Standard_A2_v2', 'windows', where))?.tiers[0]?.unitPrice.toString()).toBe('0.136');
  });
  it('takes Linux from the plain "... Series" product', () => {
    expect(resolvePrice(list, vmQuery('Standard_A2_v2', 'linux', where))?.tiers[0]?.unitPrice.toString()).toBe('0.0903');
  });
  it('matches region and currency exactly', () => {
    expect(resolvePrice(list, vmQuery('Standard_A2_v2', 'windows', { region: 'westeurope', currency: 'USD' }))?.tiers[0]?.unitPrice.toString()).toBe('0.2');
    expect(resolvePrice(list, vmQuery('Standard_A2_v2', 'windows', { region: 'eastus', currency: 'EUR' }))?.tiers[0]?.unitPrice.toString()).toBe('0.12');
    expect(resolvePrice(list, vmQuery('Standard_A2_v2', 'windows', { region: 'uksouth', currency: 'USD' }))).toBeUndefined();
  });
  it('with only a Spot meter, finds nothing', () => {
    expect(resolvePrice(priceList([items[0]!]), vmQuery('Standard_A2_v2', 'linux', where))).toBeUndefined();
  });
  it('prefers the latest effectiveStartDate, then the primary meter region', () => {
    const older = vmItem('Standard_A2_v2', 0.1, { effectiveStartDate: '2020-01-01T00:00:00Z' });
    const newer = vmItem('Standard_A2_v2', 0.136, { effectiveStartDate: '2024-06-01T00:00:00Z' });
    expect(resolvePrice(priceList([older, newer]), vmQuery('Standard_A2_v2', 'windows', where))?.tiers[0]?.unitPrice.toString()).toBe('0.136');
    const secondary = vmItem('Standard_A2_v2', 0.2, { isPrimaryMeterRegion: false });
    const primary = vmItem('Standard_A2_v2', 0.136, { isPrimaryMeterRegion: true });
    expect(resolvePrice(priceList([secondary, primary]), vmQuery('Standard_A2_v2', 'windows', where))?.tiers[0]?.unitPrice.toString()).toBe('0.136');
  });
});

describe('tiered meters', () => {
  it('reads every tier of egress from tierMinimumUnits, sorted', () => {
    const list = priceList(
      egressItems([
        [10340, 0.083],
        [0, 0],
        [100, 0.087],
      ]),
    );
    const tiers = resolvePrice(list, egressQuery(where))!.tiers;
    expect(tiers.map((t) => [t.fromUnits.toString(), t.unitPrice.toString()])).toEqual([
      ['0', '0'],
      ['100', '0.087'],
      ['10340', '0.083'],
    ]);
  });
  it('takes blob capacity from General Block Blob v2 before Blob Storage', () => {
    const list = priceList([...blobItems('Hot', [[0, 0.03]], { productName: 'Blob Storage' }), ...blobItems('Hot', [[0, 0.0184]]), ...blobItems('Cool', [[0, 0.01]])]);
    expect(resolvePrice(list, blobQuery('hot', where))!.tiers[0]!.unitPrice.toString()).toBe('0.0184');
    expect(resolvePrice(list, blobQuery('cool', where))!.tiers[0]!.unitPrice.toString()).toBe('0.01');
    const legacyOnly = priceList(blobItems('Hot', [[0, 0.03]], { productName: 'Blob Storage' }));
    expect(resolvePrice(legacyOnly, blobQuery('hot', where))!.productName).toBe('Blob Storage');
  });
  it('reads units of measure', () => {
    expect(unitSizeOf('1 Hour').toString()).toBe('1');
    expect(unitSizeOf('10K').toString()).toBe('10000');
    expect(unitSizeOf('100 Hours').toString()).toBe('100');
    expect(unitSizeOf('1 GB/Month').toString()).toBe('1');
  });
});

describe('parsePriceList', () => {
  it('reads an API response or a snapshot, with a BOM', () => {
    const list = parsePriceList(`\uFEFF${snapshotText([vmItem('Standard_A2_v2', 0.136)])}`, 'p.json');
    expect(list.items).toHaveLength(1);
    expect(list.meta.fetchedAt).toBe('2026-11-01T00:00:00Z');
  });
  it.each([
    ['not JSON', '{"Items": [', /^p\.json:1:12: not valid JSON \(the file ends before the JSON is complete/],
    ['a syntax error', '{\n  "Items": [}\n', /^p\.json:2:13: not valid JSON \(value expected\)/],
    ['an empty file', '', /^p\.json: the file is empty; give a Retail Prices API response/],
    ['a top-level list', '[]', /^p\.json: the top level must be an object with an "Items" list/],
    ['no Items', '{"Count": 0}', /^p\.json: Items: is required/],
    ['a price that is text', JSON.stringify({ Items: [{ ...vmItem('Standard_A2_v2', 0.1), retailPrice: 'x' }] }), /^p\.json: Items\[0\]\.retailPrice: expected a number, found "x"/],
    ['a negative price', JSON.stringify({ Items: [vmItem('Standard_A2_v2', -1)] }), /^p\.json: Items\[0\]\.retailPrice: expected a price of 0 or more/],
    ['a missing currency', JSON.stringify({ Items: [{ ...vmItem('Standard_A2_v2', 0.1), currencyCode: undefined }] }), /^p\.json: Items\[0\]\.currencyCode: is required/],
  ])('names the place of %s', (_why, text, message) => {
    expect(() => parsePriceList(text, 'p.json')).toThrow(message);
  });
});
