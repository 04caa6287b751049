import type { Place } from '../schema/event.js';
import type { PlaceKind } from '../schema/event.js';
import type { PlaceRule } from '../schema/importFiles.js';

/** One place of the hierarchy (truce.places/v1), as much of it as an import needs. */
export interface PlaceRow {
  id: string;
  name: string;
  kind: string;
  within?: string;
}

/** What an import asks of the place hierarchy (src/places/placeIndex.ts gives more). */
export interface PlaceLookup {
  lookup(name: string): readonly PlaceRow[];
  ancestors(id: string): readonly PlaceRow[];
}

/** The names a record gives for where it happened, by the column they came from. */
export interface RecordPlaceNames {
  settlement: string;
  admin1: string;
  admin2: string;
  country: string;
  /** the column the precision code names */
  named: string;
}

export interface PlaceResult {
  place: Place;
  /** the name given, when the hierarchy had no place by it */
  unmatched?: string;
}

const REGION_KINDS = new Set(['region']);

/**
 * A record's place at the precision its code gives, with names matched to the place hierarchy: a
 * settlement is looked up among the places inside the record's admin1 when the hierarchy knows it, so
 * that one name in two regions resolves to the right one. An unmatched name is kept as the dataset
 * gives it.
 */
export function placeOf(names: RecordPlaceNames, rule: PlaceRule, places: PlaceLookup | undefined): PlaceResult {
  const region = matchRegion(names.admin1, places);
  const regionName = region?.name ?? (names.admin1 || undefined);
  const name = names.named || names.admin1 || names.country || 'unknown';
  const base = (kind: PlaceKind): Place => ({
    name,
    kind,
    precision: rule.precision,
    ...(regionName !== undefined && rule.precision !== 'country' ? { region: regionName } : {}),
  });
  if (rule.precision === 'country') return { place: { name: names.country || name, kind: 'country', precision: 'country' } };
  if (rule.precision === 'unknown') return { place: base('unknown') };
  if (!places) return { place: base(kindOfColumn(rule.name)), unmatched: name };
  if (rule.name === 'admin1' || rule.name === 'adm_1') {
    return region ? { place: { ...base('region'), name: region.name } } : { place: base('region'), unmatched: name };
  }
  const found = places.lookup(name).filter((p) => !REGION_KINDS.has(p.kind));
  const inside = region ? found.filter((p) => places.ancestors(p.id).some((a) => a.id === region.id)) : found;
  // two places of that name in the region: not guessed, kept as given
  const hit = inside.length === 1 ? inside[0] : undefined;
  if (!hit) return { place: base(kindOfColumn(rule.name)), unmatched: name };
  return { place: { ...base(asPlaceKind(hit.kind)), name: hit.name } };
}

function matchRegion(admin1: string, places: PlaceLookup | undefined): PlaceRow | undefined {
  if (!places || admin1 === '') return undefined;
  // ACLED writes an oblast as its bare name ("Kharkiv"), which is also its city's: ask for the region
  for (const name of [admin1, `${admin1} region`]) {
    const found = places.lookup(name).filter((p) => REGION_KINDS.has(p.kind));
    if (found.length === 1) return found[0];
    if (found.length > 1) return undefined;
  }
  return undefined;
}

function kindOfColumn(column: PlaceRule['name']): PlaceKind {
  if (column === 'admin1' || column === 'adm_1') return 'region';
  if (column === 'admin2' || column === 'adm_2') return 'district';
  if (column === 'country') return 'country';
  return 'unknown';
}

const KINDS: readonly string[] = ['capital', 'city', 'town', 'village', 'district', 'region', 'country', 'unknown'];
const asPlaceKind = (k: string): PlaceKind => (KINDS.includes(k) ? (k as PlaceKind) : 'unknown');
