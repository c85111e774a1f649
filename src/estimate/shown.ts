import { shownMoney, type ShownMoney } from '../model/money.js';
import { COST_COMPONENTS, type CostComponent } from '../pricing/cost-line.js';
import type { Evaluation } from './estimate.js';

/** The amounts an estimate shows: each line rounded so that the lines add up to the shown components and total. */
export function shownCosts(result: Evaluation): ShownMoney<CostComponent> {
  return shownMoney(result.parts, COST_COMPONENTS, result.scenario.currency);
}
