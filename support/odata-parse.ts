/** Reads a filter made of eq and and back into field/value pairs (the loopback Retail Prices API answers by it). */
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
