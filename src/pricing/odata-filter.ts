/**
 * OData `$filter` text for the Retail Prices API, which supports `eq` joined by `and`
 * (https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices).
 */

/** A string literal: single-quoted, a quote inside doubled ('' per OData). */
export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function eq(field: string, value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(field)) throw new Error(`not a filter field name: ${field}`);
  return `${field} eq ${quote(value)}`;
}

export function and(...clauses: readonly string[]): string {
  return clauses.join(' and ');
}
