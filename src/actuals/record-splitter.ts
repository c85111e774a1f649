/**
 * Finds where CSV records end in text decoded as latin1 (one character per byte, so positions are
 * byte offsets), using only the engine's native indexOf: a newline ends a record unless it is inside
 * a quoted field, whose end is found by jumping from quote to quote ("" escapes skipped). On a
 * multi-GB export this runs at several hundred MB/s where a byte-by-byte loop cannot
 * (bench/ingest.ts); test/csv-scan.test.ts checks it against csv-parse.
 *
 * Calls `onRecord(start, end)` for each complete record (end at its newline, a CR before it
 * included) and returns where the first incomplete record starts (the caller carries the rest over).
 */
export function splitRecords(s: string, from: number, onRecord: (start: number, end: number, multiline: boolean) => void): number {
  let start = from;
  // the next quote at or after `start`, found once and kept: searching again for every record would
  // scan the rest of the chunk each time (quadratic on rows with no quotes, or on blank lines)
  let quote = -2;
  for (;;) {
    let nl = s.indexOf('\n', start);
    if (nl === -1) return start;
    if (quote !== -1 && quote < start) quote = s.indexOf('"', start);
    let q = quote;
    let multiline = false;
    while (q !== -1 && q < nl) {
      // an opening quote: find the closing one, skipping "" escapes
      let close = s.indexOf('"', q + 1);
      while (close !== -1 && s.charCodeAt(close + 1) === 34) close = s.indexOf('"', close + 2);
      // the quoted field goes on in the next chunk (or a closing quote there may be an escape)
      if (close === -1 || close === s.length - 1) return start;
      if (close > nl) {
        multiline = true;
        nl = s.indexOf('\n', close);
        if (nl === -1) return start;
      }
      q = s.indexOf('"', close + 1);
    }
    quote = q;
    onRecord(start, nl, multiline);
    start = nl + 1;
  }
}
