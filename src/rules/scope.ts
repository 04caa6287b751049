import type { Event, PlaceKind } from '../schema/event.js';
import type { Obligation } from '../schema/interpretation.js';
import type { PlaceEntry } from '../schema/places.js';
import type { PlaceIndex } from '../places/placeIndex.js';
import { coversEverything } from './coverage.js';

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
export function placeScope(event: Event, o: Obligation, index?: PlaceIndex, memo: ScopeMemo = new ScopeMemo()): ScopeMatch {
  const out: Found = { matched: [], possible: [] };
  const scope = placeMatch(event, o, out, index, memo);
  return scope === 'none' ? NO_MATCH : { scope, ...out };
}

/**
 * placeScope's reach alone, without listing what matched (a bulk run needs only this). It depends only
 * on the obligation and on the event's target, places and exclusions, so the memo keeps it per distinct
 * places written out: a long stream names the same few places again and again.
 */
export function placeReach(
  event: Event,
  o: Obligation,
  index?: PlaceIndex,
  memo: ScopeMemo = new ScopeMemo(),
  /** the event's `memo.placesId`, when the caller keeps it (once per event, not per obligation and reading) */
  placesId?: number,
): Reach {
  if (event.target !== o.towards) return 'none';
  if (coversEverything(o)) return 'certain';
  return memo.placeReach(event, o, index, placesId);
}

/** One step of the places trie: what follows, and the number of the list that ends here (-1: none yet). */
interface PlacesNode {
  next: Map<number, PlacesNode> | undefined;
  id: number;
}

function step(node: PlacesNode, k: number): PlacesNode {
  let m = node.next;
  if (m === undefined) node.next = m = new Map();
  let c = m.get(k);
  if (c === undefined) m.set(k, (c = { next: undefined, id: -1 }));
  return c;
}

/** Bound of the places numbering's small numbers (a pair of them is a safe integer, a Map's cheapest key). */
const SMALL = 1 << 15;

/** Distinct places kept per obligation before the memo starts again (it holds only what can be worked out again). */
const MAX_PLACES_KEPT = 50_000;

interface Found {
  matched: string[];
  possible: string[];
}

