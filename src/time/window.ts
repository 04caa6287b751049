import type { WindowSpec } from '../schema/interpretation.js';
import { addDuration, toMillis, type Interval } from './interval.js';

/** A reading's window as an interval; `duration` counts calendar time in the scenario's zone. */
const cache = new WeakMap<WindowSpec, { zone: string; value: ResolvedWindow }>();

type ResolvedWindow = Interval & { startInclusive: boolean; endInclusive: boolean };

export function resolveWindow(w: WindowSpec, zone: string): ResolvedWindow {
  const hit = cache.get(w);
  if (hit && hit.zone === zone) return hit.value;
  const value = computeWindow(w, zone);
  cache.set(w, { zone, value });
  return value;
}

function computeWindow(w: WindowSpec, zone: string): ResolvedWindow {
  const start = toMillis(w.start);
  const end = w.end !== undefined ? toMillis(w.end) : addDuration(w.start, w.duration ?? 'PT0S', zone);
  return { start, end, startInclusive: w.startInclusive, endInclusive: w.endInclusive };
}
