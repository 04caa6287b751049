import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT, runCliHere, scratch } from './helpers.js';
import { InputError } from '../src/problem.js';
import { Event } from '../src/schema/event.js';
import { SeedFile } from '../src/schema/seedFile.js';
import { ImportMapping } from '../src/schema/importFiles.js';
import { readImportInputs } from '../src/sources/importInputs.js';
import { datasetExport } from '../src/sources/datasetExport.js';
import type { ImportSetup } from '../src/import/importRun.js';
import { likelyMatches } from '../src/import/likelyMatches.js';
import { toMillis } from '../src/time/interval.js';
import { placeReach } from '../src/rules/scope.js';
import type { Obligation } from '../src/schema/interpretation.js';
import { CITE, strike } from './helpers.js';

const FIX = path.join(ROOT, 'tests/fixtures/import');
const fx = (name: string) => path.join(FIX, name);

async function importAll(dataset: 'acled' | 'ucdp-ged', name: string, over: Partial<ImportSetup> = {}) {
  const inputs = readImportInputs(fx(name), { actors: fx('actors.yaml') }, { cwd: ROOT });
  const setup: ImportSetup = {
    dataset,
    file: inputs.file,
    fileName: name,
    version: '2026-02-10',
    mapping: inputs.mapping,
    actors: inputs.actors,
    places: inputs.places,
    zone: undefined,
    ...over,
  };
  const source = datasetExport(setup, inputs.abs);
  const events = [];
  for await (const e of source.events()) events.push(e);
  return { events, tally: source.report() };
}

