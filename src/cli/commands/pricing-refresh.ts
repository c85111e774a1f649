import { join } from 'node:path';
import { UserInputError, ExternalError } from '../../model/errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { fetchAllPages, DEFAULT_RETAIL_CLIENT, type RetailClientOptions } from '../../pricing/retail-client.js';
import { refreshQueries, coverageGaps } from '../../pricing/refresh-plan.js';
import { buildSnapshot, snapshotAsPriceList, RETAIL_CURRENCIES } from '../../pricing/snapshot-build.js';
import { DEFAULT_SNAPSHOT_NAME } from '../../pricing/default-snapshot.js';
import { PACKAGE_ROOT } from '../../io/package-root.js';
import { isKnownRegion } from '../../pricing/regions.js';
import { AZURE_SIZE_NAME, VM_SIZE_NAMES, isVmSizeName, type VmSizeName } from '../../sizing/vm-sizes.js';
import type { CommandIO } from '../output.js';

/** The regions the shipped snapshot covers: a refresh with no --regions refreshes those. */
export const DEFAULT_REFRESH_REGIONS = [
  'eastus',
  'eastus2',
  'centralus',
  'westus2',
  'westeurope',
  'northeurope',
  'francecentral',
  'swedencentral',
  'uksouth',
  'southeastasia',
  'australiaeast',
  'japaneast',
] as const;

