import { z } from 'zod';
import { DateTime, Duration as LuxonDuration } from 'luxon';
import { parseInstant } from '../time/parseInstant.js';

/** Lowercase ids: stable, readable in file paths, CLI flags and JSON keys. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'an id is lowercase letters, digits and dashes, e.g. "ru-strike-2026-02-03"' });

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

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
    ctx.addIssue({ code: 'custom', message: `"${s}" has no UTC offset; add one, e.g. ${s}+02:00 for Kyiv in winter` });
    return;
  }
  // the fast parser accepts the common forms; luxon judges (and explains) the rest
  if (!Number.isNaN(parseInstant(s))) return;
  const dt = DateTime.fromISO(s, { setZone: true });
  if (!dt.isValid) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a real date-time (${dt.invalidExplanation ?? dt.invalidReason})` });
  }
});

/** An ISO-8601 calendar date (no time), for dates an article states. */
export const CalendarDate = z.string().superRefine((s, ctx) => {
  const dt = DateTime.fromISO(s, { setZone: true });
  if (!/^\d{4}-\d{2}-\d{2}/.test(s) || !dt.isValid) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a real ISO-8601 date, e.g. 2026-02-03` });
  }
});

/** An ISO-8601 duration such as PT24H or P7D. */
export const IsoDuration = z.string().superRefine((s, ctx) => {
  const d = LuxonDuration.fromISO(s);
  if (!d.isValid) ctx.addIssue({ code: 'custom', message: `"${s}" is not an ISO-8601 duration; write e.g. PT24H or P7D` });
  else if (d.toMillis() < 0) ctx.addIssue({ code: 'custom', message: `"${s}" is negative; a duration here must be zero or more` });
});

/** An IANA time zone name that luxon (ICU) knows. */
export const TimeZone = z.string().superRefine((s, ctx) => {
  if (!DateTime.now().setZone(s).isValid) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a known IANA time zone; write e.g. Europe/Kyiv` });
  }
});

const NonNegInt = z.number().int({ message: 'a count is a whole number' }).min(0, { message: 'a count cannot be negative' });

/**
 * A count after UCDP's low/best/high convention: `low` is what the text guarantees ("more than 100"
 * is low 101), `high` is absent when the text sets no ceiling, `best` is the figure most sources give.
 */
export const Count = z
  .strictObject({ low: NonNegInt, best: NonNegInt.optional(), high: NonNegInt.optional() })
  .superRefine((c, ctx) => {
    if (c.best !== undefined && c.best < c.low) ctx.addIssue({ code: 'custom', path: ['best'], message: `best (${c.best}) is below low (${c.low})` });
    if (c.high !== undefined && c.high < c.low) ctx.addIssue({ code: 'custom', path: ['high'], message: `high (${c.high}) is below low (${c.low}); swap them or fix the figure` });
    if (c.high !== undefined && c.best !== undefined && c.best > c.high) ctx.addIssue({ code: 'custom', path: ['best'], message: `best (${c.best}) is above high (${c.high})` });
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
