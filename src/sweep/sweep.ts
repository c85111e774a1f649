import type { CostComponent } from '../pricing/cost-line.js';
import { COMMITMENTS } from '../pricing/commitments.js';
import { evaluate } from '../estimate/estimate.js';
import { reservationRefusal } from '../estimate/components.js';
import { shownCosts } from '../estimate/shown.js';
import { MissingPriceError } from '../model/errors.js';
import { Decimal, minorUnitDigits, quantityString, shownText } from '../model/money.js';
import type { PriceList } from '../pricing/price-list.js';
import { fieldSetter, type Scenario } from '../scenario/scenario.js';
import { VM_SIZES, VM_SIZE_NAMES, vmSizeOf } from '../sizing/vm-sizes.js';
import type { VarySpec } from './vary.js';

export interface SweepPoint {
  values: Record<string, number | string>;
  instances: number;
  gateways: number;
  connectionPoints: number;
  egressGB: string;
  costs: Record<CostComponent | 'total', string>;
}

export interface BreakEven {
  /** What would replace the scenario's choice: gateway.vmSize=... or commitment=... */
  alternative: string;
  /** The second field's value this line is for (two-field sweeps), else null. */
  at: number | string | null;
  /** The first value of the swept field from which the alternative costs less; null: never. */
  cheaperFrom: number | string | null;
  /** Whether it stays cheaper for every later value. */
  staysCheaper: boolean;
  /** The saving at the last point, as shown. */
  savingAtEnd: string;
}

/** `sweep --format json` (stable contract). */
export interface SweepResult {
  currency: string;
  scenario: string;
  fields: string[];
  points: SweepPoint[];
  breakEvens: BreakEven[];
  notes: string[];
}

/** Break-evens are looked for when this many extra estimates or fewer are needed. */
export const MAX_BREAK_EVEN_ESTIMATES = 200_000;

/** Every combination of the values, the first field varying fastest within each value of the second. */
function combinations(specs: readonly VarySpec[]): Record<string, number | string>[] {
  const [first, second] = specs;
  const outer = second ? second.values : [undefined];
  return outer.flatMap((o) => first!.values.map((v) => ({ [first!.path]: v, ...(second ? { [second.path]: o! } : {}) })));
}

/** The scenario at each point, only to be evaluated (its input is left as the base's): the swept fields, then an alternative's. */
function scenarioAt(specs: readonly VarySpec[], extra: Record<string, string> = {}): (base: Scenario, values: Record<string, number | string>) => Scenario {
  const paths = [...specs.map((s) => s.path), ...Object.keys(extra)];
  const set = fieldSetter(paths);
  const extraValues = Object.values(extra);
  const at: (string | number)[] = new Array<string | number>(paths.length);
  return (base, values) => {
    for (let i = 0; i < specs.length; i++) at[i] = values[specs[i]!.path]!;
    for (let i = 0; i < extraValues.length; i++) at[specs.length + i] = extraValues[i]!;
    return set(base, at);
  };
}

function totalOf(scenario: Scenario, list: PriceList): Decimal {
  return shownCosts(evaluate(scenario, list)).total;
}

/**
 * The estimate at every point of a one- or two-field sweep, and where a bigger VM size or a commitment
 * would cost less than the scenario's own choice (along the first field, for each value of the second).
 */
/** Alternatives the sweep compares against the scenario's own choice: bigger sizes and other commitments. */
export function sweepAlternatives(base: Scenario, specs: readonly VarySpec[]): Record<string, string>[] {
  const varied = new Set(specs.map((s) => s.path));
  const alternatives: Record<string, string>[] = [];
  if (!varied.has('gateway.vmSize')) {
    const own = vmSizeOf(base.gateway.vmSize);
    for (const size of VM_SIZE_NAMES) {
      const s = VM_SIZES[size];
      if (size !== own.name && s.role !== 'lab' && s.clientsPerInstance >= own.clientsPerInstance) alternatives.push({ 'gateway.vmSize': size });
    }
  }
  // a commitment that can no longer be bought for the size (Av2 and B-series v1 reservations) is no alternative
  if (!varied.has('commitment')) for (const c of COMMITMENTS) if (c !== base.commitment && !reservationRefusal(base.gateway.vmSize, c)) alternatives.push({ commitment: c });
  return alternatives;
}