async function importError(dataset: 'acled' | 'ucdp-ged', name: string): Promise<InputError> {
  try {
    await importAll(dataset, name);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${name} imported without an error`);
}

describe('ACLED export', () => {
  it('reads every row through BOM, CRLF, quoted commas and line breaks, empty fields and a blank line', async () => {
    const { events, tally } = await importAll('acled', 'acled.csv');
    expect(tally.rows).toBe(7);
    expect(events.map((e) => e.event.id)).toEqual(['acled-ukr900001', 'acled-ukr900002', 'acled-ukr900003', 'acled-ukr900006']);
    // the first record's notes run over two lines: the next record starts on line 4; a blank line 8 precedes row 6
    expect(events.map((e) => [e.row, e.line])).toEqual([
      [1, 2],
      [2, 4],
      [3, 5],
      [6, 9],
    ]);
    for (const e of events) expect(Event.safeParse(e.event).success).toBe(true);
  });

  it('time_precision 1/2/3: the day, a week around the date, the month, midnight to midnight in Kyiv', async () => {
    const byId = new Map((await importAll('acled', 'acled.csv')).events.map((e) => [e.event.id, e.event]));
    expect(byId.get('acled-ukr900001')!.when).toMatchObject({
      start: '2026-02-03T00:00:00+02:00',
      end: '2026-02-04T00:00:00+02:00',
      precision: 'day',
    });
    expect(byId.get('acled-ukr900002')!.when).toMatchObject({
      start: '2026-01-26T00:00:00+02:00',
      end: '2026-02-02T00:00:00+02:00',
      precision: 'days',
    });
    // the old "15 December 2025" date form, month precision
    expect(byId.get('acled-ukr900003')!.when).toMatchObject({
      start: '2025-12-01T00:00:00+02:00',
      end: '2026-01-01T00:00:00+02:00',
      precision: 'month',
    });
  });

  it('--zone reads the dates in another zone', async () => {
    const { events } = await importAll('acled', 'acled.csv', { zone: 'Europe/Moscow' });
    expect(events[0]!.event.when.start).toBe('2026-02-03T00:00:00+03:00');
  });

  it('geo_precision 1/2/3: settlement, near a settlement, region, names matched to the place hierarchy', async () => {
    const { events, tally } = await importAll('acled', 'acled.csv');
    const places = events.map((e) => e.event.places[0]);
    expect(places[0]).toEqual({ name: 'Kyiv', kind: 'capital', precision: 'settlement', region: 'Kyiv City' });
    // ACLED's admin1 "Kharkiv" is the oblast, not the city of the same name
    expect(places[1]).toEqual({ name: 'Kharkiv', kind: 'city', precision: 'near-settlement', region: 'Kharkiv Oblast' });
    expect(places[2]).toEqual({ name: 'Dnipropetrovsk Oblast', kind: 'region', precision: 'region', region: 'Dnipropetrovsk Oblast' });
    // unmatched: kept as given, with a warning
    expect(places[3]).toEqual({ name: 'Nowhere-Invented', kind: 'unknown', precision: 'settlement', region: 'Sumy Oblast' });
    expect([...tally.unmatchedPlaces]).toEqual([['Nowhere-Invented', { rows: 1, firstRow: 6 }]]);
  });

  it('kind and means through the mapping table; fatalities as a floor; civilian targeting, tags, notes and provenance kept', async () => {
    const e = (await importAll('acled', 'acled.csv')).events[0]!.event;
    expect(e).toMatchObject({
      kind: 'strike',
      actor: 'russia',
      target: 'ukraine',
      means: ['shelling', 'artillery', 'missile'],
      targets: ['civilians'],
      casualties: { killed: { low: 2 } },
    });
    expect(e.casualties!.killed!.high).toBeUndefined();
    expect(e.sources).toEqual([
      {
        file: 'acled.csv',
        line: 2,
        dataset: 'acled',
        version: '2026-02-10',
        record: 'UKR900001',
        row: 1,
        says: 'Invented fixture: missiles hit a residential block, two killed.\nA second line of notes, "quoted".',
        civilianTargeting: true,
        tags: ['local administrators', 'crowd size=no report'],
        reportedBy: 'Invented Outlet',
      },
    ]);
    // empty fatalities: no casualty figure, not zero
    const third = (await importAll('acled', 'acled.csv')).events[2]!.event;
    expect(third.casualties).toBeUndefined();
  });

  it('a record with no second actor targets the party whose territory it is in (territory:), never the actor itself', async () => {
    const { events } = await importAll('acled', 'acled.csv');
    const second = events[1]!.event;
    expect([second.actor, second.target]).toEqual(['russia', 'ukraine']);
    const inputs = readImportInputs(fx('acled.csv'), { actors: fx('actors.yaml') }, { cwd: ROOT });
    const without = { ...inputs.actors!, territory: {} };
    const again = await importAll('acled', 'acled.csv', { actors: without });
    expect(again.events[1]!.event.target).toBeUndefined();
    const own = await importAll('acled', 'acled.csv', { actors: { ...inputs.actors!, territory: { Ukraine: 'russia' } } });
    expect(own.events[1]!.event.target).toBeUndefined();
  });

  it('skips what the table skips, lists unknown types and unmapped actors, and guesses no party', async () => {
    const { tally } = await importAll('acled', 'acled.csv');
    expect([...tally.skippedTypes]).toEqual([
      ['Peaceful protest', { rows: 1, firstRow: 4, unknown: false }],
      ['Invented new type', { rows: 1, firstRow: 7, unknown: true }],
    ]);
    // Protesters (Ukraine) is under ignore: in the actors file, so not listed
    expect([...tally.unmappedActors]).toEqual([['Unidentified Armed Group (Ukraine)', { rows: 1, firstRow: 5 }]]);
    expect(tally.skippedForActor).toBe(1);
  });

  it('bad input names file, row and column', async () => {
    const missing = await importError('acled', 'acled-missing-columns.csv');
    expect(missing.problems[0]).toMatchObject({ file: path.join('tests/fixtures/import/acled-missing-columns.csv'), line: 1 });
    expect(missing.problems[0]!.message).toMatch(/missing columns time_precision, geo_precision/);
    const date = await importError('acled', 'acled-bad-date.csv');
    expect(date.problems[0]).toMatchObject({ line: 5, path: ['row', 3, 'event_date'] });
    expect(date.problems[0]!.message).toMatch(/2026-02-30" is not a real date/);
    const precision = await importError('acled', 'acled-bad-precision.csv');
    expect(precision.problems[0]).toMatchObject({ line: 4, path: ['row', 2, 'time_precision'] });
    expect(precision.problems[0]!.message).toMatch(/unknown precision code "4"/);
  });
});

describe('UCDP GED export', () => {
  it('the interval date_start..date_end, deaths low/best/high exactly, source_article and number_of_sources kept', async () => {
    const { events } = await importAll('ucdp-ged', 'ucdp-ged.csv');
    const [a, b, c, d] = events.map((e) => e.event);
    expect(a!.when).toMatchObject({ start: '2026-02-03T00:00:00+02:00', end: '2026-02-04T00:00:00+02:00', precision: 'day' });
    expect(a!.casualties).toEqual({ killed: { low: 3, best: 4, high: 7 } });
    expect(a!.sources[0]).toMatchObject({
      dataset: 'ucdp-ged',
      record: '900101',
      row: 1,
      sourceArticle: '"Invented Wire, ""Strike on Kyiv"", 2026-02-03"; Invented Daily, 2026-02-04',
      sourceCount: 3,
    });
    expect(a!.targets).toEqual(['civilians']);
    // dates written with a midnight time; the last day included
    expect(b!.when).toMatchObject({ start: '2026-01-29T00:00:00+02:00', end: '2026-02-01T00:00:00+02:00', precision: 'days' });
    expect(c!.when).toMatchObject({ start: '2025-12-01T00:00:00+02:00', end: '2026-01-01T00:00:00+02:00', precision: 'month' });
    expect(c!.casualties).toEqual({ killed: { low: 0, best: 0, high: 2 } });
    // number_of_sources -1: not recorded
    expect('sourceCount' in d!.sources[0]!).toBe(false);
  });

  it('where_prec: the place itself, near it, the first-order unit, the country', async () => {
    const { events } = await importAll('ucdp-ged', 'ucdp-ged.csv');
    expect(events.map((e) => e.event.places[0])).toEqual([
      { name: 'Kyiv', kind: 'capital', precision: 'settlement', region: 'Kyiv City' },
      { name: 'Kharkiv', kind: 'city', precision: 'near-settlement', region: 'Kharkiv Oblast' },
      { name: 'Dnipropetrovsk Oblast', kind: 'region', precision: 'region', region: 'Dnipropetrovsk Oblast' },
      { name: 'Ukraine', kind: 'country', precision: 'country' },
    ]);
  });

  it('an unknown precision code and counts out of order stop the import at their row and column', async () => {
    const p = await importError('ucdp-ged', 'ucdp-bad-precision.csv');
    expect(p.problems[0]).toMatchObject({ line: 3, path: ['row', 2, 'where_prec'] });
    const c = await importError('ucdp-ged', 'ucdp-bad-counts.csv');
    expect(c.problems[0]).toMatchObject({ line: 2, path: ['row', 1, 'high'] });
    expect(c.problems[0]!.message).toMatch(/high \(3\) is below best \(5\)/);
  });
});

describe('CSV that is not readable', () => {
  it('an unclosed quote and an empty file are refused with the file and line', async () => {
    const quote = await importError('acled', 'acled-unclosed-quote.csv');
    expect(quote.problems[0]).toMatchObject({ code: 'E_PARSE', line: 2 });
    expect(quote.problems[0]!.message).toMatch(/Quote Not Closed/);
    const dir = scratch({ 'empty.csv': '' });
    const r = await runCliHere(['import', 'ucdp', path.join(dir, 'empty.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_EMPTY/);
    expect((await runCliHere(['import', 'ucdp', fx('ucdp-ged.csv'), '--zone', 'Mars/Olympus'])).stderr).toMatch(
      /not a known IANA time zone/,
    );
  });
});

describe('names that are keys of every object', () => {
  it('"constructor" as an event type and "__proto__" as an actor are unknown names, nothing more', async () => {
    const dir = scratch({
      'proto.csv': readFileSync(fx('acled.csv'), 'utf8')
        .replace('Peaceful protest', 'constructor')
        .replace('Unidentified Armed Group (Ukraine)', '__proto__'),
    });
    const inputs = readImportInputs(path.join(dir, 'proto.csv'), { actors: fx('actors.yaml') }, { cwd: ROOT });
    const source = datasetExport(
      {
        dataset: 'acled',
        file: 'proto.csv',
        fileName: 'proto.csv',
        version: 'v',
        mapping: inputs.mapping,
        actors: inputs.actors,
        places: inputs.places,
        zone: undefined,
      },
      inputs.abs,
    );
    const ids: string[] = [];
    for await (const e of source.events()) ids.push(e.event.id);
    expect(ids).toEqual(['acled-ukr900001', 'acled-ukr900002', 'acled-ukr900003', 'acled-ukr900006']);
    expect(source.report().skippedTypes.get('constructor')).toEqual({ rows: 1, firstRow: 4, unknown: true });
    expect([...source.report().unmappedActors.keys()]).toEqual(['__proto__']);
  });
});

describe('near a settlement', () => {
  const o = {
    party: 'russia',
    towards: 'ukraine',
    refrainFrom: { places: ['Kyiv'], placeKinds: [], targets: [] },
    sources: [CITE],
  } as unknown as Obligation;
  const near = (name: string, region: string) =>
    strike('e', { start: '2026-02-03T00:00:00+02:00', places: [{ name, region, kind: 'city', precision: 'near-settlement' }] });
  it('may have hit the protected place it is near, and not one it is not near', () => {
    expect(placeReach(near('Kyiv', 'Kyiv City'), o)).toBe('possible');
    expect(placeReach(near('Kharkiv', 'Kharkiv Oblast'), o)).toBe('none');
    // at the settlement itself it is certain
    expect(placeReach(strike('s', { start: '2026-02-03T00:00:00+02:00' }), o)).toBe('certain');
  });
});

describe('the shipped mapping table', () => {
  it('covers every ACLED sub_event_type of the codebook and every UCDP code', () => {
    const m = ImportMapping.parse(parse(readFileSync(path.join(ROOT, 'seeds/import/mapping.yaml'), 'utf8')));
    // ACLED codebook: the 25 sub-event types of its six event types
    const codebook = [
      'Government regains territory',
      'Non-state actor overtakes territory',
      'Armed clash',
      'Excessive force against protesters',
      'Protest with intervention',
      'Peaceful protest',
      'Violent demonstration',
      'Mob violence',
      'Chemical weapon',
      'Air/drone strike',
      'Suicide bomb',
      'Shelling/artillery/missile attack',
      'Remote explosive/landmine/IED',
      'Grenade',
      'Sexual violence',
      'Attack',
      'Abduction/forced disappearance',
      'Agreement',
      'Arrests',
      'Change to group/activity',
      'Disrupted weapons use',
      'Headquarters or base established',
      'Looting/property destruction',
      'Non-violent transfer of territory',
      'Other',
    ];
    expect(Object.keys(m.acled.subEventTypes).sort()).toEqual([...codebook].sort());
    expect(Object.keys(m.acled.timePrecision).sort()).toEqual(['1', '2', '3']);
    expect(Object.keys(m.ucdp.wherePrecision).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(Object.keys(m.ucdp.datePrecision).sort()).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('likely matches', () => {
  const ev = (id: string, start: string, end: string, place: { name: string; region?: string; precision: 'settlement' | 'region' }) =>
    Event.parse({
      id,
      kind: 'strike',
      actor: 'russia',
      target: 'ukraine',
      when: { start, end, precision: 'day', evidence: 'x' },
      places: [{ ...place, kind: place.precision === 'region' ? 'region' : 'city' }],
      sources: [{ file: 'a.txt', line: 1 }],
      note: 'x',
    });
  const indexed = (e: Event) => ({ event: e, start: toMillis(e.when.start), end: toMillis(e.when.end) });
  const existing = [
    indexed(
      ev('kyiv-night', '2026-02-02T18:00:00+02:00', '2026-02-03T12:00:00+02:00', {
        name: 'Kyiv',
        region: 'Kyiv City',
        precision: 'settlement',
      }),
    ),
  ];

  it('same actor, overlapping time and place: proposed', () => {
    const m = likelyMatches(
      ev('imported', '2026-02-03T00:00:00+02:00', '2026-02-04T00:00:00+02:00', {
        name: 'Kyiv',
        region: 'Kyiv City',
        precision: 'settlement',
      }),
      existing,
    );
    expect(m).toEqual([
      {
        imported: 'imported',
        existing: 'kyiv-night',
        actor: 'russia',
        places: 'both at Kyiv',
        time: { start: '2026-02-02T22:00:00.000Z', end: '2026-02-03T10:00:00.000Z' },
      },
    ]);
  });

  it('another day, or another city of the same region, is not proposed; the region around it is', () => {
    expect(
      likelyMatches(
        ev('later', '2026-02-04T00:00:00+02:00', '2026-02-05T00:00:00+02:00', {
          name: 'Kyiv',
          region: 'Kyiv City',
          precision: 'settlement',
        }),
        existing,
      ),
    ).toEqual([]);
    expect(
      likelyMatches(
        ev('other', '2026-02-03T00:00:00+02:00', '2026-02-04T00:00:00+02:00', {
          name: 'Darnytsia',
          region: 'Kyiv City',
          precision: 'settlement',
        }),
        existing,
      ),
    ).toEqual([]);
    expect(
      likelyMatches(
        ev('region', '2026-02-03T00:00:00+02:00', '2026-02-04T00:00:00+02:00', { name: 'Kyiv City', precision: 'region' }),
        existing,
      ).map((m) => m.places),
    ).toEqual(['both in Kyiv City']);
  });
});

describe('truce import (CLI)', () => {
  it('writes a truce.seed/v1 file that a scenario can use, and never over an existing file', async () => {
    const dir = scratch();
    const out = path.join(dir, 'imported.yaml');
    const r = await runCliHere([
      'import',
      'acled',
      fx('acled.csv'),
      '--actors',
      fx('actors.yaml'),
      '--out',
      out,
      '--dataset-version',
      '2026-02-10',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const seed = SeedFile.parse(parse(readFileSync(out, 'utf8')));
    expect(seed.events.map((e) => e.id)).toEqual(['acled-ukr900001', 'acled-ukr900002', 'acled-ukr900003', 'acled-ukr900006']);
    expect(r.stderr).toMatch(/4 events from 7 rows/);
    expect(r.stderr).toMatch(/"Unidentified Armed Group \(Ukraine\)": 1 row \(first row 5\)/);
    // a seed like any other: it validates, and a scenario runs with it
    expect((await runCliHere(['validate', 'imported.yaml', 'seeds/sources.yaml'], { cwd: dir })).code).toBe(0);
    writeFileSync(
      path.join(dir, 'scenarios/with-import.yaml'),
      readFileSync(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), 'utf8').replace(
        'seeds: [../seeds/sources.yaml, ../seeds/events.yaml]',
        'seeds: [../seeds/sources.yaml, ../seeds/events.yaml, ../imported.yaml]',
      ),
    );
    const run = await runCliHere(['run', 'scenarios/with-import.yaml', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('"record": "UKR900006"');
    const again = await runCliHere(['import', 'acled', fx('acled.csv'), '--actors', fx('actors.yaml'), '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  // a terminal: `script` gives the command one (util-linux; skipped where it is not installed)
  it.skipIf(!existsSync('/usr/bin/script'))('shows progress on a terminal, and none in a pipe', async () => {
    const dir = scratch();
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'dist/cli/main.js'))} import ucdp ${JSON.stringify(fx('ucdp-ged.csv'))} --actors ${JSON.stringify(fx('actors.yaml'))} --out ${JSON.stringify(path.join(dir, 'o.yaml'))}`;
    const tty = spawnSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8' });
    const size = statSync(fx('ucdp-ged.csv')).size;
    expect(tty.stdout).toContain(`100% | ${size}/${size} bytes`);
    expect(tty.stdout).toMatch(/importing \[/);
    const pipe = await runCliHere(['import', 'ucdp', fx('ucdp-ged.csv'), '--actors', fx('actors.yaml')]);
    expect(pipe.stderr).not.toMatch(/importing \[/);
  });

  it('--format ndjson: one event per line, each valid', async () => {
    const r = await runCliHere(['import', 'ucdp', fx('ucdp-ged.csv'), '--actors', fx('actors.yaml'), '--format', 'ndjson']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(Event.safeParse(JSON.parse(l)).success).toBe(true);
  });

  it('bad input: exit 2 naming file, row and column, and nothing written', async () => {
    const dir = scratch();
    for (const [dataset, name, where] of [
      ['acled', 'acled-bad-date.csv', /acled-bad-date\.csv:5:\d+ +row\.3\.event_date/],
      ['acled', 'acled-missing-columns.csv', /missing columns time_precision, geo_precision/],
      ['ucdp', 'ucdp-bad-precision.csv', /ucdp-bad-precision\.csv:3:\d+ +row\.2\.where_prec/],
    ] as const) {
      const out = path.join(dir, `${name}.yaml`);
      const r = await runCliHere(['import', dataset, fx(name), '--actors', fx('actors.yaml'), '--out', out]);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(where);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(existsSync(out), name).toBe(false);
    }
  });

  it('--against lists likely matches as proposals and merges nothing', async () => {
    const dir = scratch();
    const out = path.join(dir, 'imported.yaml');
    const r = await runCliHere([
      'import',
      'acled',
      fx('acled.csv'),
      '--actors',
      fx('actors.yaml'),
      '--out',
      out,
      '--against',
      path.join(ROOT, 'scenarios/jan-feb-2026.yaml'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const proposals = parse(readFileSync(path.join(dir, 'imported.matches.yaml'), 'utf8')) as {
      matches: { imported: string; existing: string }[];
    };
    // the invented 3 February Kyiv record overlaps the seed's strike of the night of 2-3 February (seeds/events.yaml, ru-strike-2026-02-02-03)
    expect(proposals.matches.map((m) => [m.imported, m.existing])).toContainEqual(['acled-ukr900001', 'ru-strike-2026-02-02-03']);
    // the import itself still holds the record: nothing merged
    expect(SeedFile.parse(parse(readFileSync(out, 'utf8'))).events.map((e) => e.id)).toContain('acled-ukr900001');
  });
});

describe('a scenario naming an export in seeds:', () => {
  // the fixture's unmapped actor, set aside explicitly
  const ACTORS = readFileSync(fx('actors.yaml'), 'utf8').replace('ignore:\n', 'ignore:\n  - Unidentified Armed Group (Ukraine)\n');
  function project(actors = ACTORS) {
    const scenario = readFileSync(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), 'utf8').replace(
      'seeds: [../seeds/sources.yaml, ../seeds/events.yaml]',
      'seeds: [../seeds/sources.yaml, ../seeds/events.yaml, { acled: ../data/acled.csv, actors: ../data/actors.yaml, version: 2026-02-10 }]',
    );
    return scratch({
      'scenarios/with-acled.yaml': scenario,
      'data/acled.csv': readFileSync(fx('acled.csv'), 'utf8'),
      'data/actors.yaml': actors,
    });
  }

  it("runs with the export's events, each cited by dataset, version, record and row in reports and explain", async () => {
    const dir = project();
    const run = await runCliHere(['run', 'scenarios/with-acled.yaml', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const events = (JSON.parse(run.stdout) as { events: { id: string; sources: Record<string, unknown>[] }[] }).events;
    const imported = events.find((e) => e.id === 'acled-ukr900001')!;
    expect(imported.sources[0]).toMatchObject({ file: 'acled.csv', dataset: 'acled', version: '2026-02-10', record: 'UKR900001', row: 1 });
    expect((imported as unknown as { means: string[] }).means).toEqual(['shelling', 'artillery', 'missile']);
    const text = await runCliHere(['run', 'scenarios/with-acled.yaml', '--no-cache'], { cwd: dir });
    expect(text.stdout).toContain('ACLED 2026-02-10 UKR900001 (acled.csv row 1)');
    const explain = await runCliHere(['explain', 'scenarios/with-acled.yaml', '--event', 'acled-ukr900001', '--no-cache'], { cwd: dir });
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).toContain('Event acled-ukr900001: strike (shelling or artillery or missile), Russia -> Ukraine');
    expect(explain.stdout).toMatch(/sources +ACLED 2026-02-10 UKR900001 \(acled\.csv row 1\)/);
    const md = await runCliHere(['run', 'scenarios/with-acled.yaml', '--format', 'md', '--no-cache'], { cwd: dir });
    expect(md.stdout).toContain('ACLED 2026-02-10 UKR900001 (acled.csv row 1)');
  });

  it('an export outside the project folder is refused', async () => {
    const dir = project();
    const file = path.join(dir, 'scenarios/with-acled.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('../data/acled.csv', '../../outside.csv'));
    const r = await runCliHere(['run', 'scenarios/with-acled.yaml', '--no-cache'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/seeds\.2\.acled .*outside the project folder.*E_OUTSIDE_PROJECT/);
  });

  it('an actor the actors file does not map is refused, by name', async () => {
    const dir = project('format: truce.actors/v1\nactors:\n  Military Forces of Russia (2000-): russia\n');
    const r = await runCliHere(['run', 'scenarios/with-acled.yaml', '--no-cache'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_UNKNOWN_PARTY/);
    expect(r.stderr).toMatch(/"Military Forces of Ukraine \(2019-\)" \(2 rows, first row 3\)/);
  });

  it('the load cache sees a changed export', async () => {
    const dir = project();
    const env = { TRUCE_CACHE_DIR: path.join(dir, '.cache') };
    const first = await runCliHere(['run', 'scenarios/with-acled.yaml', '--format', 'json'], { cwd: dir, env });
    expect(first.stdout).toContain('acled-ukr900001');
    const csv = path.join(dir, 'data/acled.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('UKR900001', 'UKR900011'));
    const second = await runCliHere(['run', 'scenarios/with-acled.yaml', '--format', 'json'], { cwd: dir, env });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('acled-ukr900011');
    expect(second.stdout).not.toContain('acled-ukr900001"');
  });
});
