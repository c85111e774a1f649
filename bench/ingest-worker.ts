// One measurement in its own process, so that its peak RSS is its own: prints JSON.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { readExport, prefilterFor } from '../src/actuals/export-reader.js';
import { createAccumulator } from '../src/actuals/aggregate.js';
import { billingMonth } from '../src/actuals/dates.js';
import { rowSelector } from '../src/actuals/select.js';

const [mode, file] = process.argv.slice(2) as [string, string];
const start = performance.now();
let rows = 0;
if (mode === 'linecount') {
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let at = chunk.indexOf(10);
    while (at !== -1) {
      rows++;
      at = chunk.indexOf(10, at + 1);
    }
  }
} else if (mode === 'csv-parse') {
  for await (const record of createReadStream(file).pipe(parse({ bom: true })) as AsyncIterable<string[]>) if (record.length) rows++;
} else {
  const selector = { resourceGroups: ['cmg-rg'] };
  const accumulator = createAccumulator(billingMonth('2026-10')!, rowSelector(selector));
  const result = await readExport(
    file,
    (row) => accumulator.add(row),
    prefilterFor(selector, () => accumulator.skip()),
  );
  rows = result.rows;
  const totals = accumulator.result();
  if (totals.rowsSelected === 0) throw new Error('no CMG rows selected');
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
