import { UserInputError } from '../model/errors.js';
import { fieldPath } from '../model/validation.js';

/**
 * An uncertain assumption: `{low, mode, high}` (triangular) or `{low, high}` (uniform) in place of a
 * number in the scenario file. A plain estimate uses the mode (the midpoint for a uniform range);
 * `estimate --range` draws from it.
 */
export interface AssumptionRange {
  readonly path: string;
  readonly low: number;
  readonly mode: number;
  readonly high: number;
  readonly distribution: 'triangular' | 'uniform';
  readonly integer: boolean;
}

/** The numeric fields that may be a range, and whether each is a whole number. */
export const RANGEABLE_FIELDS: Readonly<Record<string, { integer: boolean }>> = {
  hoursPerMonth: { integer: false },
  'clients.total': { integer: true },
  'clients.peakConcurrency': { integer: false },
  'clients.onlineHoursPerDay': { integer: false },
  'gateway.clientsPerInstance': { integer: true },
  'traffic.policyPollingMinutes': { integer: false },
  'traffic.managementMBPerClientMonth': { integer: false },
  'traffic.policyKBPerPoll': { integer: false },
  'traffic.notificationKBPerHour': { integer: false },
  'traffic.inventoryCycleDays': { integer: false },
  'traffic.inventoryKBPerCycle': { integer: false },
  'traffic.statusKBPerDay': { integer: false },
  'content.storedGB': { integer: false },
  'content.downloadMBPerClientMonth': { integer: false },
  'content.peerShare': { integer: false },
  'content.mbPerReadOperation': { integer: false },
  'egress.otherGBPerMonth': { integer: false },
  'other.keyVaultOperationsPerMonth': { integer: false },
};

const isRangeObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && ('low' in v || 'high' in v || 'mode' in v);

/** A copy of plain data with the value at `path` (dotted) replaced. */
export function setPath<T>(data: T, path: string, value: unknown): T {
  const keys = path.split('.');
  const copy = (node: unknown, i: number): unknown => {
    const base = node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : {};
    if (i === keys.length - 1) return { ...base, [keys[i]!]: value };
    return { ...base, [keys[i]!]: copy(base[keys[i]!], i + 1) };
  };
  return copy(data, 0) as T;
}

/**
 * Finds the ranges in scenario data, checks them, and replaces each by its mode (or midpoint), so
 * that the usual validation sees a number. `where` names a path's place (file:line) for messages.
 */
export function extractRanges(data: unknown, where: (path: readonly string[]) => string): { data: unknown; ranges: AssumptionRange[] } {
  const ranges: AssumptionRange[] = [];
  let out = data;
  const visit = (node: unknown, path: string[]) => {
    if (isRangeObject(node)) {
      const dotted = path.join('.');
      const spec = RANGEABLE_FIELDS[dotted];
      const at = `${where(path)}: ${fieldPath(path)}`;
      if (!spec) throw new UserInputError(`${at}: this field cannot be a range; ranges ({low, mode, high}) are for ${Object.keys(RANGEABLE_FIELDS).join(', ')}`);
      const extra = Object.keys(node).filter((k) => !['low', 'mode', 'high'].includes(k));
      if (extra.length) throw new UserInputError(`${at}: a range has low, mode and high, not "${extra.join('", "')}"`);
      for (const key of ['low', 'high', ...('mode' in node ? ['mode'] : [])]) {
        const v = node[key];
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new UserInputError(`${at}.${key}: expected a number, found ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
      }
      const low = node.low as number;
      const high = node.high as number;
      const mode = 'mode' in node ? (node.mode as number) : (low + high) / 2;
      if (!(low <= mode && mode <= high)) throw new UserInputError(`${at}: expected low <= mode <= high, found ${low}, ${mode}, ${high}`);
      ranges.push({ path: dotted, low, mode, high, distribution: 'mode' in node ? 'triangular' : 'uniform', integer: spec.integer });
      out = setPath(out, dotted, spec.integer ? Math.round(mode) : mode);
      return;
    }
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) visit(v, [...path, k]);
    }
  };
  visit(data, []);
  return { data: out, ranges };
}
