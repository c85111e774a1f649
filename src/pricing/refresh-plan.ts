import { and, eq } from './odata-filter.js';
import { METERS, blobQuery, blobReadQuery, egressQuery, keyVaultQuery, publicIpQuery, vmQuery } from './meters.js';
import { describeQuery, resolvePrice, type PriceList, type PriceQuery } from './price-list.js';
import type { VmSizeName } from '../sizing/vm-sizes.js';

/** One request of a refresh: what it is for, and its $filter. */
export interface RefreshQuery {
  readonly label: string;
  readonly filter: string;
}

/**
 * The queries that fetch exactly the meters the model uses, in a few requests: one per VM size
 * (all its meters: Linux, Windows, reservations, savings plans) and one each for bandwidth, Hot and
 * Cool LRS capacity and read operations, the public IP and Key Vault. With one region the region is in the filter too;
 * with several, each query spans all regions (fewer requests) and the items are kept by region after.
 */
export function refreshQueries(regions: readonly string[], sizes: readonly VmSizeName[]): RefreshQuery[] {
  const region = regions.length === 1 ? [eq('armRegionName', regions[0]!)] : [];
  return [
    ...sizes.map((size) => ({ label: `${size} VM`, filter: and(eq('serviceName', METERS.vm.serviceName), ...region, eq('armSkuName', size)) })),
    { label: 'internet egress', filter: and(eq('serviceName', METERS.egress.serviceName), ...region, eq('productName', METERS.egress.productName), eq('meterName', METERS.egress.meterName)) },
    { label: 'Hot LRS blob capacity', filter: and(eq('serviceName', METERS.blob.serviceName), ...region, eq('meterName', 'Hot LRS Data Stored')) },
    { label: 'Cool LRS blob capacity', filter: and(eq('serviceName', METERS.blob.serviceName), ...region, eq('meterName', 'Cool LRS Data Stored')) },
    { label: 'Hot blob read operations', filter: and(eq('serviceName', METERS.blob.serviceName), ...region, eq('meterName', 'Hot Read Operations')) },
    { label: 'Cool blob read operations', filter: and(eq('serviceName', METERS.blob.serviceName), ...region, eq('meterName', 'Cool Read Operations')) },
    { label: 'public IP', filter: and(eq('serviceName', METERS.publicIp.serviceName), ...region, eq('meterName', METERS.publicIp.meterName)) },
    { label: 'Key Vault operations', filter: and(eq('serviceName', METERS.keyVault.serviceName), ...region, eq('productName', METERS.keyVault.productName), eq('meterName', METERS.keyVault.meterName)) },
  ];
}

/** What a refreshed price list must hold for one region, and what it only should. */
export interface CoverageGap {
  readonly region: string;
  readonly what: string;
  readonly query: string;
  readonly required: boolean;
}

/**
 * Checks that the list prices every meter the model needs in every region: the VM sizes (Windows
 * and Linux), egress, Hot and Cool LRS capacity (required), the public IP and Key Vault (only
 * reported: the estimate shows them unpriced). Uses the estimate's own queries, so what passes here
 * prices there.
 */
export function coverageGaps(list: PriceList, regions: readonly string[], currency: string, sizes: readonly VmSizeName[]): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const region of regions) {
    const where = { region, currency };
    const needs: { what: string; query: PriceQuery; required: boolean }[] = [
      ...sizes.flatMap((size) => [
        { what: `${size} Windows`, query: vmQuery(size, 'windows', where), required: true },
        { what: `${size} Linux`, query: vmQuery(size, 'linux', where), required: true },
      ]),
      { what: 'internet egress', query: egressQuery(where), required: true },
      { what: 'Hot LRS blob capacity', query: blobQuery('hot', where), required: true },
      { what: 'Cool LRS blob capacity', query: blobQuery('cool', where), required: true },
      { what: 'Hot blob read operations', query: blobReadQuery('hot', where), required: false },
      { what: 'Cool blob read operations', query: blobReadQuery('cool', where), required: false },
      { what: 'public IP', query: publicIpQuery(where), required: false },
      { what: 'Key Vault operations', query: keyVaultQuery(where), required: false },
    ];
    for (const need of needs) {
      if (!resolvePrice(list, need.query)) gaps.push({ region, what: need.what, query: describeQuery(need.query), required: need.required });
    }
  }
  return gaps;
}
