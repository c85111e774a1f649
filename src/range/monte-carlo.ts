import { Decimal, ZERO } from '../model/money.js';
import { COST_COMPONENTS, type CostComponent } from '../pricing/cost-line.js';
import { evaluate } from '../estimate/estimate.js';
import type { PriceList } from '../pricing/price-list.js';
import { withValue, type Scenario } from '../scenario/scenario.js';
import { seededRandom, triangular, uniform } from './random.js';

export const DEFAULT_DRAWS = 10_000;
export const DEFAULT_SEED = 1;

export interface Percentiles {
  readonly p10: Decimal;
  readonly p50: Decimal;
  readonly p90: Decimal;
}

export interface RangeResult {
  readonly draws: number;
  readonly seed: number;
  readonly total: Percentiles;
  readonly components: Readonly<Record<CostComponent, Percentiles>>;
  readonly budget?: { readonly amount: Decimal; readonly over: number };
}

/** The q-quantile of sorted values, interpolating between order statistics (numpy's default). */
export function quantile(sorted: readonly Decimal[], q: number): Decimal {
  if (!sorted.length) return ZERO;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const weight = new Decimal(position - below);
  return sorted[below]!.plus(sorted[above]!.minus(sorted[below]!).times(weight));
}

/**
 * Sorts exactly but fast: by each value's nearest double (which keeps the order of values whose
 * doubles differ), and by Decimal comparison only where two doubles are equal.
 */
export function sortDecimals(values: readonly Decimal[]): Decimal[] {
  // draws repeat the same amounts (a line no range touched): each is converted once
  const keys = new Map<Decimal, number>();
  const keyed = values.map((value) => {
    let key = keys.get(value);
    if (key === undefined) keys.set(value, (key = value.toNumber()));
    return { value, key };
  });
  keyed.sort((a, b) => a.key - b.key || a.value.comparedTo(b.value));
  return keyed.map((k) => k.value);
}

const percentiles = (values: readonly Decimal[]): Percentiles => {
  const sorted = sortDecimals(values);
  return { p10: quantile(sorted, 0.1), p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
};

/**
 * A Monte Carlo run of the estimate: each draw samples every range of the scenario (triangular or
 * uniform, from one seeded source in a fixed order, so a seed gives the same figures) and prices the
 * month with the same model as `estimate`. Reports P10 / P50 / P90 of each component and of the
 * total, and how often the total passes a budget.
 */
export function monteCarlo(scenario: Scenario, list: PriceList, options: { draws?: number; seed?: number; budget?: Decimal } = {}): RangeResult {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  const random = seededRandom(seed);
  const totals: Decimal[] = [];
  const byComponent = Object.fromEntries(COST_COMPONENTS.map((c) => [c, [] as Decimal[]])) as Record<CostComponent, Decimal[]>;
  let over = 0;
  for (let i = 0; i < draws; i++) {
    // overrides (commitment, a month's hours) are in the scenario already: every drawn field counts
    let drawn = scenario;
    for (const range of scenario.ranges) {
      const u = random();
      const value = range.distribution === 'triangular' ? triangular(u, range.low, range.mode, range.high) : uniform(u, range.low, range.high);
      drawn = withValue(drawn, range.path, range.integer ? Math.round(value) : value);
    }
    const result = evaluate(drawn, list);
    let total = ZERO;
    for (const component of COST_COMPONENTS) {
      // a component of one line keeps that line's amount (the same object draw after draw when no range touches it)
      let sum: Decimal | undefined;
      for (const line of result.lines) if (line.component === component && line.cost) sum = sum ? sum.plus(line.cost) : line.cost;
      sum ??= ZERO;
      byComponent[component].push(sum);
      total = total.plus(sum);
    }
    totals.push(total);
    if (options.budget && total.gt(options.budget)) over++;
  }
  return {
    draws,
    seed,
    total: percentiles(totals),
    components: Object.fromEntries(COST_COMPONENTS.map((c) => [c, percentiles(byComponent[c])])) as Record<CostComponent, Percentiles>,
    ...(options.budget ? { budget: { amount: options.budget, over } } : {}),
  };
}
