import type { Scenario } from '../schema/scenario.js';
import type { Event } from '../schema/event.js';
import type { Interpretation, Obligation } from '../schema/interpretation.js';
import type { Rule } from '../schema/rule.js';
import {
  actorFirstViolation,
  conditionStatus,
  counterpartyBreach,
  factContext,
  regionCount,
  staticFacts,
  writeStaticFacts,
  type ReadingState,
} from '../rules/deriveFacts.js';
import { placeReach, targetReach } from '../rules/scope.js';
import type { Conduct } from '../rules/conduct.js';
import type { RuleEvaluator } from '../rules/ruleEngine.js';
import { fillTemplate, type Finding } from '../rules/finding.js';
import type { Interval } from '../time/interval.js';
import { explainVars } from './explainVars.js';
import type { RunContext } from './runContext.js';
import { ReferenceSlots, VIOLATION_ANY, VIOLATION_CERTAIN, type Slots } from './slots.js';

/** An event and its interval, as the runner takes them (in time order). */
export interface OrderedEvent {
  event: Event;
  interval: Interval;
  /** the event's places as a number of the run's scope memo (ScopeMemo.placesId), when the caller keeps one (streams) */
  placesId?: number;
}

/** How a run decides: its context, its rules, and what it writes. */
export interface How {
  ctx: RunContext;
  evaluator: RuleEvaluator;
  reference: boolean;
  explain: boolean;
  drawn?: boolean;
  /** keep the fixed point's bookkeeping in ReferenceSlots (tests check that it changes nothing) */
  referenceSlots?: boolean;
}

/**
 * Findings already made by another reading of the same events, per rule by event index: a finding is
 * the same object whichever reading gives it (its explanation, which differs, is added to a copy).
 */
export type SharedFindings = Map<Rule, Finding[]>;

/** A reading's findings in event order, and their explanations, written only if wanted. */
export interface Decided {
  findings: Finding[];
  explain: (k: number) => string;
}

/** The first violations a reading's findings were decided under (explanations re-evaluate under the same). */
export interface EvaluatedUnder {
  firstViolation: SettledViolations;
  firstPossible: SettledViolations;
  breachDone: SettledViolations;
}

export type FirstViolations = Map<string, { interval: Interval; eventId: string }>;
/** First violations as read (those settled before a run or a round): never changed once made. */
export type SettledViolations = ReadonlyMap<string, { interval: Interval; eventId: string }>;
/** None settled: one shared value, read only. */
export const NONE_SETTLED: SettledViolations = new Map();

/** The moment by which an act is certainly over: its end, or the instant itself (an instant is over only after it). */
export function doneAt(i: Interval): number {
  return i.end > i.start ? i.end : i.start + 0.5;
}

/** Keeps, per party, the certain violation that was certainly over first. */
export function keepEarliestDone(m: FirstViolations, party: string, v: { interval: Interval; eventId: string }): void {
  const had = m.get(party);
  if (!had || doneAt(v.interval) < doneAt(had.interval)) m.set(party, v);
}

/** What a reading's fixed point decided. */
export interface FixedPoint extends Decided {
  firstViolation: SettledViolations;
  firstPossible: SettledViolations;
  breachDone: SettledViolations;
  converged: boolean;
  evaluatedUnder: EvaluatedUnder;
  /**
   * Gives the bookkeeping back to the run for the next fixed point, once no explanation will be asked
   * for (without explanations it was given back already): a stream's batches then lay theirs out in the
   * same arrays instead of making ten new ones per batch and reading.
   */
  done: () => void;
}

/**
 * A reciprocal obligation lapses at the counterparty's first violation, which itself may depend on
 * other obligations: evaluate, recompute first violations, and repeat until they no longer change.
 */
export async function findingsToFixedPoint(
  scenario: Scenario,
  interpretation: Interpretation,
  window: ReadingState['window'],
  ordered: OrderedEvent[],
  how: How,
  /** first violations already settled by earlier events (streams) */
  settled: SettledViolations = NONE_SETTLED,
  /** first possible violations settled by earlier events (streams) */
  settledPossible: SettledViolations = NONE_SETTLED,
  /** the certain violations that ended earliest, settled by earlier events (streams) */
  settledDone: SettledViolations = NONE_SETTLED,
  /** the counterparties' conduct in earlier events (streams): what `ordered` shows of it goes on from there */
  settledConduct?: Conduct,
  /** findings the run's other readings made of the same `ordered` (whole runs) */
  shared?: SharedFindings,
): Promise<FixedPoint> {
  let firstViolation: SettledViolations = settled;
  let firstPossible: SettledViolations = settledPossible;
  let breachDone: SettledViolations = settledDone;
  const limit = scenario.parties.length + 4;
  const { ctx } = how;
  const places = ctx.places;
  const conduct = ctx.conduct(interpretation, ordered, window, settledConduct);
  const state = { window, appliesTo: ctx.plan.appliesTo, places, conduct, evidence: interpretation.evidence, memo: ctx.facts };
  const prepared = prepare(interpretation, ordered, how);
  for (let round = 0; ; round++) {
    const next = await evaluateRound(
      firstViolation,
      firstPossible,
      breachDone,
      ordered,
      prepared,
      state,
      how,
      settled,
      settledPossible,
      settledDone,
    );
    const converged =
      sameFirstViolations(next.certain, firstViolation) &&
      sameFirstViolations(next.possible, firstPossible) &&
      sameFirstViolations(next.done, breachDone);
    // Without a fixed point the last round stands, and the run says so.
    if (converged || round >= limit) {
      const { findings, explain } = decided(scenario, interpretation, ordered, prepared, state, firstViolation, how.explain, shared);
      // an explanation reads the slots later; else they are free for the next run
      if (!how.explain) ctx.release(prepared);
      let released = !how.explain;
      return {
        done: () => {
          if (!released) ctx.release(prepared);
          released = true;
        },
        findings,
        explain,
        firstViolation: next.certain,
        firstPossible: next.possible,
        breachDone: next.done,
        converged,
        evaluatedUnder: { firstViolation, firstPossible, breachDone },
      };
    }
    firstViolation = next.certain;
    firstPossible = next.possible;
    breachDone = next.done;
  }
}

