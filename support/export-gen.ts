// Generates Cost Management exports in the EA, MCA and FOCUS column sets from logical usage rows, with
// the real headers (EA and FOCUS taken from the fixtures), a BOM, quoting and JSON tags as real
// exports have them. Used by the actuals tests and by bench/ to make large files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';

import { REPO_ROOT } from './repo-root.js';

export { REPO_ROOT };
/** The real-format fixtures, copied verbatim into test/fixtures/shared with their sources (see its SOURCES.md). */
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'shared');

export interface LogicalRow {
  readonly date: string; // YYYY-MM-DD
  readonly meterCategory: string;
  readonly meterSubCategory: string;
  readonly meterName: string;
  readonly quantity: string;
  readonly unit: string;
  readonly cost: string;
  readonly currency?: string;
  readonly resourceGroup: string;
  readonly resourceId: string;
  readonly tags?: Record<string, string>;
  readonly chargeType?: string;
}

/** Export files written for these tests (no third-party data): test/fixtures/generated, see its README.md. */
export const GENERATED_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'generated');

/** An export fixture by name: the real exports copied into test/fixtures/shared, or a generated one. */
export function exportFixture(file: string): string {
  return file.startsWith('focus-') ? join(GENERATED_FIXTURES, file) : join(FIXTURES, 'cost-exports', file);
}

function fixtureHeader(file: string): string[] {
  const text = readFileSync(exportFixture(file), 'utf8').replace(/^\uFEFF/, '');
  return text.slice(0, text.indexOf('\n')).replace(/\r$/, '').split(',');
}

export const EA_HEADER = fixtureHeader('EA_ActualCost_Small.csv');
export const FOCUS_HEADER = fixtureHeader('focus-1.2-sample.csv');
export const MCA_HEADER =
  'invoiceId,previousInvoiceId,billingAccountId,billingAccountName,billingProfileId,billingProfileName,invoiceSectionId,invoiceSectionName,resellerName,resellerMpnId,costCenter,billingPeriodEndDate,billingPeriodStartDate,servicePeriodEndDate,servicePeriodStartDate,date,serviceFamily,productOrderId,productOrderName,consumedService,meterId,meterName,meterCategory,meterSubCategory,meterRegion,ProductId,ProductName,SubscriptionId,subscriptionName,publisherType,publisherId,publisherName,resourceGroupName,ResourceId,resourceLocation,location,effectivePrice,quantity,unitOfMeasure,chargeType,billingCurrency,pricingCurrency,costInBillingCurrency,costInPricingCurrency,costInUsd,paygCostInBillingCurrency,paygCostInUsd,exchangeRatePricingToBilling,exchangeRateDate,isAzureCreditEligible,serviceInfo1,serviceInfo2,additionalInfo,tags,PayGPrice,frequency,term,reservationId,reservationName,pricingModel,unitPrice,costAllocationRuleName,benefitId,benefitName,provider'.split(
    ',',
  );

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

function record(header: readonly string[], values: Record<string, string>): string[] {
  return header.map((h) => values[h] ?? '');
}

export function eaRecord(r: LogicalRow): string[] {
  return record(EA_HEADER, {
    BillingAccountId: '8611537',
    BillingAccountName: 'Contoso EA',
    SubscriptionId: '1caaa5a3-2b66-438e-8ab4-bce37d518c5d',
    SubscriptionName: 'Contoso, Infrastructure',
    Date: usDate(r.date),
    Product: `${r.meterCategory} ${r.meterSubCategory} - ${r.meterName}`,
    MeterCategory: r.meterCategory,
    MeterSubCategory: r.meterSubCategory,
    MeterName: r.meterName,
    Quantity: r.quantity,
    Cost: r.cost,
    BillingCurrency: r.currency ?? 'USD',
    ResourceId: r.resourceId,
    ResourceGroup: r.resourceGroup,
    AdditionalInfo: JSON.stringify({ ServiceType: 'Standard_A2_v2', VCPUs: 2 }),
    Tags: r.tags
      ? Object.entries(r.tags)
          .map(([k, v]) => `"${k}": "${v}"`)
          .join(',')
      : '',
    UnitOfMeasure: r.unit,
    ChargeType: r.chargeType ?? 'Usage',
    PricingModel: 'OnDemand',
  });
}

