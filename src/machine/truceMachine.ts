import { assign, setup } from 'xstate';
import type { PhaseId } from '../schema/event.js';
import type { Trigger } from '../schema/plan.js';

/**
 * The truce statechart: one region for the truce's lifecycle and one region per phase of the
 * enforcement plan. XState stays inside this module and simulateTruce; callers see plain data.
 *
 * lifecycle: start -> claimed | agreed -> inForce -> breached -> collapsed (an escalation, or both sides in breach)
 *                                         inForce -> expired (window closed with no breach)
 * each phase: inactive -> open -> met | missed (deadline passed before a response)
 */

export type Certainty = 'certain' | 'possible';

export type MachineEvent =
  | { type: 'WINDOW_OPEN'; at: number }
  | { type: 'WINDOW_CLOSE'; at: number }
  | {
      type: 'TRIGGER';
      at: number;
      trigger: Trigger;
      party: string;
      eventId: string;
      certainty: Certainty;
      /** when the party's first violation under this reading began (for deadlines counted from it) */
      firstViolationAt: number;
    }
  | { type: 'RESPONSE'; at: number; phase: PhaseId; eventId: string };

export interface PhaseSpec {
  id: PhaseId;
  trigger: Trigger;
  requires: PhaseId[];
  /** null: no deadline */
  deadlineMs: number | null;
  countedFrom: 'trigger' | 'first-violation';
}

export interface PlanSpec {
  appliesTo: string[];
  triggerCertainty: Certainty;
  phases: PhaseSpec[];
}

export interface PhaseRecord {
  phase: PhaseId;
  trigger: Trigger;
  triggerEventId: string;
  party: string;
  enteredAt: number;
  dueBy: number | null;
  /** true: a response came by the deadline; false: the deadline passed first; null: undecided */
  met: boolean | null;
  respondedAt: number | null;
  responseEventId: string | null;
}

export interface TruceContext {
  plan: PlanSpec;
  agreed: boolean;
  now: number;
  breachedBy: string | null;
  phases: Partial<Record<PhaseId, PhaseRecord>>;
}

export const LIFECYCLE_STATES = ['start', 'claimed', 'agreed', 'inForce', 'breached', 'collapsed', 'expired'] as const;
export const PHASE_STATES = ['inactive', 'open', 'met', 'missed'] as const;

const certaintyOk = (plan: PlanSpec, c: Certainty) => c === 'certain' || plan.triggerCertainty === 'possible';

