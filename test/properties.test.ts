// Properties of the two pieces of arithmetic every figure passes through, over generated inputs:
// roundToSum (shown lines add up to the shown total) and chargeTiers (tiered meters).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, approximateNumber, compare, minorUnitDigits, quantityString, roundToSum, shownText, sum } from '../src/model/money.js';
import { ranked } from '../src/range/monte-carlo.js';
import { chargeTiers } from '../src/pricing/tiers.js';
import type { PriceItem } from '../src/pricing/price-item.js';
import type { PriceTier } from '../src/pricing/price-list.js';

// bounded runs; a failure prints its seed and the shrunk case to replay
const RUNS = { numRuns: 200 };

/** A decimal with up to `places` digits after the point: an integer over a power of ten. */
const decimal = (min: number, max: number, places = 6) =>
  fc
    .tuple(fc.integer({ min: min * 10 ** places, max: max * 10 ** places }), fc.integer({ min: 0, max: places }))
    .map(([n, p]) => new Decimal(n).dividedBy(10 ** places).toDecimalPlaces(p, Decimal.ROUND_DOWN));

// 2 digits (USD), none (JPY), 3 (KWD): minorUnitDigits reads them from ICU
const currency = fc.constantFrom('USD', 'JPY', 'KWD');

describe('roundToSum', () => {
  const unitOf = (c: string) => new Decimal(1).dividedBy(10 ** minorUnitDigits(c));
  const amounts = fc.array(decimal(-100_000, 100_000), { minLength: 1, maxLength: 20 });

  it('knows the currencies it is tested with', () => {
    expect(['USD', 'JPY', 'KWD'].map(minorUnitDigits)).toEqual([2, 0, 3]);
  });

  it('the parts add up to the exact total rounded half-up', () => {
    fc.assert(
      fc.property(amounts, currency, (exact, c) => {
        const digits = minorUnitDigits(c);
        expect(sum(roundToSum(exact, c)).toFixed(digits)).toBe(sum(exact).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed(digits));
      }),
      RUNS,
    );
  });

  it('each part is whole minor units, less than one minor unit from its exact value', () => {
    fc.assert(
      fc.property(amounts, currency, (exact, c) => {
        const unit = unitOf(c);
        const parts = roundToSum(exact, c);
        expect(parts).toHaveLength(exact.length);
        parts.forEach((part, i) => {
          expect(part.decimalPlaces()).toBeLessThanOrEqual(minorUnitDigits(c));
          expect(part.minus(exact[i]!).abs().lt(unit)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('is deterministic, and gives the extra units by largest remainder, ties to the earlier line', () => {
    fc.assert(
      fc.property(amounts, currency, (exact, c) => {
        const digits = minorUnitDigits(c);
        const parts = roundToSum(exact, c);
        expect(roundToSum(exact, c).map(String)).toEqual(parts.map(String));
        const floor = (v: Decimal) => v.toDecimalPlaces(digits, Decimal.ROUND_FLOOR);
        const remainder = exact.map((v) => v.minus(floor(v)));
        const raised = parts.map((p, i) => p.gt(floor(exact[i]!)));
        for (let i = 0; i < exact.length; i++) {
          for (let j = 0; j < exact.length; j++) {
            // a line raised while another is not: its remainder is larger, or equal and it comes first
            if (raised[i] && !raised[j]) {
              const order = remainder[i]!.comparedTo(remainder[j]!);
              expect(order > 0 || (order === 0 && i < j)).toBe(true);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('equal amounts differ by at most one minor unit, the earlier ones taking the extra', () => {
    // e.g. 3 x 0.005 USD = 0.015 -> 0.02: 0.01, 0.01, 0.00
    fc.assert(
      fc.property(decimal(0, 1000), fc.integer({ min: 1, max: 12 }), currency, (amount, n, c) => {
        const parts = roundToSum(
          Array.from({ length: n }, () => amount),
          c,
        );
        for (let i = 1; i < n; i++) expect(parts[i - 1]!.gte(parts[i]!)).toBe(true);
        expect(parts[0]!.minus(parts[n - 1]!).lte(unitOf(c))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('chargeTiers', () => {
  /** Tiers as the API gives them: the first from 0, then rising boundaries; prices of 0 or more. */
  const tiers: fc.Arbitrary<PriceTier[]> = fc
    .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 200_000 }), { maxLength: 5 }), fc.array(decimal(0, 1, 4), { minLength: 6, maxLength: 6 }))
    .map(([bounds, prices]) => [0, ...bounds.sort((a, b) => a - b)].map((from, i) => ({ fromUnits: new Decimal(from), unitPrice: prices[i]!, item: { tierMinimumUnits: from } as PriceItem })));
  const quantity = decimal(0, 300_000, 3);
  const cost = (t: PriceTier[], q: Decimal, used?: Decimal) => sum(chargeTiers(t, q, used).map((c) => c.cost));

  it('charges every unit once: the parts add up to the quantity, each inside its tier, at its price', () => {
    fc.assert(
      fc.property(tiers, quantity, quantity, (t, q, used) => {
        const charges = chargeTiers(t, q, used);
        expect(sum(charges.map((c) => c.quantity)).toString()).toBe(q.toString());
        let at = used;
        for (const c of charges) {
          expect(c.quantity.gt(0)).toBe(true);
          // contiguous from alreadyUsed: the tier has started where the last part ended, and holds this part
          expect(c.fromUnits.lte(at)).toBe(true);
          if (c.toUnits) expect(at.plus(c.quantity).lte(c.toUnits)).toBe(true);
          expect(c.cost.eq(c.quantity.times(c.unitPrice))).toBe(true);
          at = at.plus(c.quantity);
        }
      }),
      RUNS,
    );
  });

  it('a quantity charged in two calls costs what it costs in one', () => {
    fc.assert(
      fc.property(tiers, quantity, quantity, quantity, (t, q1, q2, used) => {
        const split = cost(t, q1, used).plus(cost(t, q2, used.plus(q1)));
        expect(split.toString()).toBe(cost(t, q1.plus(q2), used).toString());
      }),
      RUNS,
    );
  });

  it('costs more, or the same, for more units', () => {
    fc.assert(
      fc.property(tiers, quantity, quantity, quantity, (t, a, b, used) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        expect(cost(t, low, used).lte(cost(t, high, used))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('approximateNumber and exact ranking (Monte Carlo percentiles)', () => {
  // values that crowd together: many equal, many a last digit apart, over a wide range of magnitudes
  const crowded = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 5 }), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 40 })).map(([near, big, places]) => {
      const base = new Decimal(big.toString()).dividedBy(new Decimal(10).pow(places));
      return near ? new Decimal('123.456789012345678901234567').plus(new Decimal(near).dividedBy(new Decimal(10).pow(30))) : base;
    }),
    { minLength: 1, maxLength: 300 },
  );

  it('reads a Decimal to within 1e-14 of its value', () => {
    fc.assert(
      fc.property(crowded, (values) => {
        for (const v of values) {
          const exact = v.toNumber();
          expect(Math.abs(approximateNumber(v) - exact)).toBeLessThanOrEqual(Math.abs(exact) * 1e-14);
        }
      }),
      RUNS,
    );
  });

  it('finds the values at a few ranks of many draws (selected, not sorted) as a full sort does', () => {
    // thousands of draws with few distinct values (a component no range touches) or all distinct
    const many = fc
      .tuple(fc.integer({ min: 1024, max: 3000 }), fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 0, max: 1_000_000 }))
      .map(([n, distinct, seed]) => Array.from({ length: n }, (_, i) => new Decimal(((i * 7919 + seed) % distinct) + 1).dividedBy(1000).plus(new Decimal(i % 3).dividedBy(new Decimal(10).pow(25)))));
    fc.assert(
      fc.property(many, (values) => {
        const keys = Float64Array.from(values.map(approximateNumber));
        const n = values.length;
        const ranks = [0.1, 0.5, 0.9].flatMap((q) => [Math.floor((n - 1) * q), Math.floor((n - 1) * q) + 1]);
        const found = ranked(keys, (i) => values[i]!, ranks);
        const sorted = [...values].sort((a, b) => a.comparedTo(b));
        for (const r of ranks) expect(found.get(r)!.eq(sorted[r]!)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });

  it('finds the values at every rank of the exact ascending order', () => {
    fc.assert(
      fc.property(crowded, (values) => {
        const keys = Float64Array.from(values.map(approximateNumber));
        const ranks = values.map((_, i) => i);
        const found = ranked(keys, (i) => values[i]!, ranks);
        const sorted = [...values].sort((a, b) => a.comparedTo(b));
        for (const r of ranks) expect(found.get(r)!.eq(sorted[r]!)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('quantityString', () => {
  it('is the quantity rounded half-up to its places, without trailing zeros', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 6 }), (n, p, places) => {
        const v = new Decimal(n.toString()).dividedBy(new Decimal(10).pow(p));
        expect(quantityString(v, places)).toBe(v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('compare', () => {
  it('orders Decimals as comparedTo does', () => {
    const value = fc.tuple(fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }), fc.integer({ min: -30, max: 30 })).map(([n, p]) => new Decimal(n.toString()).times(new Decimal(10).pow(p)));
    const special = fc.constantFrom(new Decimal(0), new Decimal(-0), new Decimal(Infinity), new Decimal(-Infinity), new Decimal(NaN));
    const any = fc.oneof(value, value, value, special);
    fc.assert(
      fc.property(any, any, (a, b) => {
        const expected = a.comparedTo(b);
        expect(Number.isNaN(expected) ? Number.isNaN(compare(a, b)) : compare(a, b) === expected).toBe(true);
        expect(compare(a, new Decimal(a))).toBe(a.isNaN() ? NaN : 0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('shownText', () => {
  it('is toFixed(digits) of any amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (n, p, digits) => {
        const v = new Decimal(n.toString()).dividedBy(new Decimal(10).pow(p));
        expect(shownText(v, digits)).toBe(v.toFixed(digits));
      }),
      { numRuns: 3000 },
    );
    expect(shownText(new Decimal(-0), 2)).toBe(new Decimal(-0).toFixed(2));
  });
});
