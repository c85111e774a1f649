import type { Comparison } from '../compare/compare.js';
import { COST_COMPONENTS } from '../pricing/cost-line.js';
import { groupedBarChart, SERIES_COLOURS } from './chart.js';
import { renderReport, type ReportFormat } from './render.js';

type Compared = Comparison['scenarios'][number];

/** The side-by-side table, a row a figure: its name, its unit ('money': the comparison's currency), how to read it, and whether it is text. */
const ROWS: readonly { metric: string; unit: string; value: (s: Compared) => string | number | null; text?: true }[] = [
  { metric: 'file', unit: '', value: (s) => s.file, text: true },
  { metric: 'region', unit: '', value: (s) => s.region, text: true },
  { metric: 'VM size', unit: '', value: (s) => s.vmSize, text: true },
  { metric: 'commitment', unit: '', value: (s) => s.commitment, text: true },
  { metric: 'clients', unit: '', value: (s) => s.clients },
  { metric: 'instances', unit: '', value: (s) => s.sizing.instances },
  { metric: 'CMGs', unit: '', value: (s) => s.sizing.gateways },
  { metric: 'connection points', unit: '', value: (s) => s.sizing.connectionPoints },
  { metric: 'egress', unit: 'GB', value: (s) => s.traffic.egressGB },
  { metric: 'compute cost', unit: 'money', value: (s) => s.costs.compute },
  { metric: 'egress cost', unit: 'money', value: (s) => s.costs.egress },
  { metric: 'storage cost', unit: 'money', value: (s) => s.costs.storage },
  { metric: 'other cost', unit: 'money', value: (s) => s.costs.other },
  { metric: 'total', unit: 'money', value: (s) => s.costs.total },
  { metric: 'a year (12 x the total)', unit: 'money', value: (s) => s.annualTotal },
  { metric: 'cost per client a month', unit: 'money', value: (s) => s.costPerClientMonth },
  { metric: 'difference from the first', unit: 'money', value: (s) => s.deltaTotal },
  { metric: 'difference from the first', unit: '%', value: (s) => s.deltaPct },
  { metric: 'warnings', unit: '', value: (s) => String(s.warnings.length) },
];

/** The rows of the side-by-side table: one per figure, one column per scenario. */
export function comparisonRows(c: Comparison) {
  return ROWS.map((r) => ({ metric: r.metric, unit: r.unit === 'money' ? c.currency : r.unit, values: c.scenarios.map(r.value), kind: r.text ? ('text' as const) : ('number' as const) }));
}

/** Renders a comparison in any format: JSON is the comparison itself. */
export function renderComparison(comparison: Comparison, format: ReportFormat): string {
  const rows = comparisonRows(comparison);
  const columns = comparison.scenarios.map((_, i) => `s${i}`);
  const view = {
    rows,
    // each scenario's warnings, under its name
    warnings: comparison.scenarios.filter((s) => s.warnings.length).map((s) => ({ name: s.name, file: s.file, warnings: s.warnings })),
    // CSV: a row a warning, the message in its scenario's column
    warningRows: comparison.scenarios.flatMap((s, i) => s.warnings.map((w) => ({ values: comparison.scenarios.map((_, j) => (j === i ? w.message : '')) }))),
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