/**
 * The fixed point's bookkeeping for a reading's events (slots.ts), with each slot's static facts set:
 * from the facts memo when the runs share one (what it keeps is exactly what is worked out here).
 */
function prepare(interpretation: Interpretation, ordered: OrderedEvent[], how: How): Slots {
  const { ctx } = how;
  const byActor = ctx.obligationsByActor(interpretation);
  const obligationsOf = (i: number) => byActor.get(ordered[i]!.event.actor) ?? NO_OBLIGATIONS;
  const slots = how.referenceSlots ? new ReferenceSlots(ordered.length, obligationsOf) : ctx.slots(ordered.length, obligationsOf);
  // runs that share a memo (draws, a sweep's combinations) mostly share their events' places and targets
  const memoized = how.drawn === true || ctx.shared;
  for (let i = 0; i < ordered.length; i++) {
    const { event, placesId } = ordered[i]!;
    const regions = memoized ? 0 : regionCount(event.places);
    for (let s = slots.start(i), end = slots.start(i + 1); s < end; s++) {
      const o = slots.obligation(s);
      if (memoized) {
        const st = ctx.facts.staticsOf(event, o, ctx.places);
        slots.setStatic(s, st.places.scope, st.targets.scope, st.regions);
      } else if (o) {
        slots.setStatic(s, placeReach(event, o, ctx.places, ctx.facts.scope, placesId), targetReach(event, o), regions);
      } else {
        slots.setStatic(s, 'none', 'none', regions);
      }
    }
  }
  return slots;
}

const NO_OBLIGATIONS: readonly (Obligation | undefined)[] = [undefined];

/**
 * One round: each event's rules under the first violations of the round before; returns the first
 * violations they give. Rules read nothing else that changes between rounds, so an event whose
 * first-violation facts are what they were keeps what fired. The facts are written into one object,
 * rewritten per event: nothing per event is left for the collector.
 */
async function evaluateRound(
  firstViolation: SettledViolations,
  firstPossible: SettledViolations,
  breachDone: SettledViolations,
  ordered: OrderedEvent[],
  prepared: Slots,
  state: Omit<ReadingState, 'firstViolation'>,
  how: How,
  settled: SettledViolations,
  settledPossible: SettledViolations,
  settledDone: SettledViolations,
): Promise<{ certain: SettledViolations; possible: SettledViolations; done: SettledViolations }> {
  const sync = !how.reference && how.evaluator.fullyCompiled;
  // each made when the round first adds to it: a round that adds nothing gives back what was settled
  let next: FirstViolations | undefined;
  let nextPossible: FirstViolations | undefined;
  let nextDone: FirstViolations | undefined;
  const { facts } = prepared;
  for (let i = 0; i < ordered.length; i++) {
    const { event, interval } = ordered[i]!;
    const actorFirst = actorFirstViolation(event, firstViolation);
    const actorChanged = actorFirst !== prepared.actorFirst(i);
    prepared.setActorFirst(i, actorFirst);
    const open = !(next ?? settled).has(event.actor);
    const openPossible = !(nextPossible ?? settledPossible).has(event.actor);
    for (let s = prepared.start(i), end = prepared.start(i + 1); s < end; s++) {
      const obligation = prepared.obligation(s);
      // a pledge lapses once the counterparty has certainly broken the truce: after the certain violation that ended first
      const counterparty = counterpartyBreach(obligation, breachDone, state.conduct, 'done');
      const possible = counterpartyBreach(obligation, firstPossible, state.conduct, 'possible');
      const status = conditionStatus(obligation, counterparty, interval, possible);
      let fired = prepared.fired(s);
      if (
        fired === undefined ||
        actorChanged ||
        status !== prepared.status(s) ||
        counterparty !== prepared.counterparty(s) ||
        possible !== prepared.counterpartyPossible(s)
      ) {
        writeStaticFacts(facts, event, interval, obligation, state, prepared.placeReach(s), prepared.targetReach(s), prepared.regions(s));
        facts.conditionStatus = status;
        facts.actorFirstViolation = actorFirst;
        fired = sync ? how.evaluator.firedSync(facts) : await how.evaluator.fired(facts, how.reference);
        prepared.record(s, status, counterparty, possible, fired);
      }
      // events come in order, so the first certain violation met per party is its earliest
      const violations = prepared.violations(s);
      if (violations === 0) continue;
      const certain = (violations & VIOLATION_CERTAIN) !== 0;
      if (open && certain && !(next ?? settled).has(event.actor))
        (next ??= copyOf(settled)).set(event.actor, { interval, eventId: event.id });
      if (openPossible && (violations & VIOLATION_ANY) !== 0 && !(nextPossible ?? settledPossible).has(event.actor))
        (nextPossible ??= copyOf(settledPossible)).set(event.actor, { interval, eventId: event.id });
      // keepEarliestDone, the map made only when it changes
      if (certain) {
        const had = (nextDone ?? settledDone).get(event.actor);
        if (!had || doneAt(interval) < doneAt(had.interval))
          (nextDone ??= copyOf(settledDone)).set(event.actor, { interval, eventId: event.id });
      }
    }
  }
  return { certain: next ?? settled, possible: nextPossible ?? settledPossible, done: nextDone ?? settledDone };
}

