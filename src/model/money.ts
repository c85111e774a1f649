import { Decimal as DecimalBase } from 'decimal.js';

/**
 * The one Decimal used for every price, billed quantity and cost, and the one home of shown money:
 * amounts stay exact from the price list to the report and are rounded only where they are shown,
 * half-up to the currency's minor unit, with shown lines that add up to the shown total.
 * 40 significant digits keep API prices such as 0.0000000072922557592391990000 exact.
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point for a currency (USD 2, JPY 0), from the ICU data in Node; looked up once per currency. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** An amount rounded half-up to the currency's minor unit. */
export function roundMoney(amount: Decimal, currency: string): Decimal {
  return amount.toDecimalPlaces(minorUnitDigits(currency), Decimal.ROUND_HALF_UP);
}

/** A shown amount: a fixed-point string in the currency's minor unit ("99.28", "1500"). */
export function moneyString(amount: Decimal, currency: string): string {
  return roundMoney(amount, currency).toFixed(minorUnitDigits(currency));
}

/** A share shown as a percentage to one decimal ("12.5"); null when the whole is zero. */
export function percentString(part: Decimal, whole: Decimal): string | null {
  return whole.isZero() ? null : part.dividedBy(whole).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}

/** A rate shown to a fixed number of decimals, half-up (cost per client). */
export function fixedString(value: Decimal, places: number): string {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
}

/**
 * A number within a relative 1e-14 of a Decimal, read from its digits: `toNumber()` is correctly
 * rounded but goes through a string. For counts and sort keys, never for money shown.
 */
export function approximateNumber(value: Decimal): number {
  const words = value.d;
  if (!words) return value.toNumber(); // NaN or an infinity
  const first = words[0]!;
  if (first === 0) return 0;
  const count = Math.min(words.length, 3);
  let digits = first;
  // decimal.js keeps digits in words of seven, the first word holding one to seven
  for (let i = 1; i < count; i++) digits = digits * 1e7 + words[i]!;
  const firstDigits = first < 1e3 ? (first < 10 ? 1 : first < 100 ? 2 : 3) : first < 1e5 ? (first < 1e4 ? 4 : 5) : first < 1e6 ? 6 : 7;
  const shift = value.e - (firstDigits + 7 * (count - 1) - 1);
  const magnitude = shift >= 0 ? digits * 10 ** shift : digits / 10 ** -shift;
  return value.s < 0 ? -magnitude : magnitude;
}

/**
 * a < b: -1, a = b: 0, a > b: 1; decimal.js's own comparison, without the copy of its argument that
 * `comparedTo` makes (a sweep compares several times a point).
 */
export function compare(a: Decimal, b: Decimal): number {
  if (a === b && a.d) return 0;
  const ad = a.d;
  const bd = b.d;
  const as = a.s;
  if (!ad || !bd) return a.comparedTo(b); // NaN or an infinity
  // a zero
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -b.s : 0;
  if (as !== b.s) return as;
  const positive = as > 0;
  if (a.e !== b.e) return a.e > b.e === positive ? 1 : -1;
  const n = Math.min(ad.length, bd.length);
  for (let i = 0; i < n; i++) if (ad[i] !== bd[i]) return ad[i]! > bd[i]! === positive ? 1 : -1;
  return ad.length === bd.length ? 0 : ad.length > bd.length === positive ? 1 : -1;
}

/**
 * 1 / divisor when it is exact and short (the divisor's digits, as an integer, have no prime factor but
 * 2 and 5: 1024, 4, 10K), else null. Multiplying by it gives what dividing gives, and is faster in decimal.js.
 */
export function exactInverse(divisor: Decimal): Decimal | null {
  if (divisor.isZero() || !divisor.isFinite()) return null;
  let digits = BigInt(divisor.abs().times(new Decimal(10).pow(divisor.decimalPlaces())).toFixed(0));
  while (digits % 2n === 0n) digits /= 2n;
  while (digits % 5n === 0n) digits /= 5n;
  const inverse = new Decimal(1).dividedBy(divisor);
  return digits === 1n && inverse.sd() <= 30 ? inverse : null;
}

