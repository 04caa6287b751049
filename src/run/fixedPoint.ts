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
  type ConditionStatus,
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
  const rounds = new Rounds(scenario, interpretation, window, ordered, how, settled, settledPossible, settledDone, settledConduct, shared);
  for (let round = 0; ; round++) {
    if (!rounds.sync) await rounds.refire();
    const end = rounds.round(round);
    if (end) return end;
  }
}

/**
 * findingsToFixedPoint for rules that all compile (not the reference path): the same rounds without an
 * await. The draws' path is synchronous from the draw to the tally: each await was a microtask per
 * reading and round, and async functions are larger for every thread's optimising compiler to compile
 * (README, Monte Carlo: a thread's warm-up).
 */
export function fixedPointSync(
  scenario: Scenario,
  interpretation: Interpretation,
  window: ReadingState['window'],
  ordered: OrderedEvent[],
  how: How,
  shared?: SharedFindings,
): FixedPoint {
  const rounds = new Rounds(scenario, interpretation, window, ordered, how, NONE_SETTLED, NONE_SETTLED, NONE_SETTLED, undefined, shared);
  if (!rounds.sync) throw new Error('fixedPointSync: the rules do not all compile');
  for (let round = 0; ; round++) {
    const end = rounds.round(round);
    if (end) return end;
  }
}

/** A fixed point's rounds: what they share, and the first violations of the last round. */
class Rounds {
  firstViolation: SettledViolations;
  firstPossible: SettledViolations;
  breachDone: SettledViolations;
  readonly limit: number;
  readonly state: Omit<ReadingState, 'firstViolation'>;
  readonly prepared: Slots;
  /** compiled rules answer at once (firedSync): no await between rounds */
  readonly sync: boolean;
  /** the condition of the slot being evaluated (slotFacts), one object for all the rounds' slots */
  readonly slot: SlotCase = { status: 'none', counterparty: null, possible: null };

  constructor(
    readonly scenario: Scenario,
    readonly interpretation: Interpretation,
    window: ReadingState['window'],
    readonly ordered: OrderedEvent[],
    readonly how: How,
    readonly settled: SettledViolations,
    readonly settledPossible: SettledViolations,
    readonly settledDone: SettledViolations,
    settledConduct: Conduct | undefined,
    readonly shared: SharedFindings | undefined,
  ) {
    this.firstViolation = settled;
    this.firstPossible = settledPossible;
    this.breachDone = settledDone;
    this.limit = scenario.parties.length + 4;
    const { ctx } = how;
    const conduct = ctx.conduct(interpretation, ordered, window, settledConduct);
    this.state = { window, appliesTo: ctx.plan.appliesTo, places: ctx.places, conduct, evidence: interpretation.evidence, memo: ctx.facts };
    this.prepared = prepare(interpretation, ordered, how);
    this.sync = !how.reference && how.evaluator.fullyCompiled;
  }

  /** What fired, through the evaluator that awaits, for the slots whose facts changed (not sync). */
  refire(): Promise<void> {
    return refire(this.slot, this.firstViolation, this.firstPossible, this.breachDone, this.ordered, this.prepared, this.state, this.how);
  }

  /** One round; the fixed point once the first violations stop changing (or the rounds run out). */
  round(round: number): FixedPoint | undefined {
    const { firstViolation, firstPossible, breachDone, how } = this;
    const next = evaluateRound(
      this.slot,
      firstViolation,
      firstPossible,
      breachDone,
      this.ordered,
      this.prepared,
      this.state,
      this.settled,
      this.settledPossible,
      this.settledDone,
      how.evaluator,
    );
    const converged =
      sameFirstViolations(next.certain, firstViolation) &&
      sameFirstViolations(next.possible, firstPossible) &&
      sameFirstViolations(next.done, breachDone);
    this.firstViolation = next.certain;
    this.firstPossible = next.possible;
    this.breachDone = next.done;
    // Without a fixed point the last round stands, and the run says so.
    if (!converged && round < this.limit) return undefined;
    const { ctx } = how;
    const { prepared } = this;
    const { findings, explain } = decided(
      this.scenario,
      this.interpretation,
      this.ordered,
      prepared,
      this.state,
      firstViolation,
      how.explain,
      this.shared,
    );
    // an explanation reads the slots later; else they are free for the next run
    if (!how.explain) ctx.release(prepared);
    return {
      done: how.explain ? releaser(ctx, prepared) : RELEASED,
      findings,
      explain,
      firstViolation: next.certain,
      firstPossible: next.possible,
      breachDone: next.done,
      converged,
      evaluatedUnder: { firstViolation, firstPossible, breachDone },
    };
  }
}

/** Nothing left to give back (a run without explanations gave its slots back at once). */
const RELEASED = (): void => {};

