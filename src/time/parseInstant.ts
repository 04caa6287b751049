/**
 * A fast parser for the ISO-8601 instants the formats allow (date, `T`, hours and minutes, optional
 * seconds and fraction, then `Z` or an offset). Streams parse millions of them, and luxon's general
 * parser was most of a stream's time. Returns NaN for anything else (impossible dates included): the
 * callers then ask luxon, which decides.
 */
const RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseInstant(s: string): number {
  const m = RE.exec(s);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, sec, frac, z, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : DAYS[month - 1]!)) return Number.NaN;
  const hour = Number(h);
  const minute = Number(mi);
  const second = sec === undefined ? 0 : Number(sec);
  // 24:00 is left to luxon (which reads it as the next midnight)
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offset = 0;
  if (z !== 'Z') {
    const oH = Number(oh);
    const oM = Number(om);
    if (oH > 23 || oM > 59) return Number.NaN;
    offset = (sign === '-' ? -1 : 1) * (oH * 60 + oM);
  }
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
  // Date.UTC reads years 0-99 as 1900-1999
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime() - offset * 60_000;
}
