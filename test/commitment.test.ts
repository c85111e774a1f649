// Reservation and savings-plan figures worked out by hand from items like the API's own.
import { describe, expect, it } from 'vitest';
import { computeComponents } from '../src/estimate/components.js';
import { priceComponents } from '../src/pricing/charge.js';
import type { Commitment } from '../src/pricing/commitments.js';
import { COST_COMPONENTS } from '../src/pricing/cost-line.js';
import { estimate } from '../src/estimate/estimate.js';
import { buildEstimateReport } from '../src/report/estimate-report.js';
import { resolveScenario } from '../src/scenario/scenario.js';
import { Decimal, sum } from '../src/model/money.js';
import { egressItems, priceList, vmItem } from '../support/prices.js';

const size = 'Standard_D4ads_v6';
const product = 'Virtual Machines Dadsv6 Series';
const linux = vmItem(size, 0.228, {
  productName: product,
  savingsPlan: [
    { unitPrice: 0.16, retailPrice: 0.16, term: '1 Year' },
    { unitPrice: 0.114, retailPrice: 0.114, term: '3 Years' },
  ],
});
const windows = vmItem(size, 0.412, { productName: `${product} Windows` });
const reservation1y = vmItem(size, 25007.0, { productName: product, type: 'Reservation', reservationTerm: '1 Year' });
const reservation3y = vmItem(size, 45000.0, { productName: product, type: 'Reservation', reservationTerm: '3 Years' });
const list = priceList([
  linux,
  windows,
  reservation1y,
  reservation3y,
  ...egressItems([
    [0, 0],
    [100, 0.087],
  ]),
]);

const priceCompute = (input: Parameters<typeof computeComponents>[0], prices: typeof list) => {
  const priced = priceComponents(computeComponents(input), prices);
  const payg = priceComponents(computeComponents({ ...input, commitment: 'payg' }), prices);
  return { lines: priced.lines, notes: priced.notes, paygCost: sum(payg.lines.map((l) => l.cost!)) };
};
const compute = (commitment: Commitment, os: 'windows' | 'linux' = 'windows', prices = list) =>
  priceCompute({ size, os, region: 'eastus', currency: 'USD', instances: 2, hoursPerMonth: 730, commitment }, prices);

const lines = (c: ReturnType<typeof compute>) => c.lines.map((l) => [l.meterName, l.quantity.toString(), l.unitPrice!.toString(), l.cost!.toDecimalPlaces(6).toString()]);

describe('compute under a commitment', () => {
  it('pay-as-you-go: instance-hours at the Windows rate', () => {
    const c = compute('payg');
    expect(lines(c)).toEqual([['D4ads v6', '1460', '0.412', '601.52']]);
    expect(c.paygCost.toString()).toBe('601.52');
  });

  it('a 1-year reservation: the term price / 12 a month per instance, Windows software on top', () => {
    const c = compute('1y-reservation');
    // 25007 / 12 = 2083.916666... a month; 2 instances = 4167.833333...
    // Windows software: (0.412 - 0.228) x 1460 h = 268.64
    expect(lines(c)).toEqual([
      ['D4ads v6 (1 Year reservation)', '2', new Decimal(25007).dividedBy(12).toString(), '4167.833333'],
      ['Windows Server software (Windows rate minus Linux rate)', '1460', '0.184', '268.64'],
    ]);
    expect(c.paygCost.toString()).toBe('601.52');
  });

  it('a 3-year reservation: the term price / 36', () => {
    const c = compute('3y-reservation', 'linux');
    expect(lines(c)).toEqual([['D4ads v6 (3 Years reservation)', '2', '1250', '2500']]);
  });

  it('a savings plan: the Linux savingsPlan rate plus Windows software when the Windows meter has none', () => {
    const c = compute('1y-savings-plan');
    // 1460 x 0.16 = 233.60; + 268.64
    expect(lines(c)).toEqual([
      ['D4ads v6 (1 Year savings plan)', '1460', '0.16', '233.6'],
      ['Windows Server software (Windows rate minus Linux rate)', '1460', '0.184', '268.64'],
    ]);
  });

  it("a savings plan: the Windows meter's own rate when it has one", () => {
    const withOwn = priceList([linux, { ...windows, savingsPlan: [{ unitPrice: 0.3, retailPrice: 0.3, term: '3 Years' }] }]);
    expect(lines(compute('3y-savings-plan', 'windows', withOwn))).toEqual([['D4ads v6 (3 Years savings plan)', '1460', '0.3', '438']]);
  });

  it('Av2 and B-series v1 reservations are refused with the reason and the dates (no longer sold); a missing rate says what is missing', () => {
    const av2 = priceList([vmItem('Standard_A2_v2', 0.136), vmItem('Standard_A2_v2', 0.0903, { productName: 'Virtual Machines Av2 Series' })]);
    for (const size of ['Standard_A2_v2', 'Standard_A4_v2', 'Standard_B2s'] as const) {
      for (const commitment of ['1y-reservation', '3y-reservation'] as const) {
        expect(() => priceCompute({ size, os: 'windows', region: 'eastus', currency: 'USD', instances: 2, hoursPerMonth: 730, commitment }, av2)).toThrow(
          /reservations are no longer sold \(3-year purchases ended 2025-11-15, 1-year 2026-07-01; the series retires 2028-11-15\); use 1y-savings-plan or 3y-savings-plan, or another size\. Source: https:\/\/learn\.microsoft\.com\//,
        );
      }
    }
    expect(() =>
      priceCompute({ size: 'Standard_D4ads_v6', os: 'windows', region: 'eastus', currency: 'USD', instances: 2, hoursPerMonth: 730, commitment: '1y-reservation' }, priceList([windows, linux])),
    ).toThrow(/no 1 Year reservation price for Standard_D4ads_v6 in test-prices\.json for region eastus, currency USD/);
    expect(() => compute('3y-savings-plan', 'windows', priceList([windows, { ...linux, savingsPlan: [] }]))).toThrow(/no 3 Years savings-plan rate for Standard_D4ads_v6/);
  });
});

describe('the estimate shows the saving against pay-as-you-go', () => {
  it('in the JSON contract, with shown figures that agree', () => {
    const realistic = priceList([
      linux,
      windows,
      vmItem(size, 1198.37, { productName: product, type: 'Reservation', reservationTerm: '1 Year' }),
      ...egressItems([
        [0, 0],
        [100, 0.087],
      ]),
    ]);
    const scenario = resolveScenario({ name: 'r', region: 'eastus', clients: { total: 12000 }, gateway: { vmSize: size }, commitment: '1y-reservation' });
    const report = buildEstimateReport(estimate(scenario, realistic, { now: new Date('2026-11-23T00:00:00Z') }));
    // 1198.37 / 12 x 2 = 199.728333 + Windows software 268.64 = 468.368333 -> 468.37
    // pay-as-you-go 601.52; saving 133.15 = 22.1 %
    expect(report.costs.compute).toBe('468.37');
    expect(report.commitment).toEqual({ type: '1y-reservation', paygCompute: '601.52', compute: '468.37', saving: '133.15', savingPct: '22.1' });
    const shown = report.lines.filter((l) => l.component === 'compute').map((l) => new Decimal(l.cost!));
    expect(sum(shown).toFixed(2)).toBe(report.costs.compute);
  });
});
