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

/** ISO duration -> ms: a pure function of a string, so it may live as long as the module, whatever run asks. */
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

/** No bounds: one shared value (the interval functions only read them). */
const NO_BOUNDS: Bounds = Object.freeze({});

/** A temporal value's interval: the value itself, or the one a bounded value carries. */
function intervalOf(v: TemporalValue): Interval | null {
  if (v === null || v === undefined) return null;
  return 'interval' in v ? v.interval : v;
}

/** A temporal value's bounds in ms (none for a plain interval, so that comparing with one makes no object). */
function boundsOf(v: TemporalValue): Bounds {
  if (v === null || v === undefined || !('interval' in v)) return NO_BOUNDS;
  return boundsFrom(v.min, v.max);
}

/** Bounds from ISO durations; the compiled rules work theirs out once, when compiled. */
export function boundsFrom(minIso: string | undefined, maxIso: string | undefined): Bounds {
  const min = ms(minIso);
  const max = ms(maxIso);
  if (min === undefined && max === undefined) return NO_BOUNDS;
  const bounds: Bounds = {};
  if (min !== undefined) bounds.min = min;
  if (max !== undefined) bounds.max = max;
  return bounds;
}

const isInterval = (a: unknown): a is Interval =>
  typeof a === 'object' && a !== null && typeof (a as Interval).start === 'number' && typeof (a as Interval).end === 'number';

/**
 * The temporal operators over the interval and bounds of their value, taken apart: the compiled rules
 * call these with bounds worked out when compiled (an anchor fact's params), making nothing per call.
 */
export const boundedOperators: Record<string, (fact: unknown, interval: Interval | null, bounds: Bounds) => boolean> = {
  during: (a, interval) => isInterval(a) && interval !== null && during(a, interval),
  overlaps: (a, interval) => isInterval(a) && interval !== null && overlaps(a, interval),
  before: (a, interval, bounds) => isInterval(a) && interval !== null && before(a, interval, bounds),
  after: (a, interval, bounds) => isInterval(a) && interval !== null && after(a, interval, bounds),
  /** `after` for some instants the two intervals allow: whether the event may have come after the value */
  mayFollow: (a, interval, bounds) => isInterval(a) && interval !== null && mayFollow(a, interval, bounds),
};

export const temporalOperators: Record<string, (fact: unknown, value: TemporalValue) => boolean> = {
  during: (a, v) => boundedOperators.during!(a, intervalOf(v), NO_BOUNDS),
  overlaps: (a, v) => boundedOperators.overlaps!(a, intervalOf(v), NO_BOUNDS),
  before: (a, v) => boundedOperators.before!(a, intervalOf(v), boundsOf(v)),
  after: (a, v) => boundedOperators.after!(a, intervalOf(v), boundsOf(v)),
  mayFollow: (a, v) => boundedOperators.mayFollow!(a, intervalOf(v), boundsOf(v)),
};

/** A json-rules-engine value that names a fact (`{ "fact": "window" }`): decided at run time, not checked here. */
const isFactRef = (v: unknown): boolean =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string';
const isScalar = (v: unknown): boolean => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
const shown = (v: unknown): string =>
  Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;

/**
 * Why a literal value can never work with an operator (a condition that can never fire, or fires for the
 * wrong reason), or undefined when it can. The operators compare as json-rules-engine does: numbers for
 * the orderings, a list for in/notIn, a single value for equal and contains, an interval fact for the
 * temporal operators.
 */
export function operatorValueProblem(operator: string, value: unknown): string | undefined {
  if (isFactRef(value)) return undefined;
  switch (operator) {
    case 'during':
    case 'overlaps':
    case 'before':
    case 'after':
      return `"${operator}" compares the event's time with an interval, so its value names an interval fact, e.g. { "fact": "window" }; got ${shown(value)}`;
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `"${operator}" compares numbers, so its value must be a number (or a fact); got ${shown(value)}`;
    case 'in':
    case 'notIn':
      return Array.isArray(value) && value.every((x) => x === null || isScalar(x))
        ? undefined
        : `"${operator}" looks the fact up in a list, so its value must be a list of values, e.g. ["certain", "possible"]; got ${shown(value)}`;
    case 'contains':
    case 'doesNotContain':
      return isScalar(value)
        ? undefined
        : `"${operator}" looks a value up in the fact's list, so its value must be one text, number or true/false; got ${shown(value)}`;
    case 'equal':
    case 'notEqual':
      return value === null || isScalar(value)
        ? undefined
        : `"${operator}" compares one value, so its value must be a text, number, true/false or null (a list or object never equals anything); got ${shown(value)}`;
    default:
      return undefined;
  }
}
