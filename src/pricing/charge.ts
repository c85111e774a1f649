import { Decimal, ZERO, divideBy, exactInverse } from '../model/money.js';
import { MissingPriceError } from '../model/errors.js';
import type { Warning } from '../model/warning.js';
import { TERM_MONTHS } from './commitments.js';
import { describeQuery, resolvePrice, unitSizeOf, type PriceList, type PriceQuery, type ResolvedPrice } from './price-list.js';
import { chargeTiers } from './tiers.js';
import type { CostLine, PricingComponent } from './cost-line.js';

/** The lines of a priced list of components, and what the reader should know about them. */
export interface PricedComponents {
  readonly lines: CostLine[];
  /** Notes of the components priced (and of fallbacks taken). */
  readonly notes: string[];
  /** Optional components the list has no price for: shown unpriced, left out of the total. */
  readonly unpriced: Warning[];
}

const ONE = new Decimal(1);

/**
 * How a price's unit turns base units into its own, per price: most units are one base unit ("1 Hour",
 * "1 GB"); "10K" is a multiplication by 0.0001 (exact, and faster than a division).
 */
const unitFactor = new WeakMap<ResolvedPrice, { readonly one: boolean; readonly inverse: Decimal | null }>();

function inUnits(quantity: Decimal, price: ResolvedPrice): Decimal {
  let factor = unitFactor.get(price);
  if (factor === undefined) {
    unitFactor.set(price, (factor = { one: price.unitSize.eq(ONE), inverse: exactInverse(price.unitSize) }));
  }
  if (factor.one) return quantity;
  return divideBy(quantity, price.unitSize, factor.inverse);
}

function missingPrice(list: PriceList, c: PricingComponent, query: PriceQuery, why = ''): MissingPriceError {
  const regions = [...new Set(list.items.filter((i) => i.serviceName === query.serviceName).map((i) => `${i.armRegionName}/${i.currencyCode}`))].sort();
  // which regions the file does price, when the one asked for is not among them
  const has = regions.includes(`${query.armRegionName}/${query.currencyCode}`)
    ? ''
    : regions.length
      ? `; it has ${query.serviceName} prices for ${regions.slice(0, 12).join(', ')}${regions.length > 12 ? ', ...' : ''}`
      : `; it has no ${query.serviceName} prices at all`;
  const hint = [why, c.hint].filter(Boolean).join('; ');
  const instead = c.rule.kind === 'meter' ? '' : ' or another commitment';
  return new MissingPriceError(
    `no ${c.name} in ${list.source} for region ${query.armRegionName}, currency ${query.currencyCode} (${describeQuery(query)})${hint ? `; ${hint}` : ''}${has}. Use a price file that covers it (--prices FILE, e.g. from \`cmg-planner pricing refresh\`)${instead}`,
  );
}

/**
 * The pricing phase: resolves each component's query in the price list (once per list and query) and
 * charges its quantity by its rule. Every line keeps the exact item, and tier, that priced it.
 * A missing required price is a MissingPriceError (exit 2) unless the component says what to use instead.
 */
export function priceComponents(components: readonly PricingComponent[], list: PriceList): PricedComponents {
  const result: PricedComponents = { lines: [], notes: [], unpriced: [] };
  for (const c of components) priceOne(c, list, result);
  return result;
}

/** A component whose price, or whose rule's rate, the list lacks: its fallback, an unpriced line, or the error. */
function fallBack(c: PricingComponent, found: boolean, why: string, list: PriceList, out: PricedComponents): void {
  if (c.otherwise) {
    out.notes.push(c.otherwise.note);
    for (const other of c.otherwise.components) priceOne(other, list, out);
    return;
  }
  if (c.need === 'required' || found) throw missingPrice(list, c, c.priceQuery, why);
  out.lines.push(unpricedLine(c, list));
  out.unpriced.push({ code: 'unpriced-item', message: `${c.name} is not priced: ${list.source} has no ${describeQuery(c.priceQuery)}; the total leaves it out` });
}

