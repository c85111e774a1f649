import { Command, CommanderError, Option } from 'commander';
import { UserInputError } from '../model/errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import type { CommandIO } from './output.js';

const FORMAT_BY_EXTENSION: Record<string, ReportFormat> = { '.json': 'json', '.md': 'md', '.html': 'html', '.htm': 'html', '.csv': 'csv', '.txt': 'table' };

/** --format if given, else the --out file's extension, else a table. */
export function chooseFormat(format: string | undefined, out: string | undefined): ReportFormat {
  if (format) return format as ReportFormat;
  const extension = out ? /\.[^./\\]+$/.exec(out)?.[0]?.toLowerCase() : undefined;
  return (extension && FORMAT_BY_EXTENSION[extension]) || 'table';
}

/** The commander declarations; each command's code is imported only when that command runs. */
export function buildProgram(io: CommandIO): Command {
  const program = new Command('cmg-planner')
    .description('Size and price a ConfigMgr Cloud Management Gateway on Azure.')
    .version(process.env.npm_package_version ?? '0.1.0', '-V, --version')
    .option('--debug', 'show the stack of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('estimate')
    .description('instances and monthly cost of a CMG, line by line, from a scenario file')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--prices <file>', 'price file: a Retail Prices API response or a snapshot (default: the one shipped in pricing/)')
    .addOption(new Option('--format <format>', 'output format (default: from --out\'s extension, else table)').choices(REPORT_FORMATS as string[]))
    .option('--out <file>', 'write the report to this file (whole or not at all) instead of printing it')
    .exitOverride()
    .action(async (scenario: string, options: { prices?: string; format?: string; out?: string }) => {
      const { runEstimate } = await import('./commands/estimate.js');
      await runEstimate(scenario, { prices: options.prices, out: options.out, format: chooseFormat(options.format, options.out) }, io);
    });

  return program;
}

/** Commander's own usage errors become exit code 2; help and version stay 0. */
export function commanderExitCode(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
  return error.exitCode === 0 ? 0 : 2;
}

export { CommanderError, UserInputError };
