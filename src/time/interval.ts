import { DateTime, Duration } from 'luxon';
import { parseInstant } from '../schema/parseInstant.js';

/**
 * A span of time in epoch milliseconds. Event intervals are half-open, [start, end), and an event whose
 * start equals its end is an instant. Windows say for each bound whether it belongs to them.
 */
export interface Interval {
  start: number;
  end: number;
  startInclusive?: boolean;
  endInclusive?: boolean;
  /**
   * a window's gaps: spans between two of its periods that no period covers (a renewal that starts after
   * the period before it ended). Absent on event intervals and on windows without gaps.
   */
  gaps?: readonly Interval[];
}

export function toMillis(iso: string): number {
  const fast = parseInstant(iso);
  return Number.isNaN(fast) ? DateTime.fromISO(iso, { setZone: true }).toMillis() : fast;
}

export function durationMillis(iso: string): number {
  return Duration.fromISO(iso).toMillis();
}

/** Adds an ISO duration in calendar terms (P7D is seven calendar days in `zone`, DST included). */
export function addDuration(iso: string, duration: string, zone: string): number {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone).plus(Duration.fromISO(duration)).toMillis();
}

/** ISO-8601 with the offset of `zone` at that instant, to the second. */
export function formatInstant(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? String(ms);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HOUR = 3_600_000;
/**
 * zone -> hour index -> [offset in minutes, luxon's short offset name], or null for an hour in which
 * the offset changes: most changes fall on whole UTC hours, but not all (Asia/Kathmandu went from
 * +05:30 to +05:45 at 18:30 UTC; Australia/Lord_Howe shifts by 30 minutes), so an hour is cached only
 * when its first and last instants share an offset. It may live as long as the module: it is a pure
 * function of its primitive keys (a zone name and an hour), whatever run asks.
 */
const offsets = new Map<string, Map<number, [number, string] | null>>();

function offsetAt(ms: number, zone: string): [number, string] {
  let byHour = offsets.get(zone);
  if (!byHour) {
    byHour = new Map();
    offsets.set(zone, byHour);
  }
  const h = Math.floor(ms / HOUR);
  let o = byHour.get(h);
  if (o === undefined) {
    const first = DateTime.fromMillis(h * HOUR, { zone });
    const last = DateTime.fromMillis(h * HOUR + HOUR - 1, { zone });
    o = first.offset === last.offset ? [first.offset, first.toFormat('ZZZZ')] : null;
    if (byHour.size > 100_000) byHour.clear();
    byHour.set(h, o);
  }
  if (o === null) {
    const dt = DateTime.fromMillis(ms, { zone });
    return [dt.offset, dt.toFormat('ZZZZ')];
  }
  return o;
}

/**
 * A short human form: "Mon 2 Feb 2026 18:00 (GMT+2)", as luxon's `ccc d LLL yyyy HH:mm (ZZZZ)`.
 * Reports write one per finding, so it asks luxon only once per hour of time for the offset.
 */
export function formatHuman(ms: number, zone: string): string {
  const [offset, label] = offsetAt(ms, zone);
  const d = new Date(ms + offset * 60_000);
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} (${label})`;
}

const isInstant = (a: Interval) => a.end <= a.start;

/** Does the window admit instant t? (Not in one of its gaps.) */
export function admits(w: Interval, t: number): boolean {
  const afterStart = w.startInclusive === false ? t > w.start : t >= w.start;
  const beforeEnd = w.endInclusive ? t <= w.end : t < w.end;
  return afterStart && beforeEnd && !(w.gaps?.some((g) => admits(g, t)) ?? false);
}

/** FEEL `during` / Allen containment: every instant the event may have happened at lies in the window. */
export function during(a: Interval, w: Interval): boolean {
  if (isInstant(a)) return admits(w, a.start);
  const startOk = w.startInclusive === false ? a.start > w.start : a.start >= w.start;
  // a is half-open: its last instant is just before a.end, so a.end may equal the window's end either way
  return startOk && a.end <= w.end && !(w.gaps?.some((g) => overlaps(a, g)) ?? false);
}

/** FEEL `overlaps`: at least one instant the event may have happened at lies in the window. */
export function overlaps(a: Interval, w: Interval): boolean {
  if (isInstant(a)) return admits(w, a.start);
  const beforeEnd = w.endInclusive ? a.start <= w.end : a.start < w.end;
  if (!(beforeEnd && a.end > w.start)) return false;
  if (w.gaps === undefined || w.gaps.length === 0) return true;
  // the part of the event inside the window's bounds lies in a gap (gaps are disjoint, periods between them)
  const inside = { start: Math.max(a.start, w.start), end: Math.min(a.end, w.end) };
  return !w.gaps.some((g) => (inside.end <= inside.start ? admits(g, inside.start) : during(inside, g)));
}

export interface Bounds {
  /** smallest gap allowed, ms (default 0) */
  min?: number;
  /** largest gap allowed, ms (default unbounded) */
  max?: number;
}

/** Drools Fusion `before[min,max]`: a ends before b starts, the gap within the bounds. */
export function before(a: Interval, b: Interval, bounds: Bounds = {}): boolean {
  const gap = b.start - a.end;
  return gap >= (bounds.min ?? 0) && gap <= (bounds.max ?? Number.POSITIVE_INFINITY) && a.end <= b.start;
}

/** Drools Fusion `after[min,max]`: a starts after b ends, the gap within the bounds. */
export function after(a: Interval, b: Interval, bounds: Bounds = {}): boolean {
  return before(b, a, bounds);
}

/**
 * Whether a may have begun at or after b (some instant of a at or after some instant of b), the gap
 * within the bounds for some such pair: what `after` is for some draw of the two events' times.
 */
export function mayFollow(a: Interval, b: Interval, bounds: Bounds = {}): boolean {
  const latestA = isInstant(a) ? a.start : a.end;
  const earliestB = b.start;
  if (isInstant(a) ? latestA < earliestB : latestA <= earliestB) return false;
  const minGap = Math.max(0, a.start - b.end);
  const maxGap = latestA - earliestB;
  return minGap <= (bounds.max ?? Number.POSITIVE_INFINITY) && maxGap >= (bounds.min ?? 0);
}
