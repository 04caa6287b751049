import { DateTime } from 'luxon';
import type { When } from '../schema/event.js';

type Precision = When['precision'];
import type { TimeRule } from '../schema/importFiles.js';

/** A calendar day as a dataset writes it: 2025-06-10 (also with a midnight time, as UCDP's CSVs have), or ACLED's older "10 June 2025". */
export function parseDay(text: string): { year: number; month: number; day: number } | undefined {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$/.exec(s);
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const dt = DateTime.fromFormat(s, 'd MMMM yyyy', { locale: 'en', zone: 'UTC' });
    if (!dt.isValid) return undefined;
    [y, m, d] = [dt.year, dt.month, dt.day];
  }
  // luxon refuses 30 February; a real day survives the round trip
  const check = DateTime.fromObject({ year: y, month: m, day: d }, { zone: 'UTC' });
  return check.isValid ? { year: y, month: m, day: d } : undefined;
}

export interface DayInterval {
  start: string;
  end: string;
  precision: Precision;
}

type Day = { year: number; month: number; day: number };

const iso = (dt: DateTime) => dt.toISO({ suppressMilliseconds: true }) ?? '';

/** ACLED: the day, the days around it or its whole month (by the time_precision rule), midnight to midnight in `zone`, end exclusive. */
export function aroundDay(day: Day, rule: TimeRule, zone: string): DayInterval {
  const d = DateTime.fromObject(day, { zone });
  if ('wholeMonth' in rule)
    return { start: iso(d.startOf('month')), end: iso(d.startOf('month').plus({ months: 1 })), precision: rule.precision };
  return { start: iso(d.minus({ days: rule.daysBefore })), end: iso(d.plus({ days: 1 + rule.daysAfter })), precision: rule.precision };
}

/** UCDP: from the first day's midnight to the midnight after the last day, in `zone`. */
export function betweenDays(first: Day, last: Day, precision: Precision, zone: string): DayInterval {
  return { start: iso(DateTime.fromObject(first, { zone })), end: iso(DateTime.fromObject(last, { zone }).plus({ days: 1 })), precision };
}

export const dayOrder = (a: Day, b: Day) => a.year - b.year || a.month - b.month || a.day - b.day;