export function mcaRecord(r: LogicalRow): string[] {
  return record(MCA_HEADER, {
    billingAccountId: '1234:56789',
    billingAccountName: 'Contoso MCA',
    date: r.date,
    meterCategory: r.meterCategory,
    meterSubCategory: r.meterSubCategory,
    meterName: r.meterName,
    ProductName: `${r.meterCategory} ${r.meterSubCategory} - ${r.meterName}`,
    SubscriptionId: '00000000-0000-0000-0000-000000000000',
    resourceGroupName: r.resourceGroup,
    ResourceId: r.resourceId,
    quantity: r.quantity,
    unitOfMeasure: r.unit,
    chargeType: r.chargeType ?? 'Usage',
    billingCurrency: r.currency ?? 'USD',
    pricingCurrency: r.currency ?? 'USD',
    costInBillingCurrency: r.cost,
    costInPricingCurrency: r.cost,
    costInUsd: r.cost,
    additionalInfo: JSON.stringify({ UsageType: 'ComputeHR' }),
    tags: r.tags ? JSON.stringify(r.tags) : '',
    pricingModel: 'OnDemand',
  });
}

export function focusRecord(r: LogicalRow): string[] {
  return record(FOCUS_HEADER, {
    ProviderName: 'Microsoft Azure',
    BillingAccountName: 'Contoso MCA',
    ChargePeriodStart: `${r.date}T00:00:00Z`,
    ChargePeriodEnd: `${r.date}T23:59:59Z`,
    ChargeCategory: r.chargeType ?? 'Usage',
    BilledCost: r.cost,
    EffectiveCost: r.cost,
    ListCost: r.cost,
    BillingCurrency: r.currency ?? 'USD',
    ConsumedQuantity: r.quantity,
    ConsumedUnit: r.unit.replace(/^1 /, ''),
    ServiceName: r.meterCategory,
    ServiceSubcategory: r.meterSubCategory,
    SkuMeter: r.meterName,
    ResourceId: r.resourceId,
    Tags: r.tags ? JSON.stringify(r.tags) : '',
  });
}

export type ExportKind = 'EA' | 'MCA' | 'FOCUS';
const HEADERS: Record<ExportKind, readonly string[]> = { EA: EA_HEADER, MCA: MCA_HEADER, FOCUS: FOCUS_HEADER };
const RECORDS: Record<ExportKind, (r: LogicalRow) => string[]> = { EA: eaRecord, MCA: mcaRecord, FOCUS: focusRecord };

export function exportHeader(kind: ExportKind): string {
  return `\uFEFF${stringify([HEADERS[kind]])}`;
}

export function exportRows(kind: ExportKind, rows: readonly LogicalRow[]): string {
  return stringify(rows.map(RECORDS[kind]));
}

export function exportText(kind: ExportKind, rows: readonly LogicalRow[]): string {
  return exportHeader(kind) + exportRows(kind, rows);
}

const CMG_RG = 'cmg-rg';
const CMG_ID = '/subscriptions/1caaa5a3-2b66-438e-8ab4-bce37d518c5d/resourceGroups/cmg-rg/providers/Microsoft.Compute/virtualMachineScaleSets/contosocmg';

/**
 * A month of a CMG's usage, with figures chosen to be checked by hand (see test/actuals.test.ts), plus
 * rows of another resource group and a meter with no component.
 */
