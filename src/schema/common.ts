import { z } from 'zod';
import { DateTime, Duration as LuxonDuration, Info } from 'luxon';
import { isKnownZone, knowZones } from './knownZones.js';
import { parseInstant } from './parseInstant.js';

/** Lowercase ids: stable, readable in file paths, CLI flags and JSON keys. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'an id is lowercase letters, digits and dashes, e.g. "ru-strike-2026-02-03"' });

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
/** an offset written without its colon (+0200), or as hours alone (+02) */
const BASIC_OFFSET = /[+-]\d{2}(\d{2})?$/;

/**
 * The dates the formats accept: years 1900 to 2200, offsets at most 14 hours from UTC (the furthest any
 * place on Earth keeps, Kiribati's +14:00). Outside them a typo (+99:00, 20026) would still parse and move
 * an event by days or centuries, and far enough out the arithmetic gives invalid dates.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;
export const MAX_OFFSET_MINUTES = 14 * 60;
const FIRST_MS = Date.UTC(FIRST_YEAR, 0, 1);
const END_MS = Date.UTC(LAST_YEAR + 1, 0, 1);
/** A duration may not be longer than the whole range of dates. */
export const MAX_DURATION_YEARS = LAST_YEAR - FIRST_YEAR;
const MAX_DURATION_MS = LuxonDuration.fromObject({ years: MAX_DURATION_YEARS }).toMillis();

/** Whether an instant's milliseconds fall in the years the formats accept. */
export function instantInRange(ms: number): boolean {
  return ms >= FIRST_MS && ms < END_MS;
}

/** Why an instant (already known to be a real ISO date-time with an offset) is out of range, if it is. */
export function instantRangeProblem(s: string, ms: number): string | undefined {
  const o = /([+-])(\d{2}):(\d{2})$/.exec(s);
  if (o && Number(o[2]) * 60 + Number(o[3]) > MAX_OFFSET_MINUTES) {
    return `"${s}" has the UTC offset ${o[0]}, beyond the ±14:00 that any place keeps; fix the offset (Kyiv is +02:00 in winter)`;
  }
  if (!instantInRange(ms)) return `"${s}" is outside the years ${FIRST_YEAR}-${LAST_YEAR} that truce accepts; fix the year`;
  return undefined;
}

/**
 * An ISO-8601 instant that carries its UTC offset. A bare local time is refused: the same wall-clock
 * time is a different instant in Kyiv (+02:00), Moscow (+03:00) and Washington (-05:00).
 */
export const Instant = z.string().superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not an ISO-8601 date-time; write e.g. 2026-02-03T00:00:00+02:00` });
    return;
  }
  if (!OFFSET.test(s)) {
    const basic = BASIC_OFFSET.exec(s);
    const fixed = basic ? `${s.slice(0, basic.index)}${basic[0].slice(0, 3)}:${basic[1] ?? '00'}` : `${s}+02:00`;
    ctx.addIssue({
      code: 'custom',
      message: basic
        ? `"${s}" writes its UTC offset as ${basic[0]}; write it with a colon, as ${fixed}`
        : `"${s}" has no UTC offset; add one, e.g. ${fixed} for Kyiv in winter`,
    });
    return;
  }
  // the fast parser accepts the common forms; luxon judges (and explains) the rest
  let ms = parseInstant(s);
  if (Number.isNaN(ms)) {
    const dt = DateTime.fromISO(s, { setZone: true });
    if (!dt.isValid) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a real date-time (${dt.invalidExplanation ?? dt.invalidReason})` });
      return;
    }
    ms = dt.toMillis();
  }
  const range = instantRangeProblem(s, ms);
  if (range !== undefined) ctx.addIssue({ code: 'custom', message: range });
});

/** An ISO-8601 calendar date (no time), for dates an article states. */
export const CalendarDate = z.string().superRefine((s, ctx) => {
  const dt = DateTime.fromISO(s, { setZone: true });
  if (!/^\d{4}-\d{2}-\d{2}/.test(s) || !dt.isValid) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a real ISO-8601 date, e.g. 2026-02-03` });
  } else if (dt.year < FIRST_YEAR || dt.year > LAST_YEAR) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is outside the years ${FIRST_YEAR}-${LAST_YEAR} that truce accepts; fix the year` });
  }
});

