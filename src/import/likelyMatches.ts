import type { Event } from '../schema/event.js';
import { toMillis } from '../time/interval.js';

/** An imported event that may be one already in the scenario, and why. */
export interface LikelyMatch {
  imported: string;
  existing: string;
  /** the overlap of their intervals, and the actor they share */
  time: { start: string; end: string };
  actor: string;
  /** the places that overlap, or why the places cannot tell them apart */
  places: string;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Why two events' places may be the same, or undefined when they cannot be. */
function placesOverlap(a: Event, b: Event): string | undefined {
  if (a.places.length === 0 || b.places.length === 0) return 'one of them does not say where';
  for (const p of a.places) {
    for (const q of b.places) {
      if (norm(p.name) === norm(q.name)) return `both at ${p.name}`;
      if (p.precision === 'country' || q.precision === 'country' || p.precision === 'unknown' || q.precision === 'unknown')
        return `${p.name} / ${q.name}: one is not placed more precisely than its country`;
      const pr = p.region ?? (p.precision === 'region' ? p.name : undefined);
      const qr = q.region ?? (q.precision === 'region' ? q.name : undefined);
      // a region-precise place overlaps everything in its region; two settlements in one region need not
      if (pr !== undefined && qr !== undefined && norm(pr) === norm(qr) && (p.precision !== 'settlement' || q.precision !== 'settlement'))
        return `both in ${pr}`;
    }
  }
  return undefined;
}

/**
 * Likely duplicates, for a person to judge: same actor, overlapping time, places that may overlap. One
 * pass over the scenario's events per imported event; the scenario is the small side.
 */
export function likelyMatches(imported: Event, existing: readonly { event: Event; start: number; end: number }[]): LikelyMatch[] {
  const s = toMillis(imported.when.start);
  const e = toMillis(imported.when.end);
  const out: LikelyMatch[] = [];
  for (const x of existing) {
    if (x.event.actor !== imported.actor || x.event.id === imported.id) continue;
    const start = Math.max(s, x.start);
    const end = Math.min(e, x.end);
    const overlaps = start < end || (start === end && (s === e || x.start === x.end));
    if (!overlaps) continue;
    const why = placesOverlap(imported, x.event);
    if (why === undefined) continue;
    out.push({
      imported: imported.id,
      existing: x.event.id,
      time: { start: new Date(start).toISOString(), end: new Date(end).toISOString() },
      actor: imported.actor,
      places: why,
    });
  }
  return out;
}