export function cmgMonth(month = '2026-10', days = 31): LogicalRow[] {
  const rows: LogicalRow[] = [];
  for (let d = 1; d <= days; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    const upper = d % 2 === 0; // every other row with the upper-case ids real exports carry
    const id = upper ? CMG_ID.toUpperCase() : CMG_ID;
    const rg = upper ? CMG_RG.toUpperCase() : CMG_RG;
    const tags = { 'cmg-name': 'contosocmg', Owner: 'ConfigMgr team' };
    rows.push({
      date,
      meterCategory: 'Virtual Machines',
      meterSubCategory: 'Av2 Series Windows',
      meterName: 'A2 v2',
      quantity: '48',
      unit: '1 Hour',
      cost: '6.528',
      resourceGroup: rg,
      resourceId: id,
      tags,
    });
    rows.push({
      date,
      meterCategory: 'Bandwidth',
      meterSubCategory: '',
      meterName: 'Standard Data Transfer Out',
      quantity: '250',
      unit: '1 GB',
      cost: '21.75',
      resourceGroup: rg,
      resourceId: id,
      tags,
    });
    rows.push({ date, meterCategory: 'Bandwidth', meterSubCategory: '', meterName: 'Standard Data Transfer In', quantity: '40', unit: '1 GB', cost: '0', resourceGroup: rg, resourceId: id, tags });
    rows.push({
      date,
      meterCategory: 'Storage',
      meterSubCategory: 'General Block Blob v2',
      meterName: 'Hot LRS Data Stored',
      quantity: '20',
      unit: '1 GB/Month',
      cost: '0.368',
      resourceGroup: rg,
      resourceId: `${id}/storage`,
      tags,
    });
    rows.push({
      date,
      meterCategory: 'Virtual Network',
      meterSubCategory: 'IP Addresses',
      meterName: 'Standard IPv4 Static Public IP',
      quantity: '24',
      unit: '1 Hour',
      cost: '0.12',
      resourceGroup: rg,
      resourceId: `${id}/ip`,
      tags,
    });
    rows.push({
      date,
      meterCategory: 'Log Analytics',
      meterSubCategory: '',
      meterName: 'Analytics Logs Data Ingestion',
      quantity: '0.25',
      unit: '1 GB',
      cost: '0.5',
      resourceGroup: rg,
      resourceId: `${id}/logs`,
      tags,
    });
    rows.push({
      date,
      meterCategory: 'Virtual Machines',
      meterSubCategory: 'Dv3/DSv3 Series',
      meterName: 'D2 v3/D2s v3',
      quantity: '24',
      unit: '1 Hour',
      cost: '100',
      resourceGroup: 'other-rg',
      resourceId: '/subscriptions/1caaa5a3-2b66-438e-8ab4-bce37d518c5d/resourceGroups/other-rg/providers/Microsoft.Compute/virtualMachines/app1',
    });
  }
  rows.push({
    date: `${month}-15`,
    meterCategory: 'Key Vault',
    meterSubCategory: '',
    meterName: 'Operations',
    quantity: '1',
    unit: '10K',
    cost: '0.03',
    resourceGroup: CMG_RG,
    resourceId: `${CMG_ID}/kv`,
    tags: { 'cmg-name': 'contosocmg' },
  });
  // a row of the month before: read, not in the month
  rows.push({
    date: '2026-09-30',
    meterCategory: 'Virtual Machines',
    meterSubCategory: 'Av2 Series Windows',
    meterName: 'A2 v2',
    quantity: '48',
    unit: '1 Hour',
    cost: '6.528',
    resourceGroup: CMG_RG,
    resourceId: CMG_ID,
  });
  return rows;
}

/** The scenario the generated month was planned with (figures in test/actuals.test.ts). */
export const CMG_MONTH_SCENARIO = `name: Contoso CMG
region: eastus
clients:
  total: 20000
  peakConcurrency: 0.6
gateway:
  minInstances: 2
traffic:
  managementMBPerClientMonth: 300   # measured
content:
  storedGB: 620
  downloadMBPerClientMonth: 100
`;
