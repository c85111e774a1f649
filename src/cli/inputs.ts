import { readInputText } from '../io/read-input.js';
import { parsePriceList } from '../pricing/snapshot.js';
import { defaultSnapshotPath, DEFAULT_SNAPSHOT_NAME } from '../pricing/default-snapshot.js';
import type { PriceList } from '../pricing/price-list.js';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/scenario.js';

/** The price file given with --prices, or the snapshot shipped in pricing/. */
export async function readPriceList(file: string | undefined): Promise<PriceList> {
  return parsePriceList(await readInputText(file ?? defaultSnapshotPath(), 'price file'), file ?? `pricing/${DEFAULT_SNAPSHOT_NAME}`);
}

export async function readScenario(file: string): Promise<Scenario> {
  return loadScenario(await readInputText(file, 'scenario file'), file);
}
