import { UserInputError } from '../../model/errors.js';
import { parseVary, MAX_SWEEP_POINTS } from '../../sweep/vary.js';
import { sweep, type SweepResult } from '../../sweep/sweep.js';
import { renderReport, type ReportFormat } from '../../report/render.js';
import { groupedBarChart, lineChart } from '../../report/chart.js';
import { SCENARIO_COLOURS } from './compare.js';
import { readPriceList, readScenario } from '../inputs.js';
import { emit, type CommandIO } from '../output.js';

/** The chart: cost against the first field, a line per value of the second, markers at instance steps. */
function sweepChart(result: SweepResult) {
  const [first, second] = result.fields;
  const numeric = result.points.every((p) => typeof p.values[first!] === 'number');
  const groups = second ? [...new Set(result.points.map((p) => p.values[second]!))] : [null];
  if (!numeric) {
    return {
      kind: 'bars' as const,
      chart: groupedBarChart(
        [...new Set(result.points.map((p) => String(p.values[first!])))].map((value) => ({
          label: value,
          bars: groups.map((g, i) => ({ label: g === null ? 'total' : `${second}=${g}`, value: result.points.find((p) => String(p.values[first!]) === value && (g === null || p.values[second!] === g))!.costs.total, colour: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]! })),
        })),
        720,
      ),
    };
  }
  return {
    kind: 'lines' as const,
    chart: lineChart(
      groups.map((g, i) => {
        const points = result.points.filter((p) => g === null || p.values[second!] === g);
        return {
          label: g === null ? 'total' : `${second}=${g}`,
          colour: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]!,
          points: points.map((p, j) => ({ x: p.values[first!] as number, y: p.costs.total, marker: j === 0 || points[j - 1]!.instances !== p.instances ? `${p.instances}` : undefined })),
        };
      }),
    ),
  };
}

export async function runSweep(scenarioFile: string, options: { vary: readonly string[]; prices?: string; format: ReportFormat; out?: string }, io: CommandIO): Promise<void> {
  const scenario = await readScenario(scenarioFile);
  if (options.vary.length > 2) throw new UserInputError('--vary: at most two fields at once');
  const specs = options.vary.map((v) => parseVary(v, scenario.input));
  if (specs.length === 2 && specs[0]!.path === specs[1]!.path) throw new UserInputError(`--vary: ${specs[0]!.path} is given twice`);
  const count = specs.reduce((n, s) => n * s.values.length, 1);
  if (count > MAX_SWEEP_POINTS) throw new UserInputError(`--vary: ${count.toLocaleString('en')} points, more than ${MAX_SWEEP_POINTS.toLocaleString('en')}; use fewer values`);
  const list = await readPriceList(options.prices);
  const result = sweep(scenario, specs, list, { now: io.now() });
  const [first, second] = result.fields;
  const view = {
    first,
    second,
    rows: result.points.map((p) => ({ a: p.values[first!], b: second ? p.values[second] : '', fieldValues: result.fields.map((f) => p.values[f]), ...p, ...p.costs })),
    columns: ['a', ...(second ? ['b'] : []), 'instances', 'gateways', 'connectionPoints', 'egressGB', 'compute', 'egress', 'storage', 'other', 'total'].join('|'),
    headers: [first, ...(second ? [second] : []), 'Instances', 'CMGs', 'CPs', 'Egress GB', 'Compute', 'Egress', 'Storage', 'Other', 'Total'].join('|'),
    right: ['a', 'b', 'instances', 'gateways', 'connectionPoints', 'egressGB', 'compute', 'egress', 'storage', 'other', 'total'].join('|'),
    breakEvenRows: result.breakEvens.map((b) => ({ ...b, at: b.at ?? '', from: b.cheaperFrom === null ? 'never' : `${b.cheaperFrom}${b.staysCheaper ? ' on' : ' (not throughout)'}` })),
    ...sweepChart(result),
  };
  await emit(renderReport('sweep', options.format, result, view), options.out, io, `${result.points.length} points`);
}
