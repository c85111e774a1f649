import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/index.js';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const BIN = join(REPO, 'bin', 'cmg-planner.js');

/** The clock every CLI run in the tests sees unless a test says otherwise. */
export const TEST_NOW = '2026-11-23T00:00:00Z';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** The folder relative paths are read from (default: the repository, as for a user in it). */
  readonly cwd?: string;
  /** Environment variables for the run (undefined removes one); restored afterwards. */
  readonly env?: Record<string, string | undefined>;
  /** The clock, an ISO date (default TEST_NOW). */
  readonly now?: string;
}

// process.env and the working folder belong to the whole worker: runs that change them take turns.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI's main() in this process, as bin/cmg-planner.js does but with stdout and stderr
 * collected and a fixed clock. A loopback server in this process keeps answering while it runs.
 * test/bin.test.ts covers what only a real process shows (the bundle, exit codes, signals, pipes).
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const run = queue.then(() => runNow(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(args: readonly string[], options: CliOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const now = new Date(options.now ?? TEST_NOW);
  const savedEnv = Object.entries(options.env ?? {}).map(([name, value]) => {
    const before = process.env[name];
    setEnv(name, value);
    return [name, before] as const;
  });
  const cwd = resolve(options.cwd ?? REPO);
  const savedCwd = process.cwd();
  // chdir works in vitest's default pool (forks), not in worker threads; most runs need none
  if (cwd !== savedCwd) process.chdir(cwd);
  try {
    const code = await main(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), now: () => new Date(now) });
    return { code, stdout, stderr };
  } finally {
    if (process.cwd() !== savedCwd) process.chdir(savedCwd);
    for (const [name, value] of savedEnv.reverse()) setEnv(name, value);
  }
}

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

export function tempDir(prefix = 'cmg-planner-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTemp(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
