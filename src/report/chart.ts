import { COST_COMPONENTS, type CostComponent } from '../estimate/cost-line.js';
import { Decimal } from '../model/money.js';

/** The colours of the four components, the same in every chart. */
export const COMPONENT_COLOURS: Readonly<Record<CostComponent, string>> = {
  compute: '#2f6db5',
  egress: '#e08a1e',
  storage: '#3a9a5b',
  other: '#8a6bb8',
};

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
