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
  const start = parseInstant(iso);
  if (!Number.isNaN(start)) return addDurationAt(start, duration, zone);
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone).plus(Duration.fromISO(duration)).toMillis();
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** the range of instants an ECMAScript date holds: beyond it luxon's answer is invalid (NaN) */
const MAX_INSTANT = 8.64e15;
/** weeks, days, then hours, minutes, whole seconds: the durations added without luxon (others ask it) */
const SIMPLE_DURATION = /^P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,6})S)?)?$/;

/**
 * `ms` plus an ISO duration, counted in `zone` as luxon's `DateTime.plus` counts it: days (and weeks) move
 * the wall-clock date and keep the wall-clock time, then hours, minutes and seconds add elapsed time, so
 * P1D across a change of the clocks is 23 or 25 hours and PT24H is always 24. A sweep resolves one window
 * per combination, and luxon's parsing and zone lookups were most of a window sweep's time: durations of
 * days and clock time (all the formats' windows use) are worked out here with luxon's own steps and the
 * zone's offsets from the hourly cache below; years and months, fractions and signs go to luxon.
 */
export function addDurationAt(ms: number, duration: string, zone: string): number {
  const m = SIMPLE_DURATION.exec(duration);
  const o = m === null || duration === 'P' || duration.endsWith('T') ? Number.NaN : offsetMinutes(ms, zone);
  // an offset in whole minutes (local mean times before the 20th century have seconds: luxon's rounding decides)
  if (m !== null && Number.isInteger(o)) {
    const days = Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0);
    const clock = Number(m[3] ?? 0) * 3_600_000 + Number(m[4] ?? 0) * MINUTE + Number(m[5] ?? 0) * 1000;
    // the wall-clock time `days` later, then back to an instant as luxon does (fixOffset)
    const t = fixOffset(ms + o * MINUTE + days * DAY, o, zone)[0] + clock;
    if (Math.abs(t) <= MAX_INSTANT) return t;
  }
  return DateTime.fromMillis(ms, { zone }).plus(Duration.fromISO(duration)).toMillis();
}

/**
 * The next midnight in `zone` after `ms` (the end of the day it falls on), as luxon's
 * `startOf('day').plus({ days: 1 })` gives it, a day that starts at a skipped midnight included.
 */
export function nextMidnight(ms: number, zone: string): number {
  const o = offsetMinutes(ms, zone);
  if (Number.isInteger(o)) {
    const midnight = fixOffset(Math.floor((ms + o * MINUTE) / DAY) * DAY, o, zone)[0];
    const o1 = offsetMinutes(midnight, zone);
    if (Number.isInteger(o1)) {
      const t = fixOffset(midnight + o1 * MINUTE + DAY, o1, zone)[0];
      if (Math.abs(t) <= MAX_INSTANT) return t;
    }
  }
  return DateTime.fromMillis(ms, { zone }).startOf('day').plus({ days: 1 }).toMillis();
}

/**
 * The instant of wall-clock time `local` (as epoch ms) in `zone`, trying offset `o` first: luxon's
 * `fixOffset`, step for step, so that a time the clocks skip or repeat resolves as luxon resolves it.
 */
