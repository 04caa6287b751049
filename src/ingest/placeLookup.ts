import type { PlaceIndex } from '../places/placeIndex.js';

/** What ingest asks of the place hierarchy (issue 12's index): names to places, and what contains them. */
export type PlaceLookup = Pick<PlaceIndex, 'byId' | 'lookup' | 'ancestors'>;
export type { PlaceEntry } from '../schema/places.js';
