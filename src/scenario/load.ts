import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
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
  const extracted = extractRanges(data, place);
  const input = validateScenario(extracted.data, file, place);
  // each end of a range must be a valid value of its field too
  for (const range of extracted.ranges) {
    for (const end of ['low', 'high'] as const) {
      validateScenario(setPath(extracted.data, range.path, range[end]), file, place, `the range's ${end} (${range[end]})`);
    }
  }
  return { input, ranges: extracted.ranges };
}

/** Checks scenario data against the format; the first problem is one UserInputError with its line. */
function validateScenario(data: unknown, file: string, place: (path: readonly PropertyKey[]) => string, what?: string): ScenarioInput {
  const parsed = scenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const { path, message } = describeIssue(first);
    const where = place(path);
    const field = path.length ? `${fieldPath(path)}: ${what ? `${what}: ` : ''}` : '';
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem${parsed.error.issues.length > 2 ? 's' : ''})` : '';
    throw new UserInputError(`${where}: ${field}${message}${more}`);
  }
  return parsed.data;
}

export function loadScenario(text: string, file: string): Scenario {
  const { input, ranges } = parseScenarioWithRanges(text, file);
  return resolveScenario(input, ranges);
}
