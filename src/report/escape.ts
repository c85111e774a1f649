import { stringify } from 'csv-stringify/sync';

/** Cells that a spreadsheet would run as a formula start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert for spreadsheets (OWASP CSV injection): a leading = + - @ (or tab, CR)
 * gets a single quote in front. Numbers are written as they are.
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  return FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 record (quoted where needed, CRLF-free: LF ends the record). */
export function csvRecord(cells: readonly unknown[]): string {
  return stringify([cells.map(neutraliseCell)], { quoted_match: /[",\n\r]/, record_delimiter: '\n' });
}

/** A user string made literal in Markdown (no links, emphasis, tables or HTML). */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}
