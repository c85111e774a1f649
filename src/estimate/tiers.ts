import { Decimal, ZERO } from '../model/money.js';
import type { PriceTier } from '../pricing/price-list.js';

export interface TierCharge {
  /** Where the tier starts and ends, in the meter's units (to is undefined for the last tier). */
  readonly fromUnits: Decimal;
  readonly toUnits?: Decimal;
  /** The part of the quantity that falls in this tier. */
  readonly quantity: Decimal;
  readonly unitPrice: Decimal;
  readonly cost: Decimal;
}

/**
 * Charges `quantity` units that come on top of `alreadyUsed` units on the same tiered meter
 * (the tiers and the free allowance are shared): the result is what the quantity adds to the bill,
 * split by tier. Units below the first tier's start are charged at the first tier's price.
 */
export function chargeTiers(tiers: readonly PriceTier[], quantity: Decimal, alreadyUsed: Decimal = ZERO): TierCharge[] {
  const start = alreadyUsed;
  const end = alreadyUsed.plus(quantity);
  const charges: TierCharge[] = [];
  tiers.forEach((tier, i) => {
    const lo = i === 0 ? ZERO : tier.fromUnits;
    const next = tiers[i + 1]?.fromUnits;
    const overlapStart = Decimal.max(lo, start);
    const overlapEnd = next === undefined ? end : Decimal.min(next, end);
    if (overlapEnd.lte(overlapStart)) return;
    const inTier = overlapEnd.minus(overlapStart);
    charges.push({ fromUnits: tier.fromUnits, toUnits: next, quantity: inTier, unitPrice: tier.unitPrice, cost: inTier.times(tier.unitPrice) });
  });
  return charges;
}
