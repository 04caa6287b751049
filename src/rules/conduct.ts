import { isAttack } from '../schema/eventKinds.js';
import type { Event } from '../schema/event.js';
import type { Evidence, Obligation } from '../schema/interpretation.js';
import { evidenceCount, type FactsMemo } from './deriveFacts.js';
import { during, overlaps as overlapsWindow, type Interval } from '../time/interval.js';
import { areaReach, meansReach, weaker } from './coverage.js';
import { placeReach, ScopeMemo, stronger, targetReach, type Reach } from './scope.js';
import type { PlaceIndex } from '../places/placeIndex.js';

type First = { interval: Interval; eventId: string };

/** What the counterparty did within a conduct condition's scope: its first act certainly and possibly in it. */
export interface ConductRecord {
  /** its first act certainly within the scope, wholly inside the window */
  certain: First | undefined;
  /** of those acts, the one certainly over first (the condition has lapsed after it) */
  done: First | undefined;
  /** its first act that may have been within the scope (or only partly inside the window) */
  possible: First | undefined;
}

/** Conduct records, one per `counterparty-refrains` condition of a reading (keyed by the condition object). */
export type Conduct = ReadonlyMap<object, ConductRecord>;

const doneAt = (i: Interval) => (i.end > i.start ? i.end : i.start + 0.5);

/**
 * What conductOf may keep across the runs of one caller (a sample's draws, a sweep's combinations): the
 * condition as the counterparty's obligation, one object per obligation, and the place and target
 * matches of the acts under it, by event and that object (the facts memo checks them against the event).
 */
export interface ConductMemo {
  counterpartyOf(o: Obligation): Obligation;
  facts: FactsMemo;
}

/**
 * Reads the counterparty's acts for each obligation that hangs on its conduct. The acts are judged on
 * the condition's own scope, as an obligation of the counterparty towards the bound party would be, but
 * no pledge of the counterparty is needed; they do not depend on anyone's violations, so they are read
 * once per reading, outside the fixed point. `prior`: the records of acts that come before all of
 * `ordered` (a stream's earlier batches), which this goes on from as if they had been read first.
 */
export function conductOf(
  obligations: readonly Obligation[],
  ordered: readonly { event: Event; interval: Interval; placesId?: number }[],
  window: Interval,
  places?: PlaceIndex,
  evidence?: Evidence,
  prior?: Conduct,
  /** the run's (src/run/runContext.ts); none: memos for this call only */
  memo?: ConductMemo,
): Conduct {
  const out = new Map<object, ConductRecord>();
  const scope = memo?.facts.scope ?? new ScopeMemo();
  for (const o of obligations) {
    const c = o.condition;
    if (c?.while !== 'counterparty-refrains') continue;
    // one object per condition, from call to call: the memos key what they work out by the obligation object
    const as = memo ? memo.counterpartyOf(o) : scope.counterpart(o, asCounterparty)!;
    const had = prior?.get(c);
    const rec: ConductRecord = had ? { ...had } : { certain: undefined, done: undefined, possible: undefined };
    for (const { event, interval, placesId } of ordered) {
      // acts come in start order: once one has certainly ended, none that starts later can end before it
      if (rec.done && interval.start >= doneAt(rec.done.interval)) break;
      const act = conductAct(as, event, interval, window, places, evidence, scope, placesId);
      if (act === undefined) continue;
      const first = { interval, eventId: event.id };
      rec.possible ??= first;
      if (act === 'certain') {
        rec.certain ??= first;
        if (!rec.done || doneAt(interval) < doneAt(rec.done.interval)) rec.done = first;
      }
    }
    out.set(c, rec);
  }
  return out;
}

/**
 * How an act bears on a conduct condition (`as`: the condition as asCounterparty gives it): `certain`, an act of the counterparty certainly
 * within the condition's scope and wholly inside the window (it releases the pledge once over);
 * `possible`, one that may have been; undefined, none (not the counterparty's, out of scope, outside the
 * window or in a gap of it, or left out by the reading's standard of evidence).
 */
export function conductAct(
  as: Obligation,
  event: Event,
  interval: Interval,
  window: Interval,
  places?: PlaceIndex,
  evidence?: Evidence,
  memo?: ScopeMemo,
  /** the event's memo.placesId, if kept */
  placesId?: number,
): 'certain' | 'possible' | undefined {
  if (event.actor !== as.party || !isAttack(event.kind)) return undefined;
  // the time first: it is cheap, and most of a long stream's acts fall outside the window
  const overlaps = interval.end > window.start && interval.start < window.end;
  if (!overlaps && !(interval.start === interval.end && interval.start >= window.start && interval.start < window.end)) return undefined;
  // an act in a gap between the window's periods releases nothing: the truce did not bind then
  if (window.gaps !== undefined && !overlapsWindow(interval, window)) return undefined;
  const reach = scopeOf(event, as, places, memo, placesId);
  const counts = evidenceCount(event, evidence);
  if (reach === 'none' || counts === 'exclude') return undefined;
  const inside = interval.start >= window.start && interval.end <= window.end && (window.gaps === undefined || during(interval, window));
  return reach === 'certain' && inside && counts === 'violation' ? 'certain' : 'possible';
}

/** A conduct condition as the counterparty's own obligation towards the bound party, its acts judged on it. */
export function asCounterparty(o: Obligation): Obligation | undefined {
  const c = o.condition;
  if (c?.while !== 'counterparty-refrains') return undefined;
  return { party: c.counterparty, towards: o.party, refrainFrom: c.from, basis: 'stated', sources: o.sources };
}

/** An act's reach under an obligation, as the facts fold it: places or targets, narrowed by means and area. */
export function scopeOf(e: Event, o: Obligation, places?: PlaceIndex, memo?: ScopeMemo, placesId?: number): Reach {
  return weaker(stronger(placeReach(e, o, places, memo, placesId), targetReach(e, o)), weaker(meansReach(e, o), areaReach(e, o)));
}
