import { attributionOf } from '../schema/eventKinds.js';
import type { Event } from '../schema/event.js';
import type { Evidence, Obligation } from '../schema/interpretation.js';
import type { Count } from '../schema/common.js';
import { toMillis, type Interval } from '../time/interval.js';
import { placeScope, ScopeMemo, stronger, targetScope, type Reach, type ScopeMatch } from './scope.js';
import type { FactName } from './factNames.js';
import { areaReach, meansReach, weaker } from './coverage.js';
import type { Conduct } from './conduct.js';
import type { PlaceIndex } from '../places/placeIndex.js';

export type ConditionStatus = 'none' | 'holds' | 'lapsed' | 'uncertain';

/** The facts of one event read under one reading (and one of the actor's obligations, if any). */
export type Facts = Record<FactName, unknown> & {
  kind: Event['kind'];
  actor: string;
  target: string | null;
  eventTime: Interval;
  window: Interval;
  obligated: boolean;
  conditional: boolean;
  conditionStatus: ConditionStatus;
  placeScope: Reach;
  targetScope: Reach;
  scope: Reach;
  enforcementApplies: boolean;
  actorFirstViolation: Interval | null;
  munitionsLow: number;
  munitionsBest: number;
  munitionsHigh: number | null;
  dronesLow: number;
  missilesLow: number;
  ballisticLow: number;
  regionsLow: number;
  killedLow: number;
  injuredLow: number;
  meansScope: Reach;
  areaScope: Reach;
  guidedBombsLow: number;
  shellsLow: number;
  fpvDronesLow: number;
  evidence: EvidenceCount;
  aggregate: boolean;
  incidentsLow: number;
};

export type EvidenceCount = 'violation' | 'possible' | 'exclude';

/** How a reading counts an event by its attribution: confirmed acts always count; claimed and disputed ones by the reading's standard. */
export function evidenceCount(e: Event, standard: Evidence | undefined): EvidenceCount {
  const a = attributionOf(e);
  if (a === 'confirmed') return 'violation';
  return a === 'claimed' ? (standard?.claimed ?? 'violation') : (standard?.disputed ?? 'possible');
}

/** What the facts were derived from, kept for explanations. */
export interface FactContext {
  places: ScopeMatch;
  targets: ScopeMatch;
  obligation: Obligation | undefined;
  /** the counterparty's earliest act that may have released the pledge: its first violation, or an earlier possible one */
  counterpartyFirstViolation: Interval | null;
  /** whether that act is a certain violation (false: only a possible one) */
  counterpartyBreachCertain: boolean;
}

export interface ReadingState {
  window: Interval;
  /** each party's first certain violation under this reading, as known so far */
  firstViolation: ReadonlyMap<string, { interval: Interval; eventId: string }>;
  /**
   * each party's first act that is a violation or a possible one (its earliest possible breach): a
   * pledge that hangs on this party certainly holds only before it
   */
  firstPossible?: ReadonlyMap<string, { interval: Interval; eventId: string }>;
  /** each party's certain violation that was certainly over first: a pledge hanging on it lapses after it */
  breachDone?: ReadonlyMap<string, { interval: Interval; eventId: string }>;
  /** parties whose violations set the plan in motion */
  appliesTo: readonly string[];
  /** the place hierarchy protected places are judged on, if the scenario has one */
  places?: PlaceIndex | undefined;
  /** the reading's standard of evidence for claimed and disputed acts */
  evidence?: Evidence | undefined;
  /** the counterparty's conduct, for obligations that hang on it (`counterparty-refrains`) */
  conduct?: Conduct | undefined;
  /** the run's memo of what depends only on where and what an event hit (none: worked out each time) */
  memo?: FactsMemo | undefined;
}

export function eventInterval(e: Event): Interval {
  return { start: toMillis(e.when.start), end: toMillis(e.when.end) };
}

const NONE: ScopeMatch = { scope: 'none', matched: [], possible: [] };

