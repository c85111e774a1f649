import type { SweepResult } from '../sweep/sweep.js';
import { groupedBarChart, lineChart, SERIES_COLOURS } from './chart.js';
import { csvRecords } from './escape.js';
import { renderReport, type ReportFormat } from './render.js';

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
          bars: groups.map((g, i) => ({
            label: g === null ? 'total' : `${second}=${g}`,
            value: result.points.find((p) => String(p.values[first!]) === value && (g === null || p.values[second!] === g))!.costs.total,
            colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
          })),
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
          colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
          points: points.map((p, j) => ({ x: p.values[first!] as number, y: p.costs.total, marker: j === 0 || points[j - 1]!.instances !== p.instances ? `${p.instances}` : undefined })),
        };
      }),
    ),
  };
}

/** The sweep as CSV: one record per point, written in one pass (a sweep may have 100,000 points). */
function sweepCsv(result: SweepResult): string {
  const header = [...result.fields, 'instances', 'gateways', 'connectionPoints', 'egressGB', 'compute', 'egress', 'storage', 'other', 'total', 'currency'];
  const records = result.points.map((p) => [
    ...result.fields.map((f) => p.values[f]),
    p.instances,
    p.gateways,
    p.connectionPoints,
    p.egressGB,
    p.costs.compute,
    p.costs.egress,
    p.costs.storage,
    p.costs.other,
    p.costs.total,
    result.currency,
  ]);
  return csvRecords([header, ...records]);
}

/** The sweep in any format: JSON is the result itself. */
export function renderSweep(result: SweepResult, format: ReportFormat): string {
  if (format === 'csv') return sweepCsv(result);
  const [first, second] = result.fields;
  const view = {
    first,
    second,
    rows: result.points.map((p) => ({ a: p.values[first!], b: second ? p.values[second] : '', fieldValues: result.fields.map((f) => p.values[f]), ...p, ...p.costs })),
    columns: ['a', ...(second ? ['b'] : []), 'instances', 'gateways', 'connectionPoints', 'egressGB', 'compute', 'egress', 'storage', 'other', 'total'].join('|'),
    headers: [first, ...(second ? [second] : []), 'Instances', 'CMGs', 'CPs', 'Egress GB', 'Compute', 'Egress', 'Storage', 'Other', 'Total'].join('|'),
    right: ['a', 'b', 'instances', 'gateways', 'connectionPoints', 'egressGB', 'compute', 'egress', 'storage', 'other', 'total'].join('|'),
    breakEvenRows: result.breakEvens.map((b) => ({ ...b, at: b.at ?? '', from: b.cheaperFrom === null ? 'never' : `${b.cheaperFrom}${b.staysCheaper ? ' on' : ' (not throughout)'}` })),
    ...(format === 'html' ? sweepChart(result) : {}),
  };
  return renderReport('sweep', format, result, view);
}
