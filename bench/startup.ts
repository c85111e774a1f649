// Start-up: `estimate` on the shipped snapshot as a whole process, against `node -e 0`, same machine, same run.
import { REPO_ROOT } from '../test/helpers/export-gen.js';
import { fmt, heading, median, timeProcess } from './common.js';

export const STARTUP_TARGET_MS = 150;

export function benchStartup(runs = 15): void {
  heading(`Start-up (median of ${runs} runs each)`);
  const node = process.execPath;
  timeProcess(node, ['bin/cmg-planner.js', 'estimate', 'scenarios/contoso-20k.yaml'], REPO_ROOT); // warm the file cache
  const bare: number[] = [];
  const estimate: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timeProcess(node, ['-e', '0'], REPO_ROOT));
    estimate.push(timeProcess(node, ['bin/cmg-planner.js', 'estimate', 'scenarios/contoso-20k.yaml'], REPO_ROOT));
  }
  const b = median(bare);
  const e = median(estimate);
  console.log(`node -e 0                                        ${fmt(b)} ms`);
  console.log(`cmg-planner estimate scenarios/contoso-20k.yaml  ${fmt(e)} ms`);
  console.log(`difference ${fmt(e - b)} ms (target: under ${STARTUP_TARGET_MS} ms), ratio ${fmt(e / b, 2)}x: ${e - b < STARTUP_TARGET_MS ? 'met' : 'NOT met'}`);
}