export interface Static {
  places: ScopeMatch;
  targets: ScopeMatch;
  regions: number;
  /** the event's parts the match was computed from (kept by reference) */
  from: Pick<Event, 'target' | 'targets' | 'placesExcluded'>;
  index: PlaceIndex | undefined;
}

/**
 * What depends only on where and what an event hit, not on when or how much: the same for every
 * Monte Carlo draw of the event. Kept by whoever asks many times (a run's RunContext; a sample's
 * RunsMemo, shared by its draws) and dropped with it. Keyed by the event's `places` array and the
 * obligation, and checked against the event's targets, exclusions and the place index: a draw that
 * copies times and counts but keeps those by reference (drawEvents does) shares the match; one that
 * copies them is worked out again, never matched wrongly.
 */
export class FactsMemo {
  readonly scope = new ScopeMemo();
  private readonly statics = new WeakMap<object, WeakMap<object, Static>>();
  private readonly instants = new Map<string, number>();

  /**
   * An instant of the data (an obligation's `effective`) in epoch milliseconds, parsed once per memo:
   * it was parsed again for every event, reading and draw, and the parser was one more function for
   * each thread's optimising compiler to compile (README, Monte Carlo: a thread's warm-up).
   */
  instant(iso: string): number {
    let ms = this.instants.get(iso);
    if (ms === undefined) this.instants.set(iso, (ms = toMillis(iso)));
    return ms;
  }

  staticsOf(e: Event, o: Obligation | undefined, index?: PlaceIndex): Static {
    let byObligation = this.statics.get(e.places);
    if (!byObligation) {
      byObligation = new WeakMap();
      this.statics.set(e.places, byObligation);
    }
    const key = o ?? NO_OBLIGATION;
    const hit = byObligation.get(key);
    if (
      hit &&
      hit.from.targets === e.targets &&
      hit.from.target === e.target &&
      hit.from.placesExcluded === e.placesExcluded &&
      hit.index === index
    )
      return hit;
    const s = computeStatics(e, o, index, this.scope);
    byObligation.set(key, s);
    return s;
  }
}
const NO_OBLIGATION = {};

/** An event's static matches under an obligation: from the memo if given, else worked out now. */
export function staticsOf(e: Event, o: Obligation | undefined, index?: PlaceIndex, memo?: FactsMemo): Static {
  return memo ? memo.staticsOf(e, o, index) : computeStatics(e, o, index, new ScopeMemo());
}

function computeStatics(e: Event, o: Obligation | undefined, index: PlaceIndex | undefined, scope: ScopeMemo): Static {
  return {
    places: o ? placeScope(e, o, index, scope) : NONE,
    targets: o ? targetScope(e, o) : NONE,
    regions: regionCount(e.places),
    from: { target: e.target, targets: e.targets, placesExcluded: e.placesExcluded },
    index,
  };
}

/** How many admin-1 regions the places known to a settlement or region lie in. */
export function regionCount(places: Event['places']): number {
  // each counted region once, at its first place (no list made: this runs for every event of a stream)
  let n = 0;
  for (let i = 0; i < places.length; i++) {
    const p = places[i]!;
    if (!counts(p)) continue;
    let before = false;
    for (let j = 0; j < i && !before; j++) before = counts(places[j]!) && places[j]!.region === p.region;
    if (!before) n++;
  }
  return n;
}

const counts = (p: Event['places'][number]): boolean => (p.precision === 'settlement' || p.precision === 'region') && !!p.region;

export function deriveFacts(
  e: Event,
  interval: Interval,
  o: Obligation | undefined,
  state: ReadingState,
): { facts: Facts; context: FactContext } {
  const facts = staticFacts(e, interval, o, state);
  const counterparty = counterpartyBreach(o, state.breachDone ?? state.firstViolation, state.conduct, 'done');
  const possible = counterpartyBreach(o, state.firstPossible ?? NO_FIRST, state.conduct, 'possible');
  facts.conditionStatus = conditionStatus(o, counterparty, interval, possible);
  facts.actorFirstViolation = actorFirstViolation(e, state.firstViolation);
  return { facts, context: factContext(e, o, counterparty, state.places, possible, state.memo) };
}

