// Export ingestion: generated EA and FOCUS exports of 100 MB and 1 GB, read by `actuals`' reader
// (MB/s, peak RSS), against a plain fs.createReadStream line count of the same file in the same run.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { cmgMonth, exportHeader, exportRows, type ExportKind, type LogicalRow } from '../support/export-gen.js';
import { fmt, heading } from './common.js';

const MB = 1024 * 1024;

/** A block of rows like an enterprise's: 1 in 50 the CMG's, the rest other resource groups. */
function block(): LogicalRow[] {
  const cmg = cmgMonth('2026-10', 28);
  const rows: LogicalRow[] = [];
  for (let i = 0; i < 2000; i++) {
    const template = cmg[i % cmg.length]!;
    if (i % 50 === 0) rows.push(template);
    else rows.push({ ...template, resourceGroup: `app-rg-${i % 97}`, resourceId: template.resourceId.replace(/cmg-rg/gi, `app-rg-${i % 97}`) });
  }
  return rows;
}

async function generate(kind: ExportKind, bytes: number, dir: string): Promise<string> {
  const file = join(dir, `${kind.toLowerCase()}-${Math.round(bytes / MB)}MB.csv`);
  if (existsSync(file) && statSync(file).size >= bytes) return file;
  const out = createWriteStream(file);
  out.write(exportHeader(kind));
  const text = Buffer.from(exportRows(kind, block()));
  let written = 0;
  while (written < bytes) {
    if (!out.write(text)) await once(out, 'drain');
    written += text.length;
  }
  out.end();
  await once(out, 'finish');
  return file;
}

function measure(mode: string, file: string): { ms: number; rows: number; maxRssMB: number } {
  const worker = join(import.meta.dirname, 'ingest-worker.js');
  const result = spawnSync(process.execPath, [worker, mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${mode} ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

export async function benchIngest(sizesMB: readonly number[] = [100, 1024]): Promise<void> {
  heading('Export ingestion (actuals reader vs a plain createReadStream line count, same file, same run)');
  const dir = process.env.CMG_PLANNER_BENCH_DIR ?? join(tmpdir(), 'cmg-planner-bench');
  mkdirSync(dir, { recursive: true });
  console.log(`files in ${dir} (generated once, kept for the next run)`);
  console.log('file              size MB   rows        line count MB/s   actuals MB/s   ratio   peak RSS MB (actuals)');
  for (const kind of ['EA', 'FOCUS'] as const) {
    for (const size of sizesMB) {
      const file = await generate(kind, size * MB, dir);
      const mb = statSync(file).size / MB;
      measure('linecount', file); // warm the page cache
      const lines = measure('linecount', file);
      const actuals = measure('actuals', file);
      const lineSpeed = mb / (lines.ms / 1000);
      const speed = mb / (actuals.ms / 1000);
      console.log(
        `${kind.padEnd(6)} ${String(size).padStart(5)} MB  ${fmt(mb, 0).padStart(8)}   ${actuals.rows.toLocaleString('en').padStart(10)}   ${fmt(lineSpeed, 0).padStart(15)}   ${fmt(speed, 0).padStart(12)}   ${fmt(speed / lineSpeed, 2).padStart(5)}   ${fmt(actuals.maxRssMB, 0).padStart(8)}`,
      );
    }
  }
  const reference = await generate('EA', sizesMB[0]! * MB, dir);
  const parsed = measure('csv-parse', reference);
  console.log(
    `reference: csv-parse (streaming, records only) on the ${sizesMB[0]} MB EA file: ${fmt(statSync(reference).size / MB / (parsed.ms / 1000), 0)} MB/s, peak RSS ${fmt(parsed.maxRssMB, 0)} MB`,
  );
  console.log('target: at least half the line-count speed (ratio >= 0.50), and peak RSS flat from 100 MB to 1 GB');
}
