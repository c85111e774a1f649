import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { Decimal } from '../model/money.js';
import { ExternalError, UserInputError } from '../model/errors.js';
import { usageDay, type BillingMonth } from './dates.js';
import type { UsageRow } from './usage-row.js';

export { ARM_ENDPOINT } from './arm-endpoint.js';

export interface ConsumptionSource {
  readonly subscriptionId: string;
  /** One resource group narrows the scope (and the rows to read). */
  readonly resourceGroup?: string;
  readonly month: BillingMonth;
  readonly endpoint: string;
  /** Injected in tests; DefaultAzureCredential (az login, managed identity, environment) otherwise. */
  readonly credential?: TokenCredential;
  /** Extra trusted CA (PEM) for the endpoint: a test's loopback server. */
  readonly ca?: string;
}

export function consumptionScope(subscriptionId: string, resourceGroup?: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(subscriptionId)) {
    throw new UserInputError(`--subscription: "${subscriptionId}" is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000)`);
  }
  return resourceGroup ? `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}` : `subscriptions/${subscriptionId}`;
}

type Record_ = Record<string, unknown> & { kind?: string; tags?: Record<string, string> };

const text = (v: unknown) => (v === undefined || v === null ? '' : v instanceof Date ? (Number.isNaN(v.getTime()) ? 'an invalid date' : v.toISOString()) : String(v));
/** A number of a record: absent is 0; anything but a finite number is an error naming the record. */
function num(v: unknown, field: string, origin: { file: string; line: number }): Decimal {
  if (v === undefined || v === null) return new Decimal(0);
  if (typeof v === 'number' && Number.isFinite(v)) return new Decimal(v);
  if (typeof v === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return new Decimal(v.trim());
  throw new ExternalError(`the Consumption API returned a record whose ${field} is not a number (${origin.file}, record ${origin.line}: ${JSON.stringify(v)})`);
}

/** "Virtual Machines D Series - D1 - US East" -> category and meter, where a record has no meter details. */
function fromProduct(product: string): { category: string; meter: string } {
  const parts = product.split(' - ');
  return { category: parts[0]?.replace(/\s+(Series|[A-Z][A-Za-z0-9]*\s+Series).*$/, '').trim() ?? '', meter: parts[1]?.trim() ?? '' };
}

/**
 * A usage-details record of either kind as a usage row: legacy (EA, pay-as-you-go: cost,
 * billingCurrency, meterDetails) or modern (MCA: costInBillingCurrency, billingCurrencyCode, meterName).
 */
export function recordToRow(record: Record_, origin: { file: string; line: number }): UsageRow {
  const modern = record.kind === 'modern';
  const details = (record.meterDetails ?? {}) as Record<string, unknown>;
  const product = fromProduct(text(record.product));
  const date = usageDay(text(record.date).slice(0, 10));
  if (!date) throw new ExternalError(`the Consumption API returned a record without a usable date (${origin.file}, record ${origin.line}: "${text(record.date)}")`);
  const resourceId = text(modern ? (record.instanceName ?? record.resourceId) : record.resourceId);
  return {
    date,
    meterCategory: text(modern ? record.meterCategory : details.meterCategory) || product.category,
    meterSubCategory: text(modern ? record.meterSubCategory : details.meterSubCategory),
    meterName: text(modern ? record.meterName : details.meterName) || product.meter,
    quantity: num(record.quantity, 'quantity', origin),
    unitOfMeasure: text(modern ? record.unitOfMeasure : details.unitOfMeasure),
    cost: num(modern ? record.costInBillingCurrency : record.cost, modern ? 'costInBillingCurrency' : 'cost', origin),
    currency: text(modern ? record.billingCurrencyCode : record.billingCurrency).toUpperCase(),
    resourceId,
    resourceGroup: text(record.resourceGroup) || (/\/resourcegroups\/([^/]+)/i.exec(resourceId)?.[1] ?? ''),
    tags: record.tags ? JSON.stringify(record.tags) : '',
    chargeType: text(record.chargeType),
    origin,
  };
}

function explain(error: unknown, scope: string): ExternalError {
  const e = error as { name?: string; statusCode?: number; code?: string; message?: string };
  const where = `/${scope}`;
  if (e.name === 'CredentialUnavailableError' || e.name === 'AggregateAuthenticationError') {
    return new ExternalError(
      `no Azure credential was found to read the usage of ${where}: sign in with \`az login\`, run where a managed identity is assigned, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET`,
    );
  }
  if (e.name === 'AuthenticationError' || e.statusCode === 401) {
    return new ExternalError(`Azure refused the sign-in for ${where} (${(e.message ?? '').split('\n')[0]}): check the credential (az login, or the AZURE_* variables)`);
  }
  if (e.statusCode === 403) {
    return new ExternalError(
      `the signed-in identity may not read the usage of ${where} (HTTP 403${e.code ? ` ${e.code}` : ''}): it needs the Cost Management Reader role (or Reader) on the subscription or resource group`,
    );
  }
  if (e.statusCode === 404) return new ExternalError(`Azure does not know ${where} (HTTP 404): check --subscription and --resource-group`);
  if (e.statusCode !== undefined) return new ExternalError(`the Consumption API failed for ${where}: HTTP ${e.statusCode}${e.code ? ` ${e.code}` : ''}: ${(e.message ?? '').split('\n')[0]}`);
  return new ExternalError(`the Consumption API could not be reached for ${where}: ${(e.message ?? String(error)).split('\n')[0]}`);
}

/** A pipeline policy that trusts one more CA: how tests reach their HTTPS loopback server. */
function trustCa(ca: string): PipelinePolicy {
  return {
    name: 'cmgPlannerTrustCa',
    sendRequest: (request, next) => {
      request.tlsSettings = { ...request.tlsSettings, ca };
      return next(request);
    },
  };
}

/**
 * Reads a month of usage details from the Consumption API (every page; both record kinds) and hands
 * each row to `onRow`. The SDK and the identity library are loaded only here.
 */
export async function readConsumption(source: ConsumptionSource, onRow: (row: UsageRow) => void): Promise<{ rows: number; scope: string }> {
  const scope = consumptionScope(source.subscriptionId, source.resourceGroup);
  const [{ ConsumptionManagementClient }, credential] = await Promise.all([
    import('@azure/arm-consumption'),
    source.credential ? Promise.resolve(source.credential) : import('@azure/identity').then(({ DefaultAzureCredential }) => new DefaultAzureCredential()),
  ]);
  const ca = source.ca;
  const client = new ConsumptionManagementClient(credential, source.subscriptionId, {
    endpoint: source.endpoint,
    credentialScopes: `${source.endpoint.replace(/\/+$/, '')}/.default`,
    ...(ca ? { additionalPolicies: [{ position: 'perCall' as const, policy: trustCa(ca) }] } : {}),
  });
  const filter = `properties/usageStart ge '${source.month.firstDay}' and properties/usageEnd le '${source.month.lastDay}'`;
  let rows = 0;
  try {
    for await (const record of client.usageDetails.list(scope, { filter, expand: 'meterDetails' })) {
      rows++;
      onRow(recordToRow(record as unknown as Record_, { file: `Consumption API /${scope}`, line: rows }));
    }
  } catch (error) {
    if (error instanceof UserInputError || error instanceof ExternalError) throw error;
    throw explain(error, scope);
  }
  return { rows, scope: `/${scope}` };
}
