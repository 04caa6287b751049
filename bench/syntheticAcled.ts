import { ACLED_COLUMNS } from '../src/import/columns.js';

/**
 * A made-up ACLED export of n rows in the published column layout (no real record): a fixed cycle of
 * dates, places, event types and precisions, with the awkward cases of real exports (quoted notes with
 * commas and line breaks, empty fields) in every row.
 */
export function* syntheticAcled(n: number): Generator<string> {
  const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  yield ACLED_COLUMNS.join(',') + '\r\n';
  const places = [
    ['Kyiv City', 'Kyiv', 'Kyiv'],
    ['Kharkiv', 'Kharkivskyi', 'Kharkiv'],
    ['Dnipropetrovsk', 'Dniprovskyi', 'Dnipro'],
    ['Odesa', 'Odeskyi', 'Odesa'],
    ['Sumy', 'Sumskyi', 'Sumy'],
  ] as const;
  const types = ['Air/drone strike', 'Shelling/artillery/missile attack', 'Armed clash', 'Peaceful protest'] as const;
  const start = Date.UTC(2022, 1, 24);
  for (let i = 0; i < n; i++) {
    const [admin1, admin2, location] = places[i % places.length]!;
    const day = new Date(start + (i % 1400) * 86_400_000).toISOString().slice(0, 10);
    const row: Record<string, string> = {
      event_id_cnty: `UKR${1_000_000 + i}`,
      event_date: day,
      year: day.slice(0, 4),
      time_precision: String((i % 7 === 0 ? 2 : 1) + (i % 97 === 0 ? 1 : 0)),
      disorder_type: 'Political violence',
      event_type: 'Explosions/Remote violence',
      sub_event_type: types[i % types.length]!,
      actor1: i % 3 === 0 ? 'Military Forces of Ukraine (2019-)' : 'Military Forces of Russia (2000-)',
      actor2: i % 2 === 0 ? 'Civilians (Ukraine)' : '',
      civilian_targeting: i % 2 === 0 ? 'Civilian targeting' : '',
      iso: '804',
      region: 'Europe',
      country: 'Ukraine',
      admin1,
      admin2,
      location,
      latitude: '50.0',
      longitude: '30.0',
      geo_precision: String(1 + (i % 3)),
      source: 'Synthetic',
      source_scale: 'National',
      notes: `Synthetic record ${i}, made up for the bench.\nSecond line.`,
      fatalities: String(i % 5),
      tags: i % 4 === 0 ? 'tag one; tag two' : '',
      timestamp: '1700000000',
    };
    yield ACLED_COLUMNS.map((c) => q(row[c] ?? '')).join(',') + '\r\n';
  }
}
