import { z } from 'zod';
import { CalendarDate, Id, Instant } from './common.js';

/** A line of the article, with what it shows in our own words. */
const LineNote = z.strictObject({ line: z.number().int().min(1), note: z.string().min(1) });

/** One article: what it says its date is, and what dates its content actually describes. */
export const Source = z.strictObject({
  id: Id,
  file: z.string().regex(/^[\w.-]+\.txt$/, { message: 'an article file is a bare file name such as 000_5b12a92830bbfdb1.txt' }),
  outlet: z.string().nullable(),
  outletEvidence: z.string().optional(),
  headline: z.strictObject({ line: z.number().int().min(1), gist: z.string().min(1) }),
  statedDates: z.array(
    z.strictObject({ date: z.union([Instant, CalendarDate]), line: z.number().int().min(1), label: z.string().min(1) }),
  ),
  describedDates: z
    .array(
      z.strictObject({
        from: CalendarDate,
        to: CalendarDate,
        what: z.string().min(1),
        evidence: z.array(LineNote).min(1),
      }),
    )
    .min(1),
  datesDisagree: z.boolean(),
  disagreement: z.string().optional(),
  note: z.string().optional(),
});

export type Source = z.infer<typeof Source>;
