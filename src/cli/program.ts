import { Command, Option, type CommanderError } from 'commander';
import { UserInputError } from '../model/errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import type { CommandIO } from './output.js';
import { COMMITMENTS, type Commitment } from '../pricing/commitments.js';
import { ARM_ENDPOINT, DEFAULT_DRAWS, DEFAULT_RETRY_POLICY, DEFAULT_SEED, DEFAULT_TIMEOUT_MS, RETAIL_PRICES_ENDPOINT } from './defaults.js';

const FORMAT_BY_EXTENSION: Record<string, ReportFormat> = { '.json': 'json', '.md': 'md', '.html': 'html', '.htm': 'html', '.csv': 'csv', '.txt': 'table' };

/**
 * --format if given, else the --out file's extension, else a table. An extension that is no format
 * (report.xlsx) is an error: writing a text table into it would only look like the file asked for.
 */
export function chooseFormat(format: string | undefined, out: string | undefined): ReportFormat {
  if (format) return format as ReportFormat;
  const extension = out ? /\.[^./\\]+$/.exec(out)?.[0]?.toLowerCase() : undefined;
  if (!extension) return 'table';
  const chosen = FORMAT_BY_EXTENSION[extension];
  if (!chosen) {
    const known = Object.keys(FORMAT_BY_EXTENSION).join(', ');
    throw new UserInputError(`--out ${out}: cmg-planner writes ${known} files, not ${extension}; use one of those extensions, or say the format with --format`);
  }
  return chosen;
}

const PRICES_HELP = 'price file: a Retail Prices API response or a snapshot (default: the one shipped in pricing/)';

/** --prices FILE, declared once for every command that prices a scenario. */
function pricesOption(command: Command): Command {
  return command.option('--prices <file>', PRICES_HELP);
}

