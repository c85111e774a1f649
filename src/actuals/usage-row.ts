import type { Decimal } from '../model/money.js';

/** Where a row came from, for messages: a file and line, or an API page. */
export interface RowOrigin {
  readonly file: string;
  readonly line: number;
}

/**
 * One row of actual consumption, whatever its source (EA, MCA or FOCUS export, or the Consumption
 * API), in the terms the model needs. Amounts stay Decimal.
 */
export interface UsageRow {
  /** The usage day, YYYY-MM-DD. */
  readonly date: string;
  readonly meterCategory: string;
  readonly meterSubCategory: string;
  readonly meterName: string;
  /** Quantity in the row's unit of measure (see unitOfMeasure: "10 Hours" means ten hours a unit). */
  readonly quantity: Decimal;
  readonly unitOfMeasure: string;
  readonly cost: Decimal;
  readonly currency: string;
  readonly resourceId: string;
  readonly resourceGroup: string;
  /** Raw tags as the source wrote them (JSON, or an export's brace-less "k": "v" list); parsed only when a tag selects. */
  readonly tags: string;
  readonly chargeType: string;
  readonly origin: RowOrigin;
}
