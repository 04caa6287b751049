import type { Event } from '../schema/event.js';
import type { Obligation } from '../schema/interpretation.js';
import type { Count } from '../schema/common.js';
import { toMillis, type Interval } from '../time/interval.js';
import { placeScope, stronger, targetScope, type Reach, type ScopeMatch } from './scope.js';
import type { FactName } from './factNames.js';

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
};

/** What the facts were derived from, kept for explanations. */
export interface FactContext {
  places: ScopeMatch;
  targets: ScopeMatch;
  obligation: Obligation | undefined;
  counterpartyFirstViolation: Interval | null;
}

export interface ReadingState {
  window: Interval;
  /** each party's first certain violation under this reading, as known so far */
  firstViolation: ReadonlyMap<string, { interval: Interval; eventId: string }>;
  /** parties whose violations set the plan in motion */
  appliesTo: readonly string[];
}

export function eventInterval(e: Event): Interval {
  return { start: toMillis(e.when.start), end: toMillis(e.when.end) };
}

const NONE: ScopeMatch = { scope: 'none', matched: [], possible: [] };

interface Static {
  places: ScopeMatch;
  targets: ScopeMatch;
  regions: number;
  /** the event's parts the match was computed from (kept by reference) */
  from: Pick<Event, 'target' | 'targets' | 'placesExcluded'>;
}

/**
 * What depends only on where and what an event hit, not on when or how much: the same for every
 * Monte Carlo draw of the event (a draw copies times and counts, and keeps these arrays), so it is
 * computed once per (event parts, obligation).
 */
const statics = new WeakMap<object, WeakMap<object, Static>>();
const NO_OBLIGATION = {};

function staticsOf(e: Event, o: Obligation | undefined): Static {
  let byObligation = statics.get(e.places);
  if (!byObligation) {
    byObligation = new WeakMap();
    statics.set(e.places, byObligation);
  }
  const key = o ?? NO_OBLIGATION;
  const hit = byObligation.get(key);
  if (hit && hit.from.targets === e.targets && hit.from.target === e.target && hit.from.placesExcluded === e.placesExcluded) return hit;
  const regions = new Set(e.places.filter((p) => p.precision === 'settlement' || p.precision === 'region').flatMap((p) => (p.region ? [p.region] : [])));
  const s: Static = {
    places: o ? placeScope(e, o) : NONE,
    targets: o ? targetScope(e, o) : NONE,
    regions: regions.size,
    from: { target: e.target, targets: e.targets, placesExcluded: e.placesExcluded },
  };
  byObligation.set(key, s);
  return s;
}

export function deriveFacts(e: Event, interval: Interval, o: Obligation | undefined, state: ReadingState): { facts: Facts; context: FactContext } {
  const { places, targets, regions } = staticsOf(e, o);
  const counterparty = o?.condition ? (state.firstViolation.get(o.condition.counterparty)?.interval ?? null) : null;
  const m = e.munitions ?? {};
  const missiles = m.missiles ?? m.ballisticMissiles;
  const counts = [m.drones, missiles].filter((c): c is Count => c !== undefined);
  const own = state.firstViolation.get(e.actor);
  const facts: Facts = {
    kind: e.kind,
    actor: e.actor,
    target: e.target ?? null,
    eventTime: interval,
    window: state.window,
    obligated: o !== undefined,
    conditional: o?.condition !== undefined,
    conditionStatus: conditionStatus(o, counterparty, interval),
    placeScope: places.scope,
    targetScope: targets.scope,
    scope: stronger(places.scope, targets.scope),
    enforcementApplies: state.appliesTo.includes(e.actor),
    // an event cannot continue hostilities after itself
    actorFirstViolation: own && own.eventId !== e.id ? own.interval : null,
    munitionsLow: counts.reduce((s, c) => s + c.low, 0),
    munitionsBest: counts.reduce((s, c) => s + (c.best ?? c.low), 0),
    munitionsHigh: counts.every((c) => c.high !== undefined) ? counts.reduce((s, c) => s + (c.high ?? 0), 0) : null,
    dronesLow: m.drones?.low ?? 0,
    missilesLow: missiles?.low ?? 0,
    ballisticLow: m.ballisticMissiles?.low ?? 0,
    regionsLow: regions,
    killedLow: e.casualties?.killed?.low ?? 0,
    injuredLow: e.casualties?.injured?.low ?? 0,
  };
  return { facts, context: { places, targets, obligation: o, counterpartyFirstViolation: counterparty } };
}

/** A reciprocal obligation holds until the counterparty's first violation; uncertain while they overlap. */
function conditionStatus(o: Obligation | undefined, breach: Interval | null, e: Interval): ConditionStatus {
  if (!o?.condition) return 'none';
  if (!breach) return 'holds';
  if (e.end <= breach.start && e.end > e.start) return 'holds';
  if (e.end === e.start && e.start < breach.start) return 'holds';
  if (e.start >= breach.end) return 'lapsed';
  return 'uncertain';
}
