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

export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Amounts prepared for roundToSum: each floored to the minor unit, and their sums. A part whose
 * amounts do not change (a sweep's compute lines) is prepared once and handed in again and again.
 */
export interface RoundingPart {
  readonly amounts: readonly Decimal[];
  readonly floors: readonly Decimal[];
  readonly exactSum: Decimal;
  readonly flooredSum: Decimal;
}

export function roundingPart(amounts: readonly Decimal[], currency: string): RoundingPart {
  const digits = minorUnitDigits(currency);
  const floors: Decimal[] = [];
  let exactSum = ZERO;
  let flooredSum = ZERO;
  for (const v of amounts) {
    const floor = v.toDecimalPlaces(digits, Decimal.ROUND_FLOOR);
    floors.push(floor);
    exactSum = exactSum.plus(v);
    flooredSum = flooredSum.plus(floor);
  }
  return { amounts, floors, exactSum, flooredSum };
}

const minorUnits = new Map<number, Decimal>();
function minorUnit(digits: number): Decimal {
  let unit = minorUnits.get(digits);
  if (!unit) minorUnits.set(digits, (unit = new Decimal(1).dividedBy(new Decimal(10).pow(digits))));
  return unit;
}

/**
 * Rounds each exact amount to the currency's minor unit so that the rounded amounts add up to the
 * rounded exact total (largest-remainder allocation, ties to the earlier amount). Shown lines then
 * always add up to the shown total. The amounts may come in prepared parts, in order.
 */
export function roundToSumParts(parts: readonly RoundingPart[], currency: string): Decimal[] {
  const digits = minorUnitDigits(currency);
  const unit = minorUnit(digits);
  let exactSum = ZERO;
  let flooredSum = ZERO;
  const result: Decimal[] = [];
  for (const part of parts) {
    exactSum = exactSum.plus(part.exactSum);
    flooredSum = flooredSum.plus(part.flooredSum);
    for (const floor of part.floors) result.push(floor);
  }
  // how many minor units the floors lost: small (at most the number of amounts) and never negative
  let remaining = exactSum.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).minus(flooredSum).dividedBy(unit).round().toNumber();
  if (remaining <= 0) return result;
  const exact = parts.flatMap((p) => p.amounts);
  const order = exact.map((v, index) => ({ index, remainder: v.minus(result[index]!) })).sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (const { index } of order) {
    if (remaining <= 0) break;
    result[index] = result[index]!.plus(unit);
    remaining -= 1;
  }
  return result;
}

export function roundToSum(exact: readonly Decimal[], currency: string): Decimal[] {
  return roundToSumParts([roundingPart(exact, currency)], currency);
}

/** A quantity as shown: at most `places` decimals (4 unless said), half-up, no exponent, no trailing zeros. */
export function quantityString(value: Decimal, places = 4): string {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed();
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
  /** The prepared rounding of the non-null amounts, when it was made before (see roundingPart). */
  readonly rounding?: RoundingPart;
}

/**
 * The one place shown money is made: rounds the amounts so that they add up to the rounded exact
 * total (roundToSum), and sums them by group.
 */
export function shownMoney<G extends string>(blocks: readonly GroupedAmounts<G>[], groups: readonly G[], currency: string): ShownMoney<G> {
  const parts = blocks.map((b) => b.rounding ?? roundingPart(pricedAmounts(b), currency));
  const rounded = roundToSumParts(parts, currency);
  const byGroup = {} as Record<G, Decimal>;
  for (const g of groups) byGroup[g] = ZERO;
  let next = 0;
  let total = ZERO;
  const shown: (Decimal | null)[] = [];
  for (const block of blocks) {
    for (const item of block.items) {
      if (item.amount === null) {
        shown.push(null);
        continue;
      }
      const value = rounded[next++]!;
      byGroup[item.group] = byGroup[item.group].plus(value);
      total = total.plus(value);
      shown.push(value);
    }
  }
  return { amounts: shown, groups: byGroup, total };
}

/** The amounts of a block that are priced, in order. */
export function pricedAmounts<G extends string>(block: GroupedAmounts<G>): Decimal[] {
  const amounts: Decimal[] = [];
  for (const item of block.items) if (item.amount !== null) amounts.push(item.amount);
  return amounts;
}
