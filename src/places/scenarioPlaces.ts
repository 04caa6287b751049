import type { Scenario } from '../schema/scenario.js';
import { buildPlaceIndex, type PlaceIndex } from './placeIndex.js';

/**
 * The place hierarchy a scenario's terms are judged on (its `places`, which the loader fills with
 * those of its `placeFiles` first); undefined when it has none, and matching goes by names and kinds.
 * Built on each call: a run builds it once, in its RunContext (and a RunsMemo keeps it for many runs).
 */
export function placeIndexOf(scenario: Pick<Scenario, 'places'>): PlaceIndex | undefined {
  const places = scenario.places ?? [];
  if (places.length === 0) return undefined;
  return buildPlaceIndex(places);
}
