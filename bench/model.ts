// The model's speed as whole processes, each against bare `node -e 0` in the same run (runs interleaved),
// so the ratios hold from one machine to another. The ratio is of the fastest runs: on a shared machine
// other work only ever adds time, so the minimum is the steadiest estimate (the medians are printed too):
// - `estimate` start-up on the shipped snapshot          target: within 2.5x
// - a 100,000-point sweep written as CSV                  target: within 30x
// - 100,000 Monte Carlo draws (`estimate --range`)        target: within 25x
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/repo-root.js';
import { fmt, heading, median, timeProcess } from './common.js';

export interface RatioResult {
  readonly name: string;
  readonly bareMs: number;
  readonly commandMs: number;
  readonly bareMedianMs: number;
  readonly commandMedianMs: number;
  readonly ratio: number;
  readonly target: number;
}

const BIN = 'bin/cmg-planner.js';

/** Median wall times of `node -e 0` and of a command, run alternately. */
function ratioOf(name: string, args: readonly string[], runs: number, target: number): RatioResult {
  const node = process.execPath;
  timeProcess(node, args, REPO_ROOT); // warm the file cache
  const bare: number[] = [];
  const command: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timeProcess(node, ['-e', '0'], REPO_ROOT));
    command.push(timeProcess(node, args, REPO_ROOT));
  }
  const bareMs = Math.min(...bare);
  const commandMs = Math.min(...command);
  return { name, bareMs, commandMs, bareMedianMs: median(bare), commandMedianMs: median(command), ratio: commandMs / bareMs, target };
}

export function benchModel(runs = 7): RatioResult[] {
  heading(`The model as whole processes, against node -e 0 in the same run (fastest of ${runs} runs each, interleaved; medians in brackets)`);
  const out = mkdtempSync(join(tmpdir(), 'cmg-bench-'));
  const results = [
    ratioOf('estimate start-up (contoso-20k, shipped snapshot)', [BIN, 'estimate', 'scenarios/contoso-20k.yaml'], Math.max(runs, 15), 2.5),
    ratioOf('sweep of 100,000 points written as CSV', [BIN, 'sweep', 'scenarios/contoso-20k.yaml', '--vary', 'clients.total=1..100000:1', '--out', join(out, 'sweep.csv')], runs, 30),
    ratioOf('Monte Carlo, 100,000 draws (contoso-ranges)', [BIN, 'estimate', 'scenarios/contoso-ranges.yaml', '--range', '--draws', '100000', '--out', join(out, 'range.json')], runs, 25),
  ];
  console.log('what                                                 node -e 0     command     ratio   target   (medians: node -e 0, command, ratio)');
  for (const r of results) {
    console.log(
      `${r.name.padEnd(52)} ${fmt(r.bareMs).padStart(8)} ms ${fmt(r.commandMs).padStart(8)} ms ${fmt(r.ratio, 2).padStart(7)}x ${`${r.target}x`.padStart(7)}  ${r.ratio <= r.target ? 'met' : 'NOT met'}   (${fmt(r.bareMedianMs)} ms, ${fmt(r.commandMedianMs)} ms, ${fmt(r.commandMedianMs / r.bareMedianMs, 2)}x)`,
    );
  }
  return results;
}
