import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { validatePaths } from '../src/load/validatePaths.js';
import { InputError } from '../src/problem.js';
import { Scenario } from '../src/schema/scenario.js';
import { SeedFile } from '../src/schema/seedFile.js';
import { ARTICLES, FIXTURE_ARTICLES, HAVE_ARTICLES, ROOT, runCliHere, scratch } from './helpers.js';

/** A small valid scenario over the real seeds; each test breaks one thing in it. */
const BASE = `format: truce.scenario/v1
id: small
title: A small scenario
seeds: [../seeds/sources.yaml, ../seeds/events.yaml]
rules: ../rules
parties:
  - { id: russia, name: Russia }
  - { id: ukraine, name: Ukraine }
  - { id: united-states, name: United States }
  - { id: poland, name: Poland }
interpretations:
  - id: kyiv
    label: Kyiv's reading
    heldBy:
      - party: ukraine
        who: Zelenskyy
        sources: [{ file: 000_5b12a92830bbfdb1.txt, line: 13, figures: [January 30] }]
    agreement: { status: agreed }
    window:
      start: '2026-01-30T00:00:00+02:00'
      end: '2026-02-06T00:00:00+02:00'
      basis: a week from 30 January
    obligations:
      - party: russia
        towards: ukraine
        refrainFrom: { places: [Kyiv] }
        sources: [{ file: 000_5b12a92830bbfdb1.txt, line: 10 }]
plan:
  id: plan
  label: plan
  appliesTo: [russia]
  status: test
  sources: [{ file: 002_0bd1734c4f9611d9.txt, line: 30 }]
  phases:
    - id: diplomatic
      label: warnings
      trigger: violation
      deadline: PT24H
      actors: [Ukraine]
      sources: [{ file: 002_0bd1734c4f9611d9.txt, line: 34, figures: ['24 hours'] }]
events:
  - id: extra
    kind: strike
    actor: russia
    target: ukraine
    when: { start: '2026-02-04T01:00:00+02:00', end: '2026-02-04T02:00:00+02:00', precision: hour, evidence: test }
    sources: [{ file: 000_5b12a92830bbfdb1.txt, line: 15 }]
    note: an invented strike
`;

interface Case {
  name: string;
  /** text replaced in BASE */
  from: string;
  to: string;
  code: string;
  /** the problem's path, dotted */
  path: string;
  /** a substring of the line the problem must point at */
  lineHas: string;
  /** checked against article text: our fixture articles, so that the check runs on any machine */
  articles?: boolean;
}

