import type { Event, TargetType } from '../schema/event.js';
import type { DatasetRecordRef } from '../schema/source.js';
import type { ColumnIndex } from './columns.js';
import type { ACLED_NEEDS } from './columns.js';
import { placeOf } from './placeMatch.js';
import { aroundDay, parseDay, type DayInterval } from './recordDates.js';
import {
  eventId,
  note,
  own,
  partyOf,
  territoryOf,
  rowProblem,
  zoneOf,
  type ImportSetup,
  type ImportTally,
  type RowAt,
} from './importRun.js';
import type { Problem } from '../problem.js';

export type Columns = ColumnIndex<(typeof ACLED_NEEDS)[number]>;

/** One row's outcome: an event, a skip (counted in the tally), or a problem that stops the import. */
export type RowOutcome = { event: Event } | { skip: true } | { problem: Problem };

/** One ACLED row as a truce event (see README, "Importing ACLED and UCDP GED", for the mapping). */
export function acledRow(setup: ImportSetup, tally: ImportTally, cols: Columns, v: readonly string[], at: RowAt): RowOutcome {
  const get = (c: keyof Columns) => (v[cols[c]] ?? '').trim();
  const bad = (c: keyof Columns, message: string): RowOutcome => ({ problem: rowProblem(setup, at, c, cols[c], message) });
  const { acled } = setup.mapping;

  const record = get('event_id_cnty');
  if (record === '') return bad('event_id_cnty', 'empty; every ACLED record has an id such as UKR123456');
  const timeCode = get('time_precision');
  const timeRule = own(acled.timePrecision, timeCode);
  if (timeRule === undefined)
    return bad('time_precision', `unknown precision code "${timeCode}"; ACLED uses ${Object.keys(acled.timePrecision).join(', ')}`);
  const zone = zoneOf(setup, tally, get('country'), at.row);
  const key = `${get('event_date')}|${timeCode}|${zone}`;
  let when = tally.intervals.get(key) as DayInterval | undefined;
  if (when === undefined) {
    const day = parseDay(get('event_date'));
    if (day === undefined) return bad('event_date', `"${get('event_date')}" is not a real date; ACLED writes e.g. 2025-06-10`);
    when = aroundDay(day, timeRule, zone);
    tally.intervals.set(key, when);
  }
  const geoCode = get('geo_precision');
  const placeRule = own(acled.geoPrecision, geoCode);
  if (placeRule === undefined)
    return bad('geo_precision', `unknown precision code "${geoCode}"; ACLED uses ${Object.keys(acled.geoPrecision).join(', ')}`);
  const fatalitiesText = get('fatalities');
  const fatalities = fatalitiesText === '' ? undefined : /^\d+$/.test(fatalitiesText) ? Number(fatalitiesText) : NaN;
  if (Number.isNaN(fatalities)) return bad('fatalities', `"${fatalitiesText}" is not a count; a whole number 0 or more (or empty)`);

  const type = get('sub_event_type');
  const typeRule = own(acled.subEventTypes, type);
  if (typeRule === undefined || 'skip' in typeRule) {
    const seen = tally.skippedTypes.get(type);
    if (seen) seen.rows++;
    else tally.skippedTypes.set(type, { rows: 1, firstRow: at.row, unknown: typeRule === undefined });
    return { skip: true };
  }
  const actor = partyOf(setup, tally, get('actor1'), at.row);
  const target = get('actor2') === '' ? undefined : partyOf(setup, tally, get('actor2'), at.row);
  if (actor === undefined) {
    tally.skippedForActor++;
    return { skip: true };
  }
  const targetParty = target ?? (get('actor2') === '' ? territoryOf(setup, get('country'), actor) : undefined);

  const country = get('country');
  const columnValue = { location: get('location'), admin1: get('admin1'), admin2: get('admin2'), country } as Record<string, string>;
  const { place, unmatched } = placeOf(
    { settlement: get('location'), admin1: get('admin1'), admin2: get('admin2'), country, named: columnValue[placeRule.name] ?? '' },
    placeRule,
    setup.places,
  );
  if (unmatched !== undefined) note(tally.unmatchedPlaces, unmatched, at.row);

  const civilian = get('civilian_targeting') === acled.civilianTargeting;
  const targets: TargetType[] = [...typeRule.targets];
  if (civilian && !targets.includes('civilians')) targets.push('civilians');
  const tags = get('tags')
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const notes = get('notes');
  const ref: DatasetRecordRef = {
    file: setup.fileName,
    line: at.line,
    dataset: 'acled',
    version: setup.version,
    record,
    row: at.row,
    ...(notes !== '' ? { says: notes } : {}),
    ...(civilian ? { civilianTargeting: true } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(get('source') !== '' ? { reportedBy: get('source') } : {}),
  };
  const event: Event = {
    id: eventId('acled', record),
    kind: typeRule.kind,
    actor,
    ...(targetParty !== undefined ? { target: targetParty } : {}),
    when: {
      start: when.start,
      end: when.end,
      precision: when.precision,
      evidence: `ACLED ${record}: event_date ${get('event_date')}, time_precision ${timeCode}`,
    },
    places: [place],
    placesExcluded: [],
    targets,
    ...(typeRule.means.length > 0 ? { means: [...typeRule.means] } : {}),
    ...(fatalities !== undefined ? { casualties: { killed: { low: fatalities } } } : {}),
    sources: [ref],
    note: `${type} (ACLED ${record})`,
  };
  return { event };
}
