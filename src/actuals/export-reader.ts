import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { UserInputError } from '../model/errors.js';
import { detectColumns, toUsageRow, type ColumnMap, type ColumnSetName } from './column-sets.js';
import { CsvScanner, CsvScanError, fieldText } from './csv-scan.js';
import { splitRecords } from './record-splitter.js';
import type { RowSelector } from './select.js';
import type { UsageRow } from './usage-row.js';

export interface ExportReadResult {
  readonly file: string;
  readonly set: ColumnSetName | null;
  /** Data rows read (the header not counted). */
  readonly rows: number;
}

/**
 * What a reader may skip without decoding a row: rows whose text holds none of the needles (compared
 * without regard to ASCII case) cannot be selected. Skipped rows are counted, not checked.
 */
export interface RowPrefilter {
  readonly needles: readonly string[];
  readonly skipped: () => void;
}

/** Read chunks this large: fewer, larger reads are faster on big exports. */
const CHUNK_BYTES = 1 << 20;
/** No row of an export comes near this; a longer one means the file is not CSV rows. */
export const MAX_ROW_BYTES = 16 * 1024 * 1024;
/** A record carried over from one chunk is finished on this much of the next. */
const CARRY_HEAD = 1 << 16;

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

/**
 * The prefilter of a selector: a selected row must hold one of the resource group names (in its
 * resource group or resource id), else one of the resource id prefixes, else one of the tag names.
 * Needles that are not ASCII give no prefilter (every row is decoded).
 */
export function prefilterFor(selector: RowSelector, skipped: () => void): RowPrefilter | undefined {
  const needles = selector.resourceGroups?.length ? selector.resourceGroups : selector.resourceIdPrefixes?.length ? selector.resourceIdPrefixes : (selector.tags ?? []).map((t) => t.key);
  if (!needles.length || needles.some((n) => !/^[\x20-\x7e]+$/.test(n))) return undefined;
  return { needles, skipped };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Streams a Cost Management export (CSV, or CSV gzipped: told by its first bytes) in constant memory.
 * The column set (EA, MCA, FOCUS) comes from the header. Records are found on the text with native
 * searches; rows the prefilter rules out are only counted; the others are decoded (UTF-8, RFC 4180)
 * and handed to `onRow`. Any problem is one UserInputError naming the file and line.
 */
export async function readExport(file: string, onRow: (row: UsageRow) => void, prefilter?: RowPrefilter, sizes: { chunkBytes?: number; carryHead?: number } = {}): Promise<ExportReadResult> {
  const chunkBytes = sizes.chunkBytes ?? CHUNK_BYTES;
  const carryHead = sizes.carryHead ?? CARRY_HEAD;
  await checkReadable(file);
  const gzip = await isGzip(file);
  const source: Readable = createReadStream(file, { highWaterMark: chunkBytes });
  let input: Readable = source;
  if (gzip) {
    const gunzip = createGunzip({ chunkSize: Math.max(64, chunkBytes) });
    source.on('error', (e) => gunzip.destroy(e));
    input = source.pipe(gunzip);
  }
  const needle = prefilter ? new RegExp(prefilter.needles.map(escapeRegExp).join('|'), 'gi') : undefined;

  const scanner = new CsvScanner();
  let map: ColumnMap | undefined;
  let rows = 0;
  let line = 0; // the physical line the last record ended on
  let carry = '';
  let first = true;
  let finalRow = false;
  const isWanted = (s: string, start: number, stop: number) => {
    needle!.lastIndex = start;
    const m = needle!.exec(s);
    return m !== null && m.index < stop;
  };

  const handle = (s: string, from: number, hits: Int32Array | null, hitCount: number) => {
    let next = 0;
    return splitRecords(s, from, (start, end, multiline) => {
      line += multiline ? countNewlines(s, start, end) + 1 : 1;
      const stop = end > start && s.charCodeAt(end - 1) === 13 ? end - 1 : end;
      if (stop === start) return; // an empty line
      if (!map) {
        let text = s.slice(start, stop);
        if (first && text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
        first = false;
        const header = scanner.one(Buffer.from(text, 'latin1'), line);
        map = detectColumns(
          Array.from({ length: header.fields }, (_, i) => fieldText(header, i)),
          file,
        );
        return;
      }
      rows++;
      if (hits && !finalRow) {
        while (next < hitCount && hits[next]! < start) next++;
        if (next >= hitCount || hits[next]! >= stop) {
          prefilter!.skipped();
          return;
        }
      }
      const record = scanner.one(Buffer.from(s.slice(start, stop), 'latin1'), line);
      if (finalRow && record.fields < map.width) {
        throw new UserInputError(`${file}:${line}: the file ends in the middle of a row (${record.fields} of the header's ${map.width} fields): is it truncated? Export it again`);
      }
      if (finalRow && hits && !isWanted(s, start, stop)) {
        prefilter!.skipped();
        return;
      }
      if (record.fields !== map.width) throw new UserInputError(`${file}:${line}: not a well-formed CSV export (this row has ${record.fields} fields, the header ${map.width})`);
      onRow(toUsageRow((i) => fieldText(record, i), map, { file, line }));
    });
  };

  /** Handles the complete records of s from `from`; returns where the unfinished one starts. */
  const process = (s: string, from: number): number => {
    if (!needle) return handle(s, from, null, 0);
    let hits: Int32Array = new Int32Array(64);
    let hitCount = 0;
    needle.lastIndex = from;
    for (let m = needle.exec(s); m; m = needle.exec(s)) {
      if (hitCount === hits.length) {
        const grown: Int32Array = new Int32Array(hits.length * 2);
        grown.set(hits);
        hits = grown;
      }
      hits[hitCount++] = m.index;
    }
    return handle(s, from, hits, hitCount);
  };

  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let s = chunk.toString('latin1');
      let from = 0;
      if (carry) {
        // finish the record carried over on a short joined string, not by copying the whole chunk
        const head = carry + s.slice(0, carryHead);
        const used = process(head, 0);
        if (used > carry.length) from = used - carry.length;
        else s = head.length === carry.length + s.length ? head : carry + s; // a record longer than the head
        carry = '';
      }
      carry = s.slice(process(s, from));
      if (carry.length > MAX_ROW_BYTES) {
        throw new UserInputError(`${file}:${line + 1}: a row longer than ${MAX_ROW_BYTES / 1024 / 1024} MB: this is not a Cost Management export (or a quoted field is never closed)`);
      }
    }
    if (carry.length) {
      // the last row has no newline: decode it whatever it holds, so that a cut-off file is caught
      finalRow = true;
      const rest = process(`${carry}\n`, 0);
      if (rest < carry.length) throw new CsvScanError('a quoted field is not closed before the end of the file', line + 1);
    }
  } catch (error) {
    source.destroy();
    if (error instanceof UserInputError) throw error;
    if (error instanceof CsvScanError) throw new UserInputError(`${file}:${error.line}: not a well-formed CSV export (${error.message})`);
    if (error instanceof TypeError && /encoded data|decode/i.test(error.message)) throw new UserInputError(`${file}:${line}: not UTF-8 text; export the file again as UTF-8`);
    const code = (error as NodeJS.ErrnoException).code;
    if (gzip && (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end of file|incorrect header|invalid/i.test((error as Error).message))) {
      throw new UserInputError(`${file}: the gzip file is truncated or damaged after line ${line} (${(error as Error).message}); download the export again`);
    }
    throw new UserInputError(`${file}: cannot read the export after line ${line}: ${(error as Error).message}`);
  }
  return { file, set: map?.set ?? null, rows };
}

function countNewlines(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', start); i !== -1 && i < end; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
