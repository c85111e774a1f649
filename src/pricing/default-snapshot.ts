import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The price snapshot shipped in pricing/, used when no --prices file is given. */
export const DEFAULT_SNAPSHOT_NAME = 'azure-retail-prices.json';

/** Snapshots older than this draw a warning. */
export const STALE_PRICES_DAYS = 90;

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function defaultSnapshotPath(): string {
  return join(PACKAGE_ROOT, 'pricing', DEFAULT_SNAPSHOT_NAME);
}
