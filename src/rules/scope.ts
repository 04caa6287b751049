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
  const out: Found = { matched: [], possible: [] };
  const scope = placeMatch(event, o, out);
  return scope === 'none' ? NO_MATCH : { scope, ...out };
}

/** placeScope's reach alone, without listing what matched (a bulk run needs only this). */
export function placeReach(event: Event, o: Obligation): Reach {
  return placeMatch(event, o, undefined);
}

interface Found {
  matched: string[];
  possible: string[];
}

/** The one definition of place matching: lists what matched in `out` if given, else stops at the first certain match. */
function placeMatch(event: Event, o: Obligation, out: Found | undefined): Reach {
  const { names, lower, placeKinds, couldHoldKind, any } = termsOf(o);
  if (event.target !== o.towards || !any) return 'none';
  const excluded = event.placesExcluded.length === 0 ? NOTHING : new Set(event.placesExcluded.map((p) => p.toLowerCase()));
  let reach: Reach = 'none';
  for (const p of event.places) {
    if (p.precision === 'settlement') {
      const named = names.some((n) => n === p.name || n === p.settlement);
      if (named || ALSO[p.kind].some((k) => placeKinds.includes(k))) {
        if (!out) return 'certain';
        out.matched.push(p.name);
        reach = 'certain';
      }
      continue;
    }
    // near a settlement (dataset imports) reaches what its name could name, as a region does
    const byName = p.precision === 'region' || p.precision === 'near-settlement';
    const name = byName ? p.name.toLowerCase() : '';
    const couldHoldName = lower.some((n) => !excluded.has(n) && (!byName || name.startsWith(n)));
    if (couldHoldName || couldHoldKind) {
      out?.possible.push(p.name);
      if (reach === 'none') reach = 'possible';
    }
  }
  if (event.places.length === 0) {
    // the text does not say where: any protected place could have been hit
    if (lower.some((n) => !excluded.has(n)) || placeKinds.some((k) => k !== 'capital')) {
      out?.possible.push('(places not stated)');
      reach = 'possible';
    }
  }
  return reach;
}

/** What place matching needs of an obligation, worked out once per obligation. */
interface Terms {
  names: string[];
  /** the names in lower case */
  lower: string[];
  placeKinds: PlaceKind[];
  /** whether a place known only roughly could hold a protected kind of settlement */
  couldHoldKind: boolean;
  /** whether the obligation protects any place at all */
  any: boolean;
}

const terms = new WeakMap<Obligation, Terms>();
function termsOf(o: Obligation): Terms {
  let t = terms.get(o);
  if (!t) {
    const { places: names, placeKinds } = o.refrainFrom;
    t = {
      names,
      lower: names.map((n) => n.toLowerCase()),
      placeKinds,
      couldHoldKind: placeKinds.some((k) => SETTLEMENT_KINDS.includes(k) && k !== 'capital'),
      any: names.length > 0 || placeKinds.length > 0,
    };
    terms.set(o, t);
  }
  return t;
}

/** Do the things an event hit fall in the protected target types? Unknown targets are possible. */
export function targetScope(event: Event, o: Obligation): ScopeMatch {
  const protectedTargets = o.refrainFrom.targets;
  if (event.target !== o.towards || protectedTargets.length === 0) return NO_MATCH;
  if (event.targets.length === 0) return matchOf([], protectedTargets.map((t) => `${t} (targets not stated)`));
  return matchOf(event.targets.filter((t) => protectedTargets.includes(t)), []);
}

/** targetScope's reach alone. */
export function targetReach(event: Event, o: Obligation): Reach {
  const protectedTargets = o.refrainFrom.targets;
  if (event.target !== o.towards || protectedTargets.length === 0) return 'none';
  if (event.targets.length === 0) return 'possible';
  return event.targets.some((t) => protectedTargets.includes(t)) ? 'certain' : 'none';
}

/** Nothing matched: one shared value (a match is read, never changed). */
const NO_MATCH: ScopeMatch = Object.freeze({ scope: 'none', matched: Object.freeze([]) as unknown as string[], possible: Object.freeze([]) as unknown as string[] });
const NOTHING: ReadonlySet<string> = new Set();

const matchOf = (matched: string[], possible: string[]): ScopeMatch =>
  matched.length === 0 && possible.length === 0 ? NO_MATCH : { scope: reachOf({ matched, possible }), matched, possible };

export function stronger(a: Reach, b: Reach): Reach {
  if (a === 'certain' || b === 'certain') return 'certain';
  if (a === 'possible' || b === 'possible') return 'possible';
  return 'none';
}
