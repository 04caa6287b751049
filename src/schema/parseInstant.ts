/**
 * A fast parser for the ISO-8601 instants the formats allow (date, `T`, hours and minutes, optional
 * seconds and fraction, then `Z` or an offset). Streams parse millions of them, and luxon's general
 * parser was most of a stream's time. Returns NaN for anything else (impossible dates included): the
 * callers then ask luxon, which decides.
 */
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** n decimal digits at i, or -1 if any is not a digit (read by char code: no regex, no substrings). */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const d = s.charCodeAt(k) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Milliseconds of a fraction of 1 to 3 digits by its length: `.5` is 500, `.05` 50. Integer arithmetic gives
 * what Math.floor(Number(`0.${f}`) * 1000) gives for every one of the 1,110 fractions (tests/parseInstant
 * checks them all), with no string made and no table to build at start.
 */
const FRACTION_SCALE = [100, 10, 1] as const;

export function parseInstant(s: string): number {
  // YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|+HH:MM|-HH:MM)
  if (s.length < 17 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':') return Number.NaN;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return Number.NaN;
  let i = 16;
  let second = 0;
  /** the fraction's digits: read as a number when 1 to 3 of them, else kept as written */
  let fracLen = 0;
  let fracValue = 0;
  let frac: string | undefined;
  if (s[i] === ':') {
    second = digits(s, i + 1, 2);
    if (second < 0) return Number.NaN;
    i += 3;
    if (s[i] === '.') {
      let j = i + 1;
      while (j < s.length && j - i <= 9 && digits(s, j, 1) >= 0) j++;
      if (j === i + 1) return Number.NaN;
      fracLen = j - i - 1;
      if (fracLen <= 3) fracValue = digits(s, i + 1, fracLen);
      else frac = s.slice(i + 1, j);
      i = j;
    }
  }
  let offset = 0;
  if (s[i] === 'Z') {
    if (i + 1 !== s.length) return Number.NaN;
  } else if ((s[i] === '+' || s[i] === '-') && s.length === i + 6 && s[i + 3] === ':') {
    const oH = digits(s, i + 1, 2);
    const oM = digits(s, i + 4, 2);
    // beyond +/-14:00 no place keeps time: left to the callers' checks, which refuse it
    if (oH < 0 || oM < 0 || oM > 59 || oH * 60 + oM > 14 * 60) return Number.NaN;
    offset = (s[i] === '-' ? -1 : 1) * (oH * 60 + oM);
  } else {
    return Number.NaN;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : DAYS[month - 1]!)) return Number.NaN;
  // 24:00 is left to luxon (which reads it as the next midnight)
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const ms = fracLen === 0 ? 0 : frac === undefined ? fracValue * FRACTION_SCALE[fracLen - 1]! : Math.floor(Number(`0.${frac}`) * 1000);
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
  // Date.UTC reads years 0-99 as 1900-1999
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime() - offset * 60_000;
}
