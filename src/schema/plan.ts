import { z } from 'zod';
import { Id, IsoDuration, SourceRef } from './common.js';
import { EventKind, PhaseId } from './event.js';

/** the triggers of the shipped rules; a plan may name any other trigger a rule of its rule set declares */
export const TRIGGERS = ['violation', 'hostilities-continued', 'broader-attack'] as const;
/** `violation`, or the `trigger` an escalation rule declares (`event.params.trigger`) */
export const Trigger = Id;

export const Phase = z.strictObject({
  id: PhaseId,
  label: z.string().min(1),
  trigger: Trigger,
  /** phases that must already have opened before this one can */
  requires: z.array(PhaseId).default([]),
  /** null: the sources give no deadline for this phase */
  deadline: IsoDuration.nullable(),
  /**
   * what the deadline is counted from: the event that triggered this phase, the first violation, or
   * `{ responseTo: <phase> }`, the first response to an earlier phase (a mechanism rules within M days of
   * the report made to it): until that response comes the phase is open without a deadline, awaiting it
   */
  countedFrom: z.union([z.enum(['trigger', 'first-violation']), z.strictObject({ responseTo: PhaseId })]).default('trigger'),
  actors: z.array(z.string().min(1)).min(1),
  /**
   * the parties (ids) whose `response` events meet this phase; absent: any party's but the violator's
   * (a violator's own statement never meets the phase its violation opened)
   */
  respondedBy: z.array(Id).optional(),
  /**
   * the event kinds that count as a response to this phase (an event of one of these kinds naming the
   * phase in its `phase`): a report to a mechanism may be a `statement`
   */
  respondsWith: z.array(EventKind).min(1).default(['response']),
  actions: z.array(z.string().min(1)).default([]),
  sources: z.array(SourceRef).min(1),
});

export const Plan = z
  .strictObject({
    id: Id,
    label: z.string().min(1),
    /** the parties whose violations set the plan in motion */
    appliesTo: z.array(Id).min(1),
    /** findings of lower certainty are recorded but move no phase */
    triggerCertainty: z.enum(['certain', 'possible']).default('certain'),
    /**
     * when a trigger may open or advance a phase: `while-binding`, until the window closes (a phase
     * already open keeps its deadline after it); `any-time`, also after the truce has expired. Each
     * violating party in `appliesTo` has its own phases.
     */
    opensPhases: z.enum(['while-binding', 'any-time']).default('while-binding'),
    status: z.string().min(1),
    phases: z.array(Phase).min(1),
    sources: z.array(SourceRef).min(1),
    note: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.phases.forEach((ph, i) => {
      if (seen.has(ph.id)) ctx.addIssue({ code: 'custom', path: ['phases', i, 'id'], message: `phase "${ph.id}" is listed twice` });
      seen.add(ph.id);
    });
  });

export type Plan = z.infer<typeof Plan>;
export type Phase = z.infer<typeof Phase>;
export type Trigger = z.infer<typeof Trigger>;
export type CountedFrom = Phase['countedFrom'];
