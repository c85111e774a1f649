import { estimate } from '../../estimate/estimate.js';
import { loadScenario } from '../../scenario/load.js';
import { withCommitment } from '../../scenario/scenario.js';
import type { Commitment } from '../../estimate/commitment.js';
import { parsePriceList } from '../../pricing/snapshot.js';
import { defaultSnapshotPath } from '../../pricing/default-snapshot.js';
import { readInputText } from '../../io/read-input.js';
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
}

/** `cmg-planner estimate SCENARIO`: read, estimate, render, print or write. */
export async function runEstimate(scenarioFile: string, options: EstimateOptions, io: CommandIO): Promise<void> {
  const loaded = loadScenario(await readInputText(scenarioFile, 'scenario file'), scenarioFile);
  const scenario = options.commitment ? withCommitment(loaded, options.commitment, 'command line (--commitment)') : loaded;
  const pricesFile = options.prices ?? defaultSnapshotPath();
  const priceList = parsePriceList(await readInputText(pricesFile, 'price file'), options.prices ?? 'pricing/azure-retail-prices.json');
  const report = buildEstimateReport(estimate(scenario, priceList, { now: io.now() }));
  const componentRows = COST_COMPONENTS.map((component) => ({ component, cost: report.costs[component] }));
  const view = {
    componentRows,
    componentRowsWithTotal: [...componentRows, { component: 'total', cost: report.costs.total }],
    chart: costSplitChart(report.costs),
    multiGateway: report.sizing.gateways > 1,
    committed: report.commitment.type !== 'payg',
  };
  await emit(renderReport('estimate', options.format, report, view), options.out, io, `total ${report.costs.total} ${report.scenario.currency}`);
}
