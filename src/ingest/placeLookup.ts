import { z } from 'zod';

/**
 * The place hierarchy as ingest needs it. The agreed shape of truce-12's `truce.places/v1` (PLACES.md);
 * until that lands this module carries the format and a lookup of its own, and ingest codes against the
 * `PlaceLookup` interface only, so that `buildPlaceIndex` can take over without touching the readers.
 */
export const PLACE_ENTRY_KINDS = ['capital', 'city', 'town', 'village', 'district', 'region', 'country'] as const;

export const PlaceEntry = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(PLACE_ENTRY_KINDS),
  within: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).optional(),
});
export type PlaceEntry = z.infer<typeof PlaceEntry>;

export const PlacesFile = z.strictObject({
  format: z.literal('truce.places/v1'),
  sources: z.array(z.record(z.string(), z.unknown())).default([]),
  places: z.array(PlaceEntry),
});
export type PlacesFile = z.infer<typeof PlacesFile>;

export interface PlaceLookup {
  byId(id: string): PlaceEntry | undefined;
  lookup(name: string): PlaceEntry[];
  ancestors(id: string): PlaceEntry[];
}

const REGION_WORDS = /\s+(region|regions|oblast|oblasts|province|krai|kray|republic|governorate)$/;

/** Case, diacritics, apostrophes and "the" do not tell places apart. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Kharkivska oblast" -> "kharkiv", "Luhanska" -> "luhansk": the adjectival forms of oblast names. */
function stems(key: string): string[] {
  const bare = key.replace(REGION_WORDS, '');
  const out = [bare];
  if (bare.endsWith('ska') || bare.endsWith('zka') || bare.endsWith('tska')) out.push(bare.slice(0, -3), bare.slice(0, -1));
  if (bare.endsWith('skyi') || bare.endsWith('skiy')) out.push(bare.slice(0, -4));
  return out;
}

export function buildPlaceLookup(entries: PlaceEntry[]): PlaceLookup {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const byKey = new Map<string, PlaceEntry[]>();
  const add = (k: string, e: PlaceEntry) => {
    const list = byKey.get(k) ?? [];
    if (!list.includes(e)) list.push(e);
    byKey.set(k, list);
  };
  for (const e of entries) for (const n of [e.name, ...(e.aliases ?? [])]) for (const k of stems(placeKey(n))) add(k, e);
  return {
    byId: (id) => byId.get(id),
    lookup(name) {
      const found: PlaceEntry[] = [];
      for (const k of stems(placeKey(name))) for (const e of byKey.get(k) ?? []) if (!found.includes(e)) found.push(e);
      return found;
    },
    ancestors(id) {
      const out: PlaceEntry[] = [];
      let cur = byId.get(id);
      while (cur?.within !== undefined && out.length < 10) {
        cur = byId.get(cur.within);
        if (cur) out.push(cur);
      }
      return out;
    },
  };
}
