import { parse } from 'csv-parse/sync';
import { Decimal, ZERO } from '../model/money.js';
import { UserInputError } from '../model/errors.js';

/**
 * The site's own measurement of CMG traffic: the ConfigMgr view v_CloudCostEstimatorData exported as
 * CSV (columns ID, LaptopCount, DesktopCount, ServerCount, clientCount, AvgMPMBPerMonthPerClient,
 * AvgContentMBPerMonthPerClient; one row per site). Several sites are averaged, weighted by clients.
 */
export interface SiteTelemetry {
  readonly sites: number;
  readonly clients: number;
  /** Management-point traffic per client per month, as measured (clients' real online hours). */
  readonly managementMBPerClientMonth: Decimal;
  /** Content through the CMG per client per month, as measured (after peers). */
  readonly contentMBPerClientMonth: Decimal;
}

const REQUIRED = ['clientcount', 'avgmpmbpermonthperclient', 'avgcontentmbpermonthperclient'];

export function parseSiteTelemetry(text: string, file: string): SiteTelemetry {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UserInputError(`${file}${line ? `:${line}` : ''}: not a well-formed CSV file (${(error as Error).message.replace(/ on line \d+\.?$/, '')})`);
  }
  if (!records.length) throw new UserInputError(`${file}: the site telemetry file is empty; export the view v_CloudCostEstimatorData with its header row`);
  const header = records[0]!.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new UserInputError(
      `${file}:1: not an export of v_CloudCostEstimatorData: no column ${missing.join(', ')} (expected ID, clientCount, AvgMPMBPerMonthPerClient, AvgContentMBPerMonthPerClient)`,
    );
  }
  const at = (name: string) => header.indexOf(name);
  let clients = ZERO;
  let management = ZERO;
  let content = ZERO;
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    const num = (column: string) => {
      const text = (record[at(column)] ?? '').trim();
      if (!/^\d+(\.\d+)?$/.test(text)) throw new UserInputError(`${file}:${line}: ${column}: "${text}" is not a number of 0 or more`);
      return new Decimal(text);
    };
    const n = num('clientcount');
    clients = clients.plus(n);
    management = management.plus(num('avgmpmbpermonthperclient').times(n));
    content = content.plus(num('avgcontentmbpermonthperclient').times(n));
  });
  if (clients.isZero()) throw new UserInputError(`${file}: no clients in the site telemetry (clientCount is 0 or there are no rows)`);
  return {
    sites: records.length - 1,
    clients: clients.toNumber(),
    managementMBPerClientMonth: management.dividedBy(clients),
    contentMBPerClientMonth: content.dividedBy(clients),
  };
}
