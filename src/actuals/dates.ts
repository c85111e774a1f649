/** A usage date as YYYY-MM-DD from the forms exports use: MM/DD/YYYY, YYYY-MM-DD, ISO date-times. */
export function usageDay(value: string): string | undefined {
  const text = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return valid(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: [\d:]+(?: ?[AP]M)?)?$/i.exec(text);
  if (m) return valid(m[3]!, m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0'));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return valid(m[1]!, m[2]!, m[3]!);
  return undefined;
}

function valid(year: string, month: string, day: string): string | undefined {
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return `${year}-${month}-${day}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A billing month YYYY-MM: its first and last day and its hours. */
export interface BillingMonth {
  readonly month: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly days: number;
  readonly hours: number;
}

export function billingMonth(month: string): BillingMonth | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return undefined;
  const year = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12 || year < 2000 || year > 2100) return undefined;
  const days = daysInMonth(year, mo);
  return { month, firstDay: `${month}-01`, lastDay: `${month}-${String(days).padStart(2, '0')}`, days, hours: days * 24 };
}
