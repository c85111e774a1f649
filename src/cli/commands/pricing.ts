import { STALE_PRICES_DAYS } from '../../pricing/default-snapshot.js';
import { readPriceList as readPriceFile } from '../inputs.js';
import { diffPrices } from '../../pricing/price-diff.js';
import { summariseSnapshot } from '../../pricing/snapshot-summary.js';
import { renderReport, type ReportFormat } from '../../report/render.js';
import { UserInputError } from '../../model/errors.js';
import { emit, type CommandIO } from '../output.js';


const listCounts = (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ');
const mark = (present: boolean) => (present ? 'yes' : '-');

/** `cmg-planner pricing show`: what a price file holds and how old it is. */
export async function runPricingShow(options: { prices?: string; format: ReportFormat; out?: string }, io: CommandIO): Promise<void> {
  if (options.format !== 'table' && options.format !== 'json') throw new UserInputError(`--format: pricing show writes table or json, not ${options.format}`);
  const summary = summariseSnapshot(await readPriceFile(options.prices), io.now());
  const view = {
    staleDays: STALE_PRICES_DAYS,
    types: listCounts(summary.types),
    provenance: listCounts(summary.provenance),
    regionRows: summary.regions.map((r) => ({ region: r.region, currency: r.currency, items: r.items, egress: r.egressTiers || '-', hot: mark(r.hotLRS), cool: mark(r.coolLRS), ip: mark(r.publicIp), kv: mark(r.keyVault) })),
    sizeRows: summary.regions.map((r) => ({
      region: r.region,
      currency: r.currency,
      ...Object.fromEntries(
        r.sizes.map((s) => [
          s.size,
          `${s.windows ?? '-'} / ${s.linux ?? '-'}${s.reservation1y ? ' R1' : ''}${s.reservation3y ? ' R3' : ''}${s.savingsPlan ? ' SP' : ''}`,
        ]),
      ),
    })),
  };
  await emit(renderReport('pricing-show', options.format, summary, view), options.out, io, `${summary.itemCount} items`);
}

/** `cmg-planner pricing diff OLD NEW`: what changed, by meter, tier and term. */
export async function runPricingDiff(oldFile: string, newFile: string, options: { format: ReportFormat; out?: string }, io: CommandIO): Promise<void> {
  if (options.format === 'html') throw new UserInputError('--format: pricing diff writes table, md, csv or json, not html');
  const diff = diffPrices(await readPriceFile(oldFile), await readPriceFile(newFile));
  const view = {
    rows: diff.changes.map((c) => ({
      ...c,
      meter: `${c.productName} / ${c.meterName}`,
      type: c.term ? `${c.type} ${c.term}` : c.type,
      tier: c.tierMinimumUnits === '0' ? '' : c.tierMinimumUnits,
      change: c.changePct === null ? (c.status === 'changed' ? 'n/a' : '') : `${Number(c.changePct) > 0 ? '+' : ''}${c.changePct}`,
    })),
  };
  const { changed, added, removed } = diff.summary;
  await emit(renderReport('price-diff', options.format, diff, view), options.out, io, `${changed} changed, ${added} added, ${removed} removed`);
}
