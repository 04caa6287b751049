import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, MAX_EXTENDS_DEPTH } from '../src/load/loadScenario.js';
import { validatePaths } from '../src/load/validatePaths.js';
import { ParseMemo } from '../src/load/parseMemo.js';
import { DEFAULT_MAX_FILE_BYTES } from '../src/load/files.js';
import { InputError, type Problem, type ProblemCode } from '../src/problem.js';
import { ARTICLES, CLI, HAVE_ARTICLES, ROOT, runCliHere, scratch } from './helpers.js';

/**
 * The bad-input corpus (tests/bad-inputs/): each file is one way an analyst, or a hostile file, gets the
 * input wrong. Each must be refused with a stable code, at the line that holds the mistake, with the
 * path inside the document where there is one: the message is only useful if it points at the place.
 *
 * Where a corpus file goes in a scratch project (a copy of rules/, seeds/ and the real scenario):
 *   *.json   -> rules/     (validated as the rule folder, and through the real scenario that uses it)
 *   seed-*   -> seeds/     (validated with the other seed files)
 *   outside-* -> project/scenarios/, in a project folder (package.json) one level below the real data
 *   others   -> scenarios/ (validated, and loaded with loadScenario)
 */

const CORPUS = path.join(ROOT, 'tests', 'bad-inputs');
const CORPUS_FILES = readdirSync(CORPUS).sort();

interface Case {
  file: string;
  code: ProblemCode;
  /** the reported line: a number, or a text that occurs on exactly one line of the file */
  line: number | string;
  /** the dotted path in the document ('' = the file as a whole); left out where the position is the point */
  path?: string;
  /** the file the problem is reported in, relative to the corpus file's folder, when it is not the file itself */
  in?: string;
  /** other corpus files it needs beside it */
  with?: string[];
  /** what the message must say (what was written, what to do) */
  message?: RegExp;
  /** what no problem of the file may say (a branch the analyst did not write, a path they never wrote) */
  absent?: RegExp;
}

