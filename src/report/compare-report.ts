import type { Comparison } from '../compare/compare.js';
import { COST_COMPONENTS } from '../pricing/cost-line.js';
import { groupedBarChart, SERIES_COLOURS } from './chart.js';
import { renderReport, type ReportFormat } from './render.js';

/** The rows of the side-by-side table: one per figure, one column per scenario. */
export function comparisonRows(c: Comparison) {
  const row = (metric: string, unit: string, values: (string | number | null)[], kind: 'text' | 'number' = 'number') => ({ metric, unit, values, kind });
  const s = c.scenarios;
  const money = c.currency;
  return [
    row(
      'file',
      '',
      s.map((x) => x.file),
      'text',
    ),
    row(
      'region',
      '',
      s.map((x) => x.region),
      'text',
    ),
    row(
      'VM size',
      '',
      s.map((x) => x.vmSize),
      'text',
    ),
    row(
      'commitment',
      '',
      s.map((x) => x.commitment),
      'text',
    ),
    row(
      'clients',
      '',
      s.map((x) => x.clients),
    ),
    row(
      'instances',
      '',
      s.map((x) => x.sizing.instances),
    ),
    row(
      'CMGs',
      '',
      s.map((x) => x.sizing.gateways),
    ),
    row(
      'connection points',
      '',
      s.map((x) => x.sizing.connectionPoints),
    ),
    row(
      'egress',
      'GB',
      s.map((x) => x.traffic.egressGB),
    ),
    row(
      'compute cost',
      money,
      s.map((x) => x.costs.compute),
    ),
    row(
      'egress cost',
      money,
      s.map((x) => x.costs.egress),
    ),
    row(
      'storage cost',
      money,
      s.map((x) => x.costs.storage),
    ),
    row(
      'other cost',
      money,
      s.map((x) => x.costs.other),
    ),
    row(
      'total',
      money,
      s.map((x) => x.costs.total),
    ),
    row(
      'cost per client a month',
      money,
      s.map((x) => x.costPerClientMonth),
    ),
    row(
      'difference from the first',
      money,
      s.map((x) => x.deltaTotal),
    ),
    row(
      'difference from the first',
      '%',
      s.map((x) => x.deltaPct),
    ),
  ];
}

/** Renders a comparison in any format: JSON is the comparison itself. */
export function renderComparison(comparison: Comparison, format: ReportFormat): string {
  const rows = comparisonRows(comparison);
  const columns = comparison.scenarios.map((_, i) => `s${i}`);
  const view = {
    rows,
    table: {
      rows: rows.map((r) => ({ metric: r.unit ? `${r.metric} (${r.unit})` : r.metric, ...Object.fromEntries(r.values.map((v, i) => [`s${i}`, v ?? 'n/a'])) })),
      columns: ['metric', ...columns].join('|'),
      headers: ['', ...comparison.scenarios.map((s) => s.name.replace(/\|/g, '/'))].join('|'),
      right: columns.join('|'),
    },
    chart: groupedBarChart(
      [...COST_COMPONENTS, 'total' as const].map((component) => ({
        label: component,
        bars: comparison.scenarios.map((s, i) => ({ label: s.name, value: s.costs[component], colour: SERIES_COLOURS[i % SERIES_COLOURS.length]! })),
      })),
      720,
    ),
  };
  return renderReport('compare', format, comparison, view);
}
