/**
 * A CSV field scanner over the bytes of one record (RFC 4180: quoted fields, "" escapes, newlines inside
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
 * Scans the bytes of one record at a time (the export reader finds the records; this finds their
 * fields). The record object and its offset arrays are reused by the next call: read it at once.
 */
export class CsvScanner {
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  /** The fields of `bytes`, which hold exactly one record (no newline at the end needed); an open quote is an error at `line`. */
  one(bytes: Uint8Array, line: number): CsvRecord {
    const n = bytes.length;
    let field = 0;
    let inQuotes = false;
    let starts = this.starts;
    let ends = this.ends;
    starts[0] = 0;
    for (let i = 0; i < n; i++) {
      const c = bytes[i]!;
      if (inQuotes) {
        if (c === QUOTE) {
          if (bytes[i + 1] === QUOTE) i++;
          else inQuotes = false;
        }
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
      } else if (c === QUOTE && i === starts[field]) {
        inQuotes = true;
      }
    }
    if (inQuotes) throw new CsvScanError('a quoted field is not closed before the end of the file', line);
    // a record read with its line end keeps neither the LF nor the CR before it
    let end = n;
    if (end > starts[field]! && bytes[end - 1] === LF) end--;
    if (end > starts[field]! && bytes[end - 1] === CR) end--;
    ends[field] = end;
    return { data: bytes, fields: field + 1, starts, ends, line };
  }
}
