/**
 * The VM sizes a CMG can run on, with the client capacity Microsoft publishes for each.
 * Source: https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/perf-scale
 * and, for the v6 sizes, the ConfigMgr 2609 migration notes (no capacity published: the figure of
 * the size each one replaces is assumed, and the output says so).
 */
export type VmSizeName = 'Standard_B2s' | 'Standard_A2_v2' | 'Standard_A4_v2' | 'Standard_D2ads_v6' | 'Standard_D4ads_v6' | 'Standard_D8ads_v6';

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
  /** The size ConfigMgr 2609 migrates this one to (Av2 and B v1 retire in November 2028). */
  readonly successor?: VmSizeName;
}

const PERF_SCALE = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/perf-scale';
const ASSUMED = (replaced: string) => `assumed: Microsoft publishes no figure for v6 sizes; the figure of ${replaced}, which it replaces in ConfigMgr 2609, is used`;

export const VM_SIZES: Readonly<Record<VmSizeName, VmSize>> = {
  Standard_B2s: { name: 'Standard_B2s', role: 'lab', vCpus: 2, clientsPerInstance: 10, capacityAssumed: false, capacitySource: PERF_SCALE, successor: 'Standard_D2ads_v6' },
  Standard_A2_v2: { name: 'Standard_A2_v2', role: 'standard', vCpus: 2, clientsPerInstance: 6000, capacityAssumed: false, capacitySource: PERF_SCALE, successor: 'Standard_D4ads_v6' },
  Standard_A4_v2: { name: 'Standard_A4_v2', role: 'large', vCpus: 4, clientsPerInstance: 10000, capacityAssumed: false, capacitySource: PERF_SCALE, successor: 'Standard_D8ads_v6' },
  Standard_D2ads_v6: { name: 'Standard_D2ads_v6', role: 'lab', vCpus: 2, clientsPerInstance: 10, capacityAssumed: true, capacitySource: ASSUMED('Standard_B2s') },
  Standard_D4ads_v6: { name: 'Standard_D4ads_v6', role: 'standard', vCpus: 4, clientsPerInstance: 6000, capacityAssumed: true, capacitySource: ASSUMED('Standard_A2_v2') },
  Standard_D8ads_v6: { name: 'Standard_D8ads_v6', role: 'large', vCpus: 8, clientsPerInstance: 10000, capacityAssumed: true, capacitySource: ASSUMED('Standard_A4_v2') },
};

export const VM_SIZE_NAMES = Object.keys(VM_SIZES) as VmSizeName[];

export function isVmSizeName(value: string): value is VmSizeName {
  return Object.prototype.hasOwnProperty.call(VM_SIZES, value);
}