const CASES: Case[] = [
  // not YAML, or not the YAML the formats want
  // the parser notices the missing } where the next key starts, one line below the unclosed mapping
  { file: 'malformed-yaml.yaml', code: 'E_PARSE', line: 'interpretations:', path: '' },
  { file: 'rule-malformed.json', code: 'E_PARSE', line: '"description"', path: '' },
  { file: 'tab-indent.yaml', code: 'E_PARSE', line: '\tid: plan', path: '' },
  { file: 'duplicate-key.yaml', code: 'E_PARSE', line: 'status: draft', path: '' },
  { file: 'two-documents.yaml', code: 'E_PARSE', line: '---', path: '' },
  { file: 'complex-key.yaml', code: 'E_PARSE', line: '? [a, b]', path: 'plan' },
  { file: 'empty.yaml', code: 'E_EMPTY', line: 1, path: '' },
  { file: 'rule-empty.json', code: 'E_EMPTY', line: 1, path: '' },
  { file: 'comments-only.yaml', code: 'E_EMPTY', line: 1, path: '' },
  { file: 'top-level-list.yaml', code: 'E_SCHEMA', line: '- format: truce.scenario/v1', path: '' },
  { file: 'no-format.yaml', code: 'E_UNKNOWN_FORMAT', line: 'id: small' },
  { file: 'format-v2.yaml', code: 'E_UNKNOWN_FORMAT', line: 'format: truce.scenario/v2', path: 'format' },
  { file: 'utf16.yaml', code: 'E_ENCODING', line: 1, path: '' },
  { file: 'latin1.yaml', code: 'E_ENCODING', line: 'title: Tr', path: '' },
  // the byte-order mark does not shift the reported line, nor do CRLF line ends
  { file: 'bom-crlf-typo.yaml', code: 'E_SCHEMA', line: 'labell:', path: 'interpretations.0.labell' },
  // hostile
  { file: 'alias-bomb.yaml', code: 'E_PARSE', line: 'b: &b [*a', path: '' },
  { file: 'deep-nesting.json', code: 'E_PARSE', line: 1, path: '' },
  { file: 'proto-key.yaml', code: 'E_FORBIDDEN_KEY', line: '__proto__: { polluted: true }', path: 'events.0.__proto__' },
  { file: 'constructor-key.yaml', code: 'E_FORBIDDEN_KEY', line: 'constructor:', path: 'plan.constructor' },
  { file: 'alias-proto-key.yaml', code: 'E_FORBIDDEN_KEY', line: '*k : { polluted: true }', path: 'events.0.__proto__' },
  { file: 'rule-prototype-key.json', code: 'E_FORBIDDEN_KEY', line: '"prototype"', path: 'event.params.prototype' },
  { file: 'overlay-set-proto-path.yaml', code: 'E_SCHEMA', line: 'plan.__proto__.polluted', path: 'changes.0.set.path' },
  // wrong values
  { file: 'wrong-type.yaml', code: 'E_SCHEMA', line: 'line: thirteen', path: 'interpretations.0.heldBy.0.sources.0.line' },
  { file: 'unknown-key-typo.yaml', code: 'E_SCHEMA', line: 'interpretaton:', path: 'interpretaton' },
  { file: 'seed-unknown-key.yaml', code: 'E_SCHEMA', line: 'place:', path: 'events.0.place' },
  { file: 'missing-required.yaml', code: 'E_SCHEMA', line: '- id: extra', path: 'events.0.sources' },
  { file: 'rule-no-event.json', code: 'E_SCHEMA', line: 1, path: 'event' },
  { file: 'impossible-date.yaml', code: 'E_SCHEMA', line: '2026-02-30', path: 'events.0.when.start' },
  { file: 'no-zone.yaml', code: 'E_SCHEMA', line: "start: '2026-01-30T00:00:00'", path: 'interpretations.0.window.start' },
  { file: 'unknown-timezone.yaml', code: 'E_SCHEMA', line: 'timeZone: Europe/Kyyiv', path: 'timeZone' },
  { file: 'bad-duration.yaml', code: 'E_SCHEMA', line: 'deadline: 24 hours', path: 'plan.phases.0.deadline' },
  { file: 'window-end-and-duration.yaml', code: 'E_SCHEMA', line: 'window:', path: 'interpretations.0.window' },
  { file: 'negative-count.yaml', code: 'E_SCHEMA', line: 'low: -10', path: 'events.0.munitions.drones.low' },
  { file: 'fractional-count.yaml', code: 'E_SCHEMA', line: 'low: 10.5', path: 'events.0.munitions.drones.low' },
  { file: 'low-above-high.yaml', code: 'E_SCHEMA', line: 'low: 150, high: 15', path: 'events.0.munitions.drones.high' },
  { file: 'unknown-enum.yaml', code: 'E_SCHEMA', line: 'targets: [hospital]', path: 'events.0.targets.0' },
  { file: 'uppercase-id.yaml', code: 'E_SCHEMA', line: 'id: Extra Strike', path: 'events.0.id' },
  { file: 'empty-list.yaml', code: 'E_SCHEMA', line: 'obligations: []', path: 'interpretations.0.obligations' },
  { file: 'rule-bad-finding-type.json', code: 'E_SCHEMA', line: '"type": "breach"', path: 'event.type' },
  { file: 'rule-family-not-a-list.json', code: 'E_SCHEMA', line: '"rules": {', path: 'rules' },
  { file: 'seed-source-path.yaml', code: 'E_SCHEMA', line: 'file: ../../etc/passwd.txt', path: 'sources.0.file' },
  { file: 'overlay-unknown-change.yaml', code: 'E_SCHEMA', line: '- moveEvent:', path: 'changes.0.moveEvent' },
  { file: 'response-without-phase.yaml', code: 'E_SCHEMA', line: '- id: extra', path: 'events.0.phase' },
  { file: 'duplicate-phase.yaml', code: 'E_SCHEMA', line: '# listed again', path: 'plan.phases.1.id' },
  { file: 'phase-requires-unknown.yaml', code: 'E_SCHEMA', line: 'requires: [coalition]', path: 'plan.phases.0.requires.0' },
  // time order and counts
  { file: 'event-end-before-start.yaml', code: 'E_INTERVAL_ORDER', line: "end: '2026-02-03T02:00:00+02:00'", path: 'events.0.when.end' },
  {
    file: 'window-end-before-start.yaml',
    code: 'E_WINDOW_ORDER',
    line: "end: '2026-01-23T00:00:00+02:00'",
    path: 'interpretations.0.window.end',
  },
  { file: 'overlay-update-breaks-event.yaml', code: 'E_INTERVAL_ORDER', line: 'updateEvent', path: 'changes.0.updateEvent' },
  {
    file: 'ballistic-over-missiles.yaml',
    code: 'E_COUNT_ORDER',
    line: 'ballisticMissiles',
    path: 'events.0.munitions.ballisticMissiles.low',
  },
  // duplicate ids
  { file: 'duplicate-event-id.yaml', code: 'E_DUPLICATE_ID', line: '- id: ru-strike-2026-02-02-03', path: 'events.0.id' },
  { file: 'seed-duplicate-event-id.yaml', code: 'E_DUPLICATE_ID', line: '- id: ru-strike-2026-01-29-30', path: 'events.0.id' },
  {
    file: 'overlay-add-duplicate-event.yaml',
    code: 'E_DUPLICATE_ID',
    line: '- id: ru-strike-2026-02-02-03',
    path: 'changes.0.addEvents.0.id',
  },
  { file: 'duplicate-interpretation-id.yaml', code: 'E_DUPLICATE_ID', line: '- id: kyiv  # pasted twice', path: 'interpretations.1.id' },
  { file: 'duplicate-party-id.yaml', code: 'E_DUPLICATE_ID', line: 'Russian Federation', path: 'parties.4.id' },
  { file: 'rule-duplicate-name.json', code: 'E_DUPLICATE_ID', line: '"name": "protected-place"', path: 'name' },
  // dangling references
  { file: 'unknown-article.yaml', code: 'E_UNKNOWN_SOURCE', line: '005_missing.txt', path: 'events.0.sources.0.file' },
  { file: 'seed-unknown-article.yaml', code: 'E_UNKNOWN_SOURCE', line: '001_3a0544476f6be35e.txt', path: 'events.0.sources.0.file' },
  { file: 'interpretation-unknown-party.yaml', code: 'E_UNKNOWN_PARTY', line: 'party: ukriane', path: 'interpretations.0.heldBy.0.party' },
  { file: 'plan-unknown-party.yaml', code: 'E_UNKNOWN_PARTY', line: 'appliesTo: [rusia]', path: 'plan.appliesTo.0' },
  { file: 'event-unknown-actor.yaml', code: 'E_UNKNOWN_PARTY', line: 'actor: belarus', path: 'events.0.actor' },
  { file: 'missing-seed-file.yaml', code: 'E_FILE_NOT_FOUND', line: '../seeds/event.yaml', path: 'seeds.1' },
  { file: 'missing-rules-folder.yaml', code: 'E_FILE_NOT_FOUND', line: 'rules: ../rule', path: 'rules' },
  { file: 'overlay-missing-base.yaml', code: 'E_FILE_NOT_FOUND', line: 'extends: jan-feb-2025.yaml', path: 'extends' },
  { file: 'overlay-remove-missing-event.yaml', code: 'E_UNKNOWN_EVENT', line: 'ru-strike-2026-02-05', path: 'changes.0.removeEvents.0' },
  { file: 'overlay-update-missing-event.yaml', code: 'E_UNKNOWN_EVENT', line: 'ru-strike-2026-02-31', path: 'changes.0.updateEvent.id' },
  { file: 'overlay-shift-missing-event.yaml', code: 'E_UNKNOWN_EVENT', line: 'ru-strike-2026-02-04-05', path: 'changes.0.shiftEvent.id' },
  {
    file: 'overlay-remove-missing-interpretation.yaml',
    code: 'E_UNKNOWN_INTERPRETATION',
    line: 'moscow',
    path: 'changes.0.removeInterpretations.0',
  },
  { file: 'overlay-bad-set-path.yaml', code: 'E_SCHEMA', line: 'windoww', path: 'changes.0.set.path' },
  // the extends chain
  {
    file: 'overlay-cycle-a.yaml',
    code: 'E_EXTENDS_CYCLE',
    line: 'extends: overlay-cycle-a.yaml',
    path: 'extends',
    in: 'overlay-cycle-b.yaml',
    with: ['overlay-cycle-b.yaml'],
  },
  {
    file: 'overlay-cycle-b.yaml',
    code: 'E_EXTENDS_CYCLE',
    line: 'extends: overlay-cycle-b.yaml',
    path: 'extends',
    in: 'overlay-cycle-a.yaml',
    with: ['overlay-cycle-a.yaml'],
  },
  { file: 'overlay-extends-itself.yaml', code: 'E_EXTENDS_CYCLE', line: 'extends: ./overlay-extends-itself.yaml', path: 'extends' },
  // extending a seed file: the overlay's `extends` is wrong, not the seed file
  { file: 'overlay-extends-seed.yaml', code: 'E_UNKNOWN_FORMAT', line: 'extends:', path: 'extends' },
  { file: 'outside-extends.yaml', code: 'E_OUTSIDE_PROJECT', line: 'extends: ../../scenarios', path: 'extends' },
  { file: 'outside-seeds.yaml', code: 'E_OUTSIDE_PROJECT', line: 'seeds: [../../seeds/sources.yaml', path: 'seeds.0' },
  { file: 'outside-rules.yaml', code: 'E_OUTSIDE_PROJECT', line: 'rules: ../../rules', path: 'rules' },
  // rules
  {
    file: 'rule-unknown-operator.json',
    code: 'E_RULE_OPERATOR',
    line: '"operator": "greaterThanOrEqual"',
    path: 'conditions.all.4.operator',
  },
  { file: 'rule-unknown-fact.json', code: 'E_RULE_FACT', line: '"fact": "munitionLow"', path: 'conditions.all.4.fact' },
  { file: 'rule-unknown-value-fact.json', code: 'E_RULE_FACT', line: '"fact": "windows"', path: 'conditions.all.4.value.fact' },
  {
    file: 'rule-unknown-condition.json',
    code: 'E_RULE_CONDITION',
    line: '"condition": "inside-windows"',
    path: 'conditions.all.4.condition',
  },
  // accepted by validate once, crashing (exit 3) or silently wrong in run: refused before anything recurses or runs
  { file: 'deep-block-sequence.yaml', code: 'E_PARSE', line: '- - - - - - - -', path: '', message: /more than 100 deep/ },
  { file: 'deep-block-mapping.yaml', code: 'E_PARSE', line: ' k99:', path: '', message: /more than 100 deep/ },
  {
    file: 'rule-condition-itself.json',
    code: 'E_RULE_CONDITION',
    line: '"condition": "loops-on-itself"',
    path: 'conditions.loops-on-itself.all.1.condition',
    message: /loops-on-itself -> loops-on-itself/,
  },
  {
    file: 'rule-condition-cycle.json',
    code: 'E_RULE_CONDITION',
    line: '"condition": "cycle-a"',
    path: 'conditions.cycle-b.any.1.not.condition',
    message: /cycle-a -> cycle-b -> cycle-a/,
  },
  {
    file: 'rule-during-string.json',
    code: 'E_RULE_OPERATOR',
    line: '"value": "x"',
    path: 'conditions.all.1.value',
    message: /"during" .*got string "x"/,
  },
  {
    file: 'rule-greater-than-object.json',
    code: 'E_RULE_OPERATOR',
    line: '"value": {',
    path: 'conditions.all.1.value',
    message: /must be a number.*got an object/,
  },
  {
    file: 'rule-in-string.json',
    code: 'E_RULE_OPERATOR',
    line: '"value": "certain"',
    path: 'conditions.all.1.value',
    message: /must be a list.*got string "certain"/,
  },
  {
    file: 'rule-duplicate-condition.json',
    code: 'E_DUPLICATE_ID',
    line: '"is-strike": {',
    path: 'conditions.is-strike',
    message: /already defined in rules.conditions\.json/,
  },
  // times beyond what dates can represent, or that depend on the machine
  {
    file: 'window-duration-300000y.yaml',
    code: 'E_SCHEMA',
    line: 'duration: P300000Y',
    path: 'interpretations.0.window.duration',
    message: /"P300000Y" is longer than 300 years.*1900-2200/,
  },
  {
    file: 'deadline-99999999y.yaml',
    code: 'E_SCHEMA',
    line: 'deadline: P99999999Y',
    path: 'plan.phases.0.deadline',
    message: /"P99999999Y" is longer than 300 years/,
  },
  {
    file: 'offset-99h.yaml',
    code: 'E_SCHEMA',
    line: "01:00:00+99:00'",
    path: 'events.0.when.start',
    message: /offset \+99:00, beyond the ±14:00/,
  },
  {
    file: 'offset-23h59.yaml',
    code: 'E_SCHEMA',
    line: "01:00:00+23:59'",
    path: 'events.0.when.start',
    message: /offset \+23:59, beyond the ±14:00/,
  },
  {
    file: 'year-out-of-range.yaml',
    code: 'E_SCHEMA',
    line: '2602-01-30',
    path: 'interpretations.0.window.start',
    message: /outside the years 1900-2200/,
  },
  {
    file: 'offset-without-colon.yaml',
    code: 'E_SCHEMA',
    line: "+0200'",
    path: 'interpretations.0.window.start',
    message: /as \+0200; write it with a colon, as 2026-01-30T00:00:00\+02:00$/,
    absent: /\+0200\+02:00/,
  },
  {
    file: 'timezone-system.yaml',
    code: 'E_SCHEMA',
    line: 'timeZone: system',
    path: 'timeZone',
    message: /"system" means the zone of whatever machine/,
  },
  // overlays: the message names what the analyst wrote
  {
    file: 'overlay-shift-out-of-range.yaml',
    code: 'E_SCHEMA',
    line: 'by: P250Y',
    path: 'changes.0.shiftEvent.by',
    message:
      /shifting event "ru-strike-2026-02-02-03" by P250Y: when\.(start|end): "22\d\d-.*outside the years 1900-2200.*; shift it by less/,
    absent: /changes\.events/,
  },
  {
    file: 'overlay-set-interpretation-missing-field.yaml',
    code: 'E_SCHEMA',
    line: 'id: kyiv',
    path: 'changes.0.setInterpretation.label',
    message: /missing/,
    absent: /addEvents|unknown key "setInterpretation"/,
  },
];

