import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { UserInputError } from '../model/errors.js';
import { detectColumns, toUsageRow, type ColumnMap, type ColumnSetName } from './column-sets.js';
import { CsvScanner, CsvScanError, fieldEqualsIgnoreCase, fieldStartsWithIgnoreCase, fieldText, type CsvRecord } from './csv-scan.js';
import { usageDay } from './dates.js';
import type { RowSelector } from './select.js';
import type { UsageRow } from './usage-row.js';

export interface ExportReadResult {
  readonly file: string;
  readonly set: ColumnSetName | null;
  /** Data rows read (the header not counted). */
  readonly rows: number;
}

/** What a reader may skip without building the row: a necessary condition of the selector, on bytes. */
export interface RowPrefilter {
  readonly keep: (record: CsvRecord, map: ColumnMap) => boolean;
  /** A row the prefilter rejected, by its usage day: counted by the caller. */
  readonly skipped: (day: string) => void;
}

/** Read chunks this large: fewer, larger reads are faster on big exports. */
const CHUNK_BYTES = 1 << 20;

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function checkReadable(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UserInputError(`${file}: is a folder, not an export file`);
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserInputError(code === 'ENOENT' ? `${file}: no such file (the cost export to read)` : `${file}: cannot read the export: ${(error as Error).message}`);
  }
}

const encoder = new TextEncoder();

/**
 * A prefilter for a selector: rows whose resource group (or resource id) cannot match are skipped on
 * their bytes. Tags are not pre-checked (the full check parses them). An empty resource group field
 * is kept: the full check reads the group from the resource id.
 */
export function prefilterFor(selector: RowSelector, skipped: (day: string) => void): RowPrefilter {
  const groups = (selector.resourceGroups ?? []).map((g) => encoder.encode(g.toLowerCase()));
  const prefixes = (selector.resourceIdPrefixes ?? []).map((p) => encoder.encode(p.toLowerCase()));
  return {
    skipped,
    keep: (r, map) => {
      const rg = map.index.resourceGroup;
      if (groups.length && rg >= 0 && r.ends[rg]! > r.starts[rg]! && !groups.some((g) => fieldEqualsIgnoreCase(r, rg, g))) return false;
      const id = map.index.resourceId;
      if (prefixes.length && id >= 0 && !prefixes.some((p) => fieldStartsWithIgnoreCase(r, id, p))) return false;
      return true;
    },
  };
}

/** The usage day of a date field, fast for YYYY-MM-DD... and MM/DD/YYYY, else by usageDay. */
function dayOf(r: CsvRecord, i: number): string | undefined {
  const d = r.data;
  let s = r.starts[i]!;
  if (d[s] === 34) s++;
  // YYYY-MM-DD (and ISO date-times)
  if (d[s + 4] === 45 && d[s + 7] === 45 && r.ends[i]! - s >= 10) return usageDay(String.fromCharCode(...d.subarray(s, s + 10)));
  // MM/DD/YYYY
  if (d[s + 2] === 47 && d[s + 5] === 47 && r.ends[i]! - s >= 10) return usageDay(String.fromCharCode(...d.subarray(s, s + 10)));
  return usageDay(fieldText(r, i));
}

/**
 * Streams a Cost Management export (CSV, or CSV gzipped: told by its first bytes) record by record,
 * in constant memory. The column set (EA, MCA, FOCUS) comes from the header. Rows the prefilter
 * rejects are counted (by their day) without being decoded; the others become usage rows. Any problem
 * is one UserInputError naming the file and line.
 */
export async function readExport(file: string, onRow: (row: UsageRow) => void, prefilter?: RowPrefilter): Promise<ExportReadResult> {
  await checkReadable(file);
  const gzip = await isGzip(file);
  const source: Readable = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  let input: Readable = source;
  if (gzip) {
    const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
    source.on('error', (e) => gunzip.destroy(e));
    input = source.pipe(gunzip);
  }

  let map: ColumnMap | undefined;
  let rows = 0;
  let lastLine = 0;
  let first = true;
  const scanner = new CsvScanner((r) => {
    lastLine = r.line;
    if (!map) {
      const header = Array.from({ length: r.fields }, (_, i) => fieldText(r, i));
      if (first && header[0]?.charCodeAt(0) === 0xfeff) header[0] = header[0].slice(1);
      first = false;
      map = detectColumns(header, file);
      return;
    }
    rows++;
    if (r.fields !== map.width) {
      throw new UserInputError(`${file}:${r.line}: not a well-formed CSV export (this row has ${r.fields} fields, the header ${map.width})`);
    }
    if (prefilter && !prefilter.keep(r, map)) {
      const day = dayOf(r, map.index.date);
      if (!day) throw new UserInputError(`${file}:${r.line}: date "${fieldText(r, map.index.date)}" is not a date (expected MM/DD/YYYY or YYYY-MM-DD)`);
      prefilter.skipped(day);
      return;
    }
    const record = Array.from({ length: r.fields }, (_, i) => fieldText(r, i));
    onRow(toUsageRow(record, map, { file, line: r.line }));
  });

  try {
    for await (const chunk of input as AsyncIterable<Buffer>) scanner.push(chunk);
    scanner.end();
  } catch (error) {
    source.destroy();
    if (error instanceof UserInputError) throw error;
    if (error instanceof CsvScanError) throw new UserInputError(`${file}:${error.line}: not a well-formed CSV export (${error.message})`);
    if (error instanceof TypeError && /encoded data|decode/i.test(error.message)) throw new UserInputError(`${file}:${lastLine + 1}: not UTF-8 text; export the file again as UTF-8`);
    const code = (error as NodeJS.ErrnoException).code;
    if (gzip && (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end of file|incorrect header|invalid/i.test((error as Error).message))) {
      throw new UserInputError(`${file}: the gzip file is truncated or damaged after line ${lastLine} (${(error as Error).message}); download the export again`);
    }
    throw new UserInputError(`${file}: cannot read the export after line ${lastLine}: ${(error as Error).message}`);
  }
  return { file, set: map?.set ?? null, rows };
}