/** --format and --out, declared once: the formats a command writes, the format taken from --out's extension. */
function outputOptions(command: Command, formats: readonly ReportFormat[] = REPORT_FORMATS): Command {
  return command
    .addOption(new Option('--format <format>', "output format (default: from --out's extension, else table)").choices(formats as string[]))
    .option('--out <file>', 'write to this file (whole or not at all) instead of printing it');
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

  const estimate = program.command('estimate').description('instances and monthly cost of a CMG, line by line, from a scenario file').argument('<scenario>', 'scenario file (YAML or JSON)');
  pricesOption(estimate);
  outputOptions(estimate);
  estimate
    .addOption(new Option('--commitment <commitment>', "how the VMs are paid for (default: the scenario's, else payg)").choices(COMMITMENTS as string[]))
    .option('--range', "a Monte Carlo run over the scenario's {low, mode, high} ranges: P10 / P50 / P90")
    .option('--draws <n>', `Monte Carlo draws (with --range; default ${DEFAULT_DRAWS})`)
    .option('--seed <n>', `Monte Carlo seed: the same seed gives the same figures (with --range; default ${DEFAULT_SEED})`)
    .option('--budget <amount>', 'the probability that the month costs more than this (with --range)')
    .option('--successor <sizes>', 'the scenario beside the same scenario on each of these VM sizes (comma-separated), as compare shows it')
    .addOption(new Option('--migrate-2609').hideHelp())
    .exitOverride()
    .action(
      async (
        scenario: string,
        options: {
          prices?: string;
          format?: string;
          out?: string;
          commitment?: Commitment;
          range?: boolean;
          draws?: string;
          seed?: string;
          budget?: string;
          successor?: string;
          migrate2609?: boolean;
        },
      ) => {
        const { runEstimate } = await import('./commands/estimate.js');
        await runEstimate(
          scenario,
          {
            prices: options.prices,
            out: options.out,
            format: chooseFormat(options.format, options.out),
            commitment: options.commitment,
            range: options.range,
            draws: options.draws,
            seed: options.seed,
            budget: options.budget,
            successor: options.successor,
            migrate2609: options.migrate2609,
          },
          io,
        );
      },
    );

  const collect = (value: string, previous: string[] = []) => [...previous, value];

  const compare = program
    .command('compare')
    .description('scenarios side by side: sizing, egress, each cost component, total, cost per client, difference from the first')
    .argument('<scenarios...>', 'scenario files (the first is the baseline)');
  outputOptions(pricesOption(compare))
    .exitOverride()
    .action(async (files: string[], options: { prices?: string; format?: string; out?: string }) => {
      const { runCompare } = await import('./commands/compare.js');
      await runCompare(files, { prices: options.prices, out: options.out, format: chooseFormat(options.format, options.out) }, io);
    });

  const sweep = program
    .command('sweep')
    .description('the estimate over a range of one or two scenario fields, with the break-even points of bigger sizes and commitments')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .requiredOption('--vary <field=values>', 'a field and its values: clients.total=1000..60000:1000 or gateway.vmSize=Standard_A2_v2,Standard_A4_v2 (once or twice)', collect);
  outputOptions(pricesOption(sweep))
    .exitOverride()
    .action(async (scenario: string, options: { vary: string[]; prices?: string; format?: string; out?: string }) => {
      const { runSweep } = await import('./commands/sweep.js');
      await runSweep(scenario, { vary: options.vary, prices: options.prices, out: options.out, format: chooseFormat(options.format, options.out) }, io);
    });
  const actuals = program
    .command('actuals')
    .description("a month's actual CMG cost (Cost Management exports or the Consumption API) against the forecast, per component, with calibration")
    .argument('<scenario>', 'the scenario the CMG was planned with (YAML or JSON)')
    .option('--month <YYYY-MM>', 'the month to report')
    .option('--export <files...>', 'Cost Management export files (EA, MCA or FOCUS; CSV or CSV.gz)')
    .option('--subscription <id>', 'read the Consumption API for this subscription instead (az login, managed identity or AZURE_* variables)')
    .option('--resource-group <name>', "the CMG's resource group (repeatable; case-insensitive)", collect)
    .option('--resource-id <prefix>', "resource id prefix of the CMG's resources (repeatable)", collect)
    .option('--tag <name=value>', "a tag the CMG's resources carry (repeatable; all must match)", collect)
    .option('--site-telemetry <file>', 'v_CloudCostEstimatorData exported as CSV: measured traffic per client')
    .option('--write-calibrated <file>', 'write the scenario with the calibrated figures to this file')
    .option('--arm-endpoint <url>', `Azure Resource Manager endpoint, for sovereign clouds (default: ${ARM_ENDPOINT})`);
  outputOptions(pricesOption(actuals))
    .exitOverride()
    .action(async (scenario: string, options: Record<string, unknown>) => {
      const { runActuals } = await import('./commands/actuals.js');
      await runActuals(scenario, { ...(options as object), format: chooseFormat(options.format as string | undefined, options.out as string | undefined) } as never, io);
    });

  const pricing = program.command('pricing').description('price snapshots: refresh from the Azure Retail Prices API, show, diff').exitOverride();

  pricing
    .command('refresh')
    .description('fetch current prices for the meters the model uses and write a snapshot (atomically)')
    .option('--regions <list>', 'comma-separated armRegionNames (default: the 10 regions of the shipped snapshot)')
    .option('--currency <code>', 'currency of the prices (default: USD; other currencies are for reference, says the API)')
    .option('--sizes <list>', 'comma-separated VM sizes to fetch (default: all six)')
    .option('--out <file>', 'where to write (default: pricing/azure-retail-prices.json for the shipped regions in USD, else pricing/azure-retail-prices-<currency>-<regions>.json)')
    .option('--endpoint <url>', `the Retail Prices API endpoint, for sovereign clouds, mirrors, tests (default: ${RETAIL_PRICES_ENDPOINT})`)
    .option('--timeout <seconds>', `per-request timeout (default: ${DEFAULT_TIMEOUT_MS / 1000})`)
    .option('--max-attempts <n>', `attempts per request, the first included; retries on 429, 5xx, timeouts, network errors (default: ${DEFAULT_RETRY_POLICY.maxAttempts})`)
    .option('--retry-budget <seconds>', `no retry starts after this long on one request (default: ${DEFAULT_RETRY_POLICY.maxTotalMs / 1000})`)
    .exitOverride()
    .action(async (options: Record<string, string | undefined>) => {
      const { runPricingRefresh } = await import('./commands/pricing-refresh.js');
      await runPricingRefresh(options, io);
    });

  const show = pricing.command('show').description("what a price file holds: age, regions, which of the model's meters it prices");
  outputOptions(pricesOption(show), ['table', 'json'])
    .exitOverride()
    .action(async (options: { prices?: string; format?: string; out?: string }) => {
      const { runPricingShow } = await import('./commands/pricing.js');
      await runPricingShow({ prices: options.prices, out: options.out, format: chooseFormat(options.format, options.out) }, io);
    });

  const diff = pricing.command('diff').description('what changed between two price files, by meter and tier, in %').argument('<old>', 'the older price file').argument('<new>', 'the newer price file');
  outputOptions(diff, ['table', 'md', 'csv', 'json'])
    .exitOverride()
    .action(async (oldFile: string, newFile: string, options: { format?: string; out?: string }) => {
      const { runPricingDiff } = await import('./commands/pricing.js');
      await runPricingDiff(oldFile, newFile, { out: options.out, format: chooseFormat(options.format, options.out) }, io);
    });

  return program;
}

/** Commander's own usage errors become exit code 2; help and version stay 0. */
export function commanderExitCode(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
  return error.exitCode === 0 ? 0 : 2;
}
