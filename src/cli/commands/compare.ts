import { estimate } from '../../estimate/estimate.js';
import { compareEstimates, oneCurrency } from '../../compare/compare.js';
import { renderComparison } from '../../report/compare-report.js';
import type { ReportFormat } from '../../report/render.js';
import type { Scenario } from '../../scenario/scenario.js';
import { readPriceList, readScenario } from '../inputs.js';
import { emit, type CommandIO } from '../output.js';

/** `cmg-planner compare A B ...`: the scenarios side by side, the first the baseline. */
export async function runCompare(files: readonly string[], options: { prices?: string; format: ReportFormat; out?: string }, io: CommandIO): Promise<void> {
  const scenarios: { file: string; scenario: Scenario }[] = [];
  for (const file of files) scenarios.push({ file, scenario: await readScenario(file) });
  oneCurrency(scenarios.map((s) => ({ file: s.file, currency: s.scenario.currency })));
  const list = await readPriceList(options.prices);
  const comparison = compareEstimates(scenarios.map((s) => ({ file: s.file, estimate: estimate(s.scenario, list, { now: io.now() }) })));
  await emit(renderComparison(comparison, options.format), options.out, io, `${comparison.scenarios.length} scenarios`);
}