/**
 * NDJSON event streams (`truce run SCENARIO --events FILE`): each line is checked exactly as a seed
 * file's event is, and the problem names the stream's line. `articles`: the case needs the article texts.
 */
const STREAM_CASES: { file: string; code: ProblemCode; line: number; path: string; format?: string; articles?: boolean }[] = [
  { file: 'stream-unknown-actor.ndjson', code: 'E_UNKNOWN_PARTY', line: 2, path: 'actor' },
  { file: 'stream-end-before-start.ndjson', code: 'E_INTERVAL_ORDER', line: 2, path: 'when.end' },
  { file: 'stream-duplicate-id.ndjson', code: 'E_DUPLICATE_ID', line: 3, path: 'id' },
  { file: 'stream-unknown-article.ndjson', code: 'E_UNKNOWN_SOURCE', line: 2, path: 'sources.0.file' },
  { file: 'stream-cited-line-missing.ndjson', code: 'E_CITED_LINE_MISSING', line: 2, path: 'sources.0.line', articles: true },
  { file: 'stream-response-without-phase.ndjson', code: 'E_SCHEMA', line: 2, path: 'phase' },
  { file: 'stream-ballistic-over-missiles.ndjson', code: 'E_COUNT_ORDER', line: 2, path: 'munitions.ballisticMissiles.low' },
  { file: 'stream-latin1.ndjson', code: 'E_ENCODING', line: 2, path: '(file)' },
  // unsorted: refused whatever the output format, not only with --format ndjson
  { file: 'stream-unsorted.ndjson', code: 'E_STREAM_ORDER', line: 2, path: 'when.start', format: 'text' },
  { file: 'stream-unsorted.ndjson', code: 'E_STREAM_ORDER', line: 2, path: 'when.start', format: 'ndjson' },
];

