import { Decimal, ZERO } from '../model/money.js';
import { COST_COMPONENTS, type CostComponent } from '../estimate/cost-line.js';
import { estimate, type EstimateContext } from '../estimate/estimate.js';
import type { PriceList } from '../pricing/price-list.js';
import { resolveScenario, type Scenario } from '../scenario/scenario.js';
import { setPath } from '../scenario/ranges.js';
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

const percentiles = (values: Decimal[]): Percentiles => {
  const sorted = values.sort((a, b) => a.comparedTo(b));
  return { p10: quantile(sorted, 0.1), p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
};

/**
 * A Monte Carlo run of the estimate: each draw samples every range of the scenario (triangular or
 * uniform, from one seeded source in a fixed order, so a seed gives the same figures) and prices the
 * month with the same model as `estimate`. Reports P10 / P50 / P90 of each component and of the
 * total, and how often the total passes a budget.
 */
export function monteCarlo(scenario: Scenario, list: PriceList, context: EstimateContext, options: { draws?: number; seed?: number; budget?: Decimal } = {}): RangeResult {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  const random = seededRandom(seed);
  const totals: Decimal[] = [];
  const byComponent = Object.fromEntries(COST_COMPONENTS.map((c) => [c, [] as Decimal[]])) as Record<CostComponent, Decimal[]>;
  let over = 0;
  for (let i = 0; i < draws; i++) {
    let input = scenario.input;
    for (const range of scenario.ranges) {
      const u = random();
      const value = range.distribution === 'triangular' ? triangular(u, range.low, range.mode, range.high) : uniform(u, range.low, range.high);
      input = setPath(input, range.path, range.integer ? Math.round(value) : value);
    }
    // the draw keeps the scenario's own overrides (commitment, hours) by re-resolving its data with them
    const drawn = resolveScenario({ ...input, commitment: scenario.commitment, hoursPerMonth: scenario.hoursPerMonth }, []);
    const result = estimate(drawn, list, context);
    let total = ZERO;
    for (const component of COST_COMPONENTS) {
      let sum = ZERO;
      for (const line of result.lines) if (line.component === component && line.cost) sum = sum.plus(line.cost);
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
