import type { Decimal } from '../model/money.js';
import type { PriceItem } from './price-item.js';
import type { PriceQuery } from './price-list.js';
import type { Term } from './commitments.js';

/** The parts of a CMG's bill, in the order reports show them. */
export type CostComponent = 'compute' | 'egress' | 'storage' | 'other';
export const COST_COMPONENTS: readonly CostComponent[] = ['compute', 'egress', 'storage', 'other'];

/** How a component's quantity is charged from the meter its query finds. */
export type PriceRule =
  /** The meter's consumption price, tier by tier (a flat meter has one tier). */
  | { readonly kind: 'meter' }
  /** The meter's savings-plan rate for the term (the item's savingsPlan[]), per unit. */
  | { readonly kind: 'savings-plan'; readonly term: Term }
  /** A reservation item: its retailPrice is the whole term; charged per instance-month. */
  | { readonly kind: 'reservation'; readonly term: Term }
  /** The meter's rate minus the rate of another meter, never below 0 (Windows software: Windows rate minus Linux rate). */
  | { readonly kind: 'difference'; readonly minus: PriceQuery; readonly minusName: string };

/**
 * One thing the CMG is billed for, declared before any price is known (infracost's cost component):
 * what it is, the price query in the Retail Prices API's own terms, the rule that turns the meter
 * into a rate, and the monthly quantity. The pricing phase resolves the query and charges it.
 */
export interface PricingComponent {
  readonly component: CostComponent;
  /** What is charged, for a reader ("Windows Standard_A2_v2 VM price"): named when its price is missing. */
  readonly name: string;
  readonly priceQuery: PriceQuery;
  readonly rule: PriceRule;
  /** In base units (hours, GB, GB-months, operations), or instances for a reservation (a month each). */
  readonly quantity: Decimal;
  /** Base units of the same meter used by something else (its tiers and free allowance are shared). */
  readonly alreadyUsed?: Decimal;
  /** required: a missing price stops the estimate (exit 2). optional: an unpriced line and a warning. */
  readonly need: 'required' | 'optional';
  /** When the price, or the rule's rate, is not in the list: these components price it instead, and the note says so. */
  readonly otherwise?: { readonly components: readonly PricingComponent[]; readonly note: string };
  /** Said in the warnings once the component is priced (what a reservation does not cover). */
  readonly note?: string;
  /** Added to a missing-price message: why it may be missing, what to do. */
  readonly hint?: string;
}

/** Where a line's price came from, as data: the price list, the query, the rule, and the exact items. */
export interface LineProvenance {
  /** The price file (or the shipped snapshot's name). */
  readonly priceList: string;
  readonly query: PriceQuery;
  readonly rule: PriceRule;
  /** The item of the tier that priced the line; for a difference, the item and the one subtracted. Empty when unpriced. */
  readonly items: readonly PriceItem[];
}

/** One line of the bill: what is charged, how much of it, at what price, and where the price came from. */
export interface CostLine {
  readonly component: CostComponent;
  readonly meterName: string;
  readonly productName: string;
  /** The tier, for a meter with several: where it starts and ends, in the meter's unit (no end: the last tier). */
  readonly tier?: { readonly fromUnits: Decimal; readonly toUnits?: Decimal; readonly unit: string };
  /** In the unit shown (the price list's unit: "1 Hour", "1 GB", "10K"; "1 Month" for a reservation). */
  readonly quantity: Decimal;
  readonly unit: string;
  /** null: the price list has no price for it (an unpriced line, with a warning). */
  readonly unitPrice: Decimal | null;
  readonly cost: Decimal | null;
  readonly provenance: LineProvenance;
}

/**
 * Whether a line is priced from cmg-planner's own estimate: an item behind its price is estimated, or
 * the savings-plan rate it uses is one of its item's estimated terms.
 */
export function isEstimatedLine(line: CostLine): boolean {
  const { rule, items } = line.provenance;
  return items.some(
    (item, i) => item._provenance?.kind === 'estimated' || (i === 0 && rule.kind === 'savings-plan' && (item._provenance?.estimatedTerms ?? []).includes(rule.term)),
  );
}

/**
 * The date of the oldest price data behind the lines (each item's asOf), when the items carry their
 * own provenance (the shipped snapshot); undefined when none does (a file from the API: its fetch date holds).
 */
export function oldestDataDate(lines: readonly CostLine[]): { readonly dated: boolean; readonly asOf: string | null } {
  let any = false;
  let oldest: string | null = null;
  for (const line of lines) {
    for (const item of line.provenance.items) {
      const p = item._provenance;
      if (!p) continue;
      any = true;
      if (p.asOf && (oldest === null || p.asOf < oldest)) oldest = p.asOf;
    }
  }
  return { dated: any, asOf: oldest };
}
