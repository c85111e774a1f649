import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { UserInputError } from '../model/errors.js';
import { detectColumns, toUsageRow, type ColumnSetName } from './column-sets.js';
import type { UsageRow } from './usage-row.js';

export interface ExportReadResult {
  readonly file: string;
  readonly set: ColumnSetName | null;
  /** Data rows read (the header not counted). */
  readonly rows: number;
}

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
 * Streams a Cost Management export (CSV, or CSV gzipped: told by its first bytes) row by row, in
 * constant memory: each row is handed to `onRow` and not kept. The column set (EA, MCA, FOCUS) comes
 * from the header. Any problem is one UserInputError naming the file and line.
 */
export async function readExport(file: string, onRow: (row: UsageRow) => void): Promise<ExportReadResult> {
  await checkReadable(file);
  const gzip = await isGzip(file);
  const source: Readable = createReadStream(file);
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: false, cast: false });
  let input: Readable = source;
  if (gzip) {
    const gunzip = createGunzip();
    source.on('error', (e) => gunzip.destroy(e));
    input = source.pipe(gunzip);
  }
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);

  let map: ReturnType<typeof detectColumns> | undefined;
  let rows = 0;
  let lastLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      lastLine = info.lines;
      if (!map) {
        map = detectColumns(record, file);
        continue;
      }
      rows++;
      onRow(toUsageRow(record, map, { file, line: info.lines }));
    }
  } catch (error) {
    source.destroy();
    if (error instanceof UserInputError) throw error;
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? lastLine;
      throw new UserInputError(`${file}:${line}: not a well-formed CSV export (${error.message.replace(/^Invalid /, 'invalid ').replace(/ on line \d+\.?$/, '')})`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (gzip && (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end of file|incorrect header|invalid/i.test((error as Error).message))) {
      throw new UserInputError(`${file}: the gzip file is truncated or damaged after line ${lastLine} (${(error as Error).message}); download the export again`);
    }
    throw new UserInputError(`${file}: cannot read the export after line ${lastLine}: ${(error as Error).message}`);
  }
  return { file, set: map?.set ?? null, rows };
}
