import { estimate } from '../../estimate/estimate.js';
import { withCommitment } from '../../scenario/scenario.js';
import type { Commitment } from '../../estimate/commitment.js';
import { UserInputError } from '../../model/errors.js';
import { Decimal, minorUnitDigits } from '../../model/money.js';
import { monteCarlo, DEFAULT_DRAWS, DEFAULT_SEED, type Percentiles, type RangeResult } from '../../range/monte-carlo.js';
import { migrate2609 } from '../../sizing/migration.js';
import { compareEstimates } from '../../compare/compare.js';
import { renderComparison } from './compare.js';
import { readPriceList, readScenario } from '../inputs.js';
import { buildEstimateReport } from '../../report/estimate-report.js';
import { renderReport, type ReportFormat } from '../../report/render.js';
import { costSplitChart } from '../../report/chart.js';
import { COST_COMPONENTS } from '../../estimate/cost-line.js';
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
  readonly migrate2609?: boolean;
}

function wholeNumber(value: string | undefined, option: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UserInputError(`${option}: expected a whole number from 1 to ${max.toLocaleString('en')}, found "${value}"`);
  return Number(value);
}

/** The Monte Carlo figures for the JSON contract and the templates: amounts rounded to the minor unit. */
function rangeView(result: RangeResult, currency: string) {
  const digits = minorUnitDigits(currency);
  const p = (x: Percentiles) => ({ p10: x.p10.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed(digits), p50: x.p50.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed(digits), p90: x.p90.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed(digits) });
  return {
    draws: result.draws,
    seed: result.seed,
    total: p(result.total),
    components: Object.fromEntries(COST_COMPONENTS.map((c) => [c, p(result.components[c])])) as Record<(typeof COST_COMPONENTS)[number], ReturnType<typeof p>>,
    ...(result.budget ? { budget: { amount: result.budget.amount.toFixed(digits), probabilityOver: new Decimal(result.budget.over).dividedBy(result.draws).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4) } } : {}),
  };
}

/** More draws than this is refused (10,000 is plenty for P10 / P90). */
export const MAX_DRAWS = 1_000_000;

/** `cmg-planner estimate SCENARIO`: read, estimate, render, print or write. */
export async function runEstimate(scenarioFile: string, options: EstimateOptions, io: CommandIO): Promise<void> {
  const loaded = await readScenario(scenarioFile);
  const scenario = options.commitment ? withCommitment(loaded, options.commitment, 'command line (--commitment)') : loaded;
  const priceList = await readPriceList(options.prices);
  const context = { now: io.now() };

  if (options.migrate2609 || scenario.gateway.migrate2609) {
    if (options.range) throw new UserInputError('--migrate-2609 and --range: run them one at a time');
    const after = migrate2609(scenario);
    if (after === scenario) throw new UserInputError(`--migrate-2609: ${scenario.gateway.vmSize} has no ConfigMgr 2609 successor (it is already a D*ads_v6 size)`);
    const comparison = compareEstimates([
      { file: scenarioFile, estimate: estimate(scenario, priceList, context) },
      { file: `${scenarioFile} (2609)`, estimate: estimate(after, priceList, context) },
    ]);
    await emit(renderComparison(comparison, options.format), options.out, io, `${comparison.scenarios[0]!.costs.total} now, ${comparison.scenarios[1]!.costs.total} after 2609 (${comparison.currency})`);
    return;
  }

  const baseReport = buildEstimateReport(estimate(scenario, priceList, context));
  let report: typeof baseReport & { range?: ReturnType<typeof rangeView> } = baseReport;
  if (options.range) {
    if (!scenario.ranges.length) throw new UserInputError(`--range: ${scenarioFile} gives no ranges; write an uncertain figure as {low: 100, mode: 200, high: 300} (see the README)`);
    let budget: Decimal | undefined;
    if (options.budget !== undefined) {
      if (!/^\d+(\.\d+)?$/.test(options.budget)) throw new UserInputError(`--budget: expected an amount such as 500 or 812.50, found "${options.budget}"`);
      budget = new Decimal(options.budget);
    }
    const draws = wholeNumber(options.draws, '--draws', DEFAULT_DRAWS, MAX_DRAWS);
    const seed = wholeNumber(options.seed, '--seed', DEFAULT_SEED, 2 ** 32 - 1);
    // the note that the plain estimate used the modes does not apply: this is the range
    const warnings = baseReport.warnings.filter((w) => w.code !== 'ranges-mode');
    report = { ...baseReport, warnings, range: rangeView(monteCarlo(scenario, priceList, context, { draws, seed, budget }), scenario.currency) };
  }
  const componentRows = COST_COMPONENTS.map((component) => ({ component, cost: report.costs[component] }));
  const view = {
    componentRows,
    componentRowsWithTotal: [...componentRows, { component: 'total', cost: report.costs.total }],
    chart: costSplitChart(report.costs),
    multiGateway: report.sizing.gateways > 1,
    committed: report.commitment.type !== 'payg',
    rangeRows: report.range ? [...COST_COMPONENTS.map((c) => ({ component: c, ...report.range!.components[c] })), { component: 'total', ...report.range.total }] : null,
  };
  await emit(renderReport('estimate', options.format, report, view), options.out, io, `total ${report.costs.total} ${report.scenario.currency}`);
}
