import type { CostComponent } from '../pricing/cost-line.js';
import type { UsageRow } from './usage-row.js';

/** The unit a component's quantity is counted in. */
export const COMPONENT_UNITS: Readonly<Record<CostComponent, string>> = { compute: 'hours', egress: 'GB', storage: 'GB-month', other: '' };

export interface MappedRow {
  readonly component: CostComponent;
  /** Whether the row's quantity counts toward the component's quantity (hours, GB, GB-month). */
  readonly countsQuantity: boolean;
}

const lower = (s: string) => s.toLowerCase();

/** A storage row of read operations (what content downloads count): its quantity is in operations (per 10K). */
export function isReadOperations(row: UsageRow): boolean {
  // "Iterative Read Operations" are list calls, not content reads
  const meter = lower(row.meterName);
  return lower(row.meterCategory) === 'storage' && /\bread operations\b/.test(meter) && !/iterative/.test(meter);
}

/**
 * Which cost component a row belongs to, from its meter category and meter (the Azure names, e.g.
 * https://learn.microsoft.com/azure/cost-management-billing/automate/understand-usage-details-fields);
 * undefined for a row the model has no component for (listed as unmapped, never dropped).
 * - compute: Virtual Machines (and their licences); hours from the VM meters, not the licence ones
 * - egress: Bandwidth data transfer out to the internet (not inter-region, not inbound)
 * - storage: every row of the storage account: capacity ("... Data Stored", its quantity in GB-months),
 *   read and write operations, retrieval (as the portal shows them under Storage); not managed disks
 * - other: public IP, Key Vault, load balancer, inter-region and inbound transfer, managed disks
 */
export function mapRow(row: UsageRow): MappedRow | undefined {
  const category = lower(row.meterCategory);
  const sub = lower(row.meterSubCategory);
  const meter = lower(row.meterName);
  if (category === 'virtual machines' || category === 'virtual machines licenses') {
    const licence = category.endsWith('licenses') || /licen[cs]e/.test(sub) || /licen[cs]e/.test(meter);
    return { component: 'compute', countsQuantity: !licence && row.chargeType.toLowerCase() !== 'purchase' };
  }
  if (category === 'bandwidth' || (category === 'networking' && /data transfer/.test(meter))) {
    const interRegion = /inter-?region|intra continent|inter continent/.test(sub) || /intra continent|inter continent|inter-?region/.test(meter);
    const inbound = /data transfer in\b/.test(meter);
    if (interRegion || inbound) return { component: 'other', countsQuantity: false };
    return { component: 'egress', countsQuantity: true };
  }
  if (category === 'storage') {
    // managed disks are Storage too, but not the storage account's: other
    if (/managed disks?/.test(sub) || /\bdisks?\b/.test(meter)) return { component: 'other', countsQuantity: false };
    return { component: 'storage', countsQuantity: /data stored/.test(meter) };
  }
  if (category === 'virtual network' || category === 'key vault' || category === 'load balancer' || category === 'advanced threat protection' || category === 'ip addresses') {
    return { component: 'other', countsQuantity: false };
  }
  return undefined;
}
