import { z } from 'zod';
import { Id, TimeZone } from './common.js';
import { EventKind, Means, PlacePrecision, Precision, TargetType } from './event.js';

/**
 * The two files `truce import` reads besides the export: the mapping table shipped in
 * seeds/import/mapping.yaml (dataset codes to truce's terms) and the actors file a user writes
 * (dataset actor names to scenario party ids).
 */

/** A dataset's column named as the place's name (ACLED location/admin1/admin2; UCDP where/adm_1/adm_2/country). */
const NameColumn = z.enum(['location', 'admin1', 'admin2', 'adm_1', 'adm_2', 'where_coordinates', 'country']);

const PlaceRule = z.strictObject({ precision: PlacePrecision, name: NameColumn });

/** An event type: what kind of event it is and by what means, or `skip` (not a kind truce judges). */
const TypeRule = z.union([
  z.strictObject({ kind: EventKind, means: z.array(Means).default([]), targets: z.array(TargetType).default([]) }),
  z.strictObject({ skip: z.literal(true) }),
]);

/** A date code: the precision it means and how far the interval reaches around the given date(s). */
const TimeRule = z.union([
  z.strictObject({ precision: Precision, daysBefore: z.number().int().min(0), daysAfter: z.number().int().min(0) }),
  z.strictObject({ precision: Precision, wholeMonth: z.literal(true) }),
]);

const Code = z.string().regex(/^\d+$/, { message: 'a precision code is a whole number, e.g. "1"' });

export const ImportMapping = z.strictObject({
  format: z.literal('truce.import-mapping/v1'),
  /** the zone a country's dates are read in, by the dataset's country name */
  zones: z.record(z.string().min(1), TimeZone),
  acled: z.strictObject({
    timePrecision: z.record(Code, TimeRule),
    geoPrecision: z.record(Code, PlaceRule),
    subEventTypes: z.record(z.string().min(1), TypeRule),
    /** the civilian_targeting value that means civilians were targeted */
    civilianTargeting: z.string().min(1),
  }),
  ucdp: z.strictObject({
    datePrecision: z.record(Code, Precision),
    wherePrecision: z.record(Code, PlaceRule),
    typeOfViolence: z.record(Code, TypeRule),
  }),
  note: z.string().optional(),
});

export type ImportMapping = z.infer<typeof ImportMapping>;
export type TypeRule = z.infer<typeof TypeRule>;
export type PlaceRule = z.infer<typeof PlaceRule>;
export type TimeRule = z.infer<typeof TimeRule>;

/**
 * Written by the user: each actor name of the export (exactly as the dataset spells it) to a party id of
 * the scenario; `ignore` lists actors deliberately left out, so that they are not reported as unmapped.
 */
export const ActorsFile = z.strictObject({
  format: z.literal('truce.actors/v1'),
  actors: z.record(z.string().min(1), Id),
  ignore: z.array(z.string().min(1)).default([]),
  /**
   * the party whose territory each country of the export is: a record that names no second actor (an
   * air strike often does not) then targets that party, unless it is the actor itself
   */
  territory: z.record(z.string().min(1), Id).default({}),
  note: z.string().optional(),
});

export type ActorsFile = z.infer<typeof ActorsFile>;
