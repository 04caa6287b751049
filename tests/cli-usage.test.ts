import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ARTICLES, ROOT, runCliHere, scratch, withoutArticlesNote } from './helpers.js';

/**
 * Commands used wrongly: exit 2 with the first line saying what was wrong and what to do, no stack
 * trace, nothing on stdout and nothing written. And a check that could not run is never silent.
 */

const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const EVENT = JSON.stringify({
  id: 'e1',
  kind: 'strike',
  actor: 'russia',
  target: 'ukraine',
  when: { start: '2026-02-03T01:00:00+02:00', end: '2026-02-03T02:00:00+02:00', precision: 'hour', evidence: 'test' },
  sources: [{ file: '000_5b12a92830bbfdb1.txt', line: 15 }],
  note: 'test event',
});

interface Case {
  name: string;
  args: string[];
  says: RegExp;
}

const CASES: Case[] = [
  {
    name: '--vary with a number FROM and a TO that is not one (once an empty sweep, exit 0)',
    args: ['sweep', SCENARIO, '--vary', 'plan.phases.diplomatic.deadline=1..abc:1'],
    says: /^truce: --vary ".*=1\.\.abc:1": FROM is a number, so TO must be one too, not "abc"$/,
  },
  {
    name: '--vary with a step that is not a number',
    args: ['sweep', SCENARIO, '--vary', 'rules.broader-attack.munitionsLow.value=1..5:x'],
    says: /^truce: --vary ".*": the step must be a positive number$/,
  },
  {
    name: 'truce test on a file that is not there (once exit 1, a failed test)',
    args: ['test', 'scenarios/nope.yaml'],
    says: /^scenarios\/nope\.yaml {2}\(file\) {2}no such file or folder; check the path .*\[E_FILE_NOT_FOUND\]$/,
  },
  {
    name: 'truce test on a folder with no scenario in it',
    args: ['test', 'empty'],
    says: /^truce: no scenario files \(\*\.yaml, \*\.yml\) in empty: nothing to test$/,
  },
  {
    name: 'validate on an empty folder (once "ok: 0 file(s)")',
    args: ['validate', 'empty'],
    says: /^truce: no data files \(\*\.yaml, \*\.yml, \*\.json\) in empty: nothing to validate$/,
  },
  {
    name: '--events with --format html and no --out (once HTML on the terminal)',
    args: ['run', SCENARIO, '--events', 'events.ndjson', '--format', 'html'],
    says: /^truce: --format html writes a page: give it a file with --out report\.html$/,
  },
  {
    name: '--format html with --out - (stdout)',
    args: ['run', SCENARIO, '--format', 'html', '--out', '-'],
    says: /^truce: --format html writes a page: give it a file with --out report\.html$/,
  },
  {
    name: 'compare --format html with no --out',
    args: ['compare', SCENARIO, '--format', 'html'],
    says: /^truce: --format html writes a page: give it a file with --out compare\.html$/,
  },
];

describe('usage errors: exit 2, a first line that says what to do, nothing written', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const dir = scratch({ [SCENARIO]: readFileSync(path.join(ROOT, SCENARIO), 'utf8'), 'events.ndjson': EVENT + '\n' });
      mkdirSync(path.join(dir, 'empty'));
      const before = readdirSync(dir, { recursive: true }).sort();
      const r = await runCliHere(c.args, { cwd: dir, env: { TRUCE_CACHE: '0' } });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(withoutArticlesNote(r.stderr).split('\n')[0]).toMatch(c.says);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
      expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
    });
  }
});

describe('citation checks that could not run say so, in every command that loads a scenario', () => {
  // a mistyped --articles once hid a bad citation: run said nothing, only validate noted it
  const bad = readFileSync(path.join(ROOT, 'tests', 'bad-inputs', 'bom-valid.yaml'), 'utf8').replace('line: 15 }]', 'line: 999 }]');
  const COMMANDS: string[][] = [
    ['run', 'scenarios/s.yaml'],
    ['run', 'scenarios/s.yaml', '--format', 'ndjson'],
    ['compare', 'scenarios/s.yaml'],
    ['explain', 'scenarios/s.yaml', '--event', 'extra'],
    ['sweep', 'scenarios/s.yaml', '--vary', 'plan.phases.diplomatic.deadline=PT12H..PT24H:PT12H'],
    ['sample', 'scenarios/s.yaml', '-n', '10', '--seed', '1', '--workers', '1'],
    ['diff', 'scenarios/s.yaml', 'scenarios/s.yaml'],
    ['graph', 'scenarios/s.yaml'],
    ['test', 'scenarios/s.yaml'],
    ['validate', 'scenarios/s.yaml'],
  ];
  for (const args of COMMANDS) {
    it(`truce --articles <mistyped> ${args[0]}: notes that cited lines were not checked, once`, async () => {
      const dir = scratch({ 'scenarios/s.yaml': bad });
      const r = await runCliHere(['--articles', path.join(dir, 'artciles'), ...args], { cwd: dir, env: { TRUCE_CACHE: '0' } });
      expect(r.code, r.stderr).toBe(0);
      const notes = r.stderr.split('\n').filter((l) => l.startsWith('note: cited lines not checked'));
      expect(notes).toEqual([
        expect.stringMatching(/^note: cited lines not checked: no article folder at \S*artciles \(set TRUCE_ARTICLES or --articles\)$/),
      ]);
    });
  }
  it('with the articles there, the same bad citation is exit 2 at its line', async () => {
    const dir = scratch({ 'scenarios/s.yaml': bad });
    const r = await runCliHere(['--articles', FIXTURE_ARTICLES, 'run', 'scenarios/s.yaml'], { cwd: dir, env: { TRUCE_CACHE: '0' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^scenarios\/s\.yaml:\d+:\d+ {2}events\.0\.sources\.0\.line {2}.*no text on line 999.*\[E_CITED_LINE_MISSING\]$/m,
    );
    expect(r.stderr).not.toMatch(/note: cited lines not checked/);
  });
});

describe("./truce, the README's command in a clone", () => {
  it('starts the built CLI with node alone, from any folder', () => {
    const dir = scratch();
    const r = spawnSync(path.join(ROOT, 'truce'), ['run', path.join(ROOT, 'scenarios', 'jan-feb-2026.yaml'), '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TRUCE_CACHE: '0' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe('truce.run/v1');
  });
});