/** The findings of the last round, in event order; with several obligations a rule that fired under more than one is one finding. */
function decided(
  scenario: Scenario,
  interpretation: Interpretation,
  ordered: OrderedEvent[],
  prepared: Slots,
  state: Omit<ReadingState, 'firstViolation'>,
  firstViolation: SettledViolations,
  /** whether explanations will be asked for (else nothing is kept for them) */
  explaining: boolean,
  shared: SharedFindings | undefined,
): Decided {
  const findings: Finding[] = [];
  // per finding, for its explanation: its event, slot and rule
  const atEvent: number[] = [];
  const atSlot: number[] = [];
  const byRule: Rule[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const { event } = ordered[i]!;
    const from = prepared.start(i);
    const to = prepared.start(i + 1);
    const mine = findings.length;
    for (let s = from; s < to; s++) {
      // indexed: a for-of over the shared frozen lists made an iterator per slot
      const fired = prepared.fired(s)!;
      for (let r = 0; r < fired.length; r++) {
        const rule = fired[r]!;
        // under a second obligation, a rule that already fired for this event is not a second finding
        if (s > from && firedBefore(findings, mine, rule.name)) continue;
        let byEvent = shared?.get(rule);
        if (shared && !byEvent) shared.set(rule, (byEvent = new Array<Finding>(ordered.length)));
        let finding = byEvent?.[i];
        if (!finding) {
          const { type, params } = rule.event;
          // one shape for every finding (an absent trigger is undefined, which JSON leaves out): later loops stay monomorphic
          finding = {
            type,
            rule: rule.name,
            eventId: event.id,
            party: event.actor,
            certainty: params.certainty,
            trigger: params.trigger,
            explanation: '',
          };
          if (byEvent) byEvent[i] = finding;
        }
        findings.push(finding);
        if (explaining) {
          atEvent.push(i);
          atSlot.push(s);
          byRule.push(rule);
        }
      }
    }
  }
  if (!explaining) return { findings, explain: NO_EXPLANATION };
  const partyName = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;
  // the facts the rules saw, made again for the finding whose explanation is asked for
  const explain = (k: number) => {
    const i = atEvent[k]!;
    const s = atSlot[k]!;
    const { event, interval } = ordered[i]!;
    const obligation = prepared.obligation(s);
    const facts = staticFacts(event, interval, obligation, state);
    facts.conditionStatus = prepared.status(s);
    facts.actorFirstViolation = prepared.actorFirst(i);
    const vars = explainVars(
      event,
      facts,
      factContext(event, obligation, prepared.counterparty(s), state.places, prepared.counterpartyPossible(s), state.memo),
      interpretation.id,
      scenario.timeZone,
      partyName,
      firstViolation.get(event.actor)?.eventId,
    );
    return fillTemplate(byRule[k]!.event.params.explain, vars);
  };
  return { findings, explain };
}

const NO_EXPLANATION = (): string => {
  throw new Error('explanations were not asked for');
};

/** Whether findings[from..] has one by this rule. */
function firedBefore(findings: Finding[], from: number, rule: string): boolean {
  for (let k = from; k < findings.length; k++) if (findings[k]!.rule === rule) return true;
  return false;
}

/** A copy to add to (an empty one made directly: a Map made from an iterable goes through its iterator). */
const copyOf = (m: SettledViolations): FirstViolations => (m.size === 0 ? new Map() : new Map(m));

function sameFirstViolations(a: SettledViolations, b: SettledViolations): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k)?.eventId !== v.eventId) return false;
  return true;
}