/** The one definition of place matching: lists what matched in `out` if given, else stops at the first certain match. */
function placeMatch(event: Event, o: Obligation, out: Found | undefined, index: PlaceIndex | undefined, memo: ScopeMemo): Reach {
  if (event.target !== o.towards) return 'none';
  if (coversEverything(o)) {
    // every act against the party is covered, wherever it landed
    if (out) out.matched.push(...(event.places.length > 0 ? event.places.map((p) => p.name) : ['(all hostilities)']));
    return 'certain';
  }
  const { names, lower, placeKinds, couldHoldKind, any } = memo.terms(o);
  if (!any) return 'none';
  if (index !== undefined && index.entries.length > 0) return hierarchyMatch(event, memo.hierarchyTerms(o, index), out, index);
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

const SETTLEMENTS = new Set<PlaceKind>(SETTLEMENT_KINDS);
/** a region is wholly protected when every kind of settlement in it is (a region's capital is also a city) */
const EVERY_SETTLEMENT: PlaceKind[] = ['city', 'town', 'village'];

/**
 * Place matching on a hierarchy: a place is protected when a protected place contains it (`Ukraine`
 * covers Kherson, `Sumy Oblast` covers Sumy) or its kind is protected; a place known only as a region
 * is certainly protected when the region lies within a protected place or every kind of settlement is
 * protected, possibly when some protected place or kind lies within it. Names the hierarchy does not
 * know are matched as without one.
 */
function hierarchyMatch(event: Event, t: HierarchyTerms, out: Found | undefined, index: PlaceIndex): Reach {
  const excludedIds = new Set<string>();
  const excludedNames = new Set<string>();
  for (const x of event.placesExcluded) {
    excludedNames.add(x.toLowerCase());
    for (const e of index.lookup(x)) excludedIds.add(e.id);
  }
  let reach: Reach = 'none';
  const found = (name: string, r: Reach): boolean => {
    if (r === 'certain') {
      out?.matched.push(name);
      reach = 'certain';
      return out === undefined;
    }
    if (r === 'possible') {
      out?.possible.push(name);
      if (reach === 'none') reach = 'possible';
    }
    return false;
  };
  for (const p of event.places) {
    if (p.precision === 'settlement') {
      const kindHit = ALSO[p.kind].some((k) => t.placeKinds.includes(k));
      const named = t.names.some((n) => n === p.name || n === p.settlement);
      const entry = resolveSettlement(index, p.settlement ?? p.name, p.region);
      const within = entry !== undefined ? t.ids.some((id) => index.contains(id, entry.id)) : regionProtected(index, t, p.region);
      if ((kindHit || named || within) && found(p.name, 'certain')) return 'certain';
      continue;
    }
    // near a settlement: anywhere around it, so judged like its region (what the name could name)
    if (p.precision === 'region' || p.precision === 'near-settlement') {
      const region = resolveRegion(index, p.region ?? p.name) ?? resolveRegion(index, p.name);
      if (region === undefined) {
        // a region the hierarchy does not know: as without a hierarchy
        const name = p.name.toLowerCase();
        if (t.unresolved.some((n) => !excludedNames.has(n) && name.startsWith(n)) || t.couldHoldKind) found(p.name, 'possible');
        continue;
      }
      if (t.ids.some((id) => index.contains(id, region.id)) || EVERY_SETTLEMENT.every((k) => t.placeKinds.includes(k))) {
        if (found(p.name, 'certain')) return 'certain';
        continue;
      }
      const holdsProtected = t.ids.some((id) => !excludedIds.has(id) && index.contains(region.id, id));
      const holdsKind = t.placeKinds.some(
        (k) => SETTLEMENTS.has(k) && (k !== 'capital' || index.children(region.id).some((c) => c.kind === 'capital')),
      );
      if (holdsProtected || holdsKind || t.unresolved.some((n) => !excludedNames.has(n))) found(p.name, 'possible');
      continue;
    }
    // a country, or a place not known at all
    const country = p.precision === 'country' ? index.lookup(p.name).find((e) => e.kind === 'country') : undefined;
    if (country !== undefined && t.ids.some((id) => index.contains(id, country.id))) {
      if (found(p.name, 'certain')) return 'certain';
      continue;
    }
    if (t.ids.some((id) => !excludedIds.has(id)) || t.unresolved.some((n) => !excludedNames.has(n)) || t.couldHoldKind)
      found(p.name, 'possible');
  }
  if (
    event.places.length === 0 &&
    (t.ids.some((id) => !excludedIds.has(id)) ||
      t.unresolved.some((n) => !excludedNames.has(n)) ||
      t.placeKinds.some((k) => k !== 'capital'))
  ) {
    found('(places not stated)', 'possible');
  }
  return reach;
}

/** A settlement by name, the one in the stated region when the name is ambiguous. */
function resolveSettlement(index: PlaceIndex, name: string, region: string | undefined): PlaceEntry | undefined {
  const hits = index.lookup(name).filter((e) => SETTLEMENTS.has(e.kind as PlaceKind) || e.kind === 'district');
  if (hits.length <= 1 || region === undefined) return hits[0];
  const r = resolveRegion(index, region);
  return (r && hits.find((h) => index.contains(r.id, h.id))) ?? hits[0];
}

function resolveRegion(index: PlaceIndex, name: string): PlaceEntry | undefined {
  return index.lookup(name).find((e) => e.kind === 'region');
}

/** A settlement the hierarchy does not know, in a region it does: protected if a protected place contains the region. */
function regionProtected(index: PlaceIndex, t: HierarchyTerms, region: string | undefined): boolean {
  const r = region === undefined ? undefined : resolveRegion(index, region);
  return r !== undefined && t.ids.some((id) => index.contains(id, r.id));
}

interface HierarchyTerms {
  names: string[];
  placeKinds: PlaceKind[];
  /** the protected places the hierarchy knows */
  ids: string[];
  /** protected names it does not know, in lower case */
  unresolved: string[];
  couldHoldKind: boolean;
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

/**
 * What place matching works out once per obligation (its terms, and where they sit in a hierarchy).
 * Kept by whoever matches many events (a run's RunContext, a caller's RunsMemo) and dropped with it:
 * keyed by the obligation object, which a run never changes.
 */
export class ScopeMemo {
  // weak: a sweep's or a session's memo outlives the obligations of the combinations it has run
  private readonly byObligation = new WeakMap<Obligation, Terms>();
  private readonly inHierarchy = new WeakMap<Obligation, { index: PlaceIndex; terms: HierarchyTerms }>();
  /** per obligation, the reach of each distinct places (by placesId) */
  private readonly reaches = new WeakMap<Obligation, { index: PlaceIndex | undefined; any: boolean; byPlaces: Map<number, Reach> }>();
  /**
   * Distinct places numbered without writing them out: each string a place holds (name, settlement,
   * region, kind, precision) and each exclusion becomes a small number, a place the number of its five,
   * and a list of places (then its exclusions) a path in a trie of those numbers, whose end holds the
   * list's number. A key written out per event (a JSON string of a hundred characters or more, hashed
   * and compared in a Map) was a tenth of a long stream's time. Numbers are never reused, so one kept by
   * a caller stays right; the tables start again (the numbers go on) when one of them is full.
   */
  private strings = new Map<string, number>();
  /** a place, a field at a time: (name, settlement) -> a, (a, region) -> b, (b, kind) -> c, (c, precision) -> the place */
  private readonly pairs: Map<number, number>[] = [new Map(), new Map(), new Map(), new Map()];
  private trie: PlacesNode = { next: undefined, id: -1 };
  private lists = 0;
  private nextId = 0;
  private readonly counterparts = new WeakMap<Obligation, Obligation>();
  /** placesId by the places array itself (its exclusions checked too), as FactsMemo.staticsOf keys its matches */
  private readonly idOfPlaces = new WeakMap<Event['places'], { excluded: Event['placesExcluded']; id: number }>();

  /** A number for the event's places and exclusions, the same for the same ones (while the memo keeps them); `once`: not asked again by the array. */
  placesId(event: Event, once = false): number {
    // the same places array (a run's events, a draw's copies of them) is numbered once, not walked per call
    // (a streamed event's array is new: looking it up would only miss)
    const seen = once ? undefined : this.idOfPlaces.get(event.places);
    if (seen !== undefined && seen.excluded === event.placesExcluded) return seen.id;
    const id = this.number(event.places, event.placesExcluded);
    // a streamed event's places are asked for once, by a caller that keeps the number: remembering them
    // by their array would only add an entry per event to a weak map for the collector to clear
    if (!once) this.idOfPlaces.set(event.places, { excluded: event.placesExcluded, id });
    return id;
  }

  private number(places: Event['places'], excluded: Event['placesExcluded']): number {
    // room for every string and place of this event, so that nothing starts again half way along
    const strings = 5 * places.length + excluded.length;
    if (this.lists >= MAX_PLACES_KEPT || this.strings.size + strings >= SMALL || this.pairs.some((m) => m.size + places.length >= SMALL)) {
      this.strings = new Map();
      for (const m of this.pairs) m.clear();
      this.trie = { next: undefined, id: -1 };
      this.lists = 0;
    }
    let node = this.trie;
    for (let i = 0; i < places.length; i++) {
      const p = places[i]!;
      let v = this.str(p.name);
      v = this.pair(0, v, this.str(p.settlement));
      v = this.pair(1, v, this.str(p.region));
      v = this.pair(2, v, this.str(p.kind));
      node = step(node, this.pair(3, v, this.str(p.precision)));
    }
    if (excluded.length > 0) {
      // past every place's number (< SMALL): the exclusions follow
      node = step(node, SMALL);
      for (let i = 0; i < excluded.length; i++) node = step(node, this.str(excluded[i]));
    }
    if (node.id < 0) {
      node.id = this.nextId++;
      this.lists++;
    }
    return node.id;
  }

  /** a string's small number (0: absent) */
  private str(x: string | undefined): number {
    if (x === undefined) return 0;
    let n = this.strings.get(x);
    if (n === undefined) this.strings.set(x, (n = this.strings.size + 1));
    return n;
  }

  /** the small number of a pair of small numbers, at one of a place's four steps */
  private pair(level: number, a: number, b: number): number {
    const m = this.pairs[level]!;
    const k = a * SMALL + b;
    let n = m.get(k);
    if (n === undefined) m.set(k, (n = m.size + 1));
    return n;
  }

  /** placeReach once the target and blanket coverage are checked: worked out once per obligation and distinct places. */
  placeReach(event: Event, o: Obligation, index: PlaceIndex | undefined, placesId = this.placesId(event)): Reach {
    // one weak-map lookup per call: whether the obligation names any place is kept with its reaches
    let memo = this.reaches.get(o);
    if (!memo || memo.index !== index) this.reaches.set(o, (memo = { index, any: this.terms(o).any, byPlaces: new Map() }));
    if (!memo.any) return 'none';
    let r = memo.byPlaces.get(placesId);
    if (r === undefined) {
      r = placeMatch(event, o, undefined, index, this);
      if (memo.byPlaces.size >= MAX_PLACES_KEPT) memo.byPlaces.clear();
      memo.byPlaces.set(placesId, r);
    }
    return r;
  }

  /** One object per obligation for `make(o)` (a conduct condition as the counterparty's obligation), so that what is kept by it hits again. */
  counterpart(o: Obligation, make: (o: Obligation) => Obligation | undefined): Obligation | undefined {
    let c = this.counterparts.get(o);
    if (!c) {
      c = make(o);
      if (c) this.counterparts.set(o, c);
    }
    return c;
  }

  terms(o: Obligation): Terms {
    let t = this.byObligation.get(o);
    if (!t) {
      const { places: names, placeKinds } = o.refrainFrom;
      t = {
        names,
        lower: names.map((n) => n.toLowerCase()),
        placeKinds,
        couldHoldKind: placeKinds.some((k) => SETTLEMENT_KINDS.includes(k) && k !== 'capital'),
        any: names.length > 0 || placeKinds.length > 0,
      };
      this.byObligation.set(o, t);
    }
    return t;
  }

  hierarchyTerms(o: Obligation, index: PlaceIndex): HierarchyTerms {
    const hit = this.inHierarchy.get(o);
    if (hit && hit.index === index) return hit.terms;
    const base = this.terms(o);
    const ids: string[] = [];
    const unresolved: string[] = [];
    for (const n of base.names) {
      // a name means the settlement when there is one by that name ("Kyiv"), else the region or country
      const hits = index.lookup(n);
      const pick = hits.find((e) => e.kind !== 'region') ?? hits[0];
      if (pick) ids.push(pick.id);
      else unresolved.push(n.toLowerCase());
    }
    const terms: HierarchyTerms = { names: base.names, placeKinds: base.placeKinds, ids, unresolved, couldHoldKind: base.couldHoldKind };
    this.inHierarchy.set(o, { index, terms });
    return terms;
  }
}

/** Do the things an event hit fall in the protected target types? Unknown targets are possible. */
export function targetScope(event: Event, o: Obligation): ScopeMatch {
  // under `all` the act itself is covered (placeScope); a target term adds only what the text names
  if (coversEverything(o)) return event.target === o.towards ? matchOf([...event.targets], []) : NO_MATCH;
  const protectedTargets = o.refrainFrom.targets;
  if (event.target !== o.towards || protectedTargets.length === 0) return NO_MATCH;
  if (event.targets.length === 0)
    return matchOf(
      [],
      protectedTargets.map((t) => `${t} (targets not stated)`),
    );
  return matchOf(
    event.targets.filter((t) => protectedTargets.includes(t)),
    [],
  );
}

/** targetScope's reach alone. */
export function targetReach(event: Event, o: Obligation): Reach {
  if (coversEverything(o)) return event.target === o.towards && event.targets.length > 0 ? 'certain' : 'none';
  const protectedTargets = o.refrainFrom.targets;
  if (event.target !== o.towards || protectedTargets.length === 0) return 'none';
  if (event.targets.length === 0) return 'possible';
  return event.targets.some((t) => protectedTargets.includes(t)) ? 'certain' : 'none';
}

/** Nothing matched: one shared value (a match is read, never changed). */
const NO_MATCH: ScopeMatch = Object.freeze({
  scope: 'none',
  matched: Object.freeze([]) as unknown as string[],
  possible: Object.freeze([]) as unknown as string[],
});
const NOTHING: ReadonlySet<string> = new Set();

const matchOf = (matched: string[], possible: string[]): ScopeMatch =>
  matched.length === 0 && possible.length === 0 ? NO_MATCH : { scope: reachOf({ matched, possible }), matched, possible };

export function stronger(a: Reach, b: Reach): Reach {
  if (a === 'certain' || b === 'certain') return 'certain';
  if (a === 'possible' || b === 'possible') return 'possible';
  return 'none';
}
