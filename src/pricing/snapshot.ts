import { UserInputError } from '../model/errors.js';
import { parseJsonText } from '../io/json-text.js';
import { describeIssue, fieldPath } from '../model/validation.js';
import { priceItemSchema, snapshotEnvelopeSchema, type PriceItem } from './price-item.js';
import type { PriceList } from './price-list.js';

/**
 * Reads a price file: a Retail Prices API response (or a snapshot that cmg-planner wrote, which is
 * one with a `cmgPlanner` metadata block). Any problem is one UserInputError naming file and place.
 */
export function parsePriceList(text: string, file: string): PriceList {
  const data = parseJsonText(text, file, 'give a Retail Prices API response or a snapshot from pricing/');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserInputError(
      `${file}: the top level must be an object with an "Items" list (a Retail Prices API response), found ${Array.isArray(data) ? 'a list' : JSON.stringify(data)}`,
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
