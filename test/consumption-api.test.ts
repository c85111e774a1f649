import { afterEach, describe, expect, it } from 'vitest';
import type { TokenCredential } from '@azure/core-auth';
import { readConsumption, recordToRow } from '../src/actuals/consumption-api.js';
import { runActuals } from '../src/cli/commands/actuals.js';
import { billingMonth } from '../src/actuals/dates.js';
import type { UsageRow } from '../src/actuals/usage-row.js';
import type { CmgPlannerError } from '../src/model/errors.js';
import { LOOPBACK_CA, exampleBody, startFakeArm, type FakeArm } from './helpers/arm-server.js';
import { tempDir, writeTemp } from './helpers/cli.js';
import { CMG_MONTH_SCENARIO } from '../support/export-gen.js';

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const credential: TokenCredential = { getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const month = billingMonth('2019-04')!;

let arm: FakeArm | undefined;
afterEach(async () => {
  await arm?.close();
  arm = undefined;
});

describe('the Consumption API through the real SDK client', () => {
  it('reads both record kinds over two pages (nextLink), with the token and the month filter', async () => {
    const legacy = exampleBody('UsageDetailsList.json').value[0]!;
    const expanded = exampleBody('UsageDetailsExpand.json').value[0]!;
    const modern = exampleBody('UsageDetailsListByMCABillingAccount.json').value[0]!;
    arm = await startFakeArm({ pages: [{ value: [legacy, expanded] }, { value: [modern] }] });
    const rows: UsageRow[] = [];
    const result = await readConsumption({ subscriptionId: SUBSCRIPTION, resourceGroup: 'Resource-Group-westus', month, endpoint: arm.endpoint, credential, ca: LOOPBACK_CA }, (r) => rows.push(r));
    expect(result).toEqual({ rows: 3, scope: `/subscriptions/${SUBSCRIPTION}/resourceGroups/Resource-Group-westus` });
    expect(arm.requests).toHaveLength(2);
    expect(arm.requests[0]!.authorization).toBe('Bearer test-token');
    const first = new URL(arm.requests[0]!.url, arm.endpoint);
    expect(first.pathname).toBe(`/subscriptions/${SUBSCRIPTION}/resourceGroups/Resource-Group-westus/providers/Microsoft.Consumption/usageDetails`);
    expect(first.searchParams.get('$filter')).toBe("properties/usageStart ge '2019-04-01' and properties/usageEnd le '2019-04-30'");
    expect(first.searchParams.get('$expand')).toBe('meterDetails');
    // the SDK's own api-version (the fixtures are the 2023-05-01 examples: the same record shapes)
    expect(first.searchParams.get('api-version')).toBe('2021-10-01');
    // legacy: cost and billingCurrency; meterDetails when expanded
    expect(rows[0]).toMatchObject({ date: '2019-04-09', currency: 'CAD', resourceGroup: 'Resource-Group-westus' });
    expect(rows[0]!.cost.toString()).toBe('0.000001980949998');
    expect(rows[1]).toMatchObject({ meterCategory: 'Networking', meterSubCategory: 'ExpressRoute', meterName: 'Data Transfer Out (GB)', unitOfMeasure: 'GB' });
    // modern: costInBillingCurrency, billingCurrencyCode, instanceName; no meter details: from the product
    expect(rows[2]).toMatchObject({ date: '2019-10-30', currency: 'USD', meterCategory: 'Virtual Machines', meterName: 'D1', resourceGroup: 'Resource Group 1' });
    expect(rows[2]!.cost.toString()).toBe('1.84763819095477');
    expect(rows[2]!.resourceId).toMatch(/storageAccounts\/Resource Name 1$/);
  });

  it('says which role is missing on a 403', async () => {
    arm = await startFakeArm({ status: 403, error: { code: 'AuthorizationFailed', message: 'The client does not have authorization' } });
    const error = await readConsumption({ subscriptionId: SUBSCRIPTION, month, endpoint: arm.endpoint, credential, ca: LOOPBACK_CA }, () => undefined).catch((e: CmgPlannerError) => e);
    expect(error).toMatchObject({ exitCode: 1 });
    expect((error as Error).message).toMatch(/may not read the usage of \/subscriptions\/0{8}-.*\(HTTP 403 AuthorizationFailed\): it needs the Cost Management Reader role/);
  });

  it('says to sign in when no credential is found', async () => {
    arm = await startFakeArm({ pages: [] });
    const noCredential: TokenCredential = {
      getToken: async () => {
        const e = new Error('EnvironmentCredential is unavailable');
        e.name = 'CredentialUnavailableError';
        throw e;
      },
    };
    const error = (await readConsumption({ subscriptionId: SUBSCRIPTION, month, endpoint: arm.endpoint, credential: noCredential, ca: LOOPBACK_CA }, () => undefined).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/no Azure credential was found .*az login/);
  });

  it('refuses a subscription that is not a GUID', async () => {
    await expect(readConsumption({ subscriptionId: 'my-sub', month, endpoint: 'https://x', credential }, () => undefined)).rejects.toMatchObject({ exitCode: 2 });
  });

  it('feeds the actuals report like an export does', async () => {
    const record = (date: string, meterCategory: string, meterName: string, quantity: number, cost: number) => ({
      kind: 'legacy',
      properties: {
        date: `${date}T00:00:00.0000000Z`,
        meterDetails: { meterCategory, meterName, meterSubCategory: '', unitOfMeasure: meterCategory === 'Bandwidth' ? '1 GB' : '1 Hour' },
        quantity,
        cost,
        billingCurrency: 'USD',
        resourceGroup: 'cmg-rg',
        resourceId: '/subscriptions/x/resourceGroups/cmg-rg/providers/Microsoft.Compute/virtualMachineScaleSets/cmg',
        chargeType: 'Usage',
      },
    });
    const days = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    arm = await startFakeArm({
      pages: [{ value: days.map((d) => record(d, 'Virtual Machines', 'A2 v2', 48, 6.528)) }, { value: days.map((d) => record(d, 'Bandwidth', 'Standard Data Transfer Out', 250, 21.75)) }],
    });
    const out: string[] = [];
    const dir = tempDir();
    const scenario = writeTemp(dir, 's.yaml', CMG_MONTH_SCENARIO);
    await runActuals(
      scenario,
      { month: '2026-10', subscription: SUBSCRIPTION, resourceGroup: ['cmg-rg'], armEndpoint: arm.endpoint, format: 'json' },
      { stdout: (t) => out.push(t), stderr: () => undefined, now: () => new Date('2026-11-23T00:00:00Z') },
      { credential, ca: LOOPBACK_CA },
    );
    const json = JSON.parse(out.join(''));
    expect(json.rowsRead).toBe(62);
    expect(json.scope).toBe(`/subscriptions/${SUBSCRIPTION}/resourceGroups/cmg-rg; resource group cmg-rg`);
    expect(json.components.slice(0, 2).map((c: { actualCost: string; actualQuantity: string }) => [c.actualCost, c.actualQuantity])).toEqual([
      ['202.37', '1488'],
      ['674.25', '7750'],
    ]);
  });

  it.each([
    [
      'a record whose cost is not a number',
      { pages: [{ value: [{ kind: 'legacy', properties: { date: '2019-04-09T00:00:00Z', cost: 'abc', quantity: 1, billingCurrency: 'USD' } }] }] },
      /record 1: "abc"/,
    ],
    ['a record without a usable date', { pages: [{ value: [{ kind: 'legacy', properties: { date: 'yesterday', cost: 1, quantity: 1, billingCurrency: 'USD' } }] }] }, /without a usable date/],
    ['a page that is not JSON', { rawBody: '{"value": [' }, /the Consumption API (failed|could not be reached)/],
  ] as const)('hostile pages: %s is exit 1 with one message', async (_why, server, message) => {
    arm = await startFakeArm(server as never);
    const error = (await readConsumption({ subscriptionId: SUBSCRIPTION, month, endpoint: arm.endpoint, credential, ca: LOOPBACK_CA }, () => undefined).catch((e: Error) => e)) as CmgPlannerError;
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('maps a record without meter details from its product', () => {
    const row = recordToRow(
      { kind: 'legacy', date: '2026-10-01', product: 'Bandwidth - Standard Data Transfer Out - Zone 1', quantity: 1, cost: 0.087, billingCurrency: 'usd' },
      { file: 'api', line: 1 },
    );
    expect(row).toMatchObject({ meterCategory: 'Bandwidth', meterName: 'Standard Data Transfer Out', currency: 'USD' });
  });
});
