import { Decimal, ZERO } from '../model/money.js';
import { COST_COMPONENTS, type CostComponent } from '../pricing/cost-line.js';
import { evaluate } from '../estimate/estimate.js';
import type { PriceList } from '../pricing/price-list.js';
import { withValues, type Scenario } from '../scenario/scenario.js';
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

/** The q-quantile of values in ascending order (`at(rank)`), interpolating between order statistics (numpy's default). */
function quantileOf(length: number, at: (index: number) => Decimal, q: number): Decimal {
  if (!length) return ZERO;
  const position = (length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(length - 1, below + 1);
  const weight = new Decimal(position - below);
  return at(below).plus(at(above).minus(at(below)).times(weight));
}

/**
 * The indices of the values in ascending order, exactly but fast: by their keys (their nearest doubles,
 * which keep the order of values whose doubles differ), and by Decimal comparison only where keys are equal.
 */
function sortedOrder(keys: Float64Array, exact: (index: number) => Decimal): Uint32Array {
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => {
    const byKey = keys[a]! - keys[b]!;
    if (byKey) return byKey;
    const x = exact(a);
    const y = exact(b);
    return x === y ? 0 : x.comparedTo(y);
  });
}

const OUTCOMES = [...COST_COMPONENTS, 'total'] as const;
type Outcome = (typeof OUTCOMES)[number];

/**
 * A run of draws, from draw `from` to `to` of the seeded sequence: for each component and the total,
 * every draw's amount and its key (its nearest double, to sort by), and how many draws passed the budget.
 */
export interface DrawSlice {
  readonly keys: Readonly<Record<Outcome, Float64Array>>;
  readonly values: Readonly<Record<Outcome, readonly Decimal[]>>;
  readonly over: number;
}

/** Draws `from` to `to` of the scenario's seeded sequence, priced with the same model as `estimate`. Pure. */
export function drawSlice(scenario: Scenario, list: PriceList, options: { seed: number; from: number; to: number; budget?: Decimal }): DrawSlice {
  const count = options.to - options.from;
  // the sequence as if every draw before `from` had been made: each draw takes one number per range, in a fixed order
  const random = seededRandom(options.seed, options.from * scenario.ranges.length);
  const keys = Object.fromEntries(OUTCOMES.map((o) => [o, new Float64Array(count)])) as Record<Outcome, Float64Array>;
  const values = Object.fromEntries(OUTCOMES.map((o) => [o, new Array<Decimal>(count)])) as Record<Outcome, Decimal[]>;
  let over = 0;
  // a component no range touches has one of a few amount objects draw after draw: each key is worked out once
  const knownKeys = new Map<Decimal, number>();
  const keyOf = (value: Decimal): number => {
    let key = knownKeys.get(value);
    if (key === undefined) {
      if (knownKeys.size > 256) knownKeys.clear();
      knownKeys.set(value, (key = value.toNumber()));
    }
    return key;
  };
  for (let d = 0; d < count; d++) {
    const drawn = scenario.ranges.map((range) => {
      const u = random();
      const value = range.distribution === 'triangular' ? triangular(u, range.low, range.mode, range.high) : uniform(u, range.low, range.high);
      return { path: range.path, value: range.integer ? Math.round(value) : value };
    });
    // overrides (commitment, a month's hours) are in the scenario already: every drawn field counts
    const result = evaluate(withValues(scenario, drawn, false), list);
    let total = ZERO;
    for (const component of COST_COMPONENTS) {
      // a component of one line keeps that line's amount (the same object draw after draw when no range touches it)
      let sum: Decimal | undefined;
      for (const line of result.lines) if (line.component === component && line.cost) sum = sum ? sum.plus(line.cost) : line.cost;
      sum ??= ZERO;
      keys[component][d] = component === 'egress' ? sum.toNumber() : keyOf(sum);
      values[component][d] = sum;
      total = total.plus(sum);
    }
    keys.total[d] = total.toNumber();
    values.total[d] = total;
    if (options.budget && total.gt(options.budget)) over++;
  }
  return { keys, values, over };
}

/** Percentiles over slices' amounts, in draw order. */
function percentilesOf(slices: readonly DrawSlice[], outcome: Outcome): Percentiles {
  const length = slices.reduce((n, s) => n + s.keys[outcome].length, 0);
  const keys = new Float64Array(length);
  const raw: Decimal[] = [];
  for (const s of slices) {
    keys.set(s.keys[outcome], raw.length);
    for (const v of s.values[outcome]) raw.push(v);
  }
  const exact = (i: number): Decimal => raw[i]!;
  const order = sortedOrder(keys, exact);
  const at = (rank: number) => exact(order[rank]!);
  return { p10: quantileOf(length, at, 0.1), p50: quantileOf(length, at, 0.5), p90: quantileOf(length, at, 0.9) };
}

/**
 * A Monte Carlo run of the estimate: each draw samples every range of the scenario (triangular or
 * uniform, from one seeded source in a fixed order, so a seed gives the same figures, in one run or in
 * slices) and prices the month with the same model as `estimate`. Reports P10 / P50 /
 * P90 of each component and of the total, and how often the total passes a budget.
 */
export function monteCarlo(scenario: Scenario, list: PriceList, options: { draws?: number; seed?: number; budget?: Decimal } = {}): RangeResult {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  const slices = [drawSlice(scenario, list, { seed, from: 0, to: draws, budget: options.budget })];
  const over = slices.reduce((n, s) => n + s.over, 0);
  return {
    draws,
    seed,
    total: percentilesOf(slices, 'total'),
    components: Object.fromEntries(COST_COMPONENTS.map((c) => [c, percentilesOf(slices, c)])) as Record<CostComponent, Percentiles>,
    ...(options.budget ? { budget: { amount: options.budget, over } } : {}),
  };
}
