import { createRequire } from 'node:module';

/** csv-stringify is loaded on the first CSV record (only CSV output needs it; start-up stays short). */
const require = createRequire(import.meta.url);
let stringify: typeof import('csv-stringify/sync').stringify | undefined;

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

/** RFC 4180 records (quoted where needed, CRLF-free: LF ends each record), every cell made inert. */
export function csvRecords(records: readonly (readonly unknown[])[]): string {
  stringify ??= (require('csv-stringify/sync') as typeof import('csv-stringify/sync')).stringify;
  return stringify(
    records.map((cells) => cells.map(neutraliseCell)),
    { quoted_match: /[",\n\r]/, record_delimiter: '\n' },
  );
}

/** One record. */
export function csvRecord(cells: readonly unknown[]): string {
  return csvRecords([cells]);
}

/** A user string made literal in Markdown (no links, emphasis, tables or HTML). */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}
