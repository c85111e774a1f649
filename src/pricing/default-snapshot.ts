import { join } from 'node:path';
import { PACKAGE_ROOT } from '../io/package-root.js';

/** The price snapshot shipped in pricing/, used when no --prices file is given. */
export const DEFAULT_SNAPSHOT_NAME = 'azure-retail-prices.json';

/** Snapshots older than this draw a warning. */
export const STALE_PRICES_DAYS = 90;

export function defaultSnapshotPath(): string {
  return join(PACKAGE_ROOT, 'pricing', DEFAULT_SNAPSHOT_NAME);
}
