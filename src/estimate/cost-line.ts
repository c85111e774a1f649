import type { Decimal } from '../model/money.js';

export type CostComponent = 'compute' | 'egress' | 'storage' | 'other';
export const COST_COMPONENTS: readonly CostComponent[] = ['compute', 'egress', 'storage', 'other'];

/** One line of the bill: what is charged, how much of it, at what price, and where the price came from. */
export interface CostLine {
  readonly component: CostComponent;
  readonly meterName: string;
  readonly productName: string;
  /** The tier, for tiered meters ("100 GB and up"). */
  readonly tier?: string;
  /** In the unit shown (the price list's unit: "1 Hour", "1 GB", "10K"). */
  readonly quantity: Decimal;
  readonly unit: string;
  /** null: the price list has no price for it (an unpriced line, with a warning). */
  readonly unitPrice: Decimal | null;
  readonly cost: Decimal | null;
  /** The price query that found the price, or why there is none. */
  readonly source: string;
}
