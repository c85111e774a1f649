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

/** A cell that is the same written out by itself: a number, or text of letters, digits, _ . / : and spaces not starting a formula. */
const PLAIN_CELL = /^(?:-?\d+(?:\.\d+)?|[A-Za-z0-9_./: ][A-Za-z0-9_./: -]*)?$/;

/**
 * RFC 4180 records (quoted where needed, CRLF-free: LF ends each record), every cell made inert.
 * csv-stringify writes every record that needs it; a record whose cells all stand as they are (a
 * sweep's 100,000 rows of figures) is joined directly, which is what csv-stringify would write.
 */
export function csvRecords(records: readonly (readonly unknown[])[]): string {
  let out = '';
  for (const cells of records) {
    let plain = true;
    for (const cell of cells) {
      if (cell === null || cell === undefined || (typeof cell === 'number' && Number.isFinite(cell))) continue;
      if (typeof cell !== 'string' || !PLAIN_CELL.test(cell)) {
        plain = false;
        break;
      }
    }
    out += plain ? `${cells.map((c) => (c === null || c === undefined ? '' : String(c))).join(',')}\n` : stringifyRecord(cells);
  }
  return out;
}

function stringifyRecord(cells: readonly unknown[]): string {
  stringify ??= (require('csv-stringify/sync') as typeof import('csv-stringify/sync')).stringify;
  return stringify([cells.map(neutraliseCell)], { quoted_match: /[",\n\r]/, record_delimiter: '\n' });
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
