import type { Interpretation, WindowSpec } from '../schema/interpretation.js';
import { DateTime, Duration } from 'luxon';
import { addDuration, toMillis, type Interval } from './interval.js';

/**
 * A reading's window as an interval. Durations (P7D, P30D) are calendar time and a day end is a
 * midnight, both in the window's zone: its own `timeZone`, else the reading's, else `zone` (the
 * scenario's). Counting in a display zone that changes its clocks inside the window would move the end.
 */
type ResolvedWindow = Interval & { startInclusive: boolean; endInclusive: boolean };

/** Worked out on each call: a run resolves each reading's window once, in its RunContext. */
export function resolveWindow(w: WindowSpec, zone: string): ResolvedWindow {
  return computeWindow(w, w.timeZone ?? zone);
}

/** The zone a reading counts its window in. */
export function readingZone(interpretation: Pick<Interpretation, 'timeZone' | 'window'>, scenarioZone: string): string {
  return interpretation.window.timeZone ?? interpretation.timeZone ?? scenarioZone;
}

function computeWindow(w: WindowSpec, zone: string): ResolvedWindow {
  const start = toMillis(w.start);
  const first = w.end !== undefined ? toMillis(w.end) : addDuration(w.start, w.duration ?? 'PT0S', zone);
  let last = periodEnd(first, w.endInclusive, zone);
  // renewals continue the window, each from the end of the one before, counted in its own zone
  for (const p of w.renewals ?? []) {
    const z = p.timeZone ?? zone;
    const end =
      p.end !== undefined
        ? toMillis(p.end)
        : DateTime.fromMillis(last.end, { zone: z })
            .plus(Duration.fromISO(p.duration ?? 'PT0S'))
            .toMillis();
    last = periodEnd(end, p.endInclusive, z);
  }
  // a party's word ends it early: from that instant the truce no longer binds
  if (w.endedBy !== undefined) {
    const at = toMillis(w.endedBy.at);
    if (at < last.end || (at === last.end && last.endInclusive)) last = { end: at, endInclusive: false };
  }
  return { start, end: last.end, startInclusive: w.startInclusive, endInclusive: last.endInclusive };
}

/** A period's end: the instant, or through the whole day it falls on (to the next midnight in `zone`, exclusive). */
function periodEnd(end: number, inclusive: boolean | 'day', zone: string): { end: number; endInclusive: boolean } {
  if (inclusive === 'day')
    return { end: DateTime.fromMillis(end, { zone }).startOf('day').plus({ days: 1 }).toMillis(), endInclusive: false };
  return { end, endInclusive: inclusive };
}
