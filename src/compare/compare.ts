import { fixedString, minorUnitDigits, percentString, quantityString } from '../model/money.js';
import { UserInputError } from '../model/errors.js';
import type { Estimate } from '../estimate/estimate.js';
import { shownCosts } from '../estimate/shown.js';
import { COST_COMPONENTS, type CostComponent } from '../pricing/cost-line.js';

/** A year of months, for the annual row. */
export const MONTHS_PER_YEAR = 12;

/** Cost per client is shown to this many decimals (it is often a few cents). */
export const COST_PER_CLIENT_DIGITS = 4;

export interface ComparedScenario {
  name: string;
  file: string;
  region: string;
  vmSize: string;
  commitment: string;
  clients: number;
  sizing: { instances: number; gateways: number; connectionPoints: number };
  traffic: { egressGB: string };
  costs: Record<CostComponent | 'total', string>;
  /** A year of the month's total (x 12, from the shown total). */
  annualTotal: string;
  costPerClientMonth: string | null;
  deltaTotal: string;
  deltaPct: string | null;
  /** What `estimate` warns of for this scenario (sizing, retirement, prices), each once. */
  warnings: { code: string; message: string }[];
}

/** `compare --format json` (stable contract): the scenarios side by side, the first the baseline. */
export interface Comparison {
  currency: string;
  scenarios: ComparedScenario[];
}

/** The one currency of the scenarios; several are refused, naming the first that differs. */
export function oneCurrency(entries: readonly { file: string; currency: string }[]): string {
  const first = entries[0];
  if (!first) throw new UserInputError('compare: give at least one scenario file');
  const other = entries.find((e) => e.currency !== first.currency);
  if (other) {
    throw new UserInputError(`${other.file} is priced in ${other.currency}, ${first.file} in ${first.currency}: scenarios in different currencies cannot be compared; give them all one currency`);
  }
  return first.currency;
}

/**
 * Scenarios side by side, with the same figures `estimate` shows for each, the cost per client, and
 * the difference of each total against the first scenario's. Different currencies are refused.
 */
export function compareEstimates(entries: readonly { file: string; estimate: Estimate }[]): Comparison {
  const currency = oneCurrency(entries.map((e) => ({ file: e.file, currency: e.estimate.scenario.currency })));
  const digits = minorUnitDigits(currency);
  const shown = entries.map((e) => shownCosts(e.estimate));
  const base = shown[0]!.total;
  return {
    currency,
    scenarios: entries.map((e, i) => {
      const s = e.estimate;
      const costs = shown[i]!;
      const delta = costs.total.minus(base);
      return {
        name: s.scenario.name,
        file: e.file,
        region: s.scenario.region,
        vmSize: s.vmSize.name,
        commitment: s.scenario.commitment,
        clients: s.scenario.clients.total,
        sizing: { instances: s.sizing.instances, gateways: s.sizing.gateways, connectionPoints: s.sizing.connectionPoints },
        traffic: { egressGB: quantityString(s.traffic.egressGB, 2) },
        costs: {
          ...(Object.fromEntries(COST_COMPONENTS.map((c) => [c, costs.groups[c].toFixed(digits)])) as Record<CostComponent, string>),
          total: costs.total.toFixed(digits),
        },
        annualTotal: costs.total.times(MONTHS_PER_YEAR).toFixed(digits),
        costPerClientMonth: s.scenario.clients.total > 0 ? fixedString(costs.total.dividedBy(s.scenario.clients.total), COST_PER_CLIENT_DIGITS) : null,
        deltaTotal: delta.toFixed(digits),
        deltaPct: percentString(delta, base),
        warnings: s.warnings.map((w) => ({ code: w.code, message: w.message })),
      };
    }),
  };
}
