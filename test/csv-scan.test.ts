// The byte-level scanner the export reader uses, checked against csv-parse (the reference) on the real
// exports, generated ones and tricky text, whole and in pieces (records found by splitRecords, fields by the scanner).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvScanner, CsvScanError, fieldText } from '../src/actuals/csv-scan.js';
import { splitRecords } from '../src/actuals/record-splitter.js';
import { FIXTURES, exportFixture, cmgMonth, exportText } from '../support/export-gen.js';

/** Records as the export reader reads them: splitRecords finds each record, the scanner its fields. */
function scan(chunks: Uint8Array[]): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  const data = Buffer.concat(chunks);
  let text = data.toString('latin1');
  if (!text.endsWith('\n')) text += '\n';
  const scanner = new CsvScanner();
  let line = 0;
  splitRecords(text, 0, (start, end, multiline) => {
    line += multiline ? text.slice(start, end).split('\n').length : 1;
    if (end === start || (end === start + 1 && text[start] === '\r')) return;
    const r = scanner.one(Buffer.from(text.slice(start, end), 'latin1'), line);
    records.push(Array.from({ length: r.fields }, (_, i) => fieldText(r, i)));
    lines.push(r.line);
  });
  return { records, lines };
}

const reference = (text: string) => parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
const bytes = (text: string) => new TextEncoder().encode(text);
const withoutBom = (records: string[][]) => records.map((r, i) => (i === 0 && r[0]?.startsWith('\uFEFF') ? [r[0].slice(1), ...r.slice(1)] : r));

const TRICKY = [
  'a,b,c\n1,2,3\n',
  'a,b\n"x, y","z"\n',
  'a,b\n"he said ""hi""",2\n',
  'a,b\n"line one\nline two",2\n3,4\n',
  'a,b\r\n1,2\r\n3,4\r\n',
  'a,b\n1,2',
  'a,b\n,\n"",""\n',
  'a,b\n\n1,2\n\n',
  'a,b\n"é ü ß, 日本",2\n',
  'a,b\n"{""k"": ""v,w""}",""\n',
];

describe('CsvScanner', () => {
  it.each(TRICKY)('matches csv-parse on %j, whole, split at every byte, and byte by byte', (text) => {
    const expected = reference(text);
    const data = bytes(text);
    expect(withoutBom(scan([data]).records)).toEqual(expected);
    for (let cut = 1; cut < data.length; cut++) expect(scan([data.subarray(0, cut), data.subarray(cut)]).records).toEqual(expected);
    expect(scan(Array.from(data, (b) => Uint8Array.of(b))).records).toEqual(expected);
  });

  it.each(['EA_ActualCost_Small.csv', 'EA_AmortizedCost_Small.csv', 'EA_NoRows.csv', 'focus-1.2-sample.csv'])('matches csv-parse on the real export %s', (file) => {
    const data = readFileSync(exportFixture(file));
    const expected = reference(data.toString('utf8'));
    expect(withoutBom(scan([data]).records)).toEqual(expected);
    expect(withoutBom(scan([data.subarray(0, 777), data.subarray(777, 5000), data.subarray(5000)]).records)).toEqual(expected);
  });

  it.each(['EA', 'MCA', 'FOCUS'] as const)('matches csv-parse on a generated %s export', (kind) => {
    const text = exportText(kind, cmgMonth());
    expect(withoutBom(scan([bytes(text)]).records)).toEqual(reference(text));
  });

  it('gives the physical line a record ends on', () => {
    expect(scan([bytes('a,b\n"1\n2",3\n4,5\n')]).lines).toEqual([1, 3, 4]);
  });

  it('an open quote at the end is an error with its line', () => {
    expect(() => new CsvScanner().one(bytes('1,"2\n3\n'), 2)).toThrow(CsvScanError);
  });
});

describe('splitRecords (the native-search record finder the export reader uses)', () => {
  const records = (text: string, cuts: number[] = []) => {
    // fed in pieces as the reader feeds chunks: the unfinished tail is carried over
    const out: string[] = [];
    let carry = '';
    const pieces = [...cuts, text.length].map((end, i, all) => text.slice(i ? all[i - 1] : 0, end));
    for (const piece of pieces) {
      const s = carry + piece;
      carry = s.slice(splitRecords(s, 0, (a, b) => out.push(s.slice(a, b).replace(/\r$/, ''))));
    }
    if (carry) {
      const s = `${carry}\n`;
      splitRecords(s, 0, (a, b) => out.push(s.slice(a, b).replace(/\r$/, '')));
    }
    return out.filter((r) => r !== '');
  };
  it.each(TRICKY)('finds the same records as csv-parse in %j, at every split', (text) => {
    const expected = reference(text).length;
    expect(records(text)).toHaveLength(expected);
    for (let cut = 1; cut < text.length; cut++) {
      const got = records(text, [cut]);
      expect(got).toHaveLength(expected);
      expect(got.map((r) => reference(`${r}\n`)[0])).toEqual(reference(text));
    }
  });
});

describe('splitRecords takes linear time whatever the rows hold', () => {
  // Rows with no quote used to make every record search the rest of the chunk for one: 1 MB of blank
  // lines took seconds. The searches are counted here (not timed): the characters they pass over must
  // stay within a few times the text's length, where the old code passed over the text once a record.
  const scanned = (text: string) => {
    const indexOf = String.prototype.indexOf;
    let passed = 0;
    String.prototype.indexOf = function (this: string, search: string, position?: number) {
      const found = indexOf.call(this, search, position);
      passed += (found === -1 ? this.length : found) - (position ?? 0);
      return found;
    };
    let records = 0;
    try {
      expect(splitRecords(text, 0, () => records++)).toBe(text.length);
    } finally {
      String.prototype.indexOf = indexOf;
    }
    return { passed, records };
  };
  it.each([
    ['blank lines', '\n'.repeat(20_000), 20_000],
    ['unquoted rows', '1,2,3\n'.repeat(5_000), 5_000],
    ['unquoted rows, then one quoted row at the end', `${'1,2,3\n'.repeat(5_000)}"a",b\n`, 5_001],
    ['quoted rows', '"a","b,c"\n'.repeat(5_000), 5_000],
  ])('%s', (_, text, expected) => {
    const { passed, records } = scanned(text);
    expect(records).toBe(expected);
    expect(passed).toBeLessThan(4 * text.length);
  });
});
