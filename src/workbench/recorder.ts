import { stringify } from 'yaml';
import type { Change, Overlay } from '../schema/overlay.js';
import type { Event } from '../schema/event.js';
import type { Interpretation } from '../schema/interpretation.js';
import { getByPath, setByPath, splitPath } from '../overlay/paths.js';

/**
 * The page's edits as a `truce.overlay/v1` change list. Each edit replaces what an earlier edit of the same
 * thing recorded, so the list stays one change per thing changed (the latest value), and an edit back to
 * the base's value drops the change. Pure: every function returns a new list.
 */
export type Changes = readonly Change[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isPrefix = (p: string, of: string) => of.startsWith(p + '.');

/** The event ids the list removes. */
export function removedEvents(changes: Changes): string[] {
  return changes.flatMap((c) => ('removeEvents' in c ? c.removeEvents : []));
}

/** Events the list adds (hypothetical ones), as they stand after later edits to them. */
export function addedEvents(changes: Changes): Event[] {
  return changes.flatMap((c) => ('addEvents' in c ? c.addEvents : []));
}

/**
 * `set: { path, value }`. A change that already sets a part of the scenario above `path` takes the new
 * value inside its own; changes below `path` are overridden and dropped. `baseValue`: what the base
 * has there, so that setting it back removes the change.
 */
export function recordSet(changes: Changes, path: string, value: unknown, baseValue?: unknown): Change[] {
  const out: Change[] = [];
  let absorbed = false;
  for (const c of changes) {
    if ('set' in c) {
      if (c.set.path === path || isPrefix(path, c.set.path)) continue;
      if (!absorbed && isPrefix(c.set.path, path)) {
        const copy = structuredClone(c.set.value);
        const r = setByPath(copy, splitPath(path.slice(c.set.path.length + 1)), structuredClone(value));
        if (r.ok) {
          out.push({ set: { path: c.set.path, value: copy } });
          absorbed = true;
          continue;
        }
      }
    }
    out.push(c);
  }
  if (!absorbed && !(baseValue !== undefined && same(baseValue, value))) out.push({ set: { path, value: structuredClone(value) } });
  return withRemovalsLast(out);
}

/** Leave an event out, or bring it back. */
export function recordRemoved(changes: Changes, eventId: string, removed: boolean): Change[] {
  const ids = new Set(removedEvents(changes));
  if (removed) ids.add(eventId);
  else ids.delete(eventId);
  const rest = changes.filter((c) => !('removeEvents' in c));
  return ids.size > 0 ? [...rest, { removeEvents: [...ids].sort() }] : [...rest];
}

/** Removals come last, so that edits recorded for an event before it was left out still apply. */
function withRemovalsLast(changes: Change[]): Change[] {
  const removals = changes.filter((c) => 'removeEvents' in c);
  return [...changes.filter((c) => !('removeEvents' in c)), ...removals];
}

/** Set fields of an event (`places`, `munitions`, `when`...). An added event is edited in place. */
export function recordEventFields(changes: Changes, base: readonly Event[], eventId: string, fields: Record<string, unknown>): Change[] {
  const added = changes.findIndex((c) => 'addEvents' in c && c.addEvents.some((e) => e.id === eventId));
  if (added >= 0) {
    return changes.map((c, i) => {
      if (i !== added || !('addEvents' in c)) return c;
      return { addEvents: c.addEvents.map((e) => (e.id === eventId ? applyFields(e, fields) : e)) };
    });
  }
  const original = base.find((e) => e.id === eventId);
  const k = changes.findIndex((c) => 'updateEvent' in c && c.updateEvent.id === eventId);
  const before =
    k >= 0 && 'updateEvent' in changes[k]! ? (changes[k] as { updateEvent: { set: Record<string, unknown> } }).updateEvent.set : {};
  const set: Record<string, unknown> = { ...before };
  for (const [p, v] of Object.entries(fields)) {
    const baseValue = original ? getByPath(original, splitPath(p)) : { ok: false as const };
    if (baseValue.ok && same(baseValue.value, v)) delete set[p];
    else set[p] = structuredClone(v);
  }
  const rest = changes.filter((_, i) => i !== k);
  const at = k >= 0 ? k : rest.length;
  if (Object.keys(set).length === 0) return withRemovalsLast(rest);
  return withRemovalsLast([...rest.slice(0, at), { updateEvent: { id: eventId, set } }, ...rest.slice(at)]);
}

function applyFields(e: Event, fields: Record<string, unknown>): Event {
  const copy = structuredClone(e);
  for (const [p, v] of Object.entries(fields)) setByPath(copy, splitPath(p), structuredClone(v));
  return copy;
}

/** Shift an event in time by a number of minutes (0: no shift). One shift per event, the latest. */
export function recordShift(changes: Changes, eventId: string, minutes: number): Change[] {
  const rest = changes.filter((c) => !('shiftEvent' in c && c.shiftEvent.id === eventId));
  if (minutes === 0) return [...rest];
  return withRemovalsLast([...rest, { shiftEvent: { id: eventId, by: minutesToDuration(minutes) } }]);
}

export function shiftOf(changes: Changes, eventId: string): number {
  for (const c of changes) if ('shiftEvent' in c && c.shiftEvent.id === eventId) return durationToMinutes(c.shiftEvent.by);
  return 0;
}

export function minutesToDuration(minutes: number): string {
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${minutes < 0 ? '-' : ''}PT${h > 0 ? `${h}H` : ''}${m > 0 || h === 0 ? `${m}M` : ''}`;
}

export function durationToMinutes(by: string): number {
  const m = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(by);
  if (!m) return 0;
  const total = Number(m[2] ?? 0) * 1440 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] ? -total : total;
}

/** Add a hypothetical event. */
export function recordAddEvent(changes: Changes, event: Event): Change[] {
  return withRemovalsLast([...changes, { addEvents: [structuredClone(event)] }]);
}

/** Drop a hypothetical event the page added, with every later change about it. */
export function recordDropAdded(changes: Changes, eventId: string): Change[] {
  const out: Change[] = [];
  for (const c of changes) {
    if ('addEvents' in c) {
      const kept = c.addEvents.filter((e) => e.id !== eventId);
      if (kept.length > 0) out.push({ addEvents: kept });
    } else if (('updateEvent' in c && c.updateEvent.id === eventId) || ('shiftEvent' in c && c.shiftEvent.id === eventId)) continue;
    else out.push(c);
  }
  return out;
}

/** Add a reading (a copy of another, under a new id). */
export function recordAddReading(changes: Changes, reading: Interpretation): Change[] {
  return withRemovalsLast([...changes, { setInterpretation: structuredClone(reading) }]);
}

/** The overlay file the page offers for download. */
export function overlayOf(meta: { extends: string; id: string; title: string; note?: string }, changes: Changes): Overlay {
  return {
    format: 'truce.overlay/v1',
    extends: meta.extends,
    id: meta.id,
    title: meta.title,
    ...(meta.note !== undefined ? { note: meta.note } : {}),
    changes: structuredClone([...changes]),
    expect: [],
  };
}

export function overlayYaml(overlay: Overlay): string {
  const { expect, ...rest } = overlay;
  return stringify(expect.length > 0 ? overlay : rest, { lineWidth: 0 });
}