/** Corpus files that are valid on purpose: what must be accepted. */
const ACCEPTED = ['bom-valid.yaml', 'reading-id-constructor.yaml'];

type Kind = 'rule' | 'seed' | 'outside' | 'scenario';
const kindOf = (file: string): Kind =>
  file.endsWith('.json') ? 'rule' : file.startsWith('seed-') ? 'seed' : file.startsWith('outside-') ? 'outside' : 'scenario';
const folderOf = (file: string) =>
  ({ rule: 'rules', seed: 'seeds', outside: path.join('project', 'scenarios'), scenario: 'scenarios' })[kindOf(file)];

/**
 * A scratch project with the real rules, seeds and scenario, and the corpus file in place. For the
 * `outside-*` cases, a project folder (with package.json) one level below, holding its own copy of the
 * data, so that only the reference under test leaves it.
 */
function place(c: { file: string; with?: string[] }): { dir: string; rel: string } {
  const dir = scratch({ 'scenarios/jan-feb-2026.yaml': readFileSync(path.join(ROOT, 'scenarios', 'jan-feb-2026.yaml'), 'utf8') });
  if (kindOf(c.file) === 'outside') {
    mkdirSync(path.join(dir, 'project', 'scenarios'), { recursive: true });
    cpSync(path.join(dir, 'rules'), path.join(dir, 'project', 'rules'), { recursive: true });
    cpSync(path.join(dir, 'seeds'), path.join(dir, 'project', 'seeds'), { recursive: true });
    writeFileSync(path.join(dir, 'project', 'package.json'), '{ "name": "an-analysts-project", "private": true }\n');
  }
  for (const f of [c.file, ...(c.with ?? [])]) copyFileSync(path.join(CORPUS, f), path.join(dir, folderOf(f), f));
  return { dir, rel: path.join(folderOf(c.file), c.file) };
}

