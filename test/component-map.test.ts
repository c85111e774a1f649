// mapRow on the meter category / subcategory / name of real export rows (test/fixtures/shared/cost-exports).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapRow, type MappedRow } from '../src/actuals/component-map.js';
import { readExport } from '../src/actuals/export-reader.js';
import type { UsageRow } from '../src/actuals/usage-row.js';
import { Decimal } from '../src/model/money.js';
import { FIXTURES, exportFixture } from '../support/export-gen.js';

type Case = { why: string; category: string; sub: string; meter: string; charge?: string; mapped: MappedRow | undefined };

const compute = (countsQuantity = true): MappedRow => ({ component: 'compute', countsQuantity });
const egress: MappedRow = { component: 'egress', countsQuantity: true };
const storage: MappedRow = { component: 'storage', countsQuantity: true };
const storageOperations: MappedRow = { component: 'storage', countsQuantity: false };
const other: MappedRow = { component: 'other', countsQuantity: false };

// each triple as it appears in a fixture export (EA = EA_*_Small.csv, FOCUS = the generated FOCUS sample)
const CASES: Case[] = [
  { why: "a VM's hours (EA)", category: 'Virtual Machines', sub: 'Dv3/DSv3 Series', meter: 'D2 v3/D2s v3', mapped: compute() },
  { why: "a Dv2 VM's hours (EA)", category: 'Virtual Machines', sub: 'Dv2/DSv2 Series', meter: 'D2 v2/DS2 v2', mapped: compute() },
  { why: "a B-series VM's hours (EA)", category: 'Virtual Machines', sub: 'BS Series', meter: 'B2s', mapped: compute() },
  { why: 'a reservation purchase: compute cost, no hours (EA)', category: 'Virtual Machines', sub: 'BS Series', meter: 'B1s', charge: 'Purchase', mapped: compute(false) },
  { why: 'a VM in FOCUS terms (service name and category)', category: 'Virtual Machines', sub: 'Virtual Machines', meter: 'Compute', mapped: compute() },
  { why: 'a FOCUS commitment purchase', category: 'Virtual Machines', sub: 'Virtual Machines', meter: 'Commitment', charge: 'Purchase', mapped: compute(false) },
  { why: 'internet egress (EA)', category: 'Bandwidth', sub: '', meter: 'Standard Data Transfer Out', mapped: egress },
  { why: 'inter-region transfer is not internet egress (EA)', category: 'Bandwidth', sub: 'Inter-Region', meter: 'Intra Continent Data Transfer Out', mapped: other },
  { why: 'a standard public IP (EA)', category: 'Virtual Network', sub: 'IP Addresses', meter: 'Standard IPv4 Static Public IP', mapped: other },
  { why: 'a basic public IP (EA)', category: 'Virtual Network', sub: 'IP Addresses', meter: 'Basic IPv4 Static Public IP', mapped: other },
  { why: 'load balancer rules (EA)', category: 'Load Balancer', sub: 'Standard', meter: 'Standard Included LB Rules and Outbound Rules', mapped: other },
  { why: 'Key Vault threat protection (EA)', category: 'Advanced Threat Protection', sub: 'Key Vault', meter: 'Standard Transactions', mapped: other },
  { why: "blob operations are the storage account's, not stored GB (EA)", category: 'Storage', sub: 'Tiered Block Blob', meter: 'GRS List and Create Container Operations', mapped: storageOperations },
  {
    why: 'premium blob reads are storage, not stored GB (EA)',
    category: 'Storage',
    sub: 'Premium Block Blob v2 Hierarchical Namespace',
    meter: 'Premium LRS Read Operations',
    mapped: storageOperations,
  },
  { why: "the CMG's content reads", category: 'Storage', sub: 'General Block Blob v2', meter: 'Hot Read Operations', mapped: storageOperations },
  { why: 'a managed disk is not blob storage (EA)', category: 'Storage', sub: 'Premium SSD Managed Disks', meter: 'P4 LRS Disk', mapped: other },
  { why: 'a larger premium disk (EA)', category: 'Storage', sub: 'Premium SSD Managed Disks', meter: 'P10 LRS Disk', mapped: other },
  { why: 'a P30 disk (EA)', category: 'Storage', sub: 'Premium SSD Managed Disks', meter: 'P30 LRS Disk', mapped: other },
  { why: 'a standard SSD disk (EA)', category: 'Storage', sub: 'Standard SSD Managed Disks', meter: 'E2 Disks', mapped: other },
  { why: 'disk operations (EA)', category: 'Storage', sub: 'Standard HDD Managed Disks', meter: 'Disk Operations', mapped: other },
  { why: 'Log Analytics is no CMG component (EA)', category: 'Log Analytics', sub: '', meter: 'Pay-as-you-go Data Retention', mapped: undefined },
  { why: 'a SQL licence is no CMG component (EA)', category: 'SQL Managed Instance', sub: 'Managed Instance General Purpose - SQL License', meter: 'vCore', mapped: undefined },
  { why: 'MySQL (EA)', category: 'Azure Database for MySQL', sub: 'Basic - Compute Gen5', meter: '2 vCore', mapped: undefined },
  { why: 'SQL Database security (EA)', category: 'Advanced Data Security', sub: 'SQL Database', meter: 'Standard Node', mapped: undefined },
  { why: 'SQL Database (EA)', category: 'SQL Database', sub: 'Single Basic', meter: 'B DTU', mapped: undefined },
  { why: 'Azure Monitor (FOCUS)', category: 'Azure Monitor', sub: 'Observability', meter: 'Monitoring', mapped: undefined },
  { why: 'Azure SQL Database (FOCUS)', category: 'Azure SQL Database', sub: 'Relational Databases', meter: 'Database', mapped: undefined },
  // the CMG's own meters, in the names exports give them (as helpers/export-gen.ts writes them)
  { why: "the CMG's Windows VM hours", category: 'Virtual Machines', sub: 'Av2 Series Windows', meter: 'A2 v2', mapped: compute() },
  { why: "the CMG's content in Hot LRS", category: 'Storage', sub: 'General Block Blob v2', meter: 'Hot LRS Data Stored', mapped: storage },
  { why: 'inbound transfer is free and not egress', category: 'Bandwidth', sub: '', meter: 'Standard Data Transfer In', mapped: other },
  { why: 'Key Vault operations', category: 'Key Vault', sub: '', meter: 'Operations', mapped: other },
  { why: 'a licence meter: compute cost, no hours', category: 'Virtual Machines Licenses', sub: 'Windows Server', meter: '2 vCPU VM License', mapped: compute(false) },
  { why: 'case does not matter', category: 'BANDWIDTH', sub: '', meter: 'standard data transfer out', mapped: egress },
];

