import { z } from 'zod';
import { VM_SIZE_NAMES, isVmSizeName } from '../sizing/vm-sizes.js';
import { AZURE_REGIONS, isKnownRegion } from '../pricing/regions.js';
import { COMMITMENTS } from '../pricing/commitments.js';

/**
 * The scenario file's contract: what a user may write, checked at the boundary.
 * Every field but name, region and clients.total is optional; defaults live in ./defaults.ts with
 * their sources. Objects are strict so that a misspelt field is reported, not silently ignored.
 */

/** The most clients one scenario may describe: well past Microsoft's largest documented estates. */
export const MAX_CLIENTS = 10_000_000;

/** A scenario's name is a label in reports. */
export const MAX_NAME_LENGTH = 200;

const finite = (what: string) => z.number({ error: `expected a number (${what})` });
const count = (what: string) => finite(what).int(`expected a whole number (${what})`);
const share = (what: string) => finite(what).min(0, `expected a share from 0 to 1 (${what})`).max(1, `expected a share from 0 to 1 (${what})`);
const nonNegative = (what: string) => finite(what).min(0, `expected 0 or more (${what})`);
const positive = (what: string) => finite(what).positive(`expected more than 0 (${what})`);

function closestKey(value: string, keys: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
  return keys.find((k) => squash(k) === squash(value));
}

const region = z.string({ error: 'expected an Azure region name such as eastus' }).superRefine((value, ctx) => {
  if (isKnownRegion(value)) return;
  const hint = closestKey(value, Object.keys(AZURE_REGIONS));
  ctx.addIssue({
    code: 'custom',
    message: `unknown Azure region "${value}": use the armRegionName, e.g. ${hint ? `"${hint}"` : 'eastus, westeurope, uksouth'}`,
  });
});

const vmSize = z.string({ error: `expected one of ${VM_SIZE_NAMES.join(' | ')}` }).superRefine((value, ctx) => {
  if (isVmSizeName(value)) return;
  const hint = closestKey(value, VM_SIZE_NAMES);
  ctx.addIssue({
    code: 'custom',
    message: `unknown VM size "${value}": ${hint ? `did you mean "${hint}"? ` : ''}expected one of ${VM_SIZE_NAMES.join(' | ')}`,
  });
});

export const scenarioSchema = z.strictObject({
  name: z.string({ error: 'expected a name for the scenario (text)' }).min(1, 'must not be empty').max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`),
  region,
  currency: z
    .string({ error: 'expected an ISO 4217 currency code such as USD' })
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code in capitals, such as USD or EUR')
    .optional(),
  hoursPerMonth: positive('hours in the month').max(744, 'a month has at most 744 hours').optional(),
  commitment: z.enum(COMMITMENTS, { error: `expected one of ${COMMITMENTS.join(' | ')}` }).optional(),
  clients: z.strictObject(
    {
      total: count('clients managed through the CMG')
        .min(0, 'expected 0 or more clients')
        .max(MAX_CLIENTS, `expected at most ${MAX_CLIENTS.toLocaleString('en')} clients`),
      peakConcurrency: share('share of clients connected at the busiest time').optional(),
      onlineHoursPerDay: nonNegative('hours a day a client is online').max(24, 'a day has 24 hours').optional(),
    },
    { error: 'expected a mapping with at least `total`' },
  ),
  gateway: z
    .strictObject({
      vmSize: vmSize.optional(),
      os: z.enum(['windows', 'linux'], { error: 'expected windows or linux' }).optional(),
      minInstances: count('instances').min(1, 'expected 1 to 16').max(16, 'expected 1 to 16').optional(),
      instances: count('instances').min(1, 'expected 1 to 16').max(16, 'a CMG has at most 16 instances; leave `instances` out and the sizing splits the load over several CMGs').optional(),
      clientsPerInstance: count('clients per instance').positive('expected more than 0').optional(),
      publicIp: z.enum(['standard-static', 'none'], { error: 'expected standard-static or none' }).optional(),
      // gone: it claimed a move of CMGs to another size that no Microsoft source describes
      migrate2609: z
        .unknown()
        .superRefine((_, ctx) =>
          ctx.addIssue({ code: 'custom', message: 'is no longer a field: no Microsoft source describes such a move; to see the scenario on other sizes, run estimate with --successor SIZE[,SIZE]' }),
        )
        .optional(),
    })
    .optional(),
  traffic: z
    .strictObject({
      policyPollingMinutes: positive('minutes between policy polls').min(1, 'expected at least 1 minute').optional(),
      managementMBPerClientMonth: nonNegative('measured MB per client per month').optional(),
      policyKBPerPoll: nonNegative('KB sent to a client per policy poll').optional(),
      notificationKBPerHour: nonNegative('KB of notification-channel keep-alive per online hour').optional(),
      inventoryCycleDays: positive('days between inventory cycles').optional(),
      inventoryKBPerCycle: nonNegative('KB of inventory forwarded to the site per cycle').optional(),
      statusKBPerDay: nonNegative('KB of status and state messages forwarded per day').optional(),
    })
    .optional(),
  content: z
    .strictObject({
      storedGB: nonNegative('GB of content held in the CMG').optional(),
      storageTier: z.enum(['hot', 'cool'], { error: 'expected hot or cool' }).optional(),
      downloadMBPerClientMonth: nonNegative('MB each client downloads a month').optional(),
      peerShare: share('share of content served by peers').optional(),
      mbPerReadOperation: positive('MB of content one blob read operation serves').optional(),
    })
    .optional(),
  egress: z
    .strictObject({
      otherGBPerMonth: nonNegative('other internet egress GB a month on the same meter').optional(),
      alert14DayGB: positive('14-day outbound data alert threshold, GB').optional(),
    })
    .optional(),
  other: z
    .strictObject({
      keyVaultOperationsPerMonth: nonNegative('Key Vault operations a month').optional(),
    })
    .optional(),
});

export type ScenarioInput = z.infer<typeof scenarioSchema>;
