import { ZERO, compare, type Decimal } from '../model/money.js';
import type { PriceTier } from './price-list.js';

export interface TierCharge {
  /** The tier that prices this part (its item is the part's provenance). */
  readonly tier: PriceTier;
  /** Where the tier starts and ends, in the meter's units (to is undefined for the last tier). */
  readonly fromUnits: Decimal;
  readonly toUnits?: Decimal;
  /** The part of the quantity that falls in this tier. */
  readonly quantity: Decimal;
  readonly unitPrice: Decimal;
  readonly cost: Decimal;
}

/** A whole tier's quantity and cost, worked out once per tier. */
const wholeTiers = new WeakMap<PriceTier, { readonly quantity: Decimal; readonly cost: Decimal }>();
function wholeTier(tier: PriceTier, next: Decimal): { readonly quantity: Decimal; readonly cost: Decimal } {
  let whole = wholeTiers.get(tier);
  if (!whole) {
    const quantity = next.minus(tier.fromUnits);
    wholeTiers.set(tier, (whole = { quantity, cost: quantity.times(tier.unitPrice) }));
  }
  return whole;
}

/**
 * Charges `quantity` units that come on top of `alreadyUsed` units on the same tiered meter
 * (the tiers and the free allowance are shared): the result is what the quantity adds to the bill,
 * split by tier. Units below the first tier's start are charged at the first tier's price.
 * Tiers are sorted by their start (the price list's resolution sorts them).
 */
export function chargeTiers(tiers: readonly PriceTier[], quantity: Decimal, alreadyUsed: Decimal = ZERO): TierCharge[] {
  const fromZero = alreadyUsed.isZero();
  const start = alreadyUsed;
  const end = fromZero ? quantity : alreadyUsed.plus(quantity);
  const charges: TierCharge[] = [];
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i]!;
    const next = tiers[i + 1]?.fromUnits;
    // the part of [start, end) inside [tier start, next tier start); tier starts are 0 or more
    if (!fromZero && next !== undefined && compare(next, start) <= 0) continue;
    const lo = i === 0 || (!fromZero && compare(tier.fromUnits, start) < 0) ? start : tier.fromUnits;
    const hi = next === undefined || compare(end, next) < 0 ? end : next;
    if (compare(hi, lo) <= 0) break;
    if (hi === next && (lo === tier.fromUnits || (lo === start && fromZero && tier.fromUnits.isZero()))) {
      // the whole tier: the same quantity and cost every time
      const whole = wholeTier(tier, next);
      charges.push({ tier, fromUnits: tier.fromUnits, toUnits: next, quantity: whole.quantity, unitPrice: tier.unitPrice, cost: whole.cost });
      continue;
    }
    // from zero (the first tier of a quantity on its own): the part is the end itself
    const inTier = lo === start && fromZero ? hi : hi.minus(lo);
    charges.push({ tier, fromUnits: tier.fromUnits, toUnits: next, quantity: inTier, unitPrice: tier.unitPrice, cost: inTier.times(tier.unitPrice) });
  }
  return charges;
}
