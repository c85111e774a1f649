import { COST_COMPONENTS, type CostComponent } from '../pricing/cost-line.js';
import { Decimal } from '../model/money.js';

/** The colours of the four components, the same in every chart. */
export const COMPONENT_COLOURS: Readonly<Record<CostComponent, string>> = {
  compute: '#2f6db5',
  egress: '#e08a1e',
  storage: '#3a9a5b',
  other: '#8a6bb8',
};

/** Colours of the series (scenarios, sweep lines) in order, repeating past eight. */
export const SERIES_COLOURS = ['#2f6db5', '#e08a1e', '#3a9a5b', '#8a6bb8', '#c4453c', '#4aa3b5', '#8c7a3a', '#5d6d7e'];

export interface ChartSegment {
  readonly component: CostComponent;
  readonly x: number;
  readonly width: number;
  readonly colour: string;
  readonly amount: string;
  readonly percent: string;
  readonly legendY: number;
}

export interface CostSplitChart {
  readonly width: number;
  readonly barHeight: number;
  readonly height: number;
  readonly segments: readonly ChartSegment[];
}

/** Geometry of the cost-split bar: one segment per component, widths in proportion to cost. */
export function costSplitChart(costs: Record<CostComponent | 'total', string>, width = 640): CostSplitChart {
  const total = new Decimal(costs.total);
  let x = 0;
  const barHeight = 36;
  const segments = COST_COMPONENTS.map((component, i) => {
    const amount = new Decimal(costs[component]);
    const share = total.isZero() ? new Decimal(0) : amount.dividedBy(total);
    const w = share.times(width).toDecimalPlaces(2).toNumber();
    const segment = {
      component,
      x,
      width: w,
      colour: COMPONENT_COLOURS[component],
      amount: costs[component],
      percent: share.times(100).toFixed(1),
      legendY: barHeight + 24 + i * 22,
    };
    x = new Decimal(x).plus(w).toNumber();
    return segment;
  });
  return { width, barHeight, height: barHeight + 24 + COST_COMPONENTS.length * 22, segments };
}

export interface BarInput {
  readonly label: string;
  /** A decimal string; negative values are drawn as zero. */
  readonly value: string;
  readonly colour: string;
}

export interface GroupedBar {
  readonly label: string;
  readonly value: string;
  readonly colour: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface GroupedBarChart {
  readonly width: number;
  readonly height: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly groups: readonly { label: string; labelX: number; bars: readonly GroupedBar[] }[];
  readonly legend: readonly { label: string; colour: string; x: number }[];
  readonly max: string;
}

/**
 * Geometry of a grouped bar chart (SVG units): one group per label, one bar per series, heights in
 * proportion to the largest value. Used for forecast vs actual per component, and scenarios side by side.
 */
export function groupedBarChart(groups: readonly { label: string; bars: readonly BarInput[] }[], width = 640, plotHeight = 200): GroupedBarChart {
  const values = groups.flatMap((g) => g.bars.map((b) => Decimal.max(0, new Decimal(b.value))));
  const max = values.reduce((m, v) => Decimal.max(m, v), new Decimal(0));
  const plotTop = 28;
  const plotBottom = plotTop + plotHeight;
  const groupWidth = width / Math.max(1, groups.length);
  const series = Math.max(1, ...groups.map((g) => g.bars.length));
  const barWidth = Math.max(4, Math.min(48, (groupWidth * 0.8) / series));
  const laidOut = groups.map((g, gi) => {
    const start = gi * groupWidth + (groupWidth - barWidth * g.bars.length) / 2;
    return {
      label: g.label,
      labelX: Number((gi * groupWidth + groupWidth / 2).toFixed(2)),
      bars: g.bars.map((b, bi) => {
        const v = Decimal.max(0, new Decimal(b.value));
        const h = max.isZero() ? 0 : v.dividedBy(max).times(plotHeight).toDecimalPlaces(2).toNumber();
        return {
          label: b.label,
          value: b.value,
          colour: b.colour,
          x: Number((start + bi * barWidth).toFixed(2)),
          y: Number((plotBottom - h).toFixed(2)),
          width: Number((barWidth - 2).toFixed(2)),
          height: h,
        };
      }),
    };
  });
  const seriesLabels = groups[0]?.bars.map((b) => ({ label: b.label, colour: b.colour })) ?? [];
  return {
    width,
    height: plotBottom + 30,
    plotTop,
    plotBottom,
    groups: laidOut,
    legend: seriesLabels.map((s, i) => ({ ...s, x: i * 160 })),
    max: max.toFixed(),
  };
}

export interface LineSeriesInput {
  readonly label: string;
  readonly colour: string;
  readonly points: readonly { x: number; y: string; marker?: string }[];
}

export interface LineChart {
  readonly width: number;
  readonly height: number;
  readonly plot: { left: number; right: number; top: number; bottom: number };
  readonly series: readonly { label: string; colour: string; path: string; markers: readonly { x: number; y: number; text: string }[]; legendY: number }[];
  readonly xTicks: readonly { x: number; label: string }[];
  readonly yTicks: readonly { y: number; label: string }[];
}

const niceTicks = (min: number, max: number, count: number) => {
  if (max <= min) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) ticks.push(Number(t.toFixed(10)));
  return ticks;
};

/**
 * Geometry of a line chart: cost against a swept number, one line per series, markers where a label
 * is given (the instance steps). y values are decimal strings; the scale is for drawing only.
 */
export function lineChart(series: readonly LineSeriesInput[], width = 720, height = 320): LineChart {
  const plot = { left: 70, right: width - 40, top: 20, bottom: height - 40 - series.length * 18 };
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => Number(p.y)));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const yMax = Math.max(0, ...ys) || 1;
  const sx = (x: number) => Number((plot.left + (xMax === xMin ? 0.5 : (x - xMin) / (xMax - xMin)) * (plot.right - plot.left)).toFixed(2));
  const sy = (y: number) => Number((plot.bottom - (y / yMax) * (plot.bottom - plot.top)).toFixed(2));
  return {
    width,
    height,
    plot,
    series: series.map((s, i) => ({
      label: s.label,
      colour: s.colour,
      path: s.points.map((p, j) => `${j ? 'L' : 'M'}${sx(p.x)},${sy(Number(p.y))}`).join(' '),
      markers: s.points.filter((p) => p.marker).map((p) => ({ x: sx(p.x), y: sy(Number(p.y)), text: p.marker! })),
      legendY: plot.bottom + 34 + i * 18,
    })),
    xTicks: niceTicks(xMin, xMax, 6).map((t) => ({ x: sx(t), label: t.toLocaleString('en') })),
    yTicks: niceTicks(0, yMax, 5).map((t) => ({ y: sy(t), label: t.toLocaleString('en') })),
  };
}
