import type { z } from 'zod';

/** A field path as people read it: clients.total, Items[3].retailPrice. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/**
 * One zod issue as one plain sentence: what is wrong and what was found.
 * Needs the issue's input (safeParse(data, { reportInput: true })).
 */
export function describeIssue(issue: z.core.$ZodIssue): { path: readonly PropertyKey[]; message: string } {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return { path: issue.path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}: check the spelling against the scenario format in the README` };
    }
    case 'invalid_type':
      if (input === undefined) return { path: issue.path, message: `is required: ${issue.message}` };
      return { path: issue.path, message: `${issue.message}, found ${describe(input)}` };
    case 'custom':
      return { path: issue.path, message: issue.message };
    default:
      return { path: issue.path, message: input === undefined ? issue.message : `${issue.message}, found ${describe(input)}` };
  }
}