/** An ISO-8601 duration such as PT24H or P7D. */
export const IsoDuration = z.string().superRefine((s, ctx) => {
  const d = LuxonDuration.fromISO(s);
  if (!d.isValid) ctx.addIssue({ code: 'custom', message: `"${s}" is not an ISO-8601 duration; write e.g. PT24H or P7D` });
  else if (d.toMillis() < 0) ctx.addIssue({ code: 'custom', message: `"${s}" is negative; a duration here must be zero or more` });
  else if (!(d.toMillis() <= MAX_DURATION_MS)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${s}" is longer than ${MAX_DURATION_YEARS} years, the whole range of dates truce accepts (${FIRST_YEAR}-${LAST_YEAR}); write a shorter duration`,
    });
  }
});

/**
 * An IANA time zone name that luxon (ICU) knows, or a fixed offset (UTC+3). Never the machine's own zone
 * ("system", "local", "default"): a result must not depend on where it is computed.
 */
export const TimeZone = z.string().superRefine((s, ctx) => {
  if (isKnownZone(s)) return;
  const zone = Info.normalizeZone(s);
  if (zone === null || !zone.isValid) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a known IANA time zone; write e.g. Europe/Kyiv` });
  } else if (zone.type === 'system') {
    ctx.addIssue({
      code: 'custom',
      message: `"${s}" means the zone of whatever machine runs truce, so results would differ from machine to machine; name the zone, e.g. Europe/Kyiv`,
    });
  } else if (zone.isUniversal && Math.abs(zone.offset(0)) > MAX_OFFSET_MINUTES) {
    ctx.addIssue({
      code: 'custom',
      message: `"${s}" is more than 14 hours from UTC, beyond the offset any place keeps; name the zone, e.g. Europe/Kyiv`,
    });
  } else if (zone.type === 'iana') knowZones([s]);
});

const NonNegInt = z.number().int({ message: 'a count is a whole number' }).min(0, { message: 'a count cannot be negative' });

/**
 * A count after UCDP's low/best/high convention: `low` is what the text guarantees ("more than 100"
 * is low 101), `high` is absent when the text sets no ceiling, `best` is the figure most sources give.
 */
/** Whether a count's three figures are in order (what Count's refinement words a problem for when not). */
export function countInOrder(c: { low: number; best?: number | undefined; high?: number | undefined }): boolean {
  return (
    (c.best === undefined || c.best >= c.low) &&
    (c.high === undefined || c.high >= c.low) &&
    (c.high === undefined || c.best === undefined || c.best <= c.high)
  );
}

export const Count = z.strictObject({ low: NonNegInt, best: NonNegInt.optional(), high: NonNegInt.optional() }).superRefine((c, ctx) => {
  if (countInOrder(c)) return;
  if (c.best !== undefined && c.best < c.low)
    ctx.addIssue({ code: 'custom', path: ['best'], message: `best (${c.best}) is below low (${c.low})` });
  if (c.high !== undefined && c.high < c.low)
    ctx.addIssue({ code: 'custom', path: ['high'], message: `high (${c.high}) is below low (${c.low}); swap them or fix the figure` });
  if (c.high !== undefined && c.best !== undefined && c.best > c.high)
    ctx.addIssue({ code: 'custom', path: ['best'], message: `best (${c.best}) is above high (${c.high})` });
});

/** A citation: the article file, the 1-based line, and figures that line must contain. */
export const SourceRef = z.strictObject({
  file: z.string().min(1),
  line: z.number().int().min(1, { message: 'line numbers start at 1' }),
  figures: z.array(z.string().min(1)).optional(),
  says: z.string().optional(),
});

export type SourceRef = z.infer<typeof SourceRef>;
export type Count = z.infer<typeof Count>;
