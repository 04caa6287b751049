import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario } from '../src/load/loadScenario.js';
import { ndjsonEvents } from '../src/load/ndjsonEvents.js';
import { SeedFile } from '../src/schema/seedFile.js';
import { ROOT, runCliHere, scratch } from './helpers.js';

const PLACES = path.join(ROOT, 'tests/fixtures/ingest/places.yaml');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'truce-ingest-'));
// written for the test, not taken from an article
const ARTICLE = 'KYIV, 3 February 2026\nRussia launched more than 70 missiles at the Kharkiv region overnight, killing 3 people.\n';

function article(text: string | Buffer): string {
  const f = path.join(tmp(), 'article.txt');
  writeFileSync(f, text);
  return f;
}

describe('truce ingest: bad input is exit 2 with a message, nothing written', () => {
  it('an empty file', async () => {
    const r = await runCliHere(['ingest', article(''), '--published', '2026-02-03T09:00+02:00', '--places', PLACES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/article\.txt.*empty/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it('a binary file', async () => {
    const r = await runCliHere([
      'ingest',
      article(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe])),
      '--published',
      '2026-02-03T09:00+02:00',
      '--places',
      PLACES,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not UTF-8|not a text file/);
  });
  it('no publication time', async () => {
    const r = await runCliHere(['ingest', article(ARTICLE), '--places', PLACES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no publication time');
  });
  it('a publication time without its offset', async () => {
    const r = await runCliHere(['ingest', article(ARTICLE), '--published', '2026-02-03T09:00', '--places', PLACES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('UTC offset');
  });
  it('an unknown zone', async () => {
    const r = await runCliHere([
      'ingest',
      article(ARTICLE),
      '--published',
      '2026-02-03T09:00+02:00',
      '--zone',
      'Europe/Atlantis',
      '--places',
      PLACES,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a known IANA time zone');
  });
  it('a missing article', async () => {
    const r = await runCliHere(['ingest', path.join(tmp(), 'nope.txt'), '--published', '2026-02-03T09:00+02:00', '--places', PLACES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file');
  });
  it('an --out file that exists is never overwritten', async () => {
    const dir = tmp();
    const out = path.join(dir, 'drafts.yaml');
    writeFileSync(out, 'mine\n');
    const r = await runCliHere(['ingest', article(ARTICLE), '--published', '2026-02-03T09:00+02:00', '--places', PLACES, '--out', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
  });
});

describe('truce ingest: output', () => {
  it('writes drafts as a valid seed file, the report beside it', async () => {
    const out = path.join(tmp(), 'drafts.yaml');
    const r = await runCliHere(['ingest', article(ARTICLE), '--published', '2026-02-03T09:00+02:00', '--places', PLACES, '--out', out]);
    expect(r.code).toBe(0);
    const seed = SeedFile.parse(parse(readFileSync(out, 'utf8')));
    expect(seed.events).toHaveLength(1);
    expect(seed.events[0]).toMatchObject({
      kind: 'strike',
      actor: 'russia',
      draft: true,
      munitions: { missiles: { low: 71 } },
      casualties: { killed: { low: 3, best: 3, high: 3 } },
    });
    expect(r.stdout).toContain('missiles  71+  <- line 2 "more than 70 missiles"');
  });
  it('--against proposes a draft that matches a scenario event as a new source of it', async () => {
    const dir = scratch();
    const text = 'KYIV, 3 February 2026\nRussia fired more than 70 missiles and 450 drones at Kyiv overnight, hitting energy facilities.\n';
    const r = await runCliHere(
      [
        'ingest',
        article(text),
        '--published',
        '2026-02-03T09:00+02:00',
        '--places',
        PLACES,
        '--against',
        path.join(ROOT, 'scenarios/jan-feb-2026.yaml'),
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    // seeds/events.yaml: ru-strike-2026-02-02-03, the night of 2-3 February on Kyiv (a000:15, a000:22)
    expect(r.stderr).toContain('matches   existing event ru-strike-2026-02-02-03');
    expect(r.stderr).toMatch(/agrees {2}missiles: draft 71\+/);
    expect(r.stdout).toContain('Possibly the same occurrence as ru-strike-2026-02-02-03');
  });
});

describe('drafts never count in a run until the mark is removed', () => {
  const draft = (mark: boolean) =>
    [
      'format: truce.seed/v1',
      'events:',
      '  - id: draft-test-strike',
      '    kind: strike',
      '    actor: russia',
      '    target: ukraine',
      "    when: { start: '2026-01-31T01:00:00+02:00', end: '2026-01-31T02:00:00+02:00', precision: hour, evidence: test }",
      '    places: [{ name: Kyiv, region: Kyiv City, kind: capital, precision: settlement }]',
      '    sources: [{ file: 000_5b12a92830bbfdb1.txt, line: 4 }]',
      '    note: written for the test',
      ...(mark ? ['    draft: true'] : []),
      '',
    ].join('\n');
  const scenarioWith = (dir: string) => {
    const base = readFileSync(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), 'utf8').replace(
      'seeds: [../seeds/sources.yaml, ../seeds/events.yaml]',
      'seeds: [../seeds/sources.yaml, ../seeds/events.yaml, ../seeds/drafts.yaml]',
    );
    writeFileSync(path.join(dir, 'scenarios/s.yaml'), base);
    return path.join(dir, 'scenarios/s.yaml');
  };

  it('the loader leaves a draft out of the run, and takes it in once the mark is gone', () => {
    const marked = scratch({ 'seeds/drafts.yaml': draft(true) });
    expect(loadScenario(scenarioWith(marked), { cwd: marked }).events.map((e) => e.id)).not.toContain('draft-test-strike');
    const accepted = scratch({ 'seeds/drafts.yaml': draft(false) });
    expect(loadScenario(scenarioWith(accepted), { cwd: accepted }).events.map((e) => e.id)).toContain('draft-test-strike');
  });

  it('a run leaves a draft strike out of its result, and includes it once accepted', async () => {
    const run = async (mark: boolean) => {
      const dir = scratch({ 'seeds/drafts.yaml': draft(mark) });
      const r = await runCliHere(['run', scenarioWith(dir), '-i', 'washington', '--format', 'json', '--no-cache'], { cwd: dir });
      expect(r.code).toBe(0);
      return r.stdout.includes('draft-test-strike');
    };
    expect(await run(true)).toBe(false);
    expect(await run(false)).toBe(true);
  });

  it('an NDJSON stream skips drafts', async () => {
    const f = path.join(tmp(), 'events.ndjson');
    const e = parse(draft(true)).events[0];
    writeFileSync(f, `${JSON.stringify(e)}\n${JSON.stringify({ ...e, id: 'accepted', draft: undefined })}\n`);
    const ids: string[] = [];
    for await (const x of ndjsonEvents(f)) ids.push(x.event.id);
    expect(ids).toEqual(['accepted']);
    expect(existsSync(f)).toBe(true);
  });
});
