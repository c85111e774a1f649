/**
 * A streaming CSV record scanner over bytes (RFC 4180: quoted fields, "" escapes, newlines inside
 * quotes, CRLF or LF). It finds record and field boundaries without decoding anything, so that rows
 * can be rejected by a byte comparison and only the rows wanted are turned into strings. It exists for
 * speed: on a 1 GB export it runs several times faster than a general CSV parser (figures in the
 * README, measured by bench/ingest.ts), and test/csv-scan.test.ts checks it against csv-parse.
 */
export interface CsvRecord {
  /** The bytes the offsets index. */
  readonly data: Uint8Array;
  /** The number of fields. */
  readonly fields: number;
  /** Field i spans data[starts[i], ends[i]) (quotes included). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The physical line the record ends on (1-based). */
  readonly line: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A field's text: quotes removed and "" unescaped. Throws on invalid UTF-8. */
export function fieldText(r: CsvRecord, i: number): string {
  let start = r.starts[i]!;
  let end = r.ends[i]!;
  if (end > start && r.data[start] === QUOTE) {
    start++;
    if (end > start && r.data[end - 1] === QUOTE) end--;
    const text = decoder.decode(r.data.subarray(start, end));
    return text.includes('"') ? text.replace(/""/g, '"') : text;
  }
  return decoder.decode(r.data.subarray(start, end));
}

export class CsvScanError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Feeds chunks in; calls `onRecord` for every complete record. A record split across chunks is
 * carried over and scanned again whole. The record object is reused: read it inside the callback.
 */
export class CsvScanner {
  private carry: Uint8Array = new Uint8Array(0);
  private line = 1;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  private onRecord: (record: CsvRecord) => void;

  constructor(onRecord: (record: CsvRecord) => void) {
    this.onRecord = onRecord;
  }

  push(chunk: Uint8Array): void {
    let data: Uint8Array;
    if (this.carry.length) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry, 0);
      data.set(chunk, this.carry.length);
    } else {
      data = chunk;
    }
    const consumed = this.scan(data, false);
    this.carry = consumed < data.length ? data.slice(consumed) : new Uint8Array(0);
  }

  /**
   * Scans bytes that hold exactly one record (no newline at the end needed) and returns it; the
   * record object is reused by the next call. An open quote is an error at `line`.
   */
  one(bytes: Uint8Array, line: number): CsvRecord {
    let found: CsvRecord | undefined;
    const saved = this.line;
    const onRecord = this.onRecord;
    this.onRecord = (r) => (found = r);
    try {
      this.line = line;
      this.scan(bytes, true);
    } catch (error) {
      if (error instanceof CsvScanError) throw new CsvScanError(error.message, line);
      throw error;
    } finally {
      this.onRecord = onRecord;
      this.line = saved;
    }
    return found ?? { data: bytes, fields: 1, starts: Int32Array.of(0), ends: Int32Array.of(0), line };
  }

  /** The end of the input: a last record without a newline is a record; an open quote is an error. */
  end(): void {
    if (this.carry.length) {
      const data = this.carry;
      this.carry = new Uint8Array(0);
      this.scan(data, true);
    }
  }

  /** Scans whole records; returns where the first incomplete one starts. */
  private scan(data: Uint8Array, final: boolean): number {
    const n = data.length;
    let recordStart = 0;
    let field = 0;
    let inQuotes = false;
    let newlinesInQuotes = 0;
    let starts = this.starts;
    let ends = this.ends;
    starts[0] = 0;
    for (let i = 0; i < n; i++) {
      const c = data[i]!;
      if (inQuotes) {
        if (c === QUOTE) {
          if (i + 1 === n && !final) return recordStart; // "" or " + separator: known with the next chunk
          if (data[i + 1] === QUOTE) i++;
          else inQuotes = false;
        } else if (c === LF) newlinesInQuotes++;
        continue;
      }
      if (c === COMMA) {
        ends[field] = i;
        field++;
        if (field >= starts.length) {
          const grown = new Int32Array(starts.length * 2);
          grown.set(starts);
          starts = this.starts = grown;
          const grownEnds = new Int32Array(ends.length * 2);
          grownEnds.set(ends);
          ends = this.ends = grownEnds;
        }
        starts[field] = i + 1;
      } else if (c === LF) {
        ends[field] = i > recordStart && data[i - 1] === CR ? i - 1 : i;
        this.line += newlinesInQuotes;
        if (!(field === 0 && ends[0] === starts[0])) {
          this.onRecord({ data, fields: field + 1, starts, ends, line: this.line });
        }
        this.line++;
        newlinesInQuotes = 0;
        recordStart = i + 1;
        field = 0;
        starts[0] = recordStart;
      } else if (c === QUOTE && i === starts[field]) {
        inQuotes = true;
      }
    }
    if (!final) return recordStart;
    if (inQuotes) throw new CsvScanError('a quoted field is not closed before the end of the file', this.line + newlinesInQuotes);
    if (recordStart < n) {
      ends[field] = data[n - 1] === CR ? n - 1 : n;
      this.line += newlinesInQuotes;
      if (!(field === 0 && ends[0] === starts[0])) this.onRecord({ data, fields: field + 1, starts, ends, line: this.line });
    }
    return n;
  }
}
