import type { Event, Place, PlaceKind } from '../schema/event.js';
import type { Obligation } from '../schema/interpretation.js';

export type Reach = 'certain' | 'possible' | 'none';

export interface ScopeMatch {
  scope: Reach;
  /** what certainly matched */
  matched: string[];
  /** what may have matched */
  possible: string[];
}

/** Kinds a settlement-precise place also counts as: a capital is a city; a district lies in a city. */
const ALSO: Record<PlaceKind, PlaceKind[]> = {
  capital: ['capital', 'city'],
  city: ['city'],
  town: ['town'],
  village: ['village'],
  district: ['city'],
  region: [],
  country: [],
  unknown: [],
};
const SETTLEMENT_KINDS: PlaceKind[] = ['capital', 'city', 'town', 'village'];

const reachOf = (m: { matched: string[]; possible: string[] }): Reach =>
  m.matched.length > 0 ? 'certain' : m.possible.length > 0 ? 'possible' : 'none';

/**
 * Do the places an event hit fall in what the obligation protects? Certain only for places the text
 * pins to a settlement; a place known only as a region (or not at all) could hold a protected town,
 * so it is possible, unless the text excludes the protected place.
 */
export function placeScope(event: Event, o: Obligation): ScopeMatch {
  const { places: names, placeKinds } = o.refrainFrom;
  const out = { matched: [] as string[], possible: [] as string[] };
  if (event.target !== o.towards || (names.length === 0 && placeKinds.length === 0)) return { scope: 'none', ...out };
  const excluded = new Set(event.placesExcluded.map((p) => p.toLowerCase()));
  const namedIn = (p: Place) => names.find((n) => n === p.name || n === p.settlement);
  for (const p of event.places) {
    if (p.precision === 'settlement') {
      const name = namedIn(p);
      const kind = ALSO[p.kind].find((k) => placeKinds.includes(k));
      if (name !== undefined || kind !== undefined) out.matched.push(p.name);
      continue;
    }
    const couldHoldName = names.some(
      (n) => !excluded.has(n.toLowerCase()) && (p.precision !== 'region' || p.name.toLowerCase().startsWith(n.toLowerCase())),
    );
    const couldHoldKind = placeKinds.some((k) => SETTLEMENT_KINDS.includes(k) && k !== 'capital');
    if (couldHoldName || couldHoldKind) out.possible.push(p.name);
  }
  if (event.places.length === 0) {
    // the text does not say where: any protected place could have been hit
    const openNames = names.filter((n) => !excluded.has(n.toLowerCase()));
    if (openNames.length > 0 || placeKinds.some((k) => k !== 'capital')) out.possible.push('(places not stated)');
  }
  return { scope: reachOf(out), ...out };
}

/** Do the things an event hit fall in the protected target types? Unknown targets are possible. */
export function targetScope(event: Event, o: Obligation): ScopeMatch {
  const protectedTargets = o.refrainFrom.targets;
  const out = { matched: [] as string[], possible: [] as string[] };
  if (event.target !== o.towards || protectedTargets.length === 0) return { scope: 'none', ...out };
  if (event.targets.length === 0) out.possible.push(...protectedTargets.map((t) => `${t} (targets not stated)`));
  else out.matched.push(...event.targets.filter((t) => protectedTargets.includes(t)));
  return { scope: reachOf(out), ...out };
}

export function stronger(a: Reach, b: Reach): Reach {
  if (a === 'certain' || b === 'certain') return 'certain';
  if (a === 'possible' || b === 'possible') return 'possible';
  return 'none';
}
