import type { Problem } from '../problem.js';

/** ACLED's export columns, in its codebook's order. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** UCDP GED's 49 columns, in the order of its CSV releases. */
export const UCDP_COLUMNS = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
] as const;

/** The columns each import reads; the others may be absent (exports trimmed by the user still import). */
export const ACLED_NEEDS = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'sub_event_type',
  'actor1',
  'actor2',
  'civilian_targeting',
  'country',
  'admin1',
  'admin2',
  'location',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  'tags',
] as const;

export const UCDP_NEEDS = [
  'id',
  'type_of_violence',
  'side_a',
  'side_b',
  'number_of_sources',
  'source_article',
  'where_prec',
  'where_coordinates',
  'adm_1',
  'adm_2',
  'country',
  'date_prec',
  'date_start',
  'date_end',
  'best',
  'low',
  'high',
] as const;

/** Column name -> its index in the header, for the columns an import reads. */
export type ColumnIndex<C extends string> = Record<C, number>;

/**
 * Where each needed column is in the header; a problem naming every missing one when the file is not
 * the export it was said to be. Header names are compared trimmed and case-insensitively (some tools
 * upper-case them).
 */
export function indexColumns<C extends string>(
  header: readonly string[],
  needs: readonly C[],
  file: string,
  dataset: string,
): { index: ColumnIndex<C> } | { problem: Problem } {
  const at = new Map(header.map((h, i) => [h.trim().toLowerCase(), i] as const));
  const missing = needs.filter((c) => !at.has(c));
  if (missing.length > 0) {
    return {
      problem: {
        code: 'E_SCHEMA',
        file,
        line: 1,
        col: 1,
        path: ['header'],
        message: `not ${/^[AEIOU]/.test(dataset) ? 'an' : 'a'} ${dataset} export: missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}; export the full column set (see README, "Importing ACLED and UCDP GED")`,
      },
    };
  }
  return { index: Object.fromEntries(needs.map((c) => [c, at.get(c)!])) as ColumnIndex<C> };
}
