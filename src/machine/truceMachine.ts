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
      /** the trigger comes after the window closed (the runner knows the window; the machine keeps no clock of it) */
      afterWindow?: boolean;
    }
  | {
      type: 'RESPONSE';
      at: number;
      phase: PhaseId;
      eventId: string;
      /** who responded: a violator's own response never meets its own phase */
      actor?: string;
      /** the violator the response answers; absent: every open phase of that id but the responder's own */
      target?: string;
      /** the responding event's kind (absent: `response`), checked against the phase's `respondsWith` */
      kind?: string;
    };

export interface PhaseSpec {
  id: PhaseId;
  trigger: Trigger;
  requires: PhaseId[];
  /** null: no deadline */
  deadlineMs: number | null;
  /**
   * `trigger`, `first-violation`, or the first response to an earlier phase (`responseTo`): until it comes
   * the phase waits in `awaiting`, open but without a deadline
   */
  countedFrom: 'trigger' | 'first-violation' | { responseTo: PhaseId };
  /** the parties whose responses meet the phase (absent: any party but the violator) */
  respondedBy?: string[] | undefined;
  /** the event kinds that count as a response (absent: `response` alone) */
  respondsWith?: string[] | undefined;
}

export interface PlanSpec {
  appliesTo: string[];
  triggerCertainty: Certainty;
  phases: PhaseSpec[];
  /**
   * `while-binding` (the default): a trigger opens or advances a phase only until the window closes (a
   * phase already open keeps its deadline); `any-time`: also after it
   */
  opensPhases?: 'while-binding' | 'any-time' | undefined;
}

/**
 * The phase regions: one per phase and violating party. With one party in `appliesTo` a region is
 * named after its phase alone (as before phases were per party); with several, `phase:party`.
 */
export function phaseRegions(plan: PlanSpec): { key: string; phase: PhaseId; party: string }[] {
  const single = plan.appliesTo.length <= 1;
  return plan.phases.flatMap((p) => plan.appliesTo.map((party) => ({ key: single ? p.id : `${p.id}:${party}`, phase: p.id, party })));
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
  /** a deadline counted from the response to an earlier phase that has not come yet: that phase's id */
  awaiting?: PhaseId;
  /** the response to the earlier phase the deadline is counted from, once it came */
  countedFromEventId?: string;
}

export interface TruceContext {
  plan: PlanSpec;
  agreed: boolean;
  now: number;
  breachedBy: string | null;
  /** by region key (see phaseRegions) */
  phases: Partial<Record<string, PhaseRecord>>;
}

export const LIFECYCLE_STATES = ['start', 'claimed', 'agreed', 'inForce', 'breached', 'collapsed', 'expired'] as const;
export const PHASE_STATES = ['inactive', 'open', 'met', 'missed'] as const;
/** the extra state of a phase whose deadline is counted from the response to an earlier one */
export const AWAITING_STATE = 'awaiting';

const responseToOf = (spec: PhaseSpec | undefined): PhaseId | undefined =>
  spec !== undefined && typeof spec.countedFrom === 'object' ? spec.countedFrom.responseTo : undefined;

const certaintyOk = (plan: PlanSpec, c: Certainty) => c === 'certain' || plan.triggerCertainty === 'possible';

interface PhaseParams {
  phase: PhaseId;
  /** the violating party this region tracks */
  party: string;
  /** the region's key, and its record's key in the context */
  key: string;
}

/** Whether a response may meet the phase a party's violation opened: never the violator's own. */
function responderOk(plan: PlanSpec, event: Extract<MachineEvent, { type: 'RESPONSE' }>, params: PhaseParams): boolean {
  if (event.actor !== undefined && event.actor === params.party) return false;
  if (event.target !== undefined && event.target !== params.party) return false;
  const spec = plan.phases.find((p) => p.id === params.phase);
  if (!(spec?.respondsWith ?? ['response']).includes(event.kind ?? 'response')) return false;
  const by = spec?.respondedBy;
  return by === undefined || (event.actor !== undefined && by.includes(event.actor));
}

