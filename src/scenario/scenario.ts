import type { VmSizeName } from '../sizing/vm-sizes.js';
import type { Commitment } from '../pricing/commitments.js';
import { setPath, type AssumptionRange } from './ranges.js';
import type { ScenarioInput } from './schema.js';
import { SCENARIO_DEFAULTS } from './defaults.js';

/** One assumption the estimate rests on, and where its figure came from. */
export interface Assumption {
  readonly name: string;
  readonly value: string | number;
  readonly source: string;
}

export const USER_SCENARIO = 'user scenario';

/** A value set from outside the file (a command-line option, a month's real hours), and who set it. */
export interface Override {
  readonly path: string;
  readonly value: string | number;
  readonly source: string;
}

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
    /** MB of content one blob read operation serves, on average (prices the read operations of content downloads). */
    readonly mbPerReadOperation: number;
  };
  readonly egress: { readonly otherGBPerMonth: number; readonly alert14DayGB: number };
  readonly other: { readonly keyVaultOperationsPerMonth: number };
  /** The fields the file gave as ranges; the figures above hold their modes. */
  readonly ranges: readonly AssumptionRange[];
  /** The validated data the scenario was resolved from, overrides written in (sweeps and draws re-resolve it). */
  readonly input: ScenarioInput;
  /** Who set each overridden field (its path): the source its assumption cites. */
  readonly overrides: Readonly<Record<string, string>>;
}

const D = SCENARIO_DEFAULTS;

/** Applies the defaults to validated scenario data. Cheap: sweeps and Monte Carlo draws call it for every point. */
export function resolveScenario(input: ScenarioInput, ranges: readonly AssumptionRange[] = [], overrides: Readonly<Record<string, string>> = {}): Scenario {
  const { clients, gateway, traffic, content, egress, other } = input;
  return {
    name: input.name,
    region: input.region,
    currency: input.currency ?? D.currency.value,
    hoursPerMonth: input.hoursPerMonth ?? D.hoursPerMonth.value,
    commitment: input.commitment ?? D.commitment.value,
    clients: {
      total: clients.total,
      peakConcurrency: clients.peakConcurrency ?? D['clients.peakConcurrency'].value,
      onlineHoursPerDay: clients.onlineHoursPerDay ?? D['clients.onlineHoursPerDay'].value,
    },
    gateway: {
      vmSize: (gateway?.vmSize ?? D['gateway.vmSize'].value) as VmSizeName,
      os: gateway?.os ?? D['gateway.os'].value,
      minInstances: gateway?.minInstances ?? D['gateway.minInstances'].value,
      instances: gateway?.instances,
      clientsPerInstance: gateway?.clientsPerInstance,
      publicIp: gateway?.publicIp ?? D['gateway.publicIp'].value,
    },
    traffic: {
      policyPollingMinutes: traffic?.policyPollingMinutes ?? D['traffic.policyPollingMinutes'].value,
      managementMBPerClientMonth: traffic?.managementMBPerClientMonth,
      policyKBPerPoll: traffic?.policyKBPerPoll ?? D['traffic.policyKBPerPoll'].value,
      notificationKBPerHour: traffic?.notificationKBPerHour ?? D['traffic.notificationKBPerHour'].value,
      inventoryCycleDays: traffic?.inventoryCycleDays ?? D['traffic.inventoryCycleDays'].value,
      inventoryKBPerCycle: traffic?.inventoryKBPerCycle ?? D['traffic.inventoryKBPerCycle'].value,
      statusKBPerDay: traffic?.statusKBPerDay ?? D['traffic.statusKBPerDay'].value,
    },
    content: {
      storedGB: content?.storedGB ?? D['content.storedGB'].value,
      storageTier: content?.storageTier ?? D['content.storageTier'].value,
      downloadMBPerClientMonth: content?.downloadMBPerClientMonth ?? D['content.downloadMBPerClientMonth'].value,
      peerShare: content?.peerShare ?? D['content.peerShare'].value,
      mbPerReadOperation: content?.mbPerReadOperation ?? D['content.mbPerReadOperation'].value,
    },
    egress: {
      otherGBPerMonth: egress?.otherGBPerMonth ?? D['egress.otherGBPerMonth'].value,
      alert14DayGB: egress?.alert14DayGB ?? D['egress.alert14DayGB'].value,
    },
    other: { keyVaultOperationsPerMonth: other?.keyVaultOperationsPerMonth ?? D['other.keyVaultOperationsPerMonth'].value },
    ranges,
    input,
    overrides,
  };
}

