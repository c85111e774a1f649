import type { VmSizeName } from '../sizing/vm-sizes.js';
import type { Commitment } from '../estimate/commitment.js';
import type { AssumptionRange } from './ranges.js';
import type { ScenarioInput } from './schema.js';
import { SCENARIO_DEFAULTS, type DefaultedField } from './defaults.js';

/** One assumption the estimate rests on, and where its figure came from. */
export interface Assumption {
  readonly name: string;
  readonly value: string | number;
  readonly source: string;
}

export const USER_SCENARIO = 'user scenario';

/** A scenario with every default applied: what the model works on. */
export interface Scenario {
  readonly name: string;
  readonly region: string;
  readonly currency: string;
  readonly hoursPerMonth: number;
  readonly commitment: Commitment;
  readonly clients: { readonly total: number; readonly peakConcurrency: number; readonly onlineHoursPerDay: number };
  readonly gateway: {
    readonly vmSize: VmSizeName;
    readonly os: 'windows' | 'linux';
    readonly minInstances: number;
    readonly instances?: number;
    readonly clientsPerInstance?: number;
    readonly publicIp: 'standard-static' | 'none';
    /** Show the ConfigMgr 2609 successor size side by side. */
    readonly migrate2609: boolean;
  };
  readonly traffic: {
    readonly policyPollingMinutes: number;
    readonly managementMBPerClientMonth?: number;
    readonly policyKBPerPoll: number;
    readonly notificationKBPerHour: number;
    readonly inventoryCycleDays: number;
    readonly inventoryKBPerCycle: number;
    readonly statusKBPerDay: number;
  };
  readonly content: {
    readonly storedGB: number;
    readonly storageTier: 'hot' | 'cool';
    readonly downloadMBPerClientMonth: number;
    readonly peerShare: number;
  };
  readonly egress: { readonly otherGBPerMonth: number; readonly alert14DayGB: number };
  readonly other: { readonly keyVaultOperationsPerMonth: number };
  /** Every field the model uses, with its value and source (user scenario or the default's). */
  readonly assumptions: readonly Assumption[];
  /** The fields the file gave as ranges; the figures above hold their modes. */
  readonly ranges: readonly AssumptionRange[];
  /** The validated file data the scenario was resolved from (sweeps and draws re-resolve it). */
  readonly input: ScenarioInput;
}

function readPath(input: unknown, path: string): unknown {
  let node: unknown = input;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Applies the defaults to a validated scenario file, recording the source of every figure. */
export function resolveScenario(input: ScenarioInput, ranges: readonly AssumptionRange[] = []): Scenario {
  const assumptions: Assumption[] = [
    { name: 'name', value: input.name, source: USER_SCENARIO },
    { name: 'region', value: input.region, source: USER_SCENARIO },
    { name: 'clients.total', value: input.clients.total, source: USER_SCENARIO },
  ];
  const take = <K extends DefaultedField>(path: K): (typeof SCENARIO_DEFAULTS)[K]['value'] => {
    const given = readPath(input, path);
    if (given !== undefined) {
      assumptions.push({ name: path, value: given as string | number, source: USER_SCENARIO });
      return given as (typeof SCENARIO_DEFAULTS)[K]['value'];
    }
    const fallback = SCENARIO_DEFAULTS[path];
    assumptions.push({ name: path, value: fallback.value, source: fallback.source });
    return fallback.value;
  };
  const optional = (path: string): number | undefined => {
    const given = readPath(input, path);
    if (typeof given !== 'number') return undefined;
    assumptions.push({ name: path, value: given, source: USER_SCENARIO });
    return given;
  };

  return {
    name: input.name,
    region: input.region,
    currency: take('currency'),
    hoursPerMonth: take('hoursPerMonth'),
    commitment: take('commitment') as Commitment,
    clients: {
      total: input.clients.total,
      peakConcurrency: take('clients.peakConcurrency'),
      onlineHoursPerDay: take('clients.onlineHoursPerDay'),
    },
    gateway: {
      vmSize: take('gateway.vmSize') as VmSizeName,
      os: take('gateway.os') as 'windows' | 'linux',
      minInstances: take('gateway.minInstances'),
      instances: optional('gateway.instances'),
      clientsPerInstance: optional('gateway.clientsPerInstance'),
      publicIp: take('gateway.publicIp') as 'standard-static' | 'none',
      migrate2609: input.gateway?.migrate2609 ?? false,
    },
    traffic: {
      policyPollingMinutes: take('traffic.policyPollingMinutes'),
      managementMBPerClientMonth: optional('traffic.managementMBPerClientMonth'),
      policyKBPerPoll: take('traffic.policyKBPerPoll'),
      notificationKBPerHour: take('traffic.notificationKBPerHour'),
      inventoryCycleDays: take('traffic.inventoryCycleDays'),
      inventoryKBPerCycle: take('traffic.inventoryKBPerCycle'),
      statusKBPerDay: take('traffic.statusKBPerDay'),
    },
    content: {
      storedGB: take('content.storedGB'),
      storageTier: take('content.storageTier') as 'hot' | 'cool',
      downloadMBPerClientMonth: take('content.downloadMBPerClientMonth'),
      peerShare: take('content.peerShare'),
    },
    egress: { otherGBPerMonth: take('egress.otherGBPerMonth'), alert14DayGB: take('egress.alert14DayGB') },
    other: { keyVaultOperationsPerMonth: take('other.keyVaultOperationsPerMonth') },
    assumptions: assumptions.map((a) => {
      const range = ranges.find((r) => r.path === a.name);
      return range ? { ...a, source: `${a.source}: ${range.distribution} range ${range.low} / ${range.distribution === 'triangular' ? `${range.mode} / ` : ''}${range.high}, the ${range.distribution === 'triangular' ? 'mode' : 'midpoint'} used` } : a;
    }),
    ranges,
    input,
  };
}

/** The scenario with one figure replaced (a command-line option, a month's real hours), its source noted. */
function override<K extends 'commitment' | 'hoursPerMonth'>(scenario: Scenario, field: K, value: Scenario[K], source: string): Scenario {
  return {
    ...scenario,
    [field]: value,
    assumptions: scenario.assumptions.map((a) => (a.name === field ? { name: field, value, source } : a)),
  };
}

/** The scenario with another commitment, as the command line asks (`--commitment`). */
export function withCommitment(scenario: Scenario, commitment: Commitment, source: string): Scenario {
  return override(scenario, 'commitment', commitment, source);
}

/** The scenario priced over another number of hours (a real month's, for actuals). */
export function withHoursPerMonth(scenario: Scenario, hours: number, source: string): Scenario {
  return override(scenario, 'hoursPerMonth', hours, source);
}