const CASES: Case[] = [
  { name: 'a wrong type', from: 'title: A small scenario', to: 'title: 42', code: 'E_SCHEMA', path: 'title', lineHas: 'title: 42' },
  {
    name: 'an unknown key (a typo)',
    from: "    label: Kyiv's reading",
    to: "    label: Kyiv's reading\n    interpretaton: x",
    code: 'E_SCHEMA',
    path: 'interpretations.0.interpretaton',
    lineHas: 'interpretaton',
  },
  { name: 'a missing required key', from: '  status: test\n', to: '', code: 'E_SCHEMA', path: 'plan.status', lineHas: '  id: plan' },
  {
    name: 'a date-time with no offset',
    from: "start: '2026-01-30T00:00:00+02:00'",
    to: "start: '2026-01-30T00:00:00'",
    code: 'E_SCHEMA',
    path: 'interpretations.0.window.start',
    lineHas: "start: '2026-01-30T00:00:00'",
  },
  {
    name: 'an impossible date',
    from: "end: '2026-02-06T00:00:00+02:00'",
    to: "end: '2026-02-30T00:00:00+02:00'",
    code: 'E_SCHEMA',
    path: 'interpretations.0.window.end',
    lineHas: '2026-02-30',
  },
  {
    name: 'an unknown time zone',
    from: 'rules: ../rules',
    to: 'rules: ../rules\ntimeZone: Europe/Kiev-ish',
    code: 'E_SCHEMA',
    path: 'timeZone',
    lineHas: 'timeZone',
  },
  {
    name: 'a window that ends before it starts',
    from: "end: '2026-02-06T00:00:00+02:00'",
    to: "end: '2026-01-20T00:00:00+02:00'",
    code: 'E_WINDOW_ORDER',
    path: 'interpretations.0.window.end',
    lineHas: "end: '2026-01-20",
  },
  {
    name: 'an event that ends before it starts',
    from: "end: '2026-02-04T02:00:00+02:00'",
    to: "end: '2026-02-03T02:00:00+02:00'",
    code: 'E_INTERVAL_ORDER',
    path: 'events.0.when.end',
    lineHas: 'when: {',
  },
  {
    name: 'an unknown party',
    from: '        towards: ukraine',
    to: '        towards: ukriane',
    code: 'E_UNKNOWN_PARTY',
    path: 'interpretations.0.obligations.0.towards',
    lineHas: 'towards: ukriane',
  },
  {
    name: 'a dangling source reference',
    from: 'sources: [{ file: 000_5b12a92830bbfdb1.txt, line: 15 }]',
    to: 'sources: [{ file: 009_nothere.txt, line: 15 }]',
    code: 'E_UNKNOWN_SOURCE',
    path: 'events.0.sources.0.file',
    lineHas: '009_nothere',
  },
  {
    name: 'a duplicate event id (clashing with a seed event)',
    from: '  - id: extra',
    to: '  - id: ru-strike-2026-02-02-03',
    code: 'E_DUPLICATE_ID',
    path: 'events.0.id',
    lineHas: 'id: ru-strike-2026-02-02-03',
  },
  {
    name: 'a count with low above high',
    from: '    note: an invented strike',
    to: '    note: x\n    munitions: { drones: { low: 50, high: 10 } }',
    code: 'E_SCHEMA',
    path: 'events.0.munitions.drones.high',
    lineHas: 'munitions',
  },
  {
    name: 'a negative count',
    from: '    note: an invented strike',
    to: '    note: x\n    munitions: { drones: { low: -3 } }',
    code: 'E_SCHEMA',
    path: 'events.0.munitions.drones.low',
    lineHas: 'munitions',
  },
  {
    name: 'a cited line that does not exist',
    from: 'line: 15 }]\n    note',
    to: 'line: 999 }]\n    note',
    code: 'E_CITED_LINE_MISSING',
    path: 'events.0.sources.0.line',
    lineHas: 'line: 999',
    articles: true,
  },
  {
    name: 'a figure that is not on the cited line',
    from: "figures: ['24 hours']",
    to: "figures: ['12 hours']",
    code: 'E_FIGURE_NOT_ON_LINE',
    path: 'plan.phases.0.sources.0.figures',
    lineHas: "'12 hours'",
    articles: true,
  },
  {
    name: 'malformed YAML',
    from: '  - { id: poland, name: Poland }',
    to: '  - { id: poland, name: Poland',
    code: 'E_PARSE',
    path: '(file)',
    lineHas: '',
  },
];

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('validation finds each problem at its place', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const text = BASE.replace(c.from, c.to);
      expect(text, 'the case must change the scenario').not.toBe(BASE);
      const dir = scratch({ 'scenarios/s.yaml': text });
      const r = validatePaths(['scenarios/s.yaml'], { cwd: dir, articlesDir: c.articles === true ? FIXTURE_ARTICLES : ARTICLES });
      const hit = r.problems.find((p) => p.code === c.code && p.file === path.join('scenarios', 's.yaml'));
      expect(hit, JSON.stringify(r.problems, null, 1)).toBeDefined();
      expect(hit!.file).toBe(path.join('scenarios', 's.yaml'));
      if (c.path !== '(file)') expect(hit!.path.join('.')).toBe(c.path);
      if (c.lineHas !== '') expect(hit!.line).toBe(lineOf(text, c.lineHas));
      else expect(hit!.line).toBeGreaterThan(0);
    });
  }
  it('the unbroken base is valid', () => {
    const dir = scratch({ 'scenarios/s.yaml': BASE });
    expect(validatePaths(['scenarios/s.yaml'], { cwd: dir, articlesDir: ARTICLES }).problems).toEqual([]);
    // and its own citations hold against the fixture articles, so the cases above fail only for what they change
    const own = validatePaths(['scenarios/s.yaml'], { cwd: dir, articlesDir: FIXTURE_ARTICLES });
    expect(own.notices).toEqual([]);
    expect(own.problems.filter((p) => p.file === path.join('scenarios', 's.yaml'))).toEqual([]);
  });
  it('reports every problem at once', () => {
    const text = BASE.replace('title: A small scenario', 'title: 42').replace('        towards: ukraine', '        towards: ukriane');
    const dir = scratch({ 'scenarios/s.yaml': text });
    // the schema error stops cross-checks of that file, so both must be schema-level or both cross-level
    const r = validatePaths(['scenarios/s.yaml'], { cwd: dir, articlesDir: ARTICLES });
    expect(r.problems.length).toBeGreaterThanOrEqual(1);
    const two = BASE.replace('        towards: ukraine', '        towards: ukriane').replace(
      "end: '2026-02-04T02:00:00+02:00'",
      "end: '2026-02-03T02:00:00+02:00'",
    );
    const dir2 = scratch({ 'scenarios/s.yaml': two });
    expect(
      validatePaths(['scenarios/s.yaml'], { cwd: dir2, articlesDir: ARTICLES })
        .problems.map((p) => p.code)
        .sort(),
    ).toEqual(['E_INTERVAL_ORDER', 'E_UNKNOWN_PARTY']);
  });
  it('says so when the articles are not there to check cited lines against', () => {
    const dir = scratch({ 'scenarios/s.yaml': BASE });
    const r = validatePaths(['scenarios/s.yaml'], { cwd: dir, articlesDir: path.join(dir, 'no-such-folder') });
    expect(r.problems).toEqual([]);
    expect(r.notices.join('\n')).toMatch(/cited lines not checked/);
  });
  it('loadScenario throws every problem as data', () => {
    const dir = scratch({ 'scenarios/s.yaml': BASE.replace('title: A small scenario', 'title: 42') });
    try {
      loadScenario('scenarios/s.yaml', { cwd: dir, articlesDir: ARTICLES });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems[0]).toMatchObject({
        code: 'E_SCHEMA',
        file: path.join('scenarios', 's.yaml'),
        line: 3,
        path: ['title'],
      });
    }
  });
});

