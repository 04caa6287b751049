import type { PlaceEntry } from '../schema/places.js';
import { normalizePlaceName, regionStems } from './normalizePlaceName.js';

export interface PlaceIndex {
  byId(id: string): PlaceEntry | undefined;
  /** every place a name (or alias, or "X region" form) may mean, in the order the entries were given */
  lookup(name: string): PlaceEntry[];
  /** the places that contain `id`, nearest first (its region, then its country) */
  ancestors(id: string): PlaceEntry[];
  /** whether `outerId` is `innerId` or one of the places containing it */
  contains(outerId: string, innerId: string): boolean;
  /** the places directly within `id` */
  children(id: string): PlaceEntry[];
  /** every entry, in the order given */
  entries: readonly PlaceEntry[];
}

/**
 * An index over a place hierarchy. Pure: the entries come from the loader. A later entry with an id
 * already seen is ignored (the checks in checkPlaces report it); a `within` chain that loops stops
 * where it would repeat.
 */
export function buildPlaceIndex(entries: readonly PlaceEntry[]): PlaceIndex {
  const ids = new Map<string, PlaceEntry>();
  const order = new Map<string, number>();
  for (const e of entries) {
    if (ids.has(e.id)) continue;
    order.set(e.id, ids.size);
    ids.set(e.id, e);
  }
  const list = [...ids.values()];
  const byName = new Map<string, PlaceEntry[]>();
  const byStem = new Map<string, PlaceEntry[]>();
  const kids = new Map<string, PlaceEntry[]>();
  const add = (m: Map<string, PlaceEntry[]>, key: string, e: PlaceEntry) => {
    const at = m.get(key);
    if (!at) m.set(key, [e]);
    else if (!at.includes(e)) at.push(e);
  };
  for (const e of list) {
    for (const n of [e.name, ...e.aliases]) {
      const norm = normalizePlaceName(n);
      add(byName, norm, e);
      if (e.kind === 'region') {
        for (const s of regionStems(norm)) add(byStem, s, e);
        // a region named without the word ("Crimea", "Tatarstan") is still a region by that name
        add(byStem, norm, e);
      }
    }
    if (e.within !== undefined) add(kids, e.within, e);
  }
  const ancestorCache = new Map<string, PlaceEntry[]>();
  const ancestors = (id: string): PlaceEntry[] => {
    const hit = ancestorCache.get(id);
    if (hit) return hit;
    const out: PlaceEntry[] = [];
    const seen = new Set<string>([id]);
    let at = ids.get(id)?.within;
    while (at !== undefined && !seen.has(at)) {
      seen.add(at);
      const p = ids.get(at);
      if (!p) break;
      out.push(p);
      at = p.within;
    }
    ancestorCache.set(id, out);
    return out;
  };
  const byOrder = (a: PlaceEntry, b: PlaceEntry) => order.get(a.id)! - order.get(b.id)!;
  const find = (name: string): PlaceEntry[] => {
    const norm = normalizePlaceName(name);
    const stems = regionStems(norm);
    if (stems.length > 0) {
      const found = stems.flatMap((s) => byStem.get(s) ?? []);
      if (found.length > 0) return [...new Set(found)].sort(byOrder);
    }
    return byName.get(norm) ?? byStem.get(norm) ?? [];
  };
  // names as written, looked up again and again by place matching (normalizing is the costly part);
  // bounded: a stream of ever new names starts it again
  const looked = new Map<string, PlaceEntry[]>();
  return {
    entries: list,
    byId: (id) => ids.get(id),
    lookup(name) {
      let hit = looked.get(name);
      if (hit === undefined) {
        if (looked.size >= 10_000) looked.clear();
        looked.set(name, (hit = find(name)));
      }
      return [...hit];
    },
    ancestors: (id) => [...ancestors(id)],
    contains: (outerId, innerId) => outerId === innerId || ancestors(innerId).some((p) => p.id === outerId),
    children: (id) => [...(kids.get(id) ?? [])],
  };
}
