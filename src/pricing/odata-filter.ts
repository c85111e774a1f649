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

/** Reads a filter made of eq and and back into field/value pairs (the loopback test server uses it). */
export function parseEqAnd(filter: string): { field: string; value: string }[] {
  const clauses: { field: string; value: string }[] = [];
  const pattern = /\s*([A-Za-z][A-Za-z0-9]*)\s+eq\s+'((?:[^']|'')*)'\s*(?:and\s+|$)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(filter))) {
    clauses.push({ field: match[1]!, value: match[2]!.replace(/''/g, "'") });
    consumed = pattern.lastIndex;
  }
  if (consumed !== filter.length) throw new Error(`not an eq/and filter: ${filter}`);
  return clauses;
}
