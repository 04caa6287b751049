import { after, before, during, mayFollow, overlaps, durationMillis, type Bounds, type Interval } from '../time/interval.js';

/**
 * The temporal operators, as json-rules-engine operators: `fact operator value`, where the fact is the
 * event's interval and the value the interval it is compared with. json-rules-engine operators take no
 * parameters, so before/after carry their bounds in the value: `{ interval, min?, max? }` with ISO
 * durations, as the anchor facts produce from a condition's `params` (e.g. `{ "max": "P14D" }`).
 */
export interface BoundedInterval {
  interval: Interval | null;
  min?: string;
  max?: string;
}

export type TemporalValue = Interval | BoundedInterval | null;

const durationCache = new Map<string, number>();
function ms(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  let v = durationCache.get(iso);
  if (v === undefined) {
    v = durationMillis(iso);
    durationCache.set(iso, v);
  }
  return v;
}

function unpack(v: TemporalValue): { interval: Interval | null; bounds: Bounds } {
  if (v === null || v === undefined) return { interval: null, bounds: {} };
  if ('interval' in v) {
    const bounds: Bounds = {};
    const min = ms(v.min);
    const max = ms(v.max);
    if (min !== undefined) bounds.min = min;
    if (max !== undefined) bounds.max = max;
    return { interval: v.interval, bounds };
  }
  return { interval: v, bounds: {} };
}

const isInterval = (a: unknown): a is Interval =>
  typeof a === 'object' && a !== null && typeof (a as Interval).start === 'number' && typeof (a as Interval).end === 'number';

export const temporalOperators: Record<string, (fact: unknown, value: TemporalValue) => boolean> = {
  during: (a, v) => {
    const { interval } = unpack(v);
    return isInterval(a) && interval !== null && during(a, interval);
  },
  overlaps: (a, v) => {
    const { interval } = unpack(v);
    return isInterval(a) && interval !== null && overlaps(a, interval);
  },
  before: (a, v) => {
    const { interval, bounds } = unpack(v);
    return isInterval(a) && interval !== null && before(a, interval, bounds);
  },
  after: (a, v) => {
    const { interval, bounds } = unpack(v);
    return isInterval(a) && interval !== null && after(a, interval, bounds);
  },
  /** `after` for some instants the two intervals allow: whether the event may have come after the value */
  mayFollow: (a, v) => {
    const { interval, bounds } = unpack(v);
    return isInterval(a) && interval !== null && mayFollow(a, interval, bounds);
  },
};
