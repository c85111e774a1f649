import { Decimal } from '../model/money.js';

/**
 * Forecast variance bands (FinOps forecasting practice): within 12 % of the forecast is on target,
 * 12 to 20 % is to watch, over 20 % is off.
 */
export const VARIANCE_BANDS = {
  onTargetPct: 12,
  watchPct: 20,
  source: 'FinOps forecast variance bands: within 12 % on target, 12-20 % watch, over 20 % off (FinOps Foundation, Forecasting capability)',
} as const;

export type Verdict = 'on target' | 'watch' | 'off';

export interface Variance {
  readonly amount: Decimal;
  /** Of the forecast, in %; null when the forecast is zero and the actual is not. */
  readonly pct: Decimal | null;
  readonly verdict: Verdict;
}

/** Actual against forecast: the difference, its share of the forecast and the band it falls in. */
export function variance(forecast: Decimal, actual: Decimal): Variance {
  const amount = actual.minus(forecast);
  if (forecast.isZero()) {
    return amount.isZero() ? { amount, pct: new Decimal(0), verdict: 'on target' } : { amount, pct: null, verdict: 'off' };
  }
  const pct = amount.dividedBy(forecast.abs()).times(100);
  const size = pct.abs();
  const verdict: Verdict = size.lte(VARIANCE_BANDS.onTargetPct) ? 'on target' : size.lte(VARIANCE_BANDS.watchPct) ? 'watch' : 'off';
  return { amount, pct, verdict };
}