function fixOffset(local: number, o: number, zone: string): [number, number] {
  let utc = local - o * MINUTE;
  const o2 = offsetMinutes(utc, zone);
  if (o === o2) return [utc, o];
  utc -= (o2 - o) * MINUTE;
  const o3 = offsetMinutes(utc, zone);
  if (o2 === o3) return [utc, o2];
  return [local - Math.min(o2, o3) * MINUTE, Math.max(o2, o3)];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The wall-clock time of `ms` in a named zone, from the hourly offsets below; undefined where luxon must
 * answer: a name luxon reads as a fixed offset (UTC, GMT, UTC+3: only IANA names have a '/'), an offset
 * not in whole minutes, a year outside 0-9999 (luxon writes those otherwise).
 */
export function wallClock(ms: number, zone: string): { d: Date; offset: number } | undefined {
  if (!zone.includes('/')) return undefined;
  const offset = hourOf(ms, zone)?.offset;
  if (offset === undefined || !Number.isInteger(offset)) return undefined;
  const d = new Date(ms + offset * MINUTE);
  const y = d.getUTCFullYear();
  return y >= 0 && y <= 9999 ? { d, offset } : undefined;
}

/** luxon's `toFormat('LLL d HH:mm')` of `ms` in `zone` (`Feb 3 18:00`), from the hourly offsets where it can. */
export function formatMonthDayClock(ms: number, zone: string): string {
  const w = wallClock(ms, zone);
  if (w === undefined) return DateTime.fromMillis(ms, { zone }).toFormat('LLL d HH:mm');
  const { d } = w;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/**
 * ISO-8601 with the offset of `zone` at that instant, to the second, as luxon's
 * `toISO({ suppressMilliseconds: true })` writes it (a named zone's offset as +00:00, never Z). Written
 * here from the hourly offsets: luxon's zone lookup is ICU's, whose first use costs a cached start about
 * 10 ms (README, Cold start), and the offsets may come from the CLI's cache of them (seedZoneHours).
 */
export function formatInstant(ms: number, zone: string): string {
  const w = wallClock(ms, zone);
  if (w === undefined) return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? String(ms);
  const { d, offset } = w;
  const frac = d.getUTCMilliseconds();
  const abs = Math.abs(offset);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}${frac === 0 ? '' : `.${String(frac).padStart(3, '0')}`}${offset < 0 ? '-' : '+'}${pad2(Math.trunc(abs / 60))}:${pad2(abs % 60)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HOUR = 3_600_000;
/**
 * zone -> hour index -> the offset in minutes (and luxon's short offset name, once a report asks), or
 * null for an hour in which the offset changes: most changes fall on whole UTC hours, but not all
 * (Asia/Kathmandu went from +05:30 to +05:45 at 18:30 UTC; Australia/Lord_Howe shifts by 30 minutes), so
 * an hour is cached only when its first and last instants share an offset. It may live as long as the
 * module: it is a pure function of its primitive keys (a zone name and an hour), whatever run asks.
 */
const offsets = new Map<string, Map<number, Hour>>();

type Hour = { offset: number; label?: string } | null;
/**
 * Hours known from an earlier process (the CLI keeps them in its cache, keyed by node's build: the offsets
 * and names are ICU's data), so that a cached run need not start ICU at all. Each entry is what hourOf
 * itself gave then: [hour, offset, label?] or [hour, null].
 */
export function seedZoneHours(zone: string, hours: readonly (readonly [number, number | null, string?])[]): void {
  let byHour = offsets.get(zone);
  if (!byHour) {
    byHour = new Map();
    offsets.set(zone, byHour);
  }
  for (const [h, offset, label] of hours)
    if (!byHour.has(h)) byHour.set(h, offset === null ? null : label === undefined ? { offset } : { offset, label });
}

/** The memo's entries (offsets luxon knew, with any names asked for), in the form seedZoneHours takes. */
export function zoneHours(): Record<string, (readonly [number, number | null, string?])[]> {
  return Object.fromEntries(
    [...offsets].map(([zone, byHour]) => [
      zone,
      [...byHour]
        // an unknown zone's NaN is left out (JSON would give it back as null, an hour luxon must answer)
        .filter(([, o]) => o === null || Number.isFinite(o.offset))
        .map(([h, o]) =>
          o === null ? ([h, null] as const) : o.label === undefined ? ([h, o.offset] as const) : ([h, o.offset, o.label] as const),
        ),
    ]),
  );
}

function hourOf(ms: number, zone: string): Hour {
  let byHour = offsets.get(zone);
  if (!byHour) {
    byHour = new Map();
    offsets.set(zone, byHour);
  }
  const h = Math.floor(ms / HOUR);
  let o = byHour.get(h);
  if (o === undefined) {
    const first = DateTime.fromMillis(h * HOUR, { zone }).offset;
    const last = DateTime.fromMillis(h * HOUR + HOUR - 1, { zone }).offset;
    // an unknown zone's offset is NaN, never equal: left to luxon on each call
    o = first === last ? { offset: first } : null;
    if (byHour.size > 100_000) byHour.clear();
    byHour.set(h, o);
  }
  return o;
}

/** The offset of `zone` at instant `ms`, in minutes, as luxon gives it (NaN for a zone it does not know). */
export function offsetMinutes(ms: number, zone: string): number {
  return hourOf(ms, zone)?.offset ?? DateTime.fromMillis(ms, { zone }).offset;
}

function offsetAt(ms: number, zone: string): [number, string] {
  const o = hourOf(ms, zone);
  if (o === null) {
    const dt = DateTime.fromMillis(ms, { zone });
    return [dt.offset, dt.toFormat('ZZZZ')];
  }
  o.label ??= DateTime.fromMillis(Math.floor(ms / HOUR) * HOUR, { zone }).toFormat('ZZZZ');
  return [o.offset, o.label];
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
