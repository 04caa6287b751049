import type { Interpretation, WindowSpec } from '../schema/interpretation.js';
import { addDuration, addDurationAt, nextMidnight, toMillis, type Interval } from './interval.js';

/**
 * A reading's window as an interval. Durations (P7D, P30D) are calendar time and a day end is a
 * midnight, both in the window's zone: its own `timeZone`, else the reading's, else `zone` (the
 * scenario's). Counting in a display zone that changes its clocks inside the window would move the end.
 */
export type ResolvedWindow = Interval & { startInclusive: boolean; endInclusive: boolean };

/** Worked out on each call: a run resolves each reading's window once, in its RunContext. */
export function resolveWindow(w: WindowSpec, zone: string): ResolvedWindow {
  return computeWindow(w, w.timeZone ?? zone);
}

/** The zone a reading counts its window in. */
export function readingZone(interpretation: Pick<Interpretation, 'timeZone' | 'window'>, scenarioZone: string): string {
  return interpretation.window.timeZone ?? interpretation.timeZone ?? scenarioZone;
}

function computeWindow(w: WindowSpec, zone: string): ResolvedWindow {
  const periods = windowPeriods(w, zone);
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  let end = { end: last.end, endInclusive: last.endInclusive };
  // a party's word ends it early: from that instant the truce no longer binds
  if (w.endedBy !== undefined) {
    const at = toMillis(w.endedBy.at);
    if (at < end.end || (at === end.end && end.endInclusive) || last.open) end = { end: at, endInclusive: false };
  }
  // the spans between periods, up to the (possibly declared) end: covered by none of them
  const gaps: Interval[] = [];
  for (let i = 1; i < periods.length; i++) {
    const prev = periods[i - 1]!;
    const next = periods[i]!;
    const gapEnd = Math.min(next.start, end.end);
    if (gapEnd > prev.end) gaps.push({ start: prev.end, end: gapEnd, startInclusive: !prev.endInclusive, endInclusive: false });
  }
  const value: ResolvedWindow = { start: first.start, end: end.end, startInclusive: w.startInclusive, endInclusive: end.endInclusive };
  return gaps.length > 0 ? { ...value, gaps } : value;
}

/** One period of a window, resolved: the first (the window itself) or a renewal. */
export interface ResolvedPeriod {
  /** 0: the window's own period; n: renewal n */
  index: number;
  start: number;
  /** for an open period, its start (the end comes from `endedBy`) */
  end: number;
  endInclusive: boolean;
  open: boolean;
}

/**
 * The window's periods in order, each as written: the first from `start`, each renewal from its own
 * `start` or the end of the one before; a duration counts from the period's start in its zone. A
 * declared end (`endedBy`) is not applied here: resolveWindow applies it to the whole.
 */
export function windowPeriods(w: WindowSpec, zone: string): ResolvedPeriod[] {
  const z0 = w.timeZone ?? zone;
  const start = toMillis(w.start);
  const firstEnd = w.open ? start : w.end !== undefined ? toMillis(w.end) : addDuration(w.start, w.duration ?? 'PT0S', z0);
  const first = periodEnd(firstEnd, w.open ? false : w.endInclusive, z0);
  const out: ResolvedPeriod[] = [{ index: 0, start, ...first, open: w.open === true }];
  (w.renewals ?? []).forEach((p, i) => {
    const prev = out[out.length - 1]!;
    const z = p.timeZone ?? z0;
    const from = p.start !== undefined ? toMillis(p.start) : prev.end;
    const end = p.open ? from : p.end !== undefined ? toMillis(p.end) : addDurationAt(from, p.duration ?? 'PT0S', z);
    out.push({ index: i + 1, start: from, ...periodEnd(end, p.open ? false : p.endInclusive, z), open: p.open === true });
  });
  return out;
}

/** A period's end: the instant, or through the whole day it falls on (to the next midnight in `zone`, exclusive). */
function periodEnd(end: number, inclusive: boolean | 'day', zone: string): { end: number; endInclusive: boolean } {
  if (inclusive === 'day') return { end: nextMidnight(end, zone), endInclusive: false };
  return { end, endInclusive: inclusive };
}