/** What validate checks for this kind: the file itself, or the folder it sits in (rules and seeds are checked together). */
const validateTargets = (c: Case, rel: string) => (kindOf(c.file) === 'rule' ? ['rules'] : kindOf(c.file) === 'seed' ? ['seeds'] : [rel]);

/** The 1-based line of the only line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  expect(hits, `"${needle}" must be on exactly one line`).toHaveLength(1);
  return hits[0]!;
}

function expectProblem(problems: Problem[], c: Case, dir: string, rel: string): Problem {
  const file = c.in !== undefined ? path.normalize(path.join(path.dirname(rel), c.in)) : rel;
  const hit = problems.find((p) => p.code === c.code && p.file === file && (c.path === undefined || p.path.join('.') === c.path));
  expect(
    hit,
    `expected ${c.code} in ${file} at ${c.path ?? '?'}; got\n${problems.map((p) => `${p.code} ${p.file}:${p.line} ${p.path.join('.')} ${p.message}`).join('\n')}`,
  ).toBeDefined();
  const text = readFileSync(path.join(dir, file), 'utf8');
  const want = typeof c.line === 'number' ? c.line : lineOf(text, c.line);
  expect(hit!.line, `${c.code} line`).toBe(want);
  expect(hit!.col, `${c.code} column`).toBeGreaterThan(0);
  // a message says what to do, not just that something is wrong
  expect(hit!.message.length).toBeGreaterThan(15);
  if (c.message) expect(hit!.message).toMatch(c.message);
  if (c.absent) for (const p of problems) expect(`${p.path.join('.')} ${p.message}`).not.toMatch(c.absent);
  return hit!;
}

const tried = new Set<string>();
let generated = 0;
afterAll(() => {
  // the count the hardening issue asks for
  console.log(
    `bad-input corpus: ${[...tried].filter((f) => CORPUS_FILES.includes(f)).length} of ${CORPUS_FILES.length} corpus files tried, plus ${generated} generated at test time`,
  );
});

describe(`the bad-input corpus (${CORPUS_FILES.length} files in tests/bad-inputs)`, () => {
  it('every corpus file has its case, and every case its file', () => {
    const covered = new Set([...CASES.map((c) => c.file), ...ACCEPTED, ...STREAM_CASES.map((c) => c.file)]);
    expect(
      CORPUS_FILES.filter((f) => !covered.has(f)),
      'corpus files with no case',
    ).toEqual([]);
    expect(
      [...covered].filter((f) => !CORPUS_FILES.includes(f)),
      'cases with no corpus file',
    ).toEqual([]);
    expect(new Set(CASES.map((c) => c.file)).size, 'one case per file').toBe(CASES.length);
    expect(CORPUS_FILES.length).toBeGreaterThanOrEqual(40);
  });

  const memo = new ParseMemo();
  for (const c of CASES) {
    it(`${c.file}: ${c.code} at ${typeof c.line === 'number' ? `line ${c.line}` : JSON.stringify(c.line)}${c.path ? ` (${c.path})` : ''}`, () => {
      const { dir, rel } = place(c);
      tried.add(c.file);
      const r = validatePaths(validateTargets(c, rel), { cwd: dir, articlesDir: ARTICLES });
      expectProblem(r.problems, c, dir, rel);
      // every problem of the file is located (a problem without a line is no help in an editor)
      for (const p of r.problems.filter((x) => x.file === rel))
        expect(p.line, `${p.code} ${p.path.join('.')} has a line`).toBeGreaterThan(0);
      // through a parse memo (shared by the corpus: the copied seeds and rules come from it warm, this file
      // cold), every problem, message and position is the same
      const withMemo = { cwd: dir, articlesDir: ARTICLES, parseMemo: memo };
      expect(validatePaths(validateTargets(c, rel), withMemo).problems).toEqual(r.problems);

      // a scenario refuses to load with the same problem; a broken rule file breaks every scenario that uses the folder
      const scenario =
        kindOf(c.file) === 'rule' ? path.join('scenarios', 'jan-feb-2026.yaml') : kindOf(c.file) === 'seed' ? undefined : rel;
      if (scenario !== undefined) {
        let thrown: unknown;
        try {
          // the memo now holds this file too: the load gets it warm
          loadScenario(scenario, withMemo);
        } catch (e) {
          thrown = e;
        }
        expect(thrown, 'loadScenario must refuse it').toBeInstanceOf(InputError);
        expectProblem((thrown as InputError).problems, c, dir, rel);
      }
    });
  }

  // regression: a byte-order mark (Windows Notepad) must not make a valid file invalid
  it('bom-valid.yaml: a valid file with a UTF-8 byte-order mark is accepted', () => {
    const { dir, rel } = place({ file: 'bom-valid.yaml' });
    tried.add('bom-valid.yaml');
    expect(readFileSync(path.join(CORPUS, 'bom-valid.yaml')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(validatePaths([rel], { cwd: dir, articlesDir: ARTICLES }).problems).toEqual([]);
    const loaded = loadScenario(rel, { cwd: dir, articlesDir: ARTICLES });
    expect(loaded.scenario.id).toBe('small');
    expect(loaded.events.some((e) => e.id === 'extra')).toBe(true);
  });
});

describe('a file over the size limit (generated, never committed)', () => {
  /** About 10 MB of syntactically valid events: the limit must refuse it before parsing. */
  function bigSeed(bytes: number): string {
    const event = (i: number) => `  - id: ev-${i}
    kind: strike
    actor: russia
    target: ukraine
    when: { start: '2026-02-0${1 + (i % 5)}T01:00:00+02:00', end: '2026-02-0${1 + (i % 5)}T02:00:00+02:00', precision: hour, evidence: generated }
    sources: [{ file: 000_5b12a92830bbfdb1.txt, line: 15 }]
    note: generated event number ${i}
`;
    const parts = ['format: truce.seed/v1\nevents:\n'];
    let size = parts[0]!.length;
    for (let i = 0; size < bytes; i++) {
      const e = event(i);
      parts.push(e);
      size += e.length;
    }
    return parts.join('');
  }
  const TEN_MB = 10 * 1024 * 1024;

  it(`10 MB of events: E_FILE_TOO_LARGE at 1:1, over the ${DEFAULT_MAX_FILE_BYTES / 1048576} MiB limit, refused without parsing`, () => {
    const dir = scratch({ 'seeds/huge.yaml': bigSeed(TEN_MB) });
    generated++;
    const t0 = performance.now();
    const r = validatePaths(['seeds/huge.yaml'], { cwd: dir });
    const ms = performance.now() - t0;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'E_FILE_TOO_LARGE', file: path.join('seeds', 'huge.yaml'), line: 1, col: 1, path: [] });
    expect(r.problems[0]!.message).toMatch(/10\.0 MiB, over the 4\.0 MiB limit/);
    // parsing 10 MB of YAML takes seconds; a refusal on the size alone takes milliseconds
    expect(ms).toBeLessThan(1000);
  });

  it('a scenario whose seed file is over the limit fails to load with E_FILE_TOO_LARGE', () => {
    const scenario = readFileSync(path.join(CORPUS, 'bom-valid.yaml'), 'utf8').replace('../seeds/events.yaml', '../seeds/huge.yaml');
    const dir = scratch({ 'seeds/huge.yaml': bigSeed(TEN_MB), 'scenarios/s.yaml': scenario });
    expect(() => loadScenario('scenarios/s.yaml', { cwd: dir, articlesDir: ARTICLES })).toThrow(InputError);
    try {
      loadScenario('scenarios/s.yaml', { cwd: dir, articlesDir: ARTICLES });
    } catch (e) {
      expect((e as InputError).problems.map((p) => [p.code, p.file])).toContainEqual(['E_FILE_TOO_LARGE', path.join('seeds', 'huge.yaml')]);
    }
  });

  it('the limit is the loader option maxFileBytes: one byte over is refused, at the limit is read', () => {
    // seeds/sources.yaml refers to no other file, so only its own size counts
    const dir = scratch();
    const size = readFileSync(path.join(dir, 'seeds', 'sources.yaml')).length;
    expect(validatePaths(['seeds/sources.yaml'], { cwd: dir, articlesDir: ARTICLES, maxFileBytes: size }).problems).toEqual([]);
    const over = validatePaths(['seeds/sources.yaml'], { cwd: dir, articlesDir: ARTICLES, maxFileBytes: size - 1 }).problems;
    expect(over.map((p) => p.code)).toEqual(['E_FILE_TOO_LARGE']);
    // one byte over must not read as "1.2 KiB, over the 1.2 KiB limit"
    const [size1, limit1] = /is (.+), over the (.+) limit/.exec(over[0]!.message)!.slice(1);
    expect(size1).not.toBe(limit1);
  });
});

