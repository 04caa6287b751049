import { DateTime, Duration } from 'luxon';

/**
 * A span of time in epoch milliseconds. Event intervals are half-open, [start, end), and an event whose
 * start equals its end is an instant. Windows say for each bound whether it belongs to them.
 */
export interface Interval {
  start: number;
  end: number;
  startInclusive?: boolean;
  endInclusive?: boolean;
}

export function toMillis(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
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

/** A short human form: "Mon 2 Feb 2026 18:00 (UTC+2)". */
export function formatHuman(ms: number, zone: string): string {
  const dt = DateTime.fromMillis(ms, { zone });
  return `${dt.toFormat('ccc d LLL yyyy HH:mm')} (${dt.toFormat('ZZZZ')})`;
}

const isInstant = (a: Interval) => a.end <= a.start;

/** Does the window admit instant t? */
export function admits(w: Interval, t: number): boolean {
  const afterStart = w.startInclusive === false ? t > w.start : t >= w.start;
  const beforeEnd = w.endInclusive ? t <= w.end : t < w.end;
  return afterStart && beforeEnd;
}

/** FEEL `during` / Allen containment: every instant the event may have happened at lies in the window. */
export function during(a: Interval, w: Interval): boolean {
  if (isInstant(a)) return admits(w, a.start);
  const startOk = w.startInclusive === false ? a.start > w.start : a.start >= w.start;
  // a is half-open: its last instant is just before a.end, so a.end may equal the window's end either way
  return startOk && a.end <= w.end;
}

/** FEEL `overlaps`: at least one instant the event may have happened at lies in the window. */
export function overlaps(a: Interval, w: Interval): boolean {
  if (isInstant(a)) return admits(w, a.start);
  const beforeEnd = w.endInclusive ? a.start <= w.end : a.start < w.end;
  return beforeEnd && a.end > w.start;
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
