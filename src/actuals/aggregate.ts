import { Decimal, ZERO } from '../model/money.js';
import { UserInputError } from '../model/errors.js';
import { COST_COMPONENTS, type CostComponent } from '../pricing/cost-line.js';
import { unitSizeOf } from '../pricing/price-list.js';
import { isReadOperations, mapRow } from './component-map.js';
import type { BillingMonth } from './dates.js';
import type { RowOrigin, UsageRow } from './usage-row.js';

export interface ComponentActual {
  cost: Decimal;
  /** Hours (compute), GB (egress), GB-month (storage); zero for other. */
  quantity: Decimal;
  rows: number;
}

export interface UnmappedActual {
  readonly meterCategory: string;
  readonly meterName: string;
  cost: Decimal;
  rows: number;
}

export interface ActualTotals {
  readonly rowsRead: number;
  readonly rowsSelected: number;
  readonly rowsInMonth: number;
  readonly currency: string | null;
  readonly components: Readonly<Record<CostComponent, ComponentActual>>;
  readonly unmapped: readonly UnmappedActual[];
  /** Blob read operations of the storage account (content downloads), counted one by one. */
  readonly storageReadOperations: Decimal;
  /** The first and last usage day seen in all rows read, to say what the files cover. */
  readonly firstDay: string | null;
  readonly lastDay: string | null;
}

/**
 * Folds usage rows into per-component totals for one month and one CMG, one row at a time (the rows
 * are not kept: an export of any size takes constant memory). Mixed currencies are an error naming
 * the row.
 */
export function createAccumulator(month: BillingMonth, selected: (row: UsageRow) => boolean) {
  const components = Object.fromEntries(COST_COMPONENTS.map((c) => [c, { cost: ZERO, quantity: ZERO, rows: 0 }])) as Record<CostComponent, ComponentActual>;
  const unmapped = new Map<string, UnmappedActual>();
  let rowsRead = 0;
  let rowsInMonth = 0;
  let rowsSelected = 0;
  let currency: { code: string; origin: RowOrigin } | undefined;
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  let readOperations = ZERO;

  /** Counts a row read; whether it is in the month. */
  const count = (day: string): boolean => {
    rowsRead++;
    if (firstDay === null || day < firstDay) firstDay = day;
    if (lastDay === null || day > lastDay) lastDay = day;
    if (day < month.firstDay || day > month.lastDay) return false;
    rowsInMonth++;
    return true;
  };

  return {
    /** A row a reader already knows is not the CMG's (a pre-check on its text): counted as read, nothing more. */
    skip(): void {
      rowsRead++;
    },
    add(row: UsageRow): void {
      if (!count(row.date)) return;
      if (!selected(row)) return;
      rowsSelected++;
      if (!currency) currency = { code: row.currency, origin: row.origin };
      else if (row.currency !== currency.code) {
        throw new UserInputError(
          `${row.origin.file}:${row.origin.line}: mixed currencies: this row is in ${row.currency || '(none)'}, the first selected row (${currency.origin.file}:${currency.origin.line}) in ${currency.code}; give exports in one billing currency`,
        );
      }
      const mapped = mapRow(row);
      if (!mapped) {
        const key = `${row.meterCategory}\u0000${row.meterName}`;
        const entry = unmapped.get(key) ?? { meterCategory: row.meterCategory, meterName: row.meterName, cost: ZERO, rows: 0 };
        entry.cost = entry.cost.plus(row.cost);
        entry.rows++;
        unmapped.set(key, entry);
        return;
      }
      const c = components[mapped.component];
      c.cost = c.cost.plus(row.cost);
      c.rows++;
      if (mapped.countsQuantity) c.quantity = c.quantity.plus(row.quantity.times(unitSizeOf(row.unitOfMeasure)));
      if (isReadOperations(row)) readOperations = readOperations.plus(row.quantity.times(unitSizeOf(row.unitOfMeasure)));
    },
    result(): ActualTotals {
      return {
        rowsRead,
        rowsSelected,
        rowsInMonth,
        currency: currency?.code ?? null,
        components,
        unmapped: [...unmapped.values()].sort((a, b) => b.cost.comparedTo(a.cost) || a.meterCategory.localeCompare(b.meterCategory)),
        firstDay,
        lastDay,
        storageReadOperations: readOperations,
      };
    },
  };
}
