// The few things only a real process shows: bin/cmg-planner.js loads the esbuild bundle, exit codes
// reach the shell, the clock comes from CMG_PLANNER_NOW, and how the process meets a closed pipe and a
// signal. Everything else runs main() in process (helpers/cli.ts).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO, TEST_NOW, runCli, tempDir, writeTemp } from './helpers/cli.js';
import { OSCC_ITEMS, egressItems, snapshotText } from '../support/prices.js';

function runBin(args: readonly string[], options: { bin?: string; cwd?: string; env?: Record<string, string>; nodeArgs?: readonly string[] } = {}) {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, CMG_PLANNER_NOW: TEST_NOW, ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

// the oscc.be figures: 1 x A2_v2 0.136 x 730 h = 99.28; (1024 - 5) GB x 0.087 = 88.653 -> 88.65
const OSCC_SCENARIO = 'name: oscc\nregion: eastus\nclients:\n  total: 1024\ngateway:\n  instances: 1\n  publicIp: none\ntraffic:\n  managementMBPerClientMonth: 1024\n';

describe('bin/cmg-planner.js as a user runs it', () => {
  it('runs an estimate and prints its total (the shipped snapshot)', () => {
    const run = runBin(['estimate', 'scenarios/contoso-20k.yaml']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^total\s+[\d,]+\.\d{2}$/m);
  });

  it('loads the bundle in dist/bundle: it runs with no src/ beside it, and prints what main() prints', async () => {
    const dir = tempDir();
    for (const part of ['bin', 'dist/bundle', 'pricing', 'reports', 'package.json']) cpSync(join(REPO, part), join(dir, part), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const prices = writeTemp(dir, 'p.json', snapshotText(OSCC_ITEMS));
    const scenario = writeTemp(dir, 's.yaml', OSCC_SCENARIO);
    const run = runBin(['estimate', scenario, '--prices', prices, '--format', 'json'], { bin: join(dir, 'bin', 'cmg-planner.js'), cwd: dir });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).costs).toMatchObject({ compute: '99.28', egress: '88.65', total: '187.93' });
    expect(run.stdout).toBe((await runCli(['estimate', scenario, '--prices', prices, '--format', 'json'])).stdout);
  });

  it('takes its clock from CMG_PLANNER_NOW', () => {
    const dir = tempDir();
    const prices = writeTemp(dir, 'p.json', snapshotText(OSCC_ITEMS, '2026-01-01T00:00:00Z'));
    const scenario = writeTemp(dir, 's.yaml', OSCC_SCENARIO);
    const json = JSON.parse(runBin(['estimate', scenario, '--prices', prices, '--format', 'json'], { env: { CMG_PLANNER_NOW: '2026-06-01T00:00:00Z' } }).stdout);
    // fetched 2026-01-01, "now" 2026-06-01: 31 + 28 + 31 + 30 + 31 = 151 days old, over the 90 allowed
    expect(json.warnings.find((w: { code: string }) => w.code === 'prices-stale')?.message).toMatch(/^the prices are 151 days old \(price data of 2026-01-01\)/);
  });

  it('exits 2 on bad input with one line on stderr and no stack', () => {
    const run = runBin(['estimate', 'no-such-scenario.yaml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('cmg-planner: no-such-scenario.yaml: no such file (the scenario file to read)\n');
  });

  it('exits 70 on an unexpected error, with a bug notice and no stack', () => {
    // a stdout that throws stands in for a bug: the error is not one of cmg-planner's own
    // (--debug and its stack: cli-errors.test.ts, in process)
    const run = runBin(['estimate', 'scenarios/contoso-20k.yaml'], { nodeArgs: ['--import', 'data:text/javascript,process.stdout.write=()=>{throw new TypeError("stdout is broken")}'] });
    expect(run.code).toBe(70);
    expect(run.stderr).toBe('cmg-planner: unexpected error: stdout is broken\n(this is a bug in cmg-planner; run again with --debug for details and report it)\n');
  });

  it('--help exits 0 with the usage on stdout', () => {
    const run = runBin(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: cmg-planner \[options\] \[command\]\n/);
    expect(run.stdout).toMatch(/^\s+estimate \[options\] <scenario>/m);
  });

  it('stops quietly when stdout is closed early (| head -1)', async () => {
    // a diff of 4000 added egress tiers: about 480 KB of table, far more than a pipe holds
    const dir = tempDir();
    const before = writeTemp(dir, 'old.json', snapshotText([]));
    const after = writeTemp(dir, 'new.json', snapshotText(egressItems(Array.from({ length: 4000 }, (_, i) => [i, i / 1000] as [number, number]))));
    const child = spawn(process.execPath, [BIN, 'pricing', 'diff', before, after], { cwd: REPO, env: { ...process.env, CMG_PLANNER_NOW: TEST_NOW } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });

  it('leaves neither the --out file nor a temporary file when stopped by SIGTERM during a long sweep', async () => {
    const dir = tempDir();
    const out = join(dir, 'sweep.csv');
    // 100,000 points take far longer than the 500 ms before the signal
    const child = spawn(process.execPath, [BIN, 'sweep', 'scenarios/contoso-20k.yaml', '--vary', 'clients.total=1..100000:1', '--out', out], {
      cwd: REPO,
      env: { ...process.env, CMG_PLANNER_NOW: TEST_NOW },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    setTimeout(() => child.kill('SIGTERM'), 500);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect(signal === 'SIGTERM' || code === 143, `exit ${code}, signal ${signal}, stderr ${stderr}`).toBe(true);
    expect(stderr).not.toMatch(/^wrote /m);
    expect(readdirSync(dir)).toEqual([]);
  });
});