/**
 * Through the CLI, as an analyst sees it: exit 2, one `file:line:col  path  message [CODE]` line per
 * problem on stderr, no stack trace, and nothing on stdout (a half-written report would be worse).
 */
describe('bad input through the CLI', () => {
  const CLI_CASES: { file: string; args: (rel: string) => string[] }[] = [
    { file: 'malformed-yaml.yaml', args: (rel) => ['validate', rel] },
    { file: 'unknown-key-typo.yaml', args: (rel) => ['run', rel] },
    { file: 'alias-bomb.yaml', args: (rel) => ['run', rel, '--format', 'json'] },
    { file: 'utf16.yaml', args: (rel) => ['validate', rel] },
    { file: 'rule-unknown-operator.json', args: () => ['run', path.join('scenarios', 'jan-feb-2026.yaml')] },
    { file: 'overlay-cycle-a.yaml', args: (rel) => ['run', rel] },
    { file: 'outside-extends.yaml', args: (rel) => ['validate', rel] },
    { file: 'proto-key.yaml', args: (rel) => ['run', rel, '--format', 'json'] },
  ];
  for (const cc of CLI_CASES) {
    const c = CASES.find((x) => x.file === cc.file)!;
    it(`${cc.file}: truce ${cc.args('<file>')[0]} exits 2 and names ${c.code} at its place`, async () => {
      const { dir, rel } = place(c);
      const r = await runCliHere(cc.args(rel), { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toMatch(/internal error/);
      const file = c.in !== undefined ? path.normalize(path.join(path.dirname(rel), c.in)) : rel;
      const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const where = c.path === undefined ? '\\S+' : (c.path === '' ? '(file)' : c.path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const line = new RegExp(`^${escaped}:(\\d+):(\\d+)  ${where}  .+ \\[${c.code}\\]$`, 'm').exec(r.stderr);
      expect(line, r.stderr).not.toBeNull();
      expect(Number(line![1])).toBeGreaterThan(0);
    });
  }
});

/** No output file, no temporary file left behind: the folder holds what it held before. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

/** The CLI refused it as bad input: exit 2, nothing on stdout, no stack trace, the first line located. */
function expectRefused(r: { code: number | null; stdout: string; stderr: string }, first: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(firstProblem(r.stderr)).toMatch(first);
}

/** The first line of stderr that is not a note (on skipped checks). */
const firstProblem = (stderr: string) => stderr.split('\n').find((l) => !l.startsWith('note:')) ?? '';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('NDJSON streams get every check a seed file gets, naming the stream line', () => {
  for (const c of STREAM_CASES) {
    it.skipIf(c.articles === true && !HAVE_ARTICLES)(
      `${c.file}${c.format ? ` (--format ${c.format})` : ''}: ${c.code} at line ${c.line} (${c.path})`,
      async () => {
        tried.add(c.file);
        const dir = scratch({ 'scenarios/jan-feb-2026.yaml': readFileSync(path.join(ROOT, 'scenarios', 'jan-feb-2026.yaml'), 'utf8') });
        copyFileSync(path.join(CORPUS, c.file), path.join(dir, c.file));
        const before = listing(dir);
        const r = await runCliHere(
          ['run', path.join('scenarios', 'jan-feb-2026.yaml'), '--events', c.file, '--format', c.format ?? 'json', '--out', 'report.out'],
          { cwd: dir },
        );
        expectRefused(r, new RegExp(`^${esc(c.file)}:${c.line}:\\d+  ${esc(c.path)}  .+ \\[${c.code}\\]$`));
        expect(listing(dir)).toEqual(before);
      },
    );
  }
});

describe('the scenario that validate accepts, run, compare, explain and sample accept too', () => {
  it('reading-id-constructor.yaml: a reading called "constructor" runs through sample, compare and explain', async () => {
    const { dir, rel } = place({ file: 'reading-id-constructor.yaml' });
    tried.add('reading-id-constructor.yaml');
    expect(validatePaths([rel], { cwd: dir, articlesDir: ARTICLES }).problems).toEqual([]);
    for (const args of [
      ['sample', rel, '-n', '10', '--seed', '1', '--format', 'json'],
      ['compare', rel, '--format', 'json'],
      ['explain', rel, '--event', 'extra'],
      ['run', rel, '--format', 'json'],
    ]) {
      const r = await runCliHere(args, { cwd: dir });
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('constructor');
    }
  });
});

/**
 * Inputs that cannot be committed (devices, FIFOs, link loops) or would be large (3,000 overlays, a
 * 2,000-deep mapping): made at test time, refused the same way.
 */
describe('bad input made at test time', () => {
  const scenario = path.join('scenarios', 'jan-feb-2026.yaml');
  const project = () => scratch({ 'scenarios/jan-feb-2026.yaml': readFileSync(path.join(ROOT, 'scenarios', 'jan-feb-2026.yaml'), 'utf8') });

  it('--events /dev/zero, a folder, a FIFO: E_NOT_A_FILE, at once (a FIFO is never waited on)', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'events-folder'));
    execFileSync('mkfifo', [path.join(dir, 'events.fifo')]);
    for (const [source, what] of [
      ['/dev/zero', 'character device'],
      ['events-folder', 'folder'],
      ['events.fifo', 'FIFO'],
    ] as const) {
      generated++;
      const r = await runCliHere(['run', scenario, '--events', source], { cwd: dir });
      expectRefused(r, new RegExp(`^${esc(source)}:1:1  \\(file\\)  this is an? ${what}.*\\[E_NOT_A_FILE\\]$`));
    }
  });

  it('an endless line on stdin (/dev/zero) is refused at the line limit', () => {
    generated++;
    const r = spawnSync('sh', ['-c', `exec "${process.execPath}" "${CLI}" run ${scenario} --events - < /dev/zero`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, TRUCE_ARTICLES: ARTICLES },
    });
    expectRefused(
      { code: r.status, stdout: r.stdout, stderr: r.stderr },
      /^\(stdin\):1:1 {2}\(file\) {2}the line is longer than 1 MiB.*\[E_FILE_TOO_LARGE\]$/,
    );
  });

  it('an articles folder holding a *.txt that is a folder, a FIFO, a link to /dev/zero or a link loop: each named, none "not found", in validate as in run', async () => {
    const dir = project();
    const arts = path.join(dir, 'articles');
    mkdirSync(arts);
    if (HAVE_ARTICLES) for (const f of readdirSync(ARTICLES)) copyFileSync(path.join(ARTICLES, f), path.join(arts, f));
    mkdirSync(path.join(arts, 'a-folder.txt'));
    execFileSync('mkfifo', [path.join(arts, 'b-fifo.txt')]);
    symlinkSync('/dev/zero', path.join(arts, 'c-zero.txt'));
    symlinkSync('d-loop2.txt', path.join(arts, 'd-loop1.txt'));
    symlinkSync('d-loop1.txt', path.join(arts, 'd-loop2.txt'));
    generated += 4;
    for (const cmd of ['validate', 'run']) {
      const r = await runCliHere([cmd, scenario, '--articles', 'articles'], { cwd: dir, env: { TRUCE_ARTICLES: '' } });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at |not found|no such file/);
      for (const [f, what] of [
        ['a-folder.txt', 'a folder'],
        ['b-fifo.txt', 'a FIFO'],
        ['c-zero.txt', 'a character device'],
        ['d-loop1.txt', 'a loop of symbolic links'],
      ]) {
        expect(r.stderr).toMatch(new RegExp(`^articles/${esc(f)}:1:1  \\(file\\)  article: this is ${what}.*\\[E_NOT_A_FILE\\]$`, 'm'));
      }
    }
  });

  it('a seed file that is a link loop is named as such, not as missing', async () => {
    const dir = project();
    rmSync(path.join(dir, 'seeds', 'events.yaml'));
    symlinkSync('events.yaml', path.join(dir, 'seeds', 'events.yaml'));
    generated++;
    const r = await runCliHere(['run', scenario], { cwd: dir });
    expectRefused(r, /^seeds\/events\.yaml:1:1 {2}\(file\) {2}this is a loop of symbolic links.*\[E_NOT_A_FILE\]$/);
  });

  it('extends 3,000 deep: E_EXTENDS_DEPTH at the overlay past the limit, in validate as in run (no stack overflow)', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'chain'));
    for (let i = 0; i < 3000; i++) {
      writeFileSync(
        path.join(dir, 'chain', `c${i}.yaml`),
        `format: truce.overlay/v1\nextends: ${i === 0 ? '../scenarios/jan-feb-2026.yaml' : `c${i - 1}.yaml`}\nid: c${i}\ntitle: chain ${i}\n`,
      );
    }
    generated++;
    const top = path.join('chain', 'c2999.yaml');
    const deepest = path.join('chain', `c${3000 - MAX_EXTENDS_DEPTH}.yaml`);
    for (const cmd of ['validate', 'run']) {
      const r = await runCliHere([cmd, top], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
      expect(firstProblem(r.stderr)).toMatch(
        new RegExp(
          `^${esc(deepest)}:2:10  extends  the chain of extends from ${esc(top)} is more than ${MAX_EXTENDS_DEPTH} overlays long.*\\[E_EXTENDS_DEPTH\\]$`,
        ),
      );
    }
    // at the limit it still loads
    expect(() => loadScenario(path.join('chain', `c${MAX_EXTENDS_DEPTH - 2}.yaml`), { cwd: dir, articlesDir: ARTICLES })).not.toThrow();
  });

  it('a block mapping 2,000 deep: E_PARSE at the level past the limit, the same in validate and run', async () => {
    const lines = ['format: truce.scenario/v1', 'deep:'];
    for (let i = 0; i < 2000; i++) lines.push(`${' '.repeat(i + 1)}k${i}:`);
    lines.push(`${' '.repeat(2001)}v`);
    const dir = project();
    writeFileSync(path.join(dir, 'scenarios', 'deep.yaml'), lines.join('\n') + '\n');
    generated++;
    for (const cmd of ['validate', 'run']) {
      const r = await runCliHere([cmd, path.join('scenarios', 'deep.yaml')], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      // the map of k99 is the 101st level (the file's own mapping is the first)
      expect(firstProblem(r.stderr)).toMatch(
        /^scenarios\/deep\.yaml:102:101 {2}\(file\) {2}lists and mappings are nested more than 100 deep.*\[E_PARSE\]$/,
      );
    }
  });

  it('a million [ and a 4 MiB "- - -" line: refused at the exact level past the limit, the rest of the text never tokenised', () => {
    const cases = [
      { text: `format: truce.scenario/v1\nx: ${'['.repeat(1_000_000)}\n`, at: /^2:103$/ },
      { text: `format: truce.scenario/v1\nx:\n  ${'- '.repeat(2_000_000)}a\n`, at: /^3:201$/ },
    ];
    for (const c of cases) {
      generated++;
      const r = validatePaths(['scenarios/deep.yaml'], { cwd: scratch({ 'scenarios/deep.yaml': c.text }) });
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]!.code).toBe('E_PARSE');
      expect(`${r.problems[0]!.line}:${r.problems[0]!.col}`).toMatch(c.at);
    }
  });

  it('an NDJSON event nested past the limit, and --events through a link loop', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'deep.ndjson'), `{"id": ${'['.repeat(5000)}\n`);
    symlinkSync('loop-b.ndjson', path.join(dir, 'loop-a.ndjson'));
    symlinkSync('loop-a.ndjson', path.join(dir, 'loop-b.ndjson'));
    generated += 2;
    expectRefused(
      await runCliHere(['run', scenario, '--events', 'deep.ndjson'], { cwd: dir }),
      /^deep\.ndjson:1:1 {2}\(file\) {2}the event is nested more than 100 deep.*\[E_PARSE\]$/,
    );
    expectRefused(
      await runCliHere(['run', scenario, '--events', 'loop-a.ndjson'], { cwd: dir }),
      /^loop-a\.ndjson:1:1 {2}\(file\) {2}this is a loop of symbolic links.*\[E_NOT_A_FILE\]$/,
    );
  });

  it('--vary with a bound without an offset, or beyond ±14:00: usage error (results would depend on the machine)', async () => {
    for (const bound of ['2026-01-31T00:00:00', '2026-01-31T00:00:00+15:00']) {
      generated++;
      const r = await runCliHere([
        'sweep',
        scenario,
        '--vary',
        `interpretations.washington.window.start=2026-01-26T00:00:00+02:00..${bound}:PT24H`,
      ]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^truce: --vary .*(offset|±14:00)/);
    }
  });
});