const best = (c: Count | undefined) => (c === undefined ? 0 : (c.best ?? c.low));
/** a count's high figure, 0 for a count not given, undefined for a count without one */
const high = (c: Count | undefined) => (c === undefined ? 0 : c.high);

/**
 * The facts that do not depend on first violations: the same in every round of a reading's fixed
 * point, so a run derives them once per event and obligation and only re-sets `conditionStatus` and
 * `actorFirstViolation` (their defaults here are those of a reading where no one has violated).
 */
export function staticFacts(e: Event, interval: Interval, o: Obligation | undefined, state: Omit<ReadingState, 'firstViolation'>): Facts {
  const st = staticsOf(e, o, state.places, state.memo);
  return writeStaticFacts(blankFacts(), e, interval, o, state, st.places.scope, st.targets.scope, st.regions);
}

/** A facts object with every field, for writeStaticFacts to fill (one shape for all). */
export function blankFacts(): Facts {
  return {
    kind: 'strike',
    actor: '',
    target: null,
    eventTime: NO_TIME,
    window: NO_TIME,
    obligated: false,
    conditional: false,
    conditionStatus: 'none',
    placeScope: 'none',
    targetScope: 'none',
    scope: 'none',
    enforcementApplies: false,
    actorFirstViolation: null,
    munitionsLow: 0,
    munitionsBest: 0,
    munitionsHigh: null,
    dronesLow: 0,
    missilesLow: 0,
    ballisticLow: 0,
    regionsLow: 0,
    killedLow: 0,
    injuredLow: 0,
    meansScope: 'none',
    areaScope: 'none',
    guidedBombsLow: 0,
    shellsLow: 0,
    fpvDronesLow: 0,
    evidence: 'violation',
    aggregate: false,
    incidentsLow: 1,
  };
}
const NO_TIME: Interval = { start: 0, end: 0 };

/**
 * Writes the static facts into `f`, in place: a bulk run keeps one facts object and rewrites it per
 * event, rather than making and collecting one per event and reading.
 */
export function writeStaticFacts(
  f: Facts,
  e: Event,
  interval: Interval,
  o: Obligation | undefined,
  state: Omit<ReadingState, 'firstViolation'>,
  placeScope: Reach,
  targetScope: Reach,
  regions: number,
): Facts {
  const m = e.munitions ?? {};
  const missiles = m.missiles ?? m.ballisticMissiles;
  const { drones } = m;
  f.kind = e.kind;
  f.actor = e.actor;
  f.target = e.target ?? null;
  f.eventTime = interval;
  f.window =
    o?.effective === undefined
      ? state.window
      : effectiveWindow(state.window, state.memo ? state.memo.instant(o.effective) : toMillis(o.effective));
  f.obligated = o !== undefined;
  f.conditional = o?.condition !== undefined;
  f.conditionStatus = o?.condition ? 'holds' : 'none';
  // means and area narrow what the places and targets cover: an act is covered only if it is in all of them
  const meansScope = o ? meansReach(e, o) : 'none';
  const areaScope = o ? areaReach(e, o) : 'none';
  const narrow = weaker(meansScope, areaScope);
  f.meansScope = meansScope;
  f.areaScope = areaScope;
  f.placeScope = weaker(placeScope, narrow);
  f.targetScope = weaker(targetScope, narrow);
  f.scope = stronger(f.placeScope as Reach, f.targetScope as Reach);
  f.enforcementApplies = state.appliesTo.includes(e.actor);
  f.actorFirstViolation = null;
  f.munitionsLow = (drones?.low ?? 0) + (missiles?.low ?? 0);
  f.munitionsBest = best(drones) + best(missiles);
  // a high figure for the total only when every count given has one
  f.munitionsHigh = high(drones) === undefined || high(missiles) === undefined ? null : high(drones)! + high(missiles)!;
  f.dronesLow = m.drones?.low ?? 0;
  f.missilesLow = missiles?.low ?? 0;
  f.ballisticLow = m.ballisticMissiles?.low ?? 0;
  f.regionsLow = regions;
  f.killedLow = e.casualties?.killed?.low ?? 0;
  f.injuredLow = e.casualties?.injured?.low ?? 0;
  f.guidedBombsLow = m.guidedBombs?.low ?? 0;
  f.shellsLow = m.shells?.low ?? 0;
  f.fpvDronesLow = m.fpvDrones?.low ?? 0;
  f.evidence = evidenceCount(e, state.evidence);
  f.aggregate = e.incidents !== undefined;
  f.incidentsLow = e.incidents?.low ?? 1;
  return f;
}