export function createTruceMachine(plan: PlanSpec) {
  const delays: Record<string, (args: { context: TruceContext }) => number> = {};
  for (const spec of plan.phases) {
    delays[`due:${spec.id}`] = ({ context }) => {
      const due = context.phases[spec.id]?.dueBy;
      return due === null || due === undefined ? Number.POSITIVE_INFINITY : due - context.now;
    };
  }

  const machineSetup = setup({
    types: {
      context: {} as TruceContext,
      events: {} as MachineEvent,
      input: {} as { plan: PlanSpec; agreed: boolean; start: number },
    },
    delays,
    guards: {
      isAgreed: ({ context }) => context.agreed,
      isViolation: ({ context, event }) =>
        event.type === 'TRIGGER' && event.trigger === 'violation' && certaintyOk(context.plan, event.certainty),
      /** an escalation by anyone, or a violation by a second party: the truce has collapsed */
      collapses: ({ context, event }) =>
        event.type === 'TRIGGER' &&
        certaintyOk(context.plan, event.certainty) &&
        (event.trigger !== 'violation' || (context.breachedBy !== null && event.party !== context.breachedBy)),
      opens: ({ context, event }, params: { phase: PhaseId }) => {
        if (event.type !== 'TRIGGER' || !certaintyOk(context.plan, event.certainty)) return false;
        const spec = context.plan.phases.find((p) => p.id === params.phase);
        return (
          spec !== undefined &&
          spec.trigger === event.trigger &&
          context.plan.appliesTo.includes(event.party) &&
          spec.requires.every((r) => context.phases[r] !== undefined)
        );
      },
      answers: ({ event }, params: { phase: PhaseId }) => event.type === 'RESPONSE' && event.phase === params.phase,
      /** a deadline counted from an earlier first violation may already have passed when the phase opens */
      answersInTime: ({ context, event }, params: { phase: PhaseId }) => {
        const due = context.phases[params.phase]?.dueBy;
        return event.type === 'RESPONSE' && event.phase === params.phase && (due === null || due === undefined || event.at <= due);
      },
    },
    actions: {
      recordBreach: assign(({ context, event }) =>
        event.type === 'TRIGGER' ? { now: event.at, breachedBy: context.breachedBy ?? event.party } : {},
      ),
      openPhase: assign(({ context, event }, params: { phase: PhaseId }) => {
        if (event.type !== 'TRIGGER') return {};
        const spec = context.plan.phases.find((p) => p.id === params.phase)!;
        const anchor = spec.countedFrom === 'first-violation' ? event.firstViolationAt : event.at;
        const record: PhaseRecord = {
          phase: params.phase,
          trigger: event.trigger,
          triggerEventId: event.eventId,
          party: event.party,
          enteredAt: event.at,
          dueBy: spec.deadlineMs === null ? null : anchor + spec.deadlineMs,
          met: null,
          respondedAt: null,
          responseEventId: null,
        };
        return { now: event.at, phases: { ...context.phases, [params.phase]: record } };
      }),
      markMet: assign(({ context, event }, params: { phase: PhaseId }) => {
        const rec = context.phases[params.phase];
        if (event.type !== 'RESPONSE' || !rec) return {};
        return { now: event.at, phases: { ...context.phases, [params.phase]: { ...rec, met: true, respondedAt: event.at, responseEventId: event.eventId } } };
      }),
      markMissed: assign(({ context }, params: { phase: PhaseId }) => {
        const rec = context.phases[params.phase];
        if (!rec) return {};
        return { now: rec.dueBy ?? context.now, phases: { ...context.phases, [params.phase]: { ...rec, met: false } } };
      }),
      markLate: assign(({ context, event }, params: { phase: PhaseId }) => {
        const rec = context.phases[params.phase];
        if (event.type !== 'RESPONSE' || !rec || rec.respondedAt !== null) return {};
        return { now: event.at, phases: { ...context.phases, [params.phase]: { ...rec, respondedAt: event.at, responseEventId: event.eventId } } };
      }),
    },
  });

  const violation = { guard: 'isViolation', target: 'breached', actions: 'recordBreach' } as const;
  const phaseRegions: Record<string, unknown> = {};
  for (const spec of plan.phases) {
    const p = { phase: spec.id };
    phaseRegions[spec.id] = {
      initial: 'inactive',
      states: {
        inactive: { on: { TRIGGER: { guard: { type: 'opens', params: p }, target: 'open', actions: { type: 'openPhase', params: p } } } },
        open: {
          after: { [`due:${spec.id}`]: { target: 'missed', actions: { type: 'markMissed', params: p } } },
          on: {
            RESPONSE: [
              { guard: { type: 'answersInTime', params: p }, target: 'met', actions: { type: 'markMet', params: p } },
              // a response after a deadline that had already passed: missed, and recorded as late
              { guard: { type: 'answers', params: p }, target: 'missed', actions: [{ type: 'markMissed', params: p }, { type: 'markLate', params: p }] },
            ],
          },
        },
        met: {},
        missed: { on: { RESPONSE: { guard: { type: 'answers', params: p }, actions: { type: 'markLate', params: p } } } },
      },
    };
  }

  return machineSetup.createMachine({
    id: 'truce',
    type: 'parallel',
    context: ({ input }) => ({ plan: input.plan, agreed: input.agreed, now: input.start, breachedBy: null, phases: {} }),
    states: {
      lifecycle: {
        initial: 'start',
        states: {
          start: { always: [{ guard: 'isAgreed', target: 'agreed' }, { target: 'claimed' }] },
          claimed: { on: { WINDOW_OPEN: 'inForce', TRIGGER: violation } },
          agreed: { on: { WINDOW_OPEN: 'inForce', TRIGGER: violation } },
          inForce: { on: { WINDOW_CLOSE: 'expired', TRIGGER: violation } },
          breached: { on: { TRIGGER: { guard: 'collapses', target: 'collapsed' } } },
          collapsed: {},
          expired: { on: { TRIGGER: violation } },
        },
      },
      ...(phaseRegions as Record<string, never>),
    },
  });
}
