import { Decimal as DecimalBase } from 'decimal.js';

/**
 * The one Decimal used for every price, quantity that is billed, and cost.
 * 40 significant digits keep API prices such as 0.0000000072922557592391990000 exact;
 * rounding happens only where a figure is shown, half-up, to the currency's minor unit.
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Digits after the decimal point for a currency (USD 2, JPY 0), from the ICU data in Node. */
export function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function roundMoney(amount: Decimal, currency: string): Decimal {
  return amount.toDecimalPlaces(minorUnitDigits(currency), Decimal.ROUND_HALF_UP);
}

/** A shown amount: a fixed-point string in the currency's minor unit ("99.28", "1500"). */
export function moneyString(amount: Decimal, currency: string): string {
  return roundMoney(amount, currency).toFixed(minorUnitDigits(currency));
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(v), ZERO);
}

/**
 * Rounds each exact amount to the currency's minor unit so that the rounded amounts add up to the
 * rounded exact total (largest-remainder allocation). Shown lines then always add up to the shown total.
 */
export function roundToSum(exact: readonly Decimal[], currency: string): Decimal[] {
  const digits = minorUnitDigits(currency);
  const unit = new Decimal(1).dividedBy(new Decimal(10).pow(digits));
  const target = sum(exact).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const floored = exact.map((v) => v.toDecimalPlaces(digits, Decimal.ROUND_FLOOR));
  let remaining = target.minus(sum(floored)).dividedBy(unit).round().toNumber();
  const order = exact
    .map((v, index) => ({ index, remainder: v.minus(floored[index]!) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  const result = [...floored];
  // remaining is small (at most the number of lines) and never negative, as floors only lose value
  for (const { index } of order) {
    if (remaining <= 0) break;
    result[index] = result[index]!.plus(unit);
    remaining -= 1;
  }
  return result;
}
