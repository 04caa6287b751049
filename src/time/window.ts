import type { WindowSpec } from '../schema/interpretation.js';
import { addDuration, toMillis, type Interval } from './interval.js';

/** A reading's window as an interval; `duration` counts calendar time in the scenario's zone. */
export function resolveWindow(w: WindowSpec, zone: string): Interval & { startInclusive: boolean; endInclusive: boolean } {
  const start = toMillis(w.start);
  const end = w.end !== undefined ? toMillis(w.end) : addDuration(w.start, w.duration ?? 'PT0S', zone);
  return { start, end, startInclusive: w.startInclusive, endInclusive: w.endInclusive };
}