describe('truce validate (CLI)', () => {
  it('exits 0 on the shipped seeds and scenarios', async () => {
    const r = await runCliHere(['validate', 'seeds/sources.yaml', 'seeds/events.yaml', 'scenarios/jan-feb-2026.yaml']);
    if (HAVE_ARTICLES) expect(r.stderr).toBe('');
    else expect(r.stderr).toMatch(/^note: cited lines not checked/);
    expect(r.code).toBe(0);
  });
  it('exits 2 naming file, line and path for a wrong type, with no stack trace', async () => {
    const dir = scratch({ 'scenarios/s.yaml': BASE.replace('title: A small scenario', 'title: 42') });
    const r = await runCliHere(['validate', 'scenarios/s.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join('scenarios', 's.yaml')}:3:8  title  expected string`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('exits 2 for a dangling reference and an end before its start, both reported', async () => {
    const text = BASE.replace('        towards: ukraine', '        towards: ukriane').replace(
      "end: '2026-02-04T02:00:00+02:00'",
      "end: '2026-02-03T02:00:00+02:00'",
    );
    const dir = scratch({ 'scenarios/s.yaml': text });
    const r = await runCliHere(['validate', 'scenarios/s.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`:${lineOf(text, 'towards: ukriane')}:`);
    expect(r.stderr).toContain('interpretations.0.obligations.0.towards  unknown party "ukriane"');
    expect(r.stderr).toContain('events.0.when.end');
  });
  it('exits 2 for a missing file', async () => {
    const r = await runCliHere(['validate', 'scenarios/nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenarios\/nope.yaml\s+\(file\)\s+no such file/);
  });
});

describe('schema round trips', () => {
  for (const f of ['seeds/sources.yaml', 'seeds/events.yaml']) {
    it(`${f} survives parse -> YAML -> parse and parse -> JSON -> parse`, () => {
      const once = SeedFile.parse(parse(readFileSync(path.join(ROOT, f), 'utf8')));
      expect(SeedFile.parse(parse(stringify(once)))).toEqual(once);
      expect(SeedFile.parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
    });
  }
  it('the scenario survives a round trip, defaults filled in once', () => {
    const once = Scenario.parse(parse(readFileSync(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), 'utf8')));
    expect(Scenario.parse(parse(stringify(once)))).toEqual(once);
    expect(once.timeZone).toBe('Europe/Kyiv');
  });
  it('the time zone defaults to Europe/Kyiv', () => {
    const raw = parse(readFileSync(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), 'utf8')) as Record<string, unknown>;
    delete raw.timeZone;
    expect(Scenario.parse(raw).timeZone).toBe('Europe/Kyiv');
  });
});
