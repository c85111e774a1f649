import { UserInputError } from '../model/errors.js';
import { describeIssue, fieldPath } from '../model/validation.js';
import { priceItemSchema, snapshotEnvelopeSchema, type PriceItem } from './price-item.js';
import type { PriceList } from './price-list.js';

/** Line and column of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

function jsonSyntaxWhere(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  if (position) {
    const { line, column } = lineColumn(text, Number(position[1]));
    return `:${line}:${column}`;
  }
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  return lineCol ? `:${lineCol[1]}:${lineCol[2]}` : '';
}

/**
 * Reads a price file: a Retail Prices API response (or a snapshot that cmg-planner wrote, which is
 * one with a `cmgPlanner` metadata block). Any problem is one UserInputError naming file and place.
 */
export function parsePriceList(text: string, file: string): PriceList {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = text.trim() === '' ? 'the file is empty' : (error as Error).message.replace(/^JSON\.parse: /, '');
    throw new UserInputError(
      `${file}${jsonSyntaxWhere(text, error as Error)}: not a JSON price file (${detail}); give a Retail Prices API response or a snapshot from pricing/`,
    );
  }
  const envelope = snapshotEnvelopeSchema.safeParse(data, { reportInput: true });
  if (!envelope.success) {
    const { path, message } = describeIssue(envelope.error.issues[0]!);
    throw new UserInputError(`${file}: ${path.length ? `${fieldPath(path)}: ` : ''}${message}`);
  }
  const items: PriceItem[] = [];
  envelope.data.Items.forEach((raw, index) => {
    const item = priceItemSchema.safeParse(raw, { reportInput: true });
    if (!item.success) {
      const { path, message } = describeIssue(item.error.issues[0]!);
      throw new UserInputError(`${file}: ${fieldPath(['Items', index, ...path])}: ${message}`);
    }
    items.push(item.data);
  });
  return { items, source: file, meta: envelope.data.cmgPlanner ?? {} };
}
