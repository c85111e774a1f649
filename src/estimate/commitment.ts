import { Decimal } from '../model/money.js';
import { MissingPriceError } from '../model/errors.js';
import { describeQuery, resolvePrice, type PriceList, type ResolvedPrice } from '../pricing/price-list.js';
import { vmQuery, vmReservationQuery } from '../pricing/meters.js';
import type { VmSizeName } from '../sizing/vm-sizes.js';
import type { CostLine } from './cost-line.js';

/** How the CMG's VMs are paid for. Egress and storage are always pay-as-you-go. */
export type Commitment = 'payg' | '1y-reservation' | '3y-reservation' | '1y-savings-plan' | '3y-savings-plan';
export const COMMITMENTS: readonly Commitment[] = ['payg', '1y-reservation', '3y-reservation', '1y-savings-plan', '3y-savings-plan'];

/** Months in a reservation term: a reservation item's retailPrice is the whole term. */
export const TERM_MONTHS = { '1 Year': 12, '3 Years': 36 } as const;
type Term = keyof typeof TERM_MONTHS;

const RESERVATION_CHARGES = 'https://learn.microsoft.com/azure/cost-management-billing/manage/understand-vm-reservation-charges';
const RESERVATION_EXCLUSIONS = 'https://learn.microsoft.com/azure/virtual-machines/prepay-reserved-vm-instances';

export function commitmentTerm(commitment: Exclude<Commitment, 'payg'>): Term {
  return commitment.startsWith('1y') ? '1 Year' : '3 Years';
}

export interface ComputePricing {
  readonly lines: CostLine[];
  /** What the same instance-hours cost pay-as-you-go: the baseline of the saving. */
  readonly paygCost: Decimal;
  readonly notes: string[];
}

export interface ComputeInput {
  readonly size: VmSizeName;
  readonly os: 'windows' | 'linux';
  readonly region: string;
  readonly currency: string;
  readonly instances: number;
  readonly hoursPerMonth: number;
  readonly commitment: Commitment;
}

type Source = (price: ResolvedPrice) => string;

/**
 * The compute lines of a month under a commitment, and the pay-as-you-go cost of the same hours.
 * - payg: instance-hours at the size's rate for the OS.
 * - reservation: the term's price / months in the term, per instance; Windows software (not covered
 *   by a reservation) at the Windows rate minus the Linux rate, per hour.
 * - savings plan: instance-hours at the savingsPlan rate of the OS's own meter; when the Windows meter
 *   has none, the Linux meter's savings-plan rate plus the Windows software rate.
 */
export function priceCompute(input: ComputeInput, list: PriceList, source: Source): ComputePricing {
  const where = { region: input.region, currency: input.currency };
  const hours = new Decimal(input.instances).times(input.hoursPerMonth);
  const osLabel = input.os === 'windows' ? 'Windows' : 'Linux';
  const missing = (query: ReturnType<typeof vmQuery>, what: string, hint = ''): never => {
    throw new MissingPriceError(`no ${what} in ${list.source} for region ${query.armRegionName}, currency ${query.currencyCode} (${describeQuery(query)})${hint}. Use a price file that has it (--prices FILE, e.g. from \`cmg-planner pricing refresh\`) or another commitment`);
  };
  const need = (query: ReturnType<typeof vmQuery>, what: string, hint = ''): ResolvedPrice => resolvePrice(list, query) ?? missing(query, what, hint);
  const payg = need(vmQuery(input.size, input.os, where), `${osLabel} ${input.size} VM price`);
  const paygRate = payg.tiers[0]!.unitPrice;
  const paygCost = hours.times(paygRate);
  const paygLine: CostLine = { component: 'compute', meterName: payg.meterName, productName: payg.productName, quantity: hours, unit: payg.unitOfMeasure, unitPrice: paygRate, cost: paygCost, source: source(payg) };
  if (input.commitment === 'payg') return { lines: [paygLine], paygCost, notes: [] };

  const term = commitmentTerm(input.commitment);
  // Windows software: billed pay-as-you-go on top of a reservation (and of a Linux savings-plan rate)
  const windowsSoftware = (): CostLine[] => {
    if (input.os !== 'windows') return [];
    const linux = need(vmQuery(input.size, 'linux', where), `Linux ${input.size} VM price (to separate the Windows software rate)`);
    const rate = Decimal.max(0, paygRate.minus(linux.tiers[0]!.unitPrice));
    return [
      {
        component: 'compute',
        meterName: 'Windows Server software (Windows rate minus Linux rate)',
        productName: payg.productName,
        quantity: hours,
        unit: '1 Hour',
        unitPrice: rate,
        cost: hours.times(rate),
        source: `${source(payg)}; minus ${source(linux)}`,
      },
    ];
  };

  if (input.commitment.endsWith('reservation')) {
    const hint = /_A\d+_v2$/.test(input.size)
      ? `; Av2 sizes are not offered as reservations (${RESERVATION_EXCLUSIONS}): try a savings plan or the size's ConfigMgr 2609 successor`
      : '';
    const reservation = need(vmReservationQuery(input.size, term, where), `${term} reservation price for ${input.size}`, hint);
    const months = TERM_MONTHS[term];
    const perMonth = reservation.tiers[0]!.unitPrice.dividedBy(months);
    const instanceMonths = new Decimal(input.instances);
    return {
      lines: [
        {
          component: 'compute',
          meterName: `${reservation.meterName} (${term} reservation)`,
          productName: reservation.productName,
          quantity: instanceMonths,
          unit: '1 Month',
          unitPrice: perMonth,
          cost: instanceMonths.times(perMonth),
          source: `${source(reservation)}: the term's price / ${months} months`,
        },
        ...windowsSoftware(),
      ],
      paygCost,
      notes: input.os === 'windows' ? [`a reservation covers the VM's infrastructure; Windows software is billed pay-as-you-go on top (${RESERVATION_CHARGES})`] : [],
    };
  }

  const own = payg.savingsPlan.find((sp) => sp.term === term);
  if (own) {
    return {
      lines: [{ ...paygLine, meterName: `${payg.meterName} (${term} savings plan)`, unitPrice: own.unitPrice, cost: hours.times(own.unitPrice), source: `${source(payg)}: savingsPlan '${term}'` }],
      paygCost,
      notes: [],
    };
  }
  const noPlan = `; the meter has no savingsPlan entry for '${term}' (savings-plan rates come with api-version 2023-01-01-preview)`;
  const linuxQuery = vmQuery(input.size, 'linux', where);
  const linux = input.os === 'linux' ? payg : need(linuxQuery, `Linux ${input.size} VM price`);
  const linuxPlan = linux.savingsPlan.find((sp) => sp.term === term) ?? missing(linuxQuery, `${term} savings-plan rate for ${input.size}`, noPlan);
  return {
    lines: [
      { component: 'compute', meterName: `${linux.meterName} (${term} savings plan)`, productName: linux.productName, quantity: hours, unit: linux.unitOfMeasure, unitPrice: linuxPlan.unitPrice, cost: hours.times(linuxPlan.unitPrice), source: `${source(linux)}: savingsPlan '${term}'` },
      ...windowsSoftware(),
    ],
    paygCost,
    notes: [`the Windows meter has no savings-plan rate: the Linux rate plus Windows software at pay-as-you-go is used`],
  };
}
