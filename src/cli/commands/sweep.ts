import { UserInputError } from '../../model/errors.js';
import { parseVary, MAX_SWEEP_POINTS } from '../../sweep/vary.js';
import { sweep, sweepSize } from '../../sweep/sweep.js';
import { renderSweep } from '../../report/sweep-report.js';
import type { ReportFormat } from '../../report/render.js';
import { readPriceList, readScenario } from '../inputs.js';
import { emit, type CommandIO } from '../output.js';

/** `cmg-planner sweep SCENARIO --vary FIELD=VALUES`: the estimate over one or two fields, with break-even points. */
export async function runSweep(scenarioFile: string, options: { vary: readonly string[]; prices?: string; format: ReportFormat; out?: string }, io: CommandIO): Promise<void> {
  const scenario = await readScenario(scenarioFile);
  if (options.vary.length > 2) throw new UserInputError('--vary: at most two fields at once');
  const specs = options.vary.map((v) => parseVary(v, scenario.input));
  if (specs.length === 2 && specs[0]!.path === specs[1]!.path) throw new UserInputError(`--vary: ${specs[0]!.path} is given twice`);
  const count = sweepSize(specs);
  if (count > MAX_SWEEP_POINTS) throw new UserInputError(`--vary: ${count.toLocaleString('en')} points, more than ${MAX_SWEEP_POINTS.toLocaleString('en')}; use fewer values`);
  const list = await readPriceList(options.prices);
  const result = sweep(scenario, specs, list);
  await emit(renderSweep(result, options.format), options.out, io, `${result.points.length} points`);
}
