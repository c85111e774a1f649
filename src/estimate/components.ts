import { Decimal, ZERO, divideBy, exactInverse } from '../model/money.js';
import { RESERVATION_CHARGES, commitmentTerm, type Commitment } from '../pricing/commitments.js';
import { UserInputError } from '../model/errors.js';
import { MODERNIZATION_URL, vmSizeOf } from '../sizing/vm-sizes.js';
import type { PricingComponent } from '../pricing/cost-line.js';
import { blobQuery, blobReadQuery, egressQuery, keyVaultQuery, publicIpQuery, vmQuery, vmReservationQuery } from '../pricing/meters.js';
import type { Scenario } from '../scenario/scenario.js';
import type { Sizing } from '../sizing/capacity.js';
import type { VmSizeName } from '../sizing/vm-sizes.js';
import type { Traffic } from '../traffic/egress.js';

/** What the compute of a month is: the instances, their hours, and how they are paid for. */
export interface ComputeInput {
  readonly size: VmSizeName;
  readonly os: 'windows' | 'linux';
  readonly region: string;
  readonly currency: string;
  readonly instances: number;
  readonly hoursPerMonth: number;
  readonly commitment: Commitment;
}

/**
 * The compute components of a month under a commitment:
 * - payg: instance-hours at the size's rate for the OS.
 * - reservation: the term's price / months in the term, per instance; Windows software (not covered
 *   by a reservation) at the Windows rate minus the Linux rate, per hour.
 * - savings plan: instance-hours at the savingsPlan rate of the OS's own meter; when the Windows meter
 *   has none, the Linux meter's savings-plan rate plus the Windows software rate.
 */
export function computeComponents(input: ComputeInput): PricingComponent[] {
  const where = { region: input.region, currency: input.currency };
  const hours = new Decimal(input.instances).times(input.hoursPerMonth);
  const own = vmQuery(input.size, input.os, where);
  const osLabel = input.os === 'windows' ? 'Windows' : 'Linux';
  const vm = { component: 'compute', need: 'required', priceQuery: own } as const;
  if (input.commitment === 'payg') return [{ ...vm, name: `${osLabel} ${input.size} VM price`, rule: { kind: 'meter' }, quantity: hours }];

  const term = commitmentTerm(input.commitment);
  const linux = vmQuery(input.size, 'linux', where);
  // Windows software: billed pay-as-you-go on top of a reservation (and of a Linux savings-plan rate)
  const windowsSoftware: PricingComponent[] =
    input.os === 'windows'
      ? [
          {
            ...vm,
            name: 'Windows Server software (Windows rate minus Linux rate)',
            rule: { kind: 'difference', minus: linux, minusName: `Linux ${input.size} VM price (to separate the Windows software rate)` },
            quantity: hours,
          },
        ]
      : [];

  if (input.commitment.endsWith('reservation')) {
    const refused = reservationRefusal(input.size, input.commitment);
    if (refused) throw new UserInputError(refused);
    return [
      {
        ...vm,
        name: `${term} reservation price for ${input.size}`,
        priceQuery: vmReservationQuery(input.size, term, where),
        rule: { kind: 'reservation', term },
        quantity: new Decimal(input.instances),
        note: input.os === 'windows' ? `a reservation covers the VM's infrastructure; Windows software is billed pay-as-you-go on top (${RESERVATION_CHARGES})` : undefined,
      },
      ...windowsSoftware,
    ];
  }

  const linuxPlan: PricingComponent = { ...vm, name: `${term} savings-plan rate for ${input.size}`, priceQuery: linux, rule: { kind: 'savings-plan', term }, quantity: hours };
  if (input.os === 'linux') return [linuxPlan];
  return [
    {
      ...vm,
      name: `${term} savings-plan rate for ${input.size}`,
      rule: { kind: 'savings-plan', term },
      quantity: hours,
      otherwise: { components: [linuxPlan, ...windowsSoftware], note: 'the Windows meter has no savings-plan rate: the Linux rate plus Windows software at pay-as-you-go is used' },
    },
  ];
}

/** Why a reservation of the size can no longer be bought, or null when it can (Av2 and B-series v1 reservations ended). */
export function reservationRefusal(size: VmSizeName, commitment: Commitment): string | null {
  const r = vmSizeOf(size).retirement;
  if (!r || !commitment.endsWith('reservation')) return null;
  return `commitment ${commitment}: ${size} (${r.series}) reservations are no longer sold (3-year purchases ended ${r.reservationsEnded['3 Years']}, 1-year ${r.reservationsEnded['1 Year']}; the series retires ${r.retires}); use 1y-savings-plan or 3y-savings-plan, or another size. Source: ${MODERNIZATION_URL}`;
}

