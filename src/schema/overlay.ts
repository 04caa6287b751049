import { z } from 'zod';
import { Id, IsoDuration } from './common.js';
import { Event } from './event.js';
import { Interpretation } from './interpretation.js';
import { ExpectCase } from './expect.js';

/** A signed ISO duration: "PT12H" or "-PT12H". */
const SignedDuration = z.string().superRefine((s, ctx) => {
  const r = IsoDuration.safeParse(s.replace(/^-/, ''));
  if (!r.success) ctx.addIssue({ code: 'custom', message: `"${s}" is not an ISO-8601 duration; write e.g. PT12H or -PT12H` });
});

/** One change of a what-if, applied in order to a copy of the base scenario. */
export const Change = z.union([
  z.strictObject({ addEvents: z.array(Event).min(1) }),
  z.strictObject({ removeEvents: z.array(Id).min(1) }),
  /** set fields of an event: keys are paths inside the event ("when.start", "places") */
  z.strictObject({ updateEvent: z.strictObject({ id: Id, set: z.record(z.string(), z.unknown()) }) }),
  z.strictObject({ shiftEvent: z.strictObject({ id: Id, by: SignedDuration }) }),
  /** add a reading, or replace the one with the same id */
  z.strictObject({ setInterpretation: Interpretation }),
  z.strictObject({ removeInterpretations: z.array(Id).min(1) }),
  /**
   * set any value by path: "interpretations.washington.window.start", "plan.phases.diplomatic.deadline",
   * "rules.broader-attack.munitionsLow.value" (a rule's leaf condition, named by its fact)
   */
  z.strictObject({ set: z.strictObject({ path: z.string().min(1), value: z.unknown() }) }),
]);

export const Overlay = z.strictObject({
  format: z.literal('truce.overlay/v1'),
  /** the scenario (or overlay) this one changes, relative to this file */
  extends: z.string().min(1),
  id: Id,
  title: z.string().min(1),
  note: z.string().optional(),
  changes: z.array(Change).default([]),
  expect: z.array(ExpectCase).default([]),
});

export type Overlay = z.infer<typeof Overlay>;
export type Change = z.infer<typeof Change>;