const row = (c: Pick<Case, 'category' | 'sub' | 'meter' | 'charge'>): UsageRow => ({
  date: '2023-09-21',
  meterCategory: c.category,
  meterSubCategory: c.sub,
  meterName: c.meter,
  quantity: new Decimal(1),
  unitOfMeasure: '1 Hour',
  cost: new Decimal(1),
  currency: 'USD',
  resourceId: '',
  resourceGroup: 'rg',
  tags: '',
  chargeType: c.charge ?? 'Usage',
  origin: { file: 'test', line: 1 },
});

describe('mapRow', () => {
  it.each(CASES)('$why', (c) => {
    expect(mapRow(row(c))).toEqual(c.mapped);
  });

  it('maps every row of the fixture exports as the table above says', async () => {
    const key = (r: Pick<Case, 'category' | 'sub' | 'meter' | 'charge'>) => [r.category, r.sub, r.meter, r.charge ?? 'Usage'].join(' | ');
    const table = new Map(CASES.map((c) => [key(c), c.mapped]));
    const seen: string[] = [];
    for (const file of ['EA_ActualCost_Small.csv', 'EA_AmortizedCost_Small.csv', 'focus-1.2-sample.csv']) {
      await readExport(exportFixture(file), (r) => {
        const k = key({ category: r.meterCategory, sub: r.meterSubCategory, meter: r.meterName, charge: r.chargeType });
        seen.push(k);
        expect(table.has(k), `${file}:${r.origin.line}: ${k} is not in the table`).toBe(true);
        expect(mapRow(r)).toEqual(table.get(k));
      });
    }
    expect(seen).toHaveLength(11 + 28 + 13);
  });
});