/** What one slice of a sweep computes: its points, and each alternative's shown totals at the same points (null: not priced). */
export interface SweepSlice {
  readonly points: SweepPoint[];
  readonly alternativeTotals: (string[] | null)[];
}

/** A slice of the sweep's points, from index `from` to `to` (the first field varying fastest); pure. */
export function sweepSlice(base: Scenario, specs: readonly VarySpec[], list: PriceList, from: number, to: number, alternatives: readonly Record<string, string>[]): SweepSlice {
  const digits = minorUnitDigits(base.currency);
  const combos = combinations(specs).slice(from, to);
  // a shown amount that did not change from the last point is the same object: formatted once
  const column = () => {
    let last: Decimal | undefined;
    let text = '';
    return (amount: Decimal) => {
      if (amount !== last) {
        last = amount;
        text = shownText(amount, digits);
      }
      return text;
    };
  };
  const [compute, egress, storage, other, total] = [column(), column(), column(), column(), column()];
  const pointAt = scenarioAt(specs);
  const points = combos.map((values) => {
    const result = evaluate(pointAt(base, values), list);
    const shown = shownCosts(result);
    return {
      values,
      instances: result.sizing.instances,
      gateways: result.sizing.gateways,
      connectionPoints: result.sizing.connectionPoints,
      egressGB: quantityString(result.traffic.egressGB, 2),
      costs: { compute: compute(shown.groups.compute), egress: egress(shown.groups.egress), storage: storage(shown.groups.storage), other: other(shown.groups.other), total: total(shown.total) },
    };
  });
  const alternativeTotals = alternatives.map((alternative) => {
    try {
      const money = column();
      const alternativeAt = scenarioAt(specs, alternative);
      return combos.map((values) => money(totalOf(alternativeAt(base, values), list)));
    } catch (error) {
      if (error instanceof MissingPriceError) return null;
      throw error;
    }
  });
  return { points, alternativeTotals };
}

/** The number of points of a sweep. */
export function sweepSize(specs: readonly VarySpec[]): number {
  return specs.reduce((n, s) => n * s.values.length, 1);
}

/**
 * The estimate at every point of a one- or two-field sweep, and where a bigger VM size or a commitment
 * would cost less than the scenario's own choice (along the first field, for each value of the second).
 */
export function sweep(base: Scenario, specs: readonly VarySpec[], list: PriceList): SweepResult {
  const currency = base.currency;
  const digits = minorUnitDigits(currency);
  const count = sweepSize(specs);
  const notes: string[] = [];
  const first = specs[0]!;
  const candidates = sweepAlternatives(base, specs);
  let alternatives: Record<string, string>[] = [];
  if (!first.numeric) notes.push(`no break-even points: ${first.path} is not a number`);
  else if (count * candidates.length > MAX_BREAK_EVEN_ESTIMATES)
    notes.push(`no break-even points: ${count.toLocaleString('en')} points x ${candidates.length} alternatives is more than ${MAX_BREAK_EVEN_ESTIMATES.toLocaleString('en')} estimates`);
  else alternatives = candidates;

  const slices = [sweepSlice(base, specs, list, 0, count, alternatives)];
  const points = slices.flatMap((s) => s.points);
  const totals = alternatives.length ? points.map((p) => new Decimal(p.costs.total)) : [];
  const breakEvens: BreakEven[] = [];
  alternatives.forEach((alternative, a) => {
    const label = Object.entries(alternative)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    if (slices.some((s) => s.alternativeTotals[a] === null)) {
      notes.push(`${label}: not priced by the price file, so not compared`);
      return;
    }
    const altTotals = slices.flatMap((s) => s.alternativeTotals[a]!).map((t) => new Decimal(t));
    const groups = specs[1] ? specs[1].values : [null];
    groups.forEach((at, g) => {
      const offset = g * first.values.length;
      const idx = first.values.map((_, i) => offset + i);
      const cheaper = idx.map((i) => altTotals[i]!.lt(totals[i]!));
      const from = cheaper.indexOf(true);
      const last = idx[idx.length - 1]!;
      breakEvens.push({
        alternative: label,
        at,
        cheaperFrom: from < 0 ? null : first.values[from]!,
        staysCheaper: from >= 0 && cheaper.slice(from).every(Boolean),
        savingAtEnd: totals[last]!.minus(altTotals[last]!).toFixed(digits),
      });
    });
  });
  return { currency, scenario: base.name, fields: specs.map((s) => s.path), points, breakEvens, notes };
}
