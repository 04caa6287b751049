import type { Event, MeansClass } from '../schema/event.js';
import type { Obligation } from '../schema/interpretation.js';
import type { Reach } from './scope.js';

/** What a dataset's event type says about the means (a drone strike may be long- or short-range). */
const FROM_MEANS: Record<NonNullable<Event['means']>[number], { certain: MeansClass[]; possible: MeansClass[] }> = {
  'air-strike': { certain: ['air'], possible: [] },
  'drone-strike': { certain: [], possible: ['long-range', 'short-range-drones'] },
  missile: { certain: ['long-range'], possible: [] },
  artillery: { certain: ['artillery'], possible: [] },
  shelling: { certain: ['artillery'], possible: [] },
  'armed-clash': { certain: ['ground-assault'], possible: [] },
  'direct-attack': { certain: ['ground-assault'], possible: [] },
  'remote-explosive': { certain: [], possible: [] },
  grenade: { certain: [], possible: [] },
  'suicide-bomb': { certain: [], possible: [] },
  'chemical-weapon': { certain: [], possible: [] },
};

const FROM_KIND: Partial<Record<Event['kind'], MeansClass>> = {
  shelling: 'artillery',
  'ground-assault': 'ground-assault',
  'air-strike': 'air',
};

/** The means an event certainly and possibly used; `known` false when nothing in it says which. */
export function meansOf(e: Event): { certain: MeansClass[]; possible: MeansClass[]; known: boolean } {
  const certain = new Set<MeansClass>();
  const possible = new Set<MeansClass>();
  const kindClass = FROM_KIND[e.kind];
  if (kindClass) certain.add(kindClass);
  const m = e.munitions ?? {};
  const add = (c: { low: number; high?: number | undefined } | undefined, cls: MeansClass) => {
    if (c === undefined) return;
    // a count of zero with a ceiling above it: may have been used
    if (c.low > 0) certain.add(cls);
    else if (c.high === undefined || c.high > 0) possible.add(cls);
  };
  add(m.drones, 'long-range');
  add(m.missiles, 'long-range');
  add(m.ballisticMissiles, 'long-range');
  add(m.cruiseMissiles, 'long-range');
  add(m.guidedBombs, 'air');
  add(m.shells, 'artillery');
  add(m.fpvDrones, 'short-range-drones');
  for (const x of e.means ?? []) {
    for (const c of FROM_MEANS[x].certain) certain.add(c);
    for (const c of FROM_MEANS[x].possible) possible.add(c);
  }
  const known = certain.size > 0 || possible.size > 0 || (e.means !== undefined && e.means.length > 0);
  return { certain: [...certain].sort(), possible: [...possible].filter((c) => !certain.has(c)).sort(), known };
}

/**
 * Do the event's means fall in the means the obligation forbids? Certain when a forbidden means was
 * certainly used; possible when one may have been, or when the text does not say how the act was done.
 */
export function meansReach(e: Event, o: Obligation): Reach {
  const forbidden = o.refrainFrom.means;
  if (forbidden === undefined) return 'certain';
  const m = meansOf(e);
  if (m.certain.some((c) => forbidden.includes(c))) return 'certain';
  if (!m.known || m.possible.some((c) => forbidden.includes(c))) return 'possible';
  return 'none';
}

/**
 * Does the event lie in the obligation's area? Judged on its stated distance from the front line:
 * certain when every figure falls in the area, none when none does, possible otherwise or unstated.
 */
export function areaReach(e: Event, o: Obligation): Reach {
  const area = o.refrainFrom.area;
  if (area === undefined || area === 'whole-country') return 'certain';
  const d = e.frontDistanceKm;
  if (d === undefined) return 'possible';
  const near = 'frontLine' in area;
  const km = near ? area.frontLine.km : area.rear.km;
  const allNear = d.high !== undefined && d.high <= km;
  const allFar = d.low > km;
  if (near) return allNear ? 'certain' : allFar ? 'none' : 'possible';
  return allFar ? 'certain' : allNear ? 'none' : 'possible';
}

/** Whether an obligation covers every act against its party, its other terms being only means and area. */
export function coversEverything(o: Obligation): boolean {
  const r = o.refrainFrom;
  if (r.all) return true;
  const narrowed = r.means !== undefined || r.area !== undefined;
  return narrowed && r.places.length === 0 && r.placeKinds.length === 0 && r.targets.length === 0;
}

/** The weaker of two reaches: coverage needs both. */
export function weaker(a: Reach, b: Reach): Reach {
  if (a === 'none' || b === 'none') return 'none';
  if (a === 'possible' || b === 'possible') return 'possible';
  return 'certain';
}
