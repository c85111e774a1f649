import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { UserInputError } from '../model/errors.js';
import { describeIssue, fieldPath } from '../model/validation.js';
import { scenarioSchema, type ScenarioInput } from './schema.js';
import { resolveScenario, type Scenario } from './scenario.js';

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
  const parsed = scenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const { path, message } = describeIssue(first);
    const line = lineOf(doc, counter, path);
    const where = line === undefined ? file : `${file}:${line}`;
    const field = path.length ? `${fieldPath(path)}: ` : '';
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem${parsed.error.issues.length > 2 ? 's' : ''})` : '';
    throw new UserInputError(`${where}: ${field}${message}${more}`);
  }
  return parsed.data;
}

export function loadScenario(text: string, file: string): Scenario {
  return resolveScenario(parseScenario(text, file));
}