/** x / divisor, through a divisor's exact inverse when it has one (see exactInverse). */
export function divideBy(x: Decimal, divisor: Decimal, inverse: Decimal | null): Decimal {
  return inverse ? x.times(inverse) : x.dividedBy(divisor);
}

export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Amounts prepared for rounding: each floored to the minor unit, and their sums. A part whose amounts
 * do not change (a sweep's compute lines) is prepared once and handed in again and again.
 */
export interface RoundingPart<G extends string = string> {
  readonly amounts: readonly Decimal[];
  /** The group of each amount (a line's component); one group when not given. */
  readonly groupOf: readonly G[];
  readonly floors: readonly Decimal[];
  /** Each amount less its floor, what the allocation ranks: made when prepared, else only when needed. */
  readonly remainders?: readonly Floored[];
  readonly exactSum: Decimal;
  readonly flooredSum: Decimal;
  /** The floors summed by group. */
  readonly flooredByGroup: ReadonlyMap<G, Decimal>;
  /** Made once to be shown again and again (its sums are reused). */
  readonly prepared: boolean;
}

/** An amount's floor to the minor unit, and (when asked for) what the floor left out, with a number to rank it by. */
interface Floored {
  readonly amount: Decimal;
  readonly digits: number;
  readonly floor: Decimal;
  remainder?: Decimal;
  remainderKey?: number;
}

/**
 * The amounts floored lately, by identity (a small ring): a sweep shows the same amount objects
 * (whole tiers, unchanged parts) point after point, and floors each once.
 */
const RECENT = 8;
const recent: (Floored | undefined)[] = new Array<Floored | undefined>(RECENT);
let nextRecent = 0;

function floored(amount: Decimal, digits: number): Floored {
  for (let i = 0; i < RECENT; i++) {
    const f = recent[i];
    if (f !== undefined && f.amount === amount && f.digits === digits) return f;
  }
  // a zero (a free tier) is its own floor
  const f: Floored = { amount, digits, floor: amount.isZero() ? amount : amount.toDecimalPlaces(digits, Decimal.ROUND_FLOOR) };
  recent[nextRecent] = f;
  nextRecent = (nextRecent + 1) % RECENT;
  return f;
}

function withRemainder(f: Floored): Floored {
  if (f.remainder === undefined) {
    f.remainder = f.floor === f.amount ? ZERO : f.amount.minus(f.floor);
    f.remainderKey = approximateNumber(f.remainder);
  }
  return f;
}

export function roundingPart<G extends string = string>(amounts: readonly Decimal[], currency: string, groupOf: readonly G[] = [], prepared = false): RoundingPart<G> {
  const digits = minorUnitDigits(currency);
  const floors: Decimal[] = [];
  const flooredByGroup = new Map<G, Decimal>();
  let exactSum = ZERO;
  let flooredSum = ZERO;
  const remainders: Floored[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const v = amounts[i]!;
    const f = floored(v, digits);
    if (prepared) remainders.push(withRemainder({ ...f }));
    const floor = f.floor;
    floors.push(floor);
    // a zero adds nothing: sums start from the first amount that is not zero
    const zero = floor === v && v.isZero();
    if (!zero) {
      exactSum = exactSum === ZERO ? v : exactSum.plus(v);
      flooredSum = flooredSum === ZERO ? floor : flooredSum.plus(floor);
    }
    const group = groupOf[i];
    if (group === undefined) continue;
    const before = flooredByGroup.get(group);
    if (!before) flooredByGroup.set(group, floor);
    else if (!zero) flooredByGroup.set(group, before === ZERO || before.isZero() ? floor : before.plus(floor));
  }
  return { amounts, groupOf, floors, remainders: prepared ? remainders : undefined, exactSum, flooredSum, flooredByGroup, prepared };
}

const minorUnits = new Map<number, Decimal>();
function minorUnit(digits: number): Decimal {
  let unit = minorUnits.get(digits);
  if (!unit) minorUnits.set(digits, (unit = new Decimal(1).dividedBy(new Decimal(10).pow(digits))));
  return unit;
}

/** The allocation: the rounded total, and which amounts (by index over all parts) get one minor unit more than their floor. */
interface Allocation {
  readonly total: Decimal;
  readonly raised: readonly number[];
}

/** The sums of the parts that were prepared before, as of the last call: a sweep shows the same ones again and again. */
let lastPrepared: { readonly parts: readonly RoundingPart[]; readonly exactSum: Decimal; readonly flooredSum: Decimal } | undefined;

/** The exact and floored sums over all parts; the prepared parts' share is reused while they stay the same. */
function sums(parts: readonly RoundingPart[]): { exactSum: Decimal; flooredSum: Decimal } {
  const prepared = parts.filter((p) => p.prepared);
  const last = lastPrepared;
  let base: { exactSum: Decimal; flooredSum: Decimal };
  if (last && last.parts.length === prepared.length && last.parts.every((p, i) => p === prepared[i])) base = last;
  else {
    base = { exactSum: ZERO, flooredSum: ZERO };
    for (const p of prepared) base = { exactSum: base.exactSum.plus(p.exactSum), flooredSum: base.flooredSum.plus(p.flooredSum) };
    lastPrepared = { parts: prepared, ...base };
  }
  let { exactSum, flooredSum } = base;
  for (const p of parts) {
    if (p.prepared) continue;
    exactSum = exactSum.plus(p.exactSum);
    flooredSum = flooredSum.plus(p.flooredSum);
  }
  return { exactSum, flooredSum };
}

/**
 * Largest-remainder allocation over prepared parts: the rounded amounts add up to the exact total
 * rounded half-up; the minor units the floors lost go to the largest remainders, ties to the earlier amount.
 */
function allocate(parts: readonly RoundingPart[], digits: number): Allocation {
  const { exactSum, flooredSum } = sums(parts);
  const total = exactSum.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  // how many minor units the floors lost: small (at most the number of amounts) and never negative
  const remaining = Math.round(approximateNumber(total.minus(flooredSum)) * 10 ** digits);
  const raised: number[] = [];
  if (remaining <= 0) return { total, raised };
  const remainders: Floored[] = [];
  for (const part of parts) {
    if (part.remainders) for (const r of part.remainders) remainders.push(r);
    else for (const v of part.amounts) remainders.push(withRemainder(floored(v, digits)));
  }
  // the `remaining` largest remainders, the earlier first among equals (remaining is small: pick, do not sort);
  // remainders are ranked by their keys, and by their Decimals where the keys are too close to tell apart
  const larger = (a: Floored, b: Floored): boolean => {
    const ka = a.remainderKey!;
    const kb = b.remainderKey!;
    if (Math.abs(ka - kb) > 1e-12 * Math.max(Math.abs(ka), Math.abs(kb))) return ka > kb;
    return compare(a.remainder!, b.remainder!) > 0;
  };
  for (let k = 0; k < remaining; k++) {
    let best = -1;
    for (let i = 0; i < remainders.length; i++) {
      if (raised.includes(i)) continue;
      if (best < 0 || larger(remainders[i]!, remainders[best]!)) best = i;
    }
    if (best < 0) break;
    raised.push(best);
  }
  return { total, raised };
}

/**
 * Rounds each exact amount to the currency's minor unit so that the rounded amounts add up to the
 * rounded exact total (largest-remainder allocation, ties to the earlier amount). Shown lines then
 * always add up to the shown total.
 */
export function roundToSum(exact: readonly Decimal[], currency: string): Decimal[] {
  const digits = minorUnitDigits(currency);
  const part = roundingPart(exact, currency);
  const { raised } = allocate([part], digits);
  const unit = minorUnit(digits);
  return part.floors.map((floor, i) => (raised.includes(i) ? floor.plus(unit) : floor));
}

/**
 * A shown amount as text with the currency's `digits` decimals ("99.28", "1500"): what `toFixed(digits)`
 * gives, without its rounding pass when the amount is whole minor units already (shown amounts are).
 */
export function shownText(amount: Decimal, digits: number): string {
  const text = amount.toFixed();
  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  if (decimals > digits) return amount.toFixed(digits);
  if (decimals === digits) return text;
  return `${dot < 0 ? `${text}.` : text}${'0'.repeat(digits - decimals)}`;
}

/** A quantity as shown: at most `places` decimals (4 unless said), half-up, no exponent, no trailing zeros. */
export function quantityString(value: Decimal, places = 4): string {
  // one rounding to a fixed string, then its trailing zeros dropped ("12.50" -> "12.5", "-0.00" -> "0")
  let text = value.toFixed(places, Decimal.ROUND_HALF_UP);
  if (places > 0) {
    let end = text.length;
    while (text.charCodeAt(end - 1) === 48) end--;
    if (text.charCodeAt(end - 1) === 46) end--;
    text = text.slice(0, end);
  }
  return text === '-0' ? '0' : text;
}

/** Amounts as shown: each half-up to the minor unit, the parts adding up to each group and the groups to the total. */
export interface ShownMoney<G extends string> {
  /** Each amount as shown, in the order given; null where the amount is null (unpriced). */
  readonly amounts: (Decimal | null)[];
  readonly groups: Record<G, Decimal>;
  readonly total: Decimal;
}

/** Amounts that belong to groups (a line's component); null: unpriced, left out. */
export interface GroupedAmounts<G extends string> {
  readonly items: readonly { readonly group: G; readonly amount: Decimal | null }[];
  /** The prepared rounding of the non-null amounts, when it was made before (see groupedRounding). */
  readonly rounding?: RoundingPart<G>;
}

/** A block's rounding, prepared: made once for a block that is shown again and again. */
export function groupedRounding<G extends string>(block: GroupedAmounts<G>, currency: string, prepared = true): RoundingPart<G> {
  const amounts: Decimal[] = [];
  const groupOf: G[] = [];
  for (const item of block.items) {
    if (item.amount === null) continue;
    amounts.push(item.amount);
    groupOf.push(item.group);
  }
  return roundingPart(amounts, currency, groupOf, prepared);
}

/**
 * The one place shown money is made: rounds the amounts so that they add up to the rounded exact
 * total (the allocation of roundToSum), and sums them by group. A group's shown sum is its floors'
 * sum plus the minor units the allocation raised in it, so unchanged blocks cost nothing to show again.
 */
export function shownMoney<G extends string>(blocks: readonly GroupedAmounts<G>[], groups: readonly G[], currency: string): ShownMoney<G> {
  const digits = minorUnitDigits(currency);
  const parts = blocks.map((b) => b.rounding ?? groupedRounding(b, currency, false));
  const { total, raised } = allocate(parts, digits);
  const byGroup = {} as Record<G, Decimal>;
  for (const g of groups) byGroup[g] = ZERO;
  for (const part of parts) {
    part.flooredByGroup.forEach((floors, group) => {
      const before = byGroup[group];
      byGroup[group] = before === ZERO ? floors : before.plus(floors);
    });
  }
  const unit = minorUnit(digits);
  const shown: (Decimal | null)[] = [];
  let index = 0;
  for (let b = 0; b < blocks.length; b++) {
    const part = parts[b]!;
    let i = 0;
    for (const item of blocks[b]!.items) {
      if (item.amount === null) {
        shown.push(null);
        continue;
      }
      const floor = part.floors[i++]!;
      if (raised.length && raised.includes(index)) {
        shown.push(floor.plus(unit));
        byGroup[item.group] = byGroup[item.group].plus(unit);
      } else shown.push(floor);
      index++;
    }
  }
  return { amounts: shown, groups: byGroup, total };
}
