import { describe, expect, it } from 'vitest';
import { Decimal, minorUnitDigits, moneyString, roundMoney, roundToSum, sum } from '../src/model/money.js';
import { chargeTiers } from '../src/pricing/tiers.js';
import type { PriceItem } from '../src/pricing/price-item.js';

const item = {} as PriceItem;

const d = (v: string | number) => new Decimal(v);

describe('money', () => {
  it('rounds half-up to the minor unit of the currency', () => {
    expect(roundMoney(d('0.125'), 'USD').toFixed(2)).toBe('0.13');
    expect(roundMoney(d('2.675'), 'USD').toFixed(2)).toBe('2.68'); // a float would give 2.67
    expect(moneyString(d('99.28'), 'USD')).toBe('99.28');
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(moneyString(d('1234.5'), 'JPY')).toBe('1235');
    expect(minorUnitDigits('EUR')).toBe(2);
  });

  it('never drifts like a float: 0.1 + 0.2 is 0.3', () => {
    expect(sum([d('0.1'), d('0.2')]).toString()).toBe('0.3');
  });

  it('shown lines add up to the shown total (largest remainder)', () => {
    const lines = [d('0.005'), d('0.005'), d('0.005')];
    const shown = roundToSum(lines, 'USD');
    expect(shown.map((v) => v.toFixed(2))).toEqual(['0.01', '0.01', '0.00']);
    expect(sum(shown).toFixed(2)).toBe(sum(lines).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
  });

  it('shown lines add up to the shown total for many random amounts', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 200; run++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 12) }, () => d(next() * 1000).toDecimalPlaces(6));
      const shown = roundToSum(lines, 'USD');
      expect(sum(shown).toFixed(2)).toBe(sum(lines).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
      shown.forEach((v, i) => expect(v.minus(lines[i]!).abs().lte('0.01')).toBe(true));
    }
  });
});

describe('chargeTiers', () => {
  const tiers = [
    { fromUnits: d(0), unitPrice: d(0), item },
    { fromUnits: d(100), unitPrice: d('0.087'), item },
    { fromUnits: d(10340), unitPrice: d('0.083'), item },
  ];
  it('charges the free tier first', () => {
    const c = chargeTiers(tiers, d(50));
    expect(c.map((x) => [x.quantity.toString(), x.cost.toString()])).toEqual([['50', '0']]);
  });
  it('splits a quantity over the tiers it crosses', () => {
    const c = chargeTiers(tiers, d(20000));
    expect(c.map((x) => x.quantity.toString())).toEqual(['100', '10240', '9660']);
    expect(sum(c.map((x) => x.cost)).toString()).toBe('1692.66'); // 10240 x 0.087 + 9660 x 0.083
  });
  it('charges only what comes on top of other egress on the same meter', () => {
    const c = chargeTiers(tiers, d(1000), d(10000));
    expect(c.map((x) => [x.quantity.toString(), x.unitPrice.toString()])).toEqual([
      ['340', '0.087'],
      ['660', '0.083'],
    ]);
  });
  it('charges nothing for nothing', () => {
    expect(chargeTiers(tiers, d(0))).toEqual([]);
  });
});
