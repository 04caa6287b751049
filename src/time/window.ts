import type { Interpretation, WindowSpec } from '../schema/interpretation.js';
import { DateTime } from 'luxon';
import { addDuration, toMillis, type Interval } from './interval.js';

/**
 * A reading's window as an interval. Durations (P7D, P30D) are calendar time and a day end is a
 * midnight, both in the window's zone: its own `timeZone`, else the reading's, else `zone` (the
 * scenario's). Counting in a display zone that changes its clocks inside the window would move the end.
 */
const cache = new WeakMap<WindowSpec, { zone: string; value: ResolvedWindow }>();

type ResolvedWindow = Interval & { startInclusive: boolean; endInclusive: boolean };

export function resolveWindow(w: WindowSpec, zone: string): ResolvedWindow {
  const hit = cache.get(w);
  if (hit && hit.zone === zone) return hit.value;
  const value = computeWindow(w, w.timeZone ?? zone);
  cache.set(w, { zone, value });
  return value;
}

/** The zone a reading counts its window in. */
export function readingZone(interpretation: Pick<Interpretation, 'timeZone' | 'window'>, scenarioZone: string): string {
  return interpretation.window.timeZone ?? interpretation.timeZone ?? scenarioZone;
}

function computeWindow(w: WindowSpec, zone: string): ResolvedWindow {
  const start = toMillis(w.start);
  const end = w.end !== undefined ? toMillis(w.end) : addDuration(w.start, w.duration ?? 'PT0S', zone);
  if (w.endInclusive === 'day') {
    // through the whole day the end falls on: to the next midnight in the window's zone, exclusive
    const dayEnd = DateTime.fromMillis(end, { zone }).startOf('day').plus({ days: 1 }).toMillis();
    return { start, end: dayEnd, startInclusive: w.startInclusive, endInclusive: false };
  }
  return { start, end, startInclusive: w.startInclusive, endInclusive: w.endInclusive };
}