/** The reading's window from an obligation's own start (a party that joined later), if that is later. */
function effectiveWindow(w: Interval, start: number): Interval {
  return start <= w.start ? w : ({ ...w, start, startInclusive: true } as Interval);
}

/**
 * The counterparty's first violation, when the obligation hangs on one; for a pledge that hangs on the
 * counterparty's conduct, its first act within the condition's scope (`which` of its conduct record).
 */
export function counterpartyBreach(
  o: Obligation | undefined,
  firstViolation: ReadingState['firstViolation'],
  conduct?: Conduct,
  which: 'done' | 'possible' | 'certain' = 'done',
): Interval | null {
  if (!o?.condition) return null;
  if (o.condition.while === 'counterparty-refrains') return conduct?.get(o.condition)?.[which]?.interval ?? null;
  return firstViolation.get(o.condition.counterparty)?.interval ?? null;
}

/** The actor's first violation, unless it is this event: an event cannot continue hostilities after itself. */
export function actorFirstViolation(e: Event, firstViolation: ReadingState['firstViolation']): Interval | null {
  const own = firstViolation.get(e.actor);
  return own && own.eventId !== e.id ? own.interval : null;
}

/** What an explanation needs besides the facts. */
export function factContext(
  e: Event,
  o: Obligation | undefined,
  counterparty: Interval | null,
  index?: PlaceIndex,
  possible: Interval | null = null,
  memo?: FactsMemo,
): FactContext {
  const { places, targets } = staticsOf(e, o, index, memo);
  const first = earliestBreach(counterparty, possible);
  return {
    places,
    targets,
    obligation: o,
    counterpartyFirstViolation: first,
    counterpartyBreachCertain: first !== null && first === counterparty,
  };
}

/** The earlier of a counterparty's first certain and first possible breach (the certain one on a tie). */
export function earliestBreach(certain: Interval | null, possible: Interval | null): Interval | null {
  return possible !== null && (certain === null || possible.start < certain.start) ? possible : certain;
}

const NO_FIRST: ReadonlyMap<string, { interval: Interval; eventId: string }> = new Map();

/**
 * A reciprocal obligation certainly holds only before the counterparty's earliest act that may have
 * broken the truce (`possible`: its first violation or possible violation), and has certainly lapsed
 * once its first certain violation is over; in between, and while they overlap, it is uncertain. So
 * when who broke first cannot be known (first acts that overlap, or a counterparty breach that is only
 * possible), neither side's act is a certain breach.
 */
export function conditionStatus(
  o: Obligation | undefined,
  breach: Interval | null,
  e: Interval,
  possible: Interval | null = null,
): ConditionStatus {
  if (!o?.condition) return 'none';
  const first = earliestBreach(breach, possible);
  if (!first) return 'holds';
  if (e.end <= first.start && e.end > e.start) return 'holds';
  if (e.end === e.start && e.start < first.start) return 'holds';
  // after every instant of the breach; an instant breach at the very instant the act began is no "before"
  if (breach && (breach.end > breach.start ? e.start >= breach.end : e.start > breach.start)) return 'lapsed';
  return 'uncertain';
}