export function createTruceMachine(plan: PlanSpec) {
  const delays: Record<string, (args: { context: TruceContext }) => number> = {};
  const regionsOfPlan = phaseRegions(plan);
  const keyOf = (phase: PhaseId, party: string) => regionsOfPlan.find((r) => r.phase === phase && r.party === party)?.key ?? phase;
  for (const r of regionsOfPlan) {
    delays[`due:${r.key}`] = ({ context }) => {
      const due = context.phases[r.key]?.dueBy;
      return due === null || due === undefined ? Number.POSITIVE_INFINITY : due - context.now;
    };
  }

  /**
   * whether a required phase is open once this trigger has been taken: already open, or opened by the same
   * trigger (regions of one event are decided together: a report phase and the ruling that requires it may
   * both open on one violation)
   */
  const opensWith = (context: TruceContext, trigger: Trigger, phase: PhaseId, party: string, depth: number): boolean => {
    if (context.phases[keyOf(phase, party)] !== undefined) return true;
    const spec = context.plan.phases.find((p) => p.id === phase);
    return (
      depth > 0 &&
      spec !== undefined &&
      spec.trigger === trigger &&
      spec.requires.every((r) => opensWith(context, trigger, r, party, depth - 1))
    );
  };

  const opens = (context: TruceContext, event: MachineEvent, params: PhaseParams): boolean => {
    if (event.type !== 'TRIGGER' || !certaintyOk(context.plan, event.certainty)) return false;
    if (event.afterWindow === true && (context.plan.opensPhases ?? 'while-binding') === 'while-binding') return false;
    const spec = context.plan.phases.find((p) => p.id === params.phase);
    return (
      spec !== undefined &&
      spec.trigger === event.trigger &&
      event.party === params.party &&
      context.plan.appliesTo.includes(event.party) &&
      spec.requires.every((r) => opensWith(context, event.trigger, r, params.party, plan.phases.length))
    );
  };

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
      /**
       * a certain escalation, or a certain violation by a second party: the truce has collapsed (a
       * possible one, when who broke first cannot be known, collapses nothing)
       */
      collapses: ({ context, event }) =>
        event.type === 'TRIGGER' &&
        event.certainty === 'certain' &&
        (event.trigger !== 'violation' || (context.breachedBy !== null && event.party !== context.breachedBy)),
      opens: ({ context, event }, params: PhaseParams) => opens(context, event, params),
      /** the trigger opens a phase whose clock waits for a response to an earlier phase that has not come */
      opensAwaiting: ({ context, event }, params: PhaseParams) => {
        if (!opens(context, event, params)) return false;
        const earlier = responseToOf(context.plan.phases.find((p) => p.id === params.phase));
        return earlier !== undefined && context.phases[keyOf(earlier, params.party)]?.respondedAt == null;
      },
      /** the first response to the phase this one's deadline is counted from (late or not): the clock starts */
      startsClock: ({ context, event }, params: PhaseParams) => {
        const earlier = responseToOf(context.plan.phases.find((p) => p.id === params.phase));
        if (earlier === undefined || event.type !== 'RESPONSE' || event.phase !== earlier) return false;
        const rec = context.phases[keyOf(earlier, params.party)];
        return (
          rec !== undefined &&
          rec.respondedAt === null &&
          responderOk(context.plan, event, { phase: earlier, party: params.party, key: keyOf(earlier, params.party) })
        );
      },
      answers: ({ context, event }, params: PhaseParams) =>
        event.type === 'RESPONSE' && event.phase === params.phase && responderOk(context.plan, event, params),
      /** a deadline counted from an earlier first violation may already have passed when the phase opens */
      answersInTime: ({ context, event }, params: PhaseParams) => {
        const due = context.phases[params.key]?.dueBy;
        return (
          event.type === 'RESPONSE' &&
          event.phase === params.phase &&
          responderOk(context.plan, event, params) &&
          (due === null || due === undefined || event.at <= due)
        );
      },
    },
    actions: {
      recordBreach: assign(({ context, event }) =>
        event.type === 'TRIGGER' ? { now: event.at, breachedBy: context.breachedBy ?? event.party } : {},
      ),
      openPhase: assign(({ context, event }, params: PhaseParams) => {
        if (event.type !== 'TRIGGER') return {};
        const spec = context.plan.phases.find((p) => p.id === params.phase)!;
        const earlier = responseToOf(spec);
        const earlierRec = earlier === undefined ? undefined : context.phases[keyOf(earlier, params.party)];
        // counted from a response that came already, or not yet (null: awaiting it)
        const anchor =
          earlier !== undefined
            ? (earlierRec?.respondedAt ?? null)
            : spec.countedFrom === 'first-violation'
              ? event.firstViolationAt
              : event.at;
        const record: PhaseRecord = {
          phase: params.phase,
          trigger: event.trigger,
          triggerEventId: event.eventId,
          party: event.party,
          enteredAt: event.at,
          dueBy: spec.deadlineMs === null || anchor === null ? null : anchor + spec.deadlineMs,
          met: null,
          respondedAt: null,
          responseEventId: null,
          ...(earlier !== undefined && anchor === null ? { awaiting: earlier } : {}),
          ...(earlier !== undefined && anchor !== null && earlierRec?.responseEventId
            ? { countedFromEventId: earlierRec.responseEventId }
            : {}),
        };
        return { now: event.at, phases: { ...context.phases, [params.key]: record } };
      }),
      startClock: assign(({ context, event }, params: PhaseParams) => {
        const rec = context.phases[params.key];
        const spec = context.plan.phases.find((p) => p.id === params.phase);
        if (event.type !== 'RESPONSE' || !rec || !spec) return {};
        const { awaiting: _done, ...rest } = rec;
        const dueBy = spec.deadlineMs === null ? null : event.at + spec.deadlineMs;
        return { now: event.at, phases: { ...context.phases, [params.key]: { ...rest, dueBy, countedFromEventId: event.eventId } } };
      }),
      markMet: assign(({ context, event }, params: PhaseParams) => {
        const rec = context.phases[params.key];
        if (event.type !== 'RESPONSE' || !rec) return {};
        return {
          now: event.at,
          phases: { ...context.phases, [params.key]: { ...rec, met: true, respondedAt: event.at, responseEventId: event.eventId } },
        };
      }),
      markMissed: assign(({ context }, params: PhaseParams) => {
        const rec = context.phases[params.key];
        if (!rec) return {};
        return { now: rec.dueBy ?? context.now, phases: { ...context.phases, [params.key]: { ...rec, met: false } } };
      }),
      markLate: assign(({ context, event }, params: PhaseParams) => {
        const rec = context.phases[params.key];
        if (event.type !== 'RESPONSE' || !rec || rec.respondedAt !== null) return {};
        return {
          now: event.at,
          phases: { ...context.phases, [params.key]: { ...rec, respondedAt: event.at, responseEventId: event.eventId } },
        };
      }),
    },
  });

  const violation = { guard: 'isViolation', target: 'breached', actions: 'recordBreach' } as const;
  const regionStates: Record<string, unknown> = {};
  for (const r of regionsOfPlan) {
    const p: PhaseParams = { phase: r.phase, party: r.party, key: r.key };
    const open = { guard: { type: 'opens', params: p }, target: 'open', actions: { type: 'openPhase', params: p } };
    const inTime = { guard: { type: 'answersInTime', params: p }, target: 'met', actions: { type: 'markMet', params: p } };
    // only a phase counted from the response to an earlier one has the awaiting state (other plans draw as before)
    const awaits = responseToOf(plan.phases.find((q) => q.id === r.phase)) !== undefined;
    regionStates[r.key] = {
      initial: 'inactive',
      states: {
        inactive: {
          on: {
            TRIGGER: awaits
              ? [{ guard: { type: 'opensAwaiting', params: p }, target: AWAITING_STATE, actions: { type: 'openPhase', params: p } }, open]
              : open,
          },
        },
        ...(awaits
          ? {
              [AWAITING_STATE]: {
                on: {
                  RESPONSE: [
                    // answered before the clock started: nothing was due yet, so it is in time
                    inTime,
                    { guard: { type: 'startsClock', params: p }, target: 'open', actions: { type: 'startClock', params: p } },
                  ],
                },
              },
            }
          : {}),
        open: {
          after: { [`due:${r.key}`]: { target: 'missed', actions: { type: 'markMissed', params: p } } },
          on: {
            RESPONSE: [
              inTime,
              // a response after a deadline that had already passed: missed, and recorded as late
              {
                guard: { type: 'answers', params: p },
                target: 'missed',
                actions: [
                  { type: 'markMissed', params: p },
                  { type: 'markLate', params: p },
                ],
              },
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
      ...(regionStates as Record<string, never>),
    },
  });
}

export type TruceMachine = ReturnType<typeof createTruceMachine>;
