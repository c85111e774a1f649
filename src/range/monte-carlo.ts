import { Decimal, ZERO, approximateNumber, compare } from '../model/money.js';
import { COST_COMPONENTS, type CostComponent } from '../pricing/cost-line.js';
import { evaluate, type Evaluation } from '../estimate/estimate.js';
import type { PriceList } from '../pricing/price-list.js';
import { fieldSetter, type Scenario } from '../scenario/scenario.js';
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

/** How far apart two keys must be for their order to be their values' order (keys are within 1e-14 of their values). */
const KEY_TOLERANCE = 1e-12;

/**
 * The values at the given ranks of the ascending order, exactly: the keys are sorted as numbers, and
 * each rank's cluster of keys too close to tell apart is ordered by its Decimals.
 */
/**
 * A copy of the keys in which each of the given positions, and a window around it, holds what a full
 * ascending sort would put there (quickselect for a few ranks); `windows`: the positions that are in
 * order, null when all are.
 */
function ordered(keys: Float64Array, ranks: readonly number[], full: boolean): { sorted: Float64Array; windows: (readonly [number, number])[] | null } {
  const sorted = Float64Array.from(keys);
  if (full || ranks.length > 8 || keys.length < 1024) return { sorted: sorted.sort(), windows: null };
  const WINDOW = 64;
  const windows: [number, number][] = [];
  for (const r of [...new Set(ranks)].sort((a, b) => a - b)) {
    const from = Math.max(0, r - WINDOW);
    const to = Math.min(keys.length - 1, r + WINDOW);
    const last = windows[windows.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else windows.push([from, to]);
  }
  // windows in ascending order: each selection works on what lies above the windows before it
  let above = 0;
  for (const [from, to] of windows) {
    select(sorted, from, above, sorted.length - 1);
    select(sorted, to, from, sorted.length - 1);
    sorted.subarray(from, to + 1).sort();
    above = to + 1;
  }
  return { sorted, windows };
}

/** Quickselect (Hoare partition, median of three): afterwards a[k] holds the k-th smallest of a[lo..hi], smaller ones before it, larger after. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

export function ranked(keys: Float64Array, exact: (index: number) => Decimal, ranks: readonly number[], full = false): Map<number, Decimal> {
  const { sorted, windows } = ordered(keys, ranks, full);
  const near = (a: number, b: number) => b - a <= KEY_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  // each rank's cluster: its neighbours closer than the tolerance, transitively (from, to: the cluster's sorted positions)
  const clusters: { readonly from: number; readonly to: number; readonly members: Decimal[] }[] = [];
  for (const rank of ranks) {
    if (clusters.some((c) => c.from <= rank && rank <= c.to)) continue;
    let from = rank;
    while (from > 0 && near(sorted[from - 1]!, sorted[from]!)) from--;
    let to = rank;
    while (to + 1 < sorted.length && near(sorted[to]!, sorted[to + 1]!)) to++;
    // a cluster that reaches the edge of a window of ordered keys may go on beyond it: order them all
    if (windows && windows.some(([a, b]) => a <= rank && rank <= b && ((from <= a && a > 0) || (to >= b && b < sorted.length - 1)))) return ranked(keys, exact, ranks, true);
    clusters.push({ from, to, members: [] });
  }
  // one pass over the draws gathers each cluster's values
  const bounds = clusters.map((c) => [sorted[c.from]!, sorted[c.to]!] as const);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    for (let c = 0; c < bounds.length; c++) if (key >= bounds[c]![0] && key <= bounds[c]![1]) clusters[c]!.members.push(exact(i));
  }
  const found = new Map<number, Decimal>();
  for (const cluster of clusters) {
    cluster.members.sort(compare);
    for (let r = cluster.from; r <= cluster.to; r++) found.set(r, cluster.members[r - cluster.from]!);
  }
  return found;
}

const OUTCOMES = [...COST_COMPONENTS, 'total'] as const;
type Outcome = (typeof OUTCOMES)[number];

/**
 * A run of draws, from draw `from` to `to` of the seeded sequence: for each component and the total,
 * every draw's amount and its key (a number within 1e-14 of it, to sort by), and how many draws passed the budget.
 */
export interface DrawSlice {
  readonly keys: Readonly<Record<Outcome, Float64Array>>;
  readonly values: Readonly<Record<Outcome, readonly Decimal[]>>;
  readonly over: number;
}

/** The costs of one part of an evaluation by component (a part's lines are one component or a few). */
type ComponentSums = Partial<Record<CostComponent, Decimal>>;
const sumsOfPart = new WeakMap<object, ComponentSums>();

function componentSums(part: Evaluation['parts'][number]): ComponentSums {
  const sums: ComponentSums = {};
  for (const item of part.items) {
    if (!item.amount) continue;
    const before = sums[item.group];
    sums[item.group] = before ? before.plus(item.amount) : item.amount;
  }
  return sums;
}

/** Draws `from` to `to` of the scenario's seeded sequence, priced with the same model as `estimate`. Pure. */
export function drawSlice(scenario: Scenario, list: PriceList, options: { seed: number; from: number; to: number; budget?: Decimal }): DrawSlice {
  const count = options.to - options.from;
  // the sequence as if every draw before `from` had been made: each draw takes one number per range, in a fixed order
  const random = seededRandom(options.seed, options.from * scenario.ranges.length);
  const keys = Object.fromEntries(OUTCOMES.map((o) => [o, new Float64Array(count)])) as Record<Outcome, Float64Array>;
  const values = Object.fromEntries(OUTCOMES.map((o) => [o, new Array<Decimal>(count)])) as Record<Outcome, Decimal[]>;
  let over = 0;
  const ranges = scenario.ranges;
  const drawn = ranges.map(() => 0);
  const setDrawn = fieldSetter(ranges.map((range) => range.path));
  for (let d = 0; d < count; d++) {
    for (let r = 0; r < ranges.length; r++) {
      const range = ranges[r]!;
      const u = random();
      const value = range.distribution === 'triangular' ? triangular(u, range.low, range.mode, range.high) : uniform(u, range.low, range.high);
      drawn[r] = range.integer ? Math.round(value) : value;
    }
    // overrides (commitment, a month's hours) are in the scenario already: every drawn field counts
    const result = evaluate(setDrawn(scenario, drawn), list);
    let total: Decimal | undefined;
    const byComponent: ComponentSums = {};
    for (const part of result.parts) {
      // a part no range touches is the same object draw after draw: summed once
      let sums = sumsOfPart.get(part);
      if (!sums) {
        sums = componentSums(part);
        if (part.rounding) sumsOfPart.set(part, sums);
      }
      for (const component in sums) {
        const amount = sums[component as CostComponent]!;
        const before = byComponent[component as CostComponent];
        byComponent[component as CostComponent] = before ? before.plus(amount) : amount;
      }
    }
    for (const component of COST_COMPONENTS) {
      const sum = byComponent[component] ?? ZERO;
      keys[component][d] = approximateNumber(sum);
      values[component][d] = sum;
      total = total ? total.plus(sum) : sum;
    }
    total ??= ZERO;
    keys.total[d] = approximateNumber(total);
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
  const ranks = [0.1, 0.5, 0.9].flatMap((q) => {
    const below = Math.floor((length - 1) * q);
    return [below, Math.min(length - 1, below + 1)];
  });
  const values = length ? ranked(keys, exact, ranks) : new Map<number, Decimal>();
  const at = (rank: number) => values.get(rank)!;
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
