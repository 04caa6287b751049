import type { Event } from '../schema/event.js';
import type { DatasetRecordRef } from '../schema/source.js';
import type { ColumnIndex, UCDP_NEEDS } from './columns.js';
import { placeOf } from './placeMatch.js';
import { betweenDays, dayOrder, parseDay, type DayInterval } from './recordDates.js';
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
import type { RowOutcome } from './acledRow.js';

export type Columns = ColumnIndex<(typeof UCDP_NEEDS)[number]>;

/** UCDP's where_coordinates names a place with its type ("Kharkiv city"); the hierarchy knows it without. */
const TYPE_SUFFIX = /\s+(?:town|city|village|settlement)$/i;

/** One UCDP GED row as a truce event (see README, "Importing ACLED and UCDP GED", for the mapping). */
export function ucdpRow(setup: ImportSetup, tally: ImportTally, cols: Columns, v: readonly string[], at: RowAt): RowOutcome {
  const get = (c: keyof Columns) => (v[cols[c]] ?? '').trim();
  const bad = (c: keyof Columns, message: string): RowOutcome => ({ problem: rowProblem(setup, at, c, cols[c], message) });
  const { ucdp } = setup.mapping;

  const record = get('id');
  if (record === '') return bad('id', 'empty; every UCDP GED record has a numeric id');
  const dateCode = get('date_prec');
  const precision = own(ucdp.datePrecision, dateCode);
  if (precision === undefined)
    return bad('date_prec', `unknown precision code "${dateCode}"; UCDP GED uses ${Object.keys(ucdp.datePrecision).join(', ')}`);
  const zone = zoneOf(setup, tally, get('country'), at.row);
  const key = `${get('date_start')}|${get('date_end')}|${dateCode}|${zone}`;
  let when = tally.intervals.get(key) as DayInterval | undefined;
  if (when === undefined) {
    const first = parseDay(get('date_start'));
    if (first === undefined) return bad('date_start', `"${get('date_start')}" is not a real date; UCDP writes e.g. 2025-06-10`);
    const last = parseDay(get('date_end'));
    if (last === undefined) return bad('date_end', `"${get('date_end')}" is not a real date; UCDP writes e.g. 2025-06-10`);
    if (dayOrder(last, first) < 0) return bad('date_end', `the event ends (${get('date_end')}) before it starts (${get('date_start')})`);
    when = betweenDays(first, last, precision, zone);
    tally.intervals.set(key, when);
  }
  const whereCode = get('where_prec');
  const placeRule = own(ucdp.wherePrecision, whereCode);
  if (placeRule === undefined)
    return bad('where_prec', `unknown precision code "${whereCode}"; UCDP GED uses ${Object.keys(ucdp.wherePrecision).join(', ')}`);
  const count = (c: 'low' | 'best' | 'high') => (/^\d+$/.test(get(c)) ? Number(get(c)) : NaN);
  const [low, best, high] = [count('low'), count('best'), count('high')];
  for (const [c, n] of [
    ['low', low],
    ['best', best],
    ['high', high],
  ] as const) {
    if (Number.isNaN(n)) return bad(c, `"${get(c)}" is not a count; a whole number 0 or more`);
  }
  if (best < low) return bad('best', `best (${best}) is below low (${low})`);
  if (high < best) return bad('high', `high (${high}) is below best (${best})`);
  const sourcesText = get('number_of_sources');
  // older releases write -1 for "not recorded"
  const sourceCount = /^\d+$/.test(sourcesText) ? Number(sourcesText) : undefined;
  if (sourceCount === undefined && sourcesText !== '' && sourcesText !== '-1')
    return bad('number_of_sources', `"${sourcesText}" is not a count`);

  const violence = get('type_of_violence');
  const typeRule = own(ucdp.typeOfViolence, violence);
  if (typeRule === undefined || 'skip' in typeRule) {
    const seen = tally.skippedTypes.get(`type_of_violence ${violence}`);
    if (seen) seen.rows++;
    else tally.skippedTypes.set(`type_of_violence ${violence}`, { rows: 1, firstRow: at.row, unknown: typeRule === undefined });
    return { skip: true };
  }
  const actor = partyOf(setup, tally, get('side_a'), at.row);
  const target = get('side_b') === '' ? undefined : partyOf(setup, tally, get('side_b'), at.row);
  if (actor === undefined) {
    tally.skippedForActor++;
    return { skip: true };
  }
  const targetParty = target ?? (get('side_b') === '' ? territoryOf(setup, get('country'), actor) : undefined);

  const country = get('country');
  const where = get('where_coordinates').replace(TYPE_SUFFIX, '');
  const columnValue: Record<string, string> = { where_coordinates: where, adm_1: get('adm_1'), adm_2: get('adm_2'), country };
  const { place, unmatched } = placeOf(
    { settlement: where, admin1: get('adm_1'), admin2: get('adm_2'), country, named: columnValue[placeRule.name] ?? '' },
    placeRule,
    setup.places,
  );
  if (unmatched !== undefined) note(tally.unmatchedPlaces, unmatched, at.row);

  const article = get('source_article');
  const ref: DatasetRecordRef = {
    file: setup.fileName,
    line: at.line,
    dataset: 'ucdp-ged',
    version: setup.version,
    record,
    row: at.row,
    ...(article !== '' ? { sourceArticle: article } : {}),
    ...(sourceCount !== undefined ? { sourceCount } : {}),
  };
  const event: Event = {
    id: eventId('ucdp-ged', record),
    kind: typeRule.kind,
    actor,
    ...(targetParty !== undefined ? { target: targetParty } : {}),
    when: {
      start: when.start,
      end: when.end,
      precision: when.precision,
      evidence: `UCDP GED ${record}: ${get('date_start')} to ${get('date_end')}, date_prec ${dateCode}`,
    },
    places: [place],
    placesExcluded: [],
    targets: [...typeRule.targets],
    ...(typeRule.means.length > 0 ? { means: [...typeRule.means] } : {}),
    casualties: { killed: { low, best, high } },
    sources: [ref],
    note: `${get('side_a')} vs ${get('side_b')}, type_of_violence ${violence} (UCDP GED ${record})`,
  };
  return { event };
}
