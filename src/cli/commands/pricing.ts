import { readPriceList as readPriceFile } from '../inputs.js';
import { diffPrices } from '../../pricing/price-diff.js';
import { summariseSnapshot } from '../../pricing/snapshot-summary.js';
import { renderPriceDiff, renderSnapshotSummary } from '../../report/pricing-report.js';
import type { ReportFormat } from '../../report/render.js';
import { UserInputError } from '../../model/errors.js';
import { emit, type CommandIO } from '../output.js';

/** `cmg-planner pricing show`: what a price file holds and how old it is. */
export async function runPricingShow(options: { prices?: string; format: ReportFormat; out?: string }, io: CommandIO): Promise<void> {
  if (options.format !== 'table' && options.format !== 'json') throw new UserInputError(`--format: pricing show writes table or json, not ${options.format}`);
  const summary = summariseSnapshot(await readPriceFile(options.prices), io.now());
  await emit(renderSnapshotSummary(summary, options.format), options.out, io, `${summary.itemCount} items`);
}

/** `cmg-planner pricing diff OLD NEW`: what changed, by meter, tier and term. */
export async function runPricingDiff(oldFile: string, newFile: string, options: { format: ReportFormat; out?: string }, io: CommandIO): Promise<void> {
  if (options.format === 'html') throw new UserInputError('--format: pricing diff writes table, md, csv or json, not html');
  const diff = diffPrices(await readPriceFile(oldFile), await readPriceFile(newFile));
  const { changed, added, removed } = diff.summary;
  await emit(renderPriceDiff(diff, options.format), options.out, io, `${changed} changed, ${added} added, ${removed} removed`);
}
