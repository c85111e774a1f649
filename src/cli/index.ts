import { CommanderError } from 'commander';
import { CmgPlannerError } from '../model/errors.js';
import { buildProgram, commanderExitCode } from './program.js';
import type { CommandIO } from './output.js';

/** CMG_PLANNER_NOW (an ISO date) fixes the clock, for reproducible reports and tests. */
function clock(): () => Date {
  const fixed = process.env.CMG_PLANNER_NOW;
  if (fixed && !Number.isNaN(Date.parse(fixed))) return () => new Date(fixed);
  return () => new Date();
}

/** A progress line rewritten in place on a terminal's stderr; nothing when stderr is a file or pipe. */
function terminalProgress(): CommandIO['progress'] {
  if (!process.stderr.isTTY) return undefined;
  return (text) => process.stderr.write(text === null ? '\r\x1b[K' : `\r\x1b[K${text.slice(0, (process.stderr.columns || 80) - 1)}`);
}

/**
 * A reader that stops early (`| head -2`) closes the pipe: the rest of the output has nowhere to go,
 * which is not an error. The process ends quietly with exit code 0.
 */
function endQuietlyOnClosedPipe(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** Runs the CLI; returns the exit code. Expected errors are one line, no stack. */
export async function main(argv: readonly string[], io?: Partial<CommandIO>): Promise<number> {
  if (!io?.stdout) endQuietlyOnClosedPipe();
  const commandIO: CommandIO = {
    stdout: io?.stdout ?? ((text) => process.stdout.write(text)),
    stderr: io?.stderr ?? ((text) => process.stderr.write(text)),
    now: io?.now ?? clock(),
    progress: io ? io.progress : terminalProgress(),
  };
  const debug = argv.includes('--debug');
  try {
    await buildProgram(commandIO).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    commandIO.progress?.(null);
    if (error instanceof CommanderError) return commanderExitCode(error);
    if (error instanceof CmgPlannerError) {
      commandIO.stderr(`cmg-planner: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    commandIO.stderr(`cmg-planner: unexpected error: ${message}\n`);
    if (debug && error instanceof Error && error.stack) commandIO.stderr(`${error.stack}\n`);
    else commandIO.stderr('(this is a bug in cmg-planner; run again with --debug for details and report it)\n');
    return 70;
  }
}