function readPath(input: unknown, path: string): unknown {
  let node: unknown = input;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Fields that have no default: given by the file or not used. */
const OPTIONAL_FIELDS = ['gateway.instances', 'gateway.clientsPerInstance', 'traffic.managementMBPerClientMonth'];

/**
 * Every field the model uses, with its value and where it came from: the file ("user scenario"), an
 * override (its source), or the default's own source; a range says so and which value was used.
 */
export function scenarioAssumptions(scenario: Scenario): Assumption[] {
  const sourceOf = (path: string, fallback: string) => scenario.overrides[path] ?? fallback;
  const assumptions: Assumption[] = [
    { name: 'name', value: scenario.name, source: sourceOf('name', USER_SCENARIO) },
    { name: 'region', value: scenario.region, source: sourceOf('region', USER_SCENARIO) },
    { name: 'clients.total', value: scenario.input.clients.total, source: sourceOf('clients.total', USER_SCENARIO) },
  ];
  const defaulted = Object.keys(SCENARIO_DEFAULTS) as (keyof typeof SCENARIO_DEFAULTS)[];
  for (const path of defaulted) {
    const given = readPath(scenario.input, path);
    if (given !== undefined) assumptions.push({ name: path, value: given as string | number, source: sourceOf(path, USER_SCENARIO) });
    else assumptions.push({ name: path, value: SCENARIO_DEFAULTS[path].value, source: SCENARIO_DEFAULTS[path].source });
    if (path === 'gateway.minInstances') {
      // the optional gateway fields are listed where they were before, after minInstances
      for (const optional of OPTIONAL_FIELDS.slice(0, 2)) {
        const value = readPath(scenario.input, optional);
        if (typeof value === 'number') assumptions.push({ name: optional, value, source: sourceOf(optional, USER_SCENARIO) });
      }
    }
    if (path === 'traffic.policyPollingMinutes') {
      const value = readPath(scenario.input, OPTIONAL_FIELDS[2]!);
      if (typeof value === 'number') assumptions.push({ name: OPTIONAL_FIELDS[2]!, value, source: sourceOf(OPTIONAL_FIELDS[2]!, USER_SCENARIO) });
    }
  }
  return assumptions.map((a) => {
    const range = scenario.ranges.find((r) => r.path === a.name);
    if (!range) return a;
    const triangular = range.distribution === 'triangular';
    return { ...a, source: `${a.source}: ${range.distribution} range ${range.low} / ${triangular ? `${range.mode} / ` : ''}${range.high}, the ${triangular ? 'mode' : 'midpoint'} used` };
  });
}

/**
 * The scenario with values set from outside the file, written into its input and resolved again, so
 * that ranges, sweeps and overrides compose. An overridden field is no longer a range.
 */
export function withOverrides(scenario: Scenario, overrides: readonly Override[]): Scenario {
  let input = scenario.input;
  const sources = { ...scenario.overrides };
  for (const o of overrides) {
    input = setPath(input, o.path, o.value);
    sources[o.path] = o.source;
  }
  const paths = new Set(overrides.map((o) => o.path));
  return resolveScenario(
    input,
    scenario.ranges.filter((r) => !paths.has(r.path)),
    sources,
  );
}

/**
 * The scenario with several fields of the file set at once (a sweep's point, a Monte Carlo draw): the values go
 * into the input and straight into the resolved fields of the same paths, copying only the objects on
 * their paths. The values must be ones the fields accept (sweeps and ranges check theirs).
 * `intoInput: false` leaves the input as it was, for a scenario that is only evaluated (a sweep's
 * point, a draw), never reported or resolved again.
 */
export function withValues(scenario: Scenario, values: readonly { readonly path: string; readonly value: string | number }[], intoInput = true): Scenario {
  const next = fieldSetter(values.map((v) => v.path))(
    scenario,
    values.map((v) => v.value),
  );
  if (!intoInput) return next;
  let input = scenario.input;
  for (const { path, value } of values) input = setPath(input, path, value);
  return { ...next, input };
}

/**
 * Sets the same fields again and again (a sweep's points, Monte Carlo draws): the paths are read once,
 * and each call copies the scenario and the groups on the paths, and sets the values in path order.
 * The input is left as it was: the scenario is only evaluated, never reported or resolved again.
 */
export function fieldSetter(paths: readonly string[]): (scenario: Scenario, values: readonly (string | number)[]) => Scenario {
  const fields = paths.map((path) => {
    const dot = path.indexOf('.');
    return dot < 0 ? { group: undefined, key: path } : { group: path.slice(0, dot), key: path.slice(dot + 1) };
  });
  const groups = [...new Set(fields.flatMap((f) => (f.group === undefined ? [] : [f.group])))];
  return (scenario, values) => {
    const next: Record<string, unknown> = { ...scenario };
    for (const group of groups) next[group] = { ...(next[group] as object) };
    for (let i = 0; i < fields.length; i++) {
      const { group, key } = fields[i]!;
      if (group === undefined) next[key] = values[i];
      else (next[group] as Record<string, unknown>)[key] = values[i];
    }
    return next as unknown as Scenario;
  };
}