export interface RefreshOptions {
  readonly regions?: string;
  readonly currency?: string;
  readonly sizes?: string;
  readonly out?: string;
  readonly endpoint?: string;
  readonly timeout?: string;
  readonly maxAttempts?: string;
  readonly retryBudget?: string;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

function positiveNumber(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserInputError(`${option}: expected a number above 0, found "${value}"`);
  return n;
}

/** pricing/azure-retail-prices.json for the shipped set (USD, the 10 regions), else a name that says what it holds. */
export function defaultRefreshPath(regions: readonly string[], currency: string): string {
  const shippedSet = currency === 'USD' && regions.length === DEFAULT_REFRESH_REGIONS.length && DEFAULT_REFRESH_REGIONS.every((r) => regions.includes(r));
  if (shippedSet) return join(PACKAGE_ROOT, 'pricing', DEFAULT_SNAPSHOT_NAME);
  const where = regions.length <= 3 ? regions.join('-') : `${regions.length}-regions`;
  return join(PACKAGE_ROOT, 'pricing', `azure-retail-prices-${currency.toLowerCase()}-${where}.json`);
}

export interface RefreshPlan {
  readonly regions: string[];
  readonly currency: string;
  readonly sizes: VmSizeName[];
  readonly out: string;
  readonly client: Omit<RetailClientOptions, 'onPage' | 'onRetry'>;
}

/** Checks the options (exit 2 on a bad one) and settles every default. */
export function planRefresh(options: RefreshOptions): RefreshPlan {
  const regions = list(options.regions) ?? [...DEFAULT_REFRESH_REGIONS];
  if (!regions.length) throw new UserInputError('--regions: give at least one region, e.g. --regions eastus,westeurope');
  for (const region of regions) {
    if (!/^[a-z][a-z0-9]*$/.test(region)) throw new UserInputError(`--regions: "${region}" is not an armRegionName (lower case, no spaces), e.g. eastus, westeurope`);
  }
  const currency = (options.currency ?? 'USD').toUpperCase();
  if (!(RETAIL_CURRENCIES as readonly string[]).includes(currency)) {
    throw new UserInputError(`--currency: the Retail Prices API has no prices in "${options.currency}"; use one of ${RETAIL_CURRENCIES.join(', ')}`);
  }
  const sizes = list(options.sizes) ?? [...VM_SIZE_NAMES];
  for (const size of sizes) {
    if (!isVmSizeName(size) && !AZURE_SIZE_NAME.test(size))
      throw new UserInputError(`--sizes: "${size}" is not an Azure VM size name (Standard_D2as_v6, ...); the CMG sizes are ${VM_SIZE_NAMES.join(', ')}`);
  }
  const endpoint = options.endpoint ?? DEFAULT_RETAIL_CLIENT.endpoint;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UserInputError(`--endpoint: "${endpoint}" is not a URL; e.g. ${DEFAULT_RETAIL_CLIENT.endpoint}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UserInputError(`--endpoint: expected an http(s) URL, found "${endpoint}"`);
  const retry = DEFAULT_RETAIL_CLIENT.retry;
  return {
    regions,
    currency,
    sizes: sizes as VmSizeName[],
    out: options.out ?? defaultRefreshPath(regions, currency),
    client: {
      endpoint,
      apiVersion: DEFAULT_RETAIL_CLIENT.apiVersion,
      currency,
      timeoutMs: positiveNumber(options.timeout, '--timeout', DEFAULT_RETAIL_CLIENT.timeoutMs / 1000) * 1000,
      retry: {
        ...retry,
        maxAttempts: Math.floor(positiveNumber(options.maxAttempts, '--max-attempts', retry.maxAttempts)),
        maxTotalMs: positiveNumber(options.retryBudget, '--retry-budget', retry.maxTotalMs / 1000) * 1000,
      },
    },
  };
}

/**
 * `cmg-planner pricing refresh`: fetch the model's meters from the Retail Prices API, check that
 * every region has every meter the model needs, and write the snapshot atomically. Any failure
 * leaves the old snapshot as it was.
 */
export async function runPricingRefresh(options: RefreshOptions, io: CommandIO, overrides: Partial<RetailClientOptions> = {}): Promise<void> {
  const plan = planRefresh(options);
  for (const region of plan.regions) {
    if (!isKnownRegion(region)) io.stderr(`note: "${region}" is not a region cmg-planner knows; it is asked for as written\n`);
  }
  const queries = refreshQueries(plan.regions, plan.sizes);
  const rawItems: unknown[] = [];
  let requests = 0;
  for (const [index, query] of queries.entries()) {
    const result = await fetchAllPages(query.filter, {
      ...plan.client,
      ...overrides,
      onPage: ({ page, totalItems }) => io.progress?.(`[${index + 1}/${queries.length}] ${query.label}: page ${page}, ${totalItems} items`),
      onRetry: ({ attempt, waitMs, reason }) => io.progress?.(`[${index + 1}/${queries.length}] ${query.label}: ${reason}; retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s`),
    });
    requests += result.requests;
    rawItems.push(...result.items);
  }
  io.progress?.(null);

  const snapshot = buildSnapshot({
    rawItems,
    regions: plan.regions,
    currency: plan.currency,
    endpoint: plan.client.endpoint,
    apiVersion: plan.client.apiVersion,
    filters: queries.map((q) => q.filter),
    fetchedAt: io.now().toISOString(),
    requests,
  });
  const gaps = coverageGaps(snapshotAsPriceList(snapshot, plan.out), plan.regions, plan.currency, plan.sizes);
  const required = gaps.filter((g) => g.required);
  if (required.length) {
    const shown = required
      .slice(0, 8)
      .map((g) => `${g.region}: ${g.what}`)
      .join('; ');
    const emptyRegions = plan.regions.filter((r) => !snapshot.Items.some((i) => i.armRegionName === r));
    const hint = emptyRegions.length ? ` Nothing at all came back for ${emptyRegions.join(', ')}: check the region name.` : ' A size a region does not offer can be left out with --sizes.';
    throw new ExternalError(
      `the Retail Prices API did not return every price the model needs (${required.length} missing: ${shown}${required.length > 8 ? '; ...' : ''}).${hint} Nothing was written; ${plan.out} is as it was`,
    );
  }
  for (const gap of gaps) io.stderr(`note: ${gap.region}: no ${gap.what} price; estimates show it unpriced\n`);
  await writeFileAtomic(plan.out, `${JSON.stringify(snapshot, null, 1)}\n`);
  io.stderr(`wrote ${plan.out}: ${snapshot.Count} items for ${plan.regions.join(', ')} in ${plan.currency}, ${requests} requests\n`);
}
