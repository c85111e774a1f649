import { UserInputError } from '../model/errors.js';
import { describeIssue, fieldPath } from '../model/validation.js';
import { scenarioSchema, type ScenarioInput } from '../scenario/schema.js';
import { RANGEABLE_FIELDS, setPath } from '../scenario/ranges.js';

/** The most points one sweep may have. */
export const MAX_SWEEP_POINTS = 100_000;

/** Fields a sweep may vary: every numeric assumption, and these choices. */
export const SWEEPABLE_FIELDS: readonly string[] = [
  ...Object.keys(RANGEABLE_FIELDS),
  'gateway.vmSize',
  'gateway.os',
  'gateway.minInstances',
  'gateway.instances',
  'commitment',
  'region',
  'content.storageTier',
];

export interface VarySpec {
  readonly path: string;
  readonly values: readonly (number | string)[];
  readonly numeric: boolean;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
/** Numeric fields that are not ranges (counts of instances). */
const NUMERIC_CHOICES = ['gateway.minInstances', 'gateway.instances'];

/** A round step that gives about 20 points from a to b, for the hint. */
function suggestStep(a: number, b: number): string {
  const span = Math.abs(b - a);
  if (span === 0) return '1';
  const raw = span / 20;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((x) => x >= raw)!;
  return String(Number(step.toPrecision(6)));
}

/** Counts decimals so that 0.1 steps do not drift: 0.1 + 0.2 is 0.3 here. */
const decimals = (s: string) => (s.includes('.') ? s.split('.')[1]!.length : 0);

/**
 * `field=start..end:step` (numbers, end included) or `field=a,b,c` (numbers or choices). Each value
 * is checked against the scenario format on the base scenario.
 */
export function parseVary(text: string, base: ScenarioInput): VarySpec {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UserInputError(`--vary "${text}": write field=start..end:step or field=a,b,c, e.g. clients.total=1000..60000:1000`);
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  if (!SWEEPABLE_FIELDS.includes(path)) throw new UserInputError(`--vary: "${path}" cannot be varied; use one of ${SWEEPABLE_FIELDS.join(', ')}`);
  let values: (number | string)[];
  const range = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$/.exec(spec);
  if (range) {
    const [, a, b, s] = range;
    // a silent step of 1 would make 59,001 points of 1000..60000: the step is said, not guessed
    if (s === undefined) throw new UserInputError(`--vary ${path}=${spec}: give the step too, e.g. ${path}=${a}..${b}:${suggestStep(Number(a), Number(b))}`);
    const start = Number(a);
    const end = Number(b);
    const step = Number(s);
    if (step <= 0) throw new UserInputError(`--vary ${path}: the step must be above 0`);
    if (end < start) throw new UserInputError(`--vary ${path}: ${a}..${b} runs backwards; write the smaller value first`);
    const count = Math.floor((end - start) / step + 1e-9) + 1;
    if (count > MAX_SWEEP_POINTS) throw new UserInputError(`--vary ${path}: ${count.toLocaleString('en')} values, more than ${MAX_SWEEP_POINTS.toLocaleString('en')}; use a larger step`);
    const places = Math.max(decimals(a!), decimals(s));
    values = Array.from({ length: count }, (_, i) => Number((start + i * step).toFixed(places)));
  } else {
    const items = spec
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (!items.length) throw new UserInputError(`--vary ${path}: no values; write ${path}=a,b,c or ${path}=start..end:step`);
    // numbers for the numeric fields, text otherwise
    const numericField = RANGEABLE_FIELDS[path] !== undefined || NUMERIC_CHOICES.includes(path);
    const notNumber = numericField ? items.find((v) => !NUMBER.test(v)) : undefined;
    if (notNumber !== undefined) throw new UserInputError(`--vary ${path}=${notNumber}: ${path} takes numbers, found "${notNumber}"`);
    values = numericField ? items.map(Number) : items;
  }
  const numeric = values.every((v) => typeof v === 'number');
  // the field's rules are bounds and whole numbers: a range's ends and its step settle every value between
  const checked = range ? [...new Set([values[0]!, values[1] ?? values[0]!, values[values.length - 1]!])] : new Set(values);
  for (const value of checked) {
    const checked = scenarioSchema.safeParse(setPath(base, path, value), { reportInput: true });
    if (!checked.success) {
      const { path: at, message } = describeIssue(checked.error.issues[0]!);
      throw new UserInputError(`--vary ${path}=${value}: ${fieldPath(at)}: ${message}`);
    }
  }
  return { path, values, numeric };
}
