/**
 * The VM sizes a CMG can run on, with the client capacity Microsoft publishes for each.
 * Source: https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/perf-scale (B2s, A2_v2,
 * A4_v2). Microsoft publishes no CMG capacity for any other size: for the D*ads_v6 sizes the figure of
 * the published size with the same role is assumed, and the output says so.
 */
export type KnownVmSize = 'Standard_B2s' | 'Standard_A2_v2' | 'Standard_A4_v2' | 'Standard_D2ads_v6' | 'Standard_D4ads_v6' | 'Standard_D8ads_v6';
/** A VM size: one cmg-planner knows, or (a --successor what-if, a price refresh) any Azure size name. */
export type VmSizeName = KnownVmSize | (string & {});

export interface VmSize {
  readonly name: VmSizeName;
  /** Lab sizes are not for production; the estimate warns. */
  readonly role: 'lab' | 'standard' | 'large';
  readonly vCpus: number;
  /** Simultaneous client connections one instance carries. */
  readonly clientsPerInstance: number;
  /** True where Microsoft publishes no figure and the model assumes one. */
  readonly capacityAssumed: boolean;
  readonly capacitySource: string;
  /** The series' retirement, when it is announced (Av2, B-series v1). */
  readonly retirement?: SeriesRetirement;
}

/** An announced retirement of a VM series, and what it means for buying and growing it now. */
export interface SeriesRetirement {
  readonly series: string;
  /** The day the series retires. */
  readonly retires: string;
  /** From when new subscriptions cannot deploy it and more quota is not approved. */
  readonly capacityRestrictedFrom: string;
  /** The last days a 3-year and a 1-year reservation could be bought. */
  readonly reservationsEnded: { readonly '3 Years': string; readonly '1 Year': string };
  readonly source: string;
}

/** The pages the retirement facts come from (the repository copies: MicrosoftDocs/azure-compute-docs@680de9713fdd and @9ed072b872e3). */
export const RETIREMENTS_URL = 'https://learn.microsoft.com/azure/virtual-machines/sizes/lifecycle/retirements-and-capacity-restrictions';
export const MODERNIZATION_URL = 'https://learn.microsoft.com/azure/virtual-machines/sizes/lifecycle/retirement/retired-sizes-modernization-guide';
export const RETIREMENTS_SOURCE =
  'https://learn.microsoft.com/azure/virtual-machines/sizes/lifecycle/retirements-and-capacity-restrictions (MicrosoftDocs/azure-compute-docs@680de9713fdd articles/virtual-machines/sizes/lifecycle/retirements-and-capacity-restrictions.md)';
export const MODERNIZATION_SOURCE =
  'https://learn.microsoft.com/azure/virtual-machines/sizes/lifecycle/retirement/retired-sizes-modernization-guide (MicrosoftDocs/azure-compute-docs@9ed072b872e3 articles/virtual-machines/sizes/lifecycle/retirement/retired-sizes-modernization-guide.md)';

const retiring = (series: string): SeriesRetirement => ({
  series,
  retires: '2028-11-15',
  capacityRestrictedFrom: '2026-07',
  reservationsEnded: { '3 Years': '2025-11-15', '1 Year': '2026-07-01' },
  source: RETIREMENTS_URL,
});

const PERF_SCALE = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/perf-scale';
const ASSUMED = (published: string) =>
  `assumed: Microsoft publishes no CMG capacity for this size (${PERF_SCALE} lists B2s, A2_v2 and A4_v2 only); the figure of ${published}, the published size of the same role, is used: give your own with gateway.clientsPerInstance`;

export const VM_SIZES: Readonly<Record<KnownVmSize, VmSize>> = {
  Standard_B2s: { name: 'Standard_B2s', role: 'lab', vCpus: 2, clientsPerInstance: 10, capacityAssumed: false, capacitySource: PERF_SCALE, retirement: retiring('B-series v1') },
  Standard_A2_v2: { name: 'Standard_A2_v2', role: 'standard', vCpus: 2, clientsPerInstance: 6000, capacityAssumed: false, capacitySource: PERF_SCALE, retirement: retiring('Av2') },
  Standard_A4_v2: { name: 'Standard_A4_v2', role: 'large', vCpus: 4, clientsPerInstance: 10000, capacityAssumed: false, capacitySource: PERF_SCALE, retirement: retiring('Av2') },
  Standard_D2ads_v6: { name: 'Standard_D2ads_v6', role: 'lab', vCpus: 2, clientsPerInstance: 10, capacityAssumed: true, capacitySource: ASSUMED('Standard_B2s') },
  Standard_D4ads_v6: { name: 'Standard_D4ads_v6', role: 'standard', vCpus: 4, clientsPerInstance: 6000, capacityAssumed: true, capacitySource: ASSUMED('Standard_A2_v2') },
  Standard_D8ads_v6: { name: 'Standard_D8ads_v6', role: 'large', vCpus: 8, clientsPerInstance: 10000, capacityAssumed: true, capacitySource: ASSUMED('Standard_A4_v2') },
};

export const VM_SIZE_NAMES = Object.keys(VM_SIZES) as KnownVmSize[];

export function isVmSizeName(value: string): value is KnownVmSize {
  return Object.prototype.hasOwnProperty.call(VM_SIZES, value);
}

/** An Azure VM size name as the Retail Prices API writes armSkuName: Standard_ and letters, digits, underscores. */
export const AZURE_SIZE_NAME = /^Standard_[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*$/;

const others = new Map<string, VmSize>();

/**
 * A size's figures: a known one's, or for any other Azure size (a what-if) its vCPUs read from its
 * name and the capacity of Standard_A2_v2 assumed (Microsoft publishes none), which the output says.
 */
export function vmSizeOf(name: VmSizeName): VmSize {
  if (isVmSizeName(name)) return VM_SIZES[name];
  let size = others.get(name);
  if (!size) {
    const vCpus = Number(/^Standard_[A-Za-z]+(\d+)/.exec(name)?.[1] ?? 0);
    const standard = VM_SIZES.Standard_A2_v2;
    size = { name, role: 'standard', vCpus, clientsPerInstance: standard.clientsPerInstance, capacityAssumed: true, capacitySource: ASSUMED(standard.name) };
    others.set(name, size);
  }
  return size;
}
