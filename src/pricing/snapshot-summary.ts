import type { PriceList } from './price-list.js';
import { resolvePrice } from './price-list.js';
import { blobQuery, egressQuery, keyVaultQuery, publicIpQuery, vmQuery, vmReservationQuery } from './meters.js';
import { STALE_PRICES_DAYS } from './default-snapshot.js';
import { VM_SIZE_NAMES } from '../sizing/vm-sizes.js';

export interface SizeCoverage {
  readonly size: string;
  readonly windows: string | null;
  readonly linux: string | null;
  readonly reservation1y: boolean;
  readonly reservation3y: boolean;
  readonly savingsPlan: boolean;
}

export interface RegionCoverage {
  readonly region: string;
  readonly currency: string;
  readonly items: number;
  readonly sizes: SizeCoverage[];
  readonly egressTiers: number;
  readonly hotLRS: boolean;
  readonly coolLRS: boolean;
  readonly publicIp: boolean;
  readonly keyVault: boolean;
}

/** What a price file holds, for `pricing show`: its age and, per region, which of the model's meters it prices. */
export interface SnapshotSummary {
  readonly file: string;
  readonly source: string;
  /** When the price data was fetched from the API (cmgPlanner.fetchedAt; the shipped snapshot: its newest data). */
  readonly fetchedAt: string | null;
  /** When the file was built, when that is another day (the shipped snapshot). */
  readonly assembledAt: string | null;
  readonly ageDays: number | null;
  readonly stale: boolean;
  readonly itemCount: number;
  readonly types: Record<string, number>;
  readonly provenance: Record<string, number>;
  readonly regions: RegionCoverage[];
  readonly notes: string[];
}

const tally = (values: readonly string[]) =>
  values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

export function summariseSnapshot(list: PriceList, now: Date): SnapshotSummary {
  const fetchedAt = list.meta.fetchedAt ?? null;
  const ageDays = fetchedAt && !Number.isNaN(Date.parse(fetchedAt)) ? Math.floor((now.getTime() - Date.parse(fetchedAt)) / 86_400_000) : null;
  const pairs = [...new Set(list.items.map((i) => `${i.armRegionName}\u0000${i.currencyCode}`))].sort();
  const regions = pairs.map((pair) => {
    const [region, currency] = pair.split('\u0000') as [string, string];
    const where = { region, currency };
    const sizes = VM_SIZE_NAMES.map((size) => {
      const windows = resolvePrice(list, vmQuery(size, 'windows', where));
      const linux = resolvePrice(list, vmQuery(size, 'linux', where));
      return {
        size,
        windows: windows ? windows.tiers[0]!.unitPrice.toString() : null,
        linux: linux ? linux.tiers[0]!.unitPrice.toString() : null,
        reservation1y: !!resolvePrice(list, vmReservationQuery(size, '1 Year', where)),
        reservation3y: !!resolvePrice(list, vmReservationQuery(size, '3 Years', where)),
        savingsPlan: !!(linux?.savingsPlan.length || windows?.savingsPlan.length),
      };
    });
    return {
      region,
      currency,
      items: list.items.filter((i) => i.armRegionName === region && i.currencyCode === currency).length,
      sizes,
      egressTiers: resolvePrice(list, egressQuery(where))?.tiers.length ?? 0,
      hotLRS: !!resolvePrice(list, blobQuery('hot', where)),
      coolLRS: !!resolvePrice(list, blobQuery('cool', where)),
      publicIp: !!resolvePrice(list, publicIpQuery(where)),
      keyVault: !!resolvePrice(list, keyVaultQuery(where)),
    };
  });
  return {
    file: list.source,
    source: list.meta.source ?? list.source,
    fetchedAt,
    assembledAt: typeof list.meta.assembledAt === 'string' ? list.meta.assembledAt : null,
    ageDays,
    stale: ageDays !== null && ageDays > STALE_PRICES_DAYS,
    itemCount: list.items.length,
    types: tally(list.items.map((i) => i.type)),
    provenance: tally(list.items.map((i) => i._provenance?.kind ?? 'api')),
    regions,
    notes: [...(list.meta.notes ?? [])],
  };
}
