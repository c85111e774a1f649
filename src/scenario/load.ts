import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { UserInputError } from '../model/errors.js';
import { describeIssue, fieldPath } from '../model/validation.js';
import { scenarioSchema, type ScenarioInput } from './schema.js';
import { resolveScenario, type Scenario } from './scenario.js';
import { extractRanges, setPath, type AssumptionRange } from './ranges.js';

/** YAML alias expansion is capped so that an "alias bomb" fails fast instead of eating memory. */
export const MAX_YAML_ALIASES = 100;

function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  // the field itself, or its closest parent that exists (a missing field is reported at its parent)
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      return counter.linePos(node.range[0]).line;
    }
  }
  return undefined;
}

/**
 * Parses a scenario (YAML, or JSON, which YAML reads too) and validates it; any problem is one
 * UserInputError naming the file, the line and the field.
 */
export function parseScenario(text: string, file: string): ScenarioInput {
  return parseScenarioWithRanges(text, file).input;
}

/** The scenario's data and its ranges ({low, mode, high} in place of a number), each replaced by its mode. */
export function parseScenarioWithRanges(text: string, file: string): { input: ScenarioInput; ranges: AssumptionRange[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = counter.linePos(syntax.pos[0]).line;
    const what = syntax.code === 'DUPLICATE_KEY' ? 'a key appears twice in one mapping' : syntax.message.split('\n')[0];
    throw new UserInputError(`${file}:${line}: not a valid YAML/JSON scenario: ${what}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    throw new UserInputError(`${file}: the scenario's YAML aliases expand too far (${(error as Error).message}); write the values out`);
  }
  if (data === null || data === undefined) {
    throw new UserInputError(`${file}: the scenario file is empty; see scenarios/ for an example`);
  }
  const place = (path: readonly PropertyKey[]) => {
    const line = lineOf(doc, counter, path);
    return line === undefined ? file : `${file}:${line}`;
  };
  // an unknown field is reported at its own line: the line of its key, not of the mapping around it
  const placeKey = (path: readonly PropertyKey[], key: string) => {
    const map = doc.getIn(path as unknown[], true);
    if (isMap(map)) {
      const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      const range = pair && isNode(pair.key) ? pair.key.range : undefined;
      if (range) return `${file}:${counter.linePos(range[0]).line}`;
    }
    return place(path);
  };
  const extracted = extractRanges(data, place);
  const input = validateScenario(extracted.data, file, place, placeKey);
  // each end of a range must be a valid value of its field too
  for (const range of extracted.ranges) {
    for (const end of ['low', 'high'] as const) {
      validateScenario(setPath(extracted.data, range.path, range[end]), file, place, placeKey, `the range's ${end} (${range[end]})`);
    }
  }
  return { input, ranges: extracted.ranges };
}

/** Unknown fields named in one report at the most. */
export const MAX_UNKNOWN_FIELDS_REPORTED = 10;

/**
 * Checks scenario data against the format. Unknown fields (misspellings) are reported all at once, up
 * to ten, each at its own line with the closest field of the format; otherwise the first problem. One
 * UserInputError, one line.
 */
function validateScenario(data: unknown, file: string, place: (path: readonly PropertyKey[]) => string, placeKey: (path: readonly PropertyKey[], key: string) => string, what?: string): ScenarioInput {
  const parsed = scenarioSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const unknown = issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ path: issue.path, key })) : []));
  if (unknown.length) {
    const reported = unknown.slice(0, MAX_UNKNOWN_FIELDS_REPORTED).map(({ path, key }) => {
      const hint = closestField(knownFields(path), key);
      return `${placeKey(path, key)}: ${fieldPath([...path, key])}: unknown field${hint ? `; did you mean "${hint}"?` : ''}`;
    });
    const more = unknown.length > MAX_UNKNOWN_FIELDS_REPORTED ? `; and ${unknown.length - MAX_UNKNOWN_FIELDS_REPORTED} more` : '';
    throw new UserInputError(`${reported.join('; ')}${more} (the fields a scenario may have are in the README's "Scenario format")`);
  }
  const first = issues[0]!;
  const { path, message } = describeIssue(first);
  const where = place(path);
  const field = path.length ? `${fieldPath(path)}: ${what ? `${what}: ` : ''}` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw new UserInputError(`${where}: ${field}${message}${more}`);
}

/** The fields the scenario format allows in the mapping at `path`. */
function knownFields(path: readonly PropertyKey[]): string[] {
  let schema: unknown = scenarioSchema;
  for (const key of path) {
    const shape = shapeOf(schema);
    schema = shape?.[String(key)];
  }
  return Object.keys(shapeOf(schema) ?? {});
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  let s = schema as { unwrap?: () => unknown; shape?: Record<string, unknown> } | undefined;
  while (s && !s.shape && typeof s.unwrap === 'function') s = s.unwrap() as typeof s;
  return s?.shape;
}

/** The known field a misspelt one most likely meant: the same ignoring case and separators, or within two edits. */
function closestField(known: readonly string[], key: string): string | undefined {
  const squash = (t: string) => t.toLowerCase().replace(/[\s_-]/g, '');
  const same = known.find((k) => squash(k) === squash(key));
  if (same) return same;
  let best: { field: string; distance: number } | undefined;
  for (const field of known) {
    const distance = editDistance(field.toLowerCase(), key.toLowerCase());
    if (distance <= Math.min(2, Math.floor(field.length / 3)) && (!best || distance < best.distance)) best = { field, distance };
  }
  return best?.field;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

export function loadScenario(text: string, file: string): Scenario {
  const { input, ranges } = parseScenarioWithRanges(text, file);
  return resolveScenario(input, ranges);
}