function provenanceOf(c: PricingComponent, list: PriceList, items: CostLine['provenance']['items']): CostLine['provenance'] {
  return { priceList: list.source, query: c.priceQuery, rule: c.rule, items };
}

function priceOne(c: PricingComponent, list: PriceList, out: PricedComponents): void {
  const price = resolvePrice(list, c.priceQuery);
  if (!price) return fallBack(c, false, '', list, out);
  const provenance = (items: CostLine['provenance']['items']) => provenanceOf(c, list, items);
  const rule = c.rule;
  switch (rule.kind) {
    case 'meter': {
      const charges = chargeTiers(price.tiers, inUnits(c.quantity, price), c.alreadyUsed && !c.alreadyUsed.isZero() ? inUnits(c.alreadyUsed, price) : ZERO);
      const tiered = price.tiers.length > 1;
      if (!charges.length) {
        const first = price.tiers[0]!;
        out.lines.push({ component: c.component, meterName: price.meterName, productName: price.productName, quantity: ZERO, unit: price.unitOfMeasure, unitPrice: first.unitPrice, cost: ZERO, provenance: provenance([first.item]) });
      }
      for (const charge of charges) {
        out.lines.push({
          component: c.component,
          meterName: price.meterName,
          productName: price.productName,
          tier: tiered ? { fromUnits: charge.fromUnits, toUnits: charge.toUnits, unit: price.unitOfMeasure } : undefined,
          quantity: charge.quantity,
          unit: price.unitOfMeasure,
          unitPrice: charge.unitPrice,
          cost: charge.cost,
          provenance: provenanceOf(c, list, [charge.tier.item]),
        });
      }
      break;
    }
    case 'savings-plan': {
      const plan = price.savingsPlan.find((sp) => sp.term === rule.term);
      if (!plan) return fallBack(c, true, `the meter has no savingsPlan entry for '${rule.term}' (savings-plan rates come with api-version 2023-01-01-preview)`, list, out);
      const quantity = inUnits(c.quantity, price);
      out.lines.push({ component: c.component, meterName: `${price.meterName} (${rule.term} savings plan)`, productName: price.productName, quantity, unit: price.unitOfMeasure, unitPrice: plan.unitPrice, cost: quantity.times(plan.unitPrice), provenance: provenance([price.tiers[0]!.item]) });
      break;
    }
    case 'reservation': {
      const months = TERM_MONTHS[rule.term];
      const perMonth = price.tiers[0]!.unitPrice.dividedBy(months);
      out.lines.push({ component: c.component, meterName: `${price.meterName} (${rule.term} reservation)`, productName: price.productName, quantity: c.quantity, unit: '1 Month', unitPrice: perMonth, cost: c.quantity.times(perMonth), provenance: provenance([price.tiers[0]!.item]) });
      break;
    }
    case 'difference': {
      const base = resolvePrice(list, rule.minus);
      if (!base) throw missingPrice(list, { ...c, name: rule.minusName }, rule.minus);
      const rate = Decimal.max(ZERO, price.tiers[0]!.unitPrice.minus(base.tiers[0]!.unitPrice));
      const quantity = inUnits(c.quantity, price);
      out.lines.push({ component: c.component, meterName: c.name, productName: price.productName, quantity, unit: price.unitOfMeasure, unitPrice: rate, cost: quantity.times(rate), provenance: provenance([price.tiers[0]!.item, base.tiers[0]!.item]) });
      break;
    }
  }
  if (c.note) out.notes.push(c.note);
}

function unpricedLine(c: PricingComponent, list: PriceList): CostLine {
  const q = c.priceQuery;
  const unit = q.unitOfMeasure ?? '1';
  return {
    component: c.component,
    meterName: q.meterName ?? c.name,
    productName: [q.productName ?? ''].flat()[0] ?? '',
    quantity: c.quantity.dividedBy(unitSizeOf(unit)),
    unit,
    unitPrice: null,
    cost: null,
    provenance: { priceList: list.source, query: q, rule: c.rule, items: [] },
  };
}
