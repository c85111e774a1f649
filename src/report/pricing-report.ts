import { STALE_PRICES_DAYS } from '../pricing/default-snapshot.js';
import type { PriceDiff } from '../pricing/price-diff.js';
import type { SnapshotSummary } from '../pricing/snapshot-summary.js';
import { renderReport, type ReportFormat } from './render.js';

const listCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
const mark = (present: boolean) => (present ? 'yes' : '-');

/** `pricing show` in any format: JSON is the summary itself. */
export function renderSnapshotSummary(summary: SnapshotSummary, format: ReportFormat): string {
  const view = {
    staleDays: STALE_PRICES_DAYS,
    types: listCounts(summary.types),
    provenance: listCounts(summary.provenance),
    regionRows: summary.regions.map((r) => ({
      region: r.region,
      currency: r.currency,
      items: r.items,
      egress: r.egressTiers || '-',
      hot: mark(r.hotLRS),
      cool: mark(r.coolLRS),
      ip: mark(r.publicIp),
      kv: mark(r.keyVault),
    })),
    sizeRows: summary.regions.map((r) => ({
      region: r.region,
      currency: r.currency,
      ...Object.fromEntries(r.sizes.map((s) => [s.size, `${s.windows ?? '-'} / ${s.linux ?? '-'}${s.reservation1y ? ' R1' : ''}${s.reservation3y ? ' R3' : ''}${s.savingsPlan ? ' SP' : ''}`])),
    })),
  };
  return renderReport('pricing-show', format, summary, view);
}

/** `pricing diff` in any format: JSON is the diff itself. */
export function renderPriceDiff(diff: PriceDiff, format: ReportFormat): string {
  const view = {
    rows: diff.changes.map((c) => ({
      ...c,
      meter: `${c.productName} / ${c.meterName}`,
      type: c.term ? `${c.type} ${c.term}` : c.type,
      tier: c.tierMinimumUnits === '0' ? '' : c.tierMinimumUnits,
      change: c.changePct === null ? (c.status === 'changed' ? 'n/a' : '') : `${Number(c.changePct) > 0 ? '+' : ''}${c.changePct}`,
    })),
  };
  return renderReport('price-diff', format, diff, view);
}
