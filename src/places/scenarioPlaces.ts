import type { Scenario } from '../schema/scenario.js';
import { buildPlaceIndex, type PlaceIndex } from './placeIndex.js';

const indexes = new WeakMap<readonly unknown[], PlaceIndex>();

/**
 * The place hierarchy a scenario's terms are judged on (its `places`, which the loader fills with
 * those of its `placeFiles` first); undefined when it has none, and matching goes by names and kinds.
 * One index per list of places, so that runs and draws of the same scenario share it.
 */
export function placeIndexOf(scenario: Pick<Scenario, 'places'>): PlaceIndex | undefined {
  const places = scenario.places ?? [];
  if (places.length === 0) return undefined;
  let ix = indexes.get(places);
  if (!ix) {
    ix = buildPlaceIndex(places);
    indexes.set(places, ix);
  }
  return ix;
}
