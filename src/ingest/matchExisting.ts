import type { Count } from '../schema/common.js';
import type { Event } from '../schema/event.js';
import { regionKey } from './scoreIngest.js';

/**
 * A draft that tells of an event the scenario already has (overlapping time, same actor, overlapping
 * places) is proposed as a new source of it rather than a new event, with the figures that agree and
 * those that differ.
 */
export interface SourceProposal {
  draft: string;
  event: string;
  agree: string[];
  differ: string[];
}

const regions = (e: Event) => new Set(e.places.map((p) => regionKey(p.region ?? p.name)));

function placesOverlap(a: Event, b: Event): boolean {
  const ra = regions(a);
  const rb = regions(b);
  // a text that names no place does not contradict one that does
  if (ra.size === 0 || rb.size === 0) return true;
  return [...ra].some((r) => rb.has(r));
}

const show = (c: Count | undefined) =>
  c === undefined ? 'none' : c.high === undefined ? `${c.low}+` : c.low === c.high ? `${c.low}` : `${c.low}-${c.high}`;

function compareCounts(name: string, a: Count | undefined, b: Count | undefined, agree: string[], differ: string[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined || b === undefined) {
    differ.push(`${name}: draft ${show(a)}, event ${show(b)}`);
    return;
  }
  // two counts agree when each allows the other's range
  const aHigh = a.high ?? Infinity;
  const bHigh = b.high ?? Infinity;
  if (a.low <= bHigh && b.low <= aHigh) agree.push(`${name}: draft ${show(a)}, event ${show(b)}`);
  else differ.push(`${name}: draft ${show(a)}, event ${show(b)}`);
}

export function matchExisting(drafts: Event[], existing: Event[]): SourceProposal[] {
  const out: SourceProposal[] = [];
  for (const d of drafts) {
    const ds = Date.parse(d.when.start);
    const de = Date.parse(d.when.end);
    const hits = existing.filter(
      (e) => e.actor === d.actor && Date.parse(e.when.start) < de && ds < Date.parse(e.when.end) && placesOverlap(d, e),
    );
    for (const e of hits) {
      const agree: string[] = [];
      const differ: string[] = [];
      for (const q of ['drones', 'missiles', 'ballisticMissiles', 'cruiseMissiles'] as const)
        compareCounts(q, d.munitions?.[q], e.munitions?.[q], agree, differ);
      for (const q of ['killed', 'injured'] as const) compareCounts(q, d.casualties?.[q], e.casualties?.[q], agree, differ);
      const newTargets = d.targets.filter((t) => !e.targets.includes(t));
      if (newTargets.length > 0) differ.push(`targets the event lacks: ${newTargets.join(', ')}`);
      out.push({ draft: d.id, event: e.id, agree, differ });
    }
  }
  return out;
}