/** `done` for a run that explains: gives the slots back once. Apart from `round`, whose calls then need no context of their own. */
function releaser(ctx: RunContext, prepared: Slots): () => void {
  let released = false;
  return () => {
    if (!released) ctx.release(prepared);
    released = true;
  };
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

/** A slot's condition under the round before, worked out by slotFacts for its caller to record (one per Rounds). */
interface SlotCase {
  status: ConditionStatus;
  counterparty: Interval | null;
  possible: Interval | null;
}

/** Event i's actor's first violation under the round before, kept in the slots; whether it changed. */
function nextActorFirst(prepared: Slots, i: number, event: Event, firstViolation: SettledViolations): boolean {
  const actorFirst = actorFirstViolation(event, firstViolation);
  const changed = actorFirst !== prepared.actorFirst(i);
  prepared.setActorFirst(i, actorFirst);
  return changed;
}

/**
 * Slot s's (of event i) condition under the round before, into `c`; if its facts changed since it last fired (or it
 * never fired), writes them into the slots' facts object and returns true, for the caller to fire the
 * rules and record (a slot's facts read nothing else that changes between rounds). The one body of both
 * paths, evaluateRound's and refire's, so that the awaiting path cannot come to fire other slots than
 * the synchronous one.
 */
function slotFacts(
  c: SlotCase,
  prepared: Slots,
  s: number,
  i: number,
  event: Event,
  interval: Interval,
  actorChanged: boolean,
  firstPossible: SettledViolations,
  breachDone: SettledViolations,
  state: Omit<ReadingState, 'firstViolation'>,
): boolean {
  const obligation = prepared.obligation(s);
  // a pledge lapses once the counterparty has certainly broken the truce: after the certain violation that ended first
  const counterparty = counterpartyBreach(obligation, breachDone, state.conduct, 'done');
  const possible = counterpartyBreach(obligation, firstPossible, state.conduct, 'possible');
  const status = conditionStatus(obligation, counterparty, interval, possible);
  c.status = status;
  c.counterparty = counterparty;
  c.possible = possible;
  if (
    prepared.fired(s) !== undefined &&
    !actorChanged &&
    status === prepared.status(s) &&
    counterparty === prepared.counterparty(s) &&
    possible === prepared.counterpartyPossible(s)
  )
    return false;
  const { facts } = prepared;
  writeStaticFacts(facts, event, interval, obligation, state, prepared.placeReach(s), prepared.targetReach(s), prepared.regions(s));
  facts.conditionStatus = status;
  facts.actorFirstViolation = prepared.actorFirst(i);
  return true;
}

/**
 * For rules that do not all compile (or the reference path): what fired, through the evaluator that
 * awaits, for each slot whose facts changed, before evaluateRound reads it. A slot's facts depend only on
 * the round before, so evaluating them first gives what evaluating them in turn would.
 */
async function refire(
  c: SlotCase,
  firstViolation: SettledViolations,
  firstPossible: SettledViolations,
  breachDone: SettledViolations,
  ordered: OrderedEvent[],
  prepared: Slots,
  state: Omit<ReadingState, 'firstViolation'>,
  how: How,
): Promise<void> {
  for (let i = 0; i < ordered.length; i++) {
    const { event, interval } = ordered[i]!;
    const actorChanged = nextActorFirst(prepared, i, event, firstViolation);
    for (let s = prepared.start(i), end = prepared.start(i + 1); s < end; s++)
      if (slotFacts(c, prepared, s, i, event, interval, actorChanged, firstPossible, breachDone, state))
        prepared.record(s, c.status, c.counterparty, c.possible, await how.evaluator.fired(prepared.facts, how.reference));
  }
}

/**
 * One round: each event's rules under the first violations of the round before; returns the first
 * violations they give. Rules read nothing else that changes between rounds, so an event whose
 * first-violation facts are what they were keeps what fired. The facts are written into one object,
 * rewritten per event: nothing per event is left for the collector. Compiled rules only (refire has
 * evaluated every other slot that needed it).
 */
function evaluateRound(
  c: SlotCase,
  firstViolation: SettledViolations,
  firstPossible: SettledViolations,
  breachDone: SettledViolations,
  ordered: OrderedEvent[],
  prepared: Slots,
  state: Omit<ReadingState, 'firstViolation'>,
  settled: SettledViolations,
  settledPossible: SettledViolations,
  settledDone: SettledViolations,
  evaluator: RuleEvaluator,
): { certain: SettledViolations; possible: SettledViolations; done: SettledViolations } {
  // each made when the round first adds to it: a round that adds nothing gives back what was settled
  let next: FirstViolations | undefined;
  let nextPossible: FirstViolations | undefined;
  let nextDone: FirstViolations | undefined;
  for (let i = 0; i < ordered.length; i++) {
    const { event, interval } = ordered[i]!;
    const actorChanged = nextActorFirst(prepared, i, event, firstViolation);
    const open = !(next ?? settled).has(event.actor);
    const openPossible = !(nextPossible ?? settledPossible).has(event.actor);
    for (let s = prepared.start(i), end = prepared.start(i + 1); s < end; s++) {
      if (slotFacts(c, prepared, s, i, event, interval, actorChanged, firstPossible, breachDone, state))
        prepared.record(s, c.status, c.counterparty, c.possible, evaluator.firedSync(prepared.facts));
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
  return { findings, explain: explainer(scenario, interpretation, ordered, prepared, state, firstViolation, atEvent, atSlot, byRule) };
}

/**
 * The explanations of `decided`'s findings, made apart from it: a closure there over its locals gave
 * every call a context of its own, a run's explanations asked for or not (three per draw of a sample).
 */
function explainer(
  scenario: Scenario,
  interpretation: Interpretation,
  ordered: OrderedEvent[],
  prepared: Slots,
  state: Omit<ReadingState, 'firstViolation'>,
  firstViolation: SettledViolations,
  atEvent: readonly number[],
  atSlot: readonly number[],
  byRule: readonly Rule[],
): (k: number) => string {
  const partyName = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;
  // the facts the rules saw, made again for the finding whose explanation is asked for
  return (k: number) => {
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
