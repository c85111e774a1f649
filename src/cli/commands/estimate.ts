import { estimate } from '../../estimate/estimate.js';
import { withOverrides } from '../../scenario/scenario.js';
import { onSize, parseSuccessors } from '../../scenario/successor.js';
import type { Commitment } from '../../pricing/commitments.js';
import { UserInputError } from '../../model/errors.js';
import { Decimal } from '../../model/money.js';
import { monteCarlo, DEFAULT_DRAWS, DEFAULT_SEED } from '../../range/monte-carlo.js';
import { compareEstimates } from '../../compare/compare.js';
import { renderComparison } from '../../report/compare-report.js';
import { buildEstimateReport, buildRangeView, renderEstimate, withRange } from '../../report/estimate-report.js';
import type { ReportFormat } from '../../report/render.js';
import { readPriceList, readScenario } from '../inputs.js';
import { emit, type CommandIO } from '../output.js';

export interface EstimateOptions {
  readonly prices?: string;
  /** Overrides the scenario's commitment. */
  readonly commitment?: Commitment;
  readonly format: ReportFormat;
  readonly out?: string;
  readonly range?: boolean;
  readonly draws?: string;
  readonly seed?: string;
  readonly budget?: string;
  readonly successor?: string;
  /** Gone: an error that points to --successor. */
  readonly migrate2609?: boolean;
}

/** More draws than this is refused (10,000 is plenty for P10 / P90). */
export const MAX_DRAWS = 1_000_000;

function wholeNumber(value: string | undefined, option: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UserInputError(`${option}: expected a whole number from 1 to ${max.toLocaleString('en')}, found "${value}"`);
  return Number(value);
}

/** `cmg-planner estimate SCENARIO`: read, estimate, render, print or write. */
export async function runEstimate(scenarioFile: string, options: EstimateOptions, io: CommandIO): Promise<void> {
  if (options.migrate2609) {
    throw new UserInputError('--migrate-2609 is gone: no Microsoft source describes the move of CMGs to another size it showed; to see the scenario on other sizes, use --successor SIZE[,SIZE]');
  }
  for (const [given, option] of [
    [options.budget, '--budget'],
    [options.draws, '--draws'],
    [options.seed, '--seed'],
  ] as const) {
    if (given !== undefined && !options.range) throw new UserInputError(`${option} goes with --range (a Monte Carlo run over the scenario's ranges); add --range, or leave ${option} out`);
  }
  const loaded = await readScenario(scenarioFile);
  const scenario = options.commitment ? withOverrides(loaded, [{ path: 'commitment', value: options.commitment, source: 'command line (--commitment)' }]) : loaded;
  const priceList = await readPriceList(options.prices);
  const context = { now: io.now() };

  if (options.successor !== undefined) {
    if (options.range) throw new UserInputError('--successor and --range: run them one at a time');
    const sizes = parseSuccessors(options.successor, scenario.gateway.vmSize);
    const comparison = compareEstimates([
      { file: scenarioFile, estimate: estimate(scenario, priceList, context) },
      ...sizes.map((size) => ({ file: `${scenarioFile} (on ${size})`, estimate: estimate(onSize(scenario, size), priceList, context) })),
    ]);
    await emit(renderComparison(comparison, options.format), options.out, io, `${comparison.scenarios.map((s) => `${s.vmSize} ${s.costs.total}`).join(', ')} (${comparison.currency})`);
    return;
  }

  let report = buildEstimateReport(estimate(scenario, priceList, context));
  if (options.range) {
    if (!scenario.ranges.length) throw new UserInputError(`--range: ${scenarioFile} gives no ranges; write an uncertain figure as {low: 100, mode: 200, high: 300} (see the README)`);
    let budget: Decimal | undefined;
    if (options.budget !== undefined) {
      if (!/^\d+(\.\d+)?$/.test(options.budget)) throw new UserInputError(`--budget: expected an amount such as 500 or 812.50, found "${options.budget}"`);
      budget = new Decimal(options.budget);
    }
    const draws = wholeNumber(options.draws, '--draws', DEFAULT_DRAWS, MAX_DRAWS);
    const seed = wholeNumber(options.seed, '--seed', DEFAULT_SEED, 2 ** 32 - 1);
    report = withRange(report, buildRangeView(monteCarlo(scenario, priceList, { draws, seed, budget }), scenario.currency));
  }
  await emit(renderEstimate(report, options.format), options.out, io, `total ${report.costs.total} ${report.scenario.currency}`);
}