/** Internet egress: the CMG's GB on the meter's shared tiers, after other egress on the same meter. */
export function egressComponents(scenario: Scenario, traffic: Traffic): PricingComponent[] {
  return [
    {
      component: 'egress',
      name: 'internet egress (Standard Data Transfer Out) price',
      priceQuery: egressQuery({ region: scenario.region, currency: scenario.currency }),
      rule: { kind: 'meter' },
      quantity: traffic.egressGB,
      alreadyUsed: scenario.egress.otherGBPerMonth === 0 ? ZERO : new Decimal(scenario.egress.otherGBPerMonth),
      need: 'required',
    },
  ];
}

/** A client's read operations a month: its content MB from the account over the MB one read serves (the last one kept: sweeps and draws ask again). */
let lastReads: { readonly contentMB: Decimal; readonly mb: number; readonly reads: Decimal } | undefined;
function readsPerClient(contentMB: Decimal, mb: number): Decimal {
  if (lastReads?.contentMB !== contentMB || lastReads.mb !== mb) lastReads = { contentMB, mb, reads: overMbPerRead(contentMB, mb) };
  return lastReads.reads;
}

/** The last MB per read asked about, with its exact inverse when it has one (4 MB: 0.25). */
let lastDivisor: { readonly mb: number; readonly divisor: Decimal; readonly inverse: Decimal | null } | undefined;
function overMbPerRead(x: Decimal, mb: number): Decimal {
  if (lastDivisor?.mb !== mb) {
    const divisor = new Decimal(mb);
    lastDivisor = { mb, divisor, inverse: exactInverse(divisor) };
  }
  return divideBy(x, lastDivisor.divisor, lastDivisor.inverse);
}

/**
 * The read operations of content downloads from the CMG's storage account (what peers do not serve):
 * the content MB over the MB one read operation serves. Optional: unpriced when the list lacks the meter.
 */
export function readOperationComponents(scenario: Scenario, traffic: Traffic): PricingComponent[] {
  if (scenario.content.storedGB <= 0 || traffic.contentMBPerClientMonth.isZero()) return [];
  const tier = scenario.content.storageTier;
  return [
    {
      component: 'storage',
      name: `${tier === 'hot' ? 'Hot' : 'Cool'} blob read operations (content downloads)`,
      priceQuery: blobReadQuery(tier, { region: scenario.region, currency: scenario.currency }),
      rule: { kind: 'meter' },
      // the content MB the account serves (what peers do not), over the MB one read serves: an average, not whole operations
      quantity: readsPerClient(traffic.contentMBPerClientMonth, scenario.content.mbPerReadOperation).times(scenario.clients.total),
      need: 'optional',
    },
  ];
}

/** Content storage, when the CMG holds content: LRS blob capacity in the scenario's tier. */
export function storageComponents(scenario: Scenario): PricingComponent[] {
  if (scenario.content.storedGB <= 0) return [];
  const tier = scenario.content.storageTier;
  return [
    {
      component: 'storage',
      name: `${tier === 'hot' ? 'Hot' : 'Cool'} LRS blob storage price`,
      priceQuery: blobQuery(tier, { region: scenario.region, currency: scenario.currency }),
      rule: { kind: 'meter' },
      quantity: new Decimal(scenario.content.storedGB),
      need: 'required',
    },
  ];
}

/** The small items one set per CMG: a public IP all month (unless there is none) and Key Vault operations. Shown unpriced when the list lacks them. */
export function perGatewayComponents(scenario: Scenario, gatewayCount: number): PricingComponent[] {
  const where = { region: scenario.region, currency: scenario.currency };
  const gateways = new Decimal(gatewayCount);
  const components: PricingComponent[] = [];
  if (scenario.gateway.publicIp !== 'none') {
    components.push({
      component: 'other',
      name: 'public IP (Standard, static)',
      priceQuery: publicIpQuery(where),
      rule: { kind: 'meter' },
      quantity: gateways.times(scenario.hoursPerMonth),
      need: 'optional',
    });
  }
  components.push({
    component: 'other',
    name: 'Key Vault operations',
    priceQuery: keyVaultQuery(where),
    rule: { kind: 'meter' },
    quantity: gateways.times(scenario.other.keyVaultOperationsPerMonth),
    need: 'optional',
  });
  return components;
}

/** The compute of the scenario's month, from its sizing. */
export function scenarioCompute(scenario: Scenario, sizing: Sizing, commitment: Commitment = scenario.commitment): ComputeInput {
  return {
    size: scenario.gateway.vmSize,
    os: scenario.gateway.os,
    region: scenario.region,
    currency: scenario.currency,
    instances: sizing.instances,
    hoursPerMonth: scenario.hoursPerMonth,
    commitment,
  };
}

/**
 * Every component of the CMG's month, declared before any price is known, in the order the bill
 * shows them: compute under the scenario's commitment, internet egress, content storage, and the
 * public IP and Key Vault of each CMG.
 */
export function cmgComponents(scenario: Scenario, sizing: Sizing, traffic: Traffic): PricingComponent[] {
  return [
    ...computeComponents(scenarioCompute(scenario, sizing)),
    ...egressComponents(scenario, traffic),
    ...storageComponents(scenario),
    ...readOperationComponents(scenario, traffic),
    ...perGatewayComponents(scenario, sizing.gateways),
  ];
}
