import { z } from 'zod';
import { CalendarDate, Id } from './common.js';

/** Kinds a place of the hierarchy can have: the event's PLACE_KINDS, except "unknown". */
export const HIERARCHY_KINDS = ['capital', 'city', 'town', 'village', 'district', 'region', 'country'] as const;
export const HierarchyKind = z.enum(HIERARCHY_KINDS);

/** A public reference the hierarchy rests on (an atlas, a statistics office, ISO 3166-2). */
export const PlacesSource = z.strictObject({
  title: z.string().min(1),
  outlet: z.string().min(1).optional(),
  date: CalendarDate.optional(),
  url: z.string().url().optional(),
  note: z.string().optional(),
});

/**
 * One place: `within` is the id of the place that contains it (settlement -> region -> country), so that
 * a term protecting a region or a country covers every place inside it.
 */
export const PlaceEntry = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: HierarchyKind,
  within: Id.optional(),
  /** other spellings: transliterations ("Kiev"), adjectival forms ("Kharkivska oblast"), former names */
  aliases: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
});

/** A file of places (`seeds/places/*.yaml`), or the same list written into a scenario. */
export const PlacesFile = z.strictObject({
  format: z.literal('truce.places/v1'),
  sources: z.array(PlacesSource).min(1, { message: 'a places file cites at least one public reference for its hierarchy' }),
  places: z.array(PlaceEntry).default([]),
  note: z.string().optional(),
});

export type PlaceEntry = z.infer<typeof PlaceEntry>;
export type PlaceEntryInput = z.input<typeof PlaceEntry>;
export type PlacesFile = z.infer<typeof PlacesFile>;
export type HierarchyKind = z.infer<typeof HierarchyKind>;
