import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioTests } from '../src/testing/runScenarioTests.js';
import { loadScenario } from '../src/load/loadScenario.js';
import { InputError } from '../src/problem.js';
import { ARTICLES, ROOT, runCliHere, scratch } from './helpers.js';

describe('every shipped scenario case', () => {
  it('passes (truce test over scenarios/)', async () => {
    const r = await runScenarioTests(['scenarios'], { cwd: ROOT, articlesDir: ARTICLES });
    const failures = r.files.flatMap((f) =>
      f.cases.filter((c) => c.differences.length > 0).map((c) => `${f.file} > ${c.name} > ${c.differences.join('; ')}`),
    );
    expect(failures).toEqual([]);
    expect(r.passed).toBeGreaterThanOrEqual(15);
    // at least four what-ifs, each with expectations
    expect(r.files.filter((f) => f.file.startsWith('scenarios/whatif/') && f.cases.length > 0).length).toBeGreaterThanOrEqual(4);
  });
});

const OVERLAY = (changes: string, expect = '') => `format: truce.overlay/v1
extends: ../scenarios/jan-feb-2026.yaml
id: o
title: an overlay
changes:
${changes}
${expect}`;

describe('overlays', () => {
  const copyScenario = () => scratch({ 'scenarios/jan-feb-2026.yaml': require_('scenarios/jan-feb-2026.yaml') });
  it('shifting an event moves it, and the findings follow', async () => {
    const dir = copyScenario();
    writeFile(dir, 'what/x.yaml', OVERLAY('  - shiftEvent: { id: ru-strike-2026-02-02-03, by: -P7D }'));
    const l = loadScenario('what/x.yaml', { cwd: dir, articlesDir: ARTICLES });
    const e = l.events.find((x) => x.id === 'ru-strike-2026-02-02-03')!;
    expect([e.when.start, e.when.end]).toEqual(['2026-01-26T18:00:00+02:00', '2026-01-27T12:00:00+02:00']);
    const { runScenario } = await import('../src/run/runScenario.js');
    const run = (await runScenario(l, { interpretation: 'washington' })).runs[0]!;
    // a week earlier it falls before Washington's window: no violation, no phase
    expect(run.findings.filter((f) => f.eventId === e.id)).toEqual([]);
    expect(run.phases).toEqual([]);
  });
  it("an overlay that removes a missing event fails at the overlay's own line", () => {
    const dir = copyScenario();
    const text = OVERLAY('  - removeEvents: [no-such-event]');
    writeFile(dir, 'what/x.yaml', text);
    const err = loadError(() => loadScenario('what/x.yaml', { cwd: dir, articlesDir: ARTICLES }));
    expect(err.problems[0]).toMatchObject({
      code: 'E_UNKNOWN_EVENT',
      file: 'what/x.yaml',
      line: 6,
      path: ['changes', 0, 'removeEvents', 0],
    });
  });
  it('a set on a path that does not exist names the path and the overlay line', () => {
    const dir = copyScenario();
    writeFile(dir, 'what/x.yaml', OVERLAY('  - set: { path: interpretations.paris.window.start, value: x }'));
    const err = loadError(() => loadScenario('what/x.yaml', { cwd: dir, articlesDir: ARTICLES }));
    expect(err.problems[0]!.message).toMatch(/interpretations.paris: no item "paris"; there are washington, kremlin, kyiv/);
    expect(err.problems[0]!.line).toBe(6);
  });
  it("a set that makes the scenario invalid is reported at the change's value", () => {
    const dir = copyScenario();
    writeFile(dir, 'what/x.yaml', OVERLAY('  - set: { path: plan.phases.diplomatic.deadline, value: 24 hours }'));
    const err = loadError(() => loadScenario('what/x.yaml', { cwd: dir, articlesDir: ARTICLES }));
    expect(err.problems[0]).toMatchObject({ code: 'E_SCHEMA', path: ['changes', 0, 'set', 'value'] });
  });
  it('an added event with an unknown party points at that event in the overlay', () => {
    const dir = copyScenario();
    const ev = `  - addEvents:
      - id: x1
        kind: strike
        actor: atlantis
        target: ukraine
        when: { start: '2026-02-03T00:00:00+02:00', end: '2026-02-03T01:00:00+02:00', precision: hour, evidence: test }
        sources: [{ file: 000_5b12a92830bbfdb1.txt, line: 15 }]
        note: test`;
    writeFile(dir, 'what/x.yaml', OVERLAY(ev));
    const err = loadError(() => loadScenario('what/x.yaml', { cwd: dir, articlesDir: ARTICLES }));
    expect(err.problems[0]).toMatchObject({ code: 'E_UNKNOWN_PARTY', path: ['changes', 0, 'addEvents', 0, 'actor'], line: 9 });
  });
  it('a rule threshold can be overridden by the fact it reads', async () => {
    const dir = copyScenario();
    writeFile(dir, 'what/x.yaml', OVERLAY('  - set: { path: rules.broader-attack.munitionsLow.value, value: 5000 }'));
    const l = loadScenario('what/x.yaml', { cwd: dir, articlesDir: ARTICLES });
    const { runScenario } = await import('../src/run/runScenario.js');
    const run = (await runScenario(l, { interpretation: 'washington' })).runs[0]!;
    expect(run.findings.map((f) => f.rule)).not.toContain('broader-attack');
    expect(run.phases.map((p) => p.phase)).toEqual(['diplomatic']);
  });
  it('circular extends is refused', () => {
    const dir = copyScenario();
    writeFile(dir, 'what/a.yaml', 'format: truce.overlay/v1\nextends: b.yaml\nid: a\ntitle: a\n');
    writeFile(dir, 'what/b.yaml', 'format: truce.overlay/v1\nextends: a.yaml\nid: b\ntitle: b\n');
    const err = loadError(() => loadScenario('what/a.yaml', { cwd: dir, articlesDir: ARTICLES }));
    expect(err.problems.map((p) => p.code)).toContain('E_EXTENDS_CYCLE');
  });
});

describe('truce test (CLI)', () => {
  it('prints file > case > what differed and exits 1 on a failing case', async () => {
    const dir = scratch({ 'scenarios/jan-feb-2026.yaml': require_('scenarios/jan-feb-2026.yaml') });
    writeFile(
      dir,
      'scenarios/bad.yaml',
      OVERLAY(
        '  - removeEvents: [ru-strike-2026-02-02-03]',
        `expect:
  - name: Under Kyiv's reading the removed strike still collapses the truce
    interpretation: kyiv
    finalState: collapsed
`,
      ).replace('../scenarios/jan-feb-2026.yaml', 'jan-feb-2026.yaml'),
    );
    const r = await runCliHere(['test', 'scenarios/bad.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "scenarios/bad.yaml > Under Kyiv's reading the removed strike still collapses the truce > final state is expired, expected collapsed",
    );
    expect(r.stdout).toMatch(/0 passed, 1 failed\n$/);
  });
  it('an expected error code passes when the scenario fails with it', async () => {
    const dir = scratch({ 'scenarios/jan-feb-2026.yaml': require_('scenarios/jan-feb-2026.yaml') });
    writeFile(
      dir,
      'scenarios/err.yaml',
      OVERLAY('  - removeEvents: [nope]', 'expect:\n  - { name: Removing an unknown event is refused, error: E_UNKNOWN_EVENT }\n').replace(
        '../scenarios/jan-feb-2026.yaml',
        'jan-feb-2026.yaml',
      ),
    );
    const r = await runCliHere(['test', 'scenarios/err.yaml'], { cwd: dir });
    expect(r.stdout).toContain('1 passed, 0 failed');
    expect(r.code).toBe(0);
  });
  it('--coverage lists rules, states and transitions, exercised or not', async () => {
    const r = await runCliHere(['test', '--coverage']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rules fired: \d+\/\d+/);
    expect(r.stdout).toContain('+ protected-place');
    // the other truces track phases per violating party: more regions, more transitions than the seed scenario's 19
    expect(r.stdout).toMatch(/transitions taken: \d+\/(\d+)/);
    expect(Number(/transitions taken: \d+\/(\d+)/.exec(r.stdout)![1])).toBeGreaterThanOrEqual(19);
    expect(r.stdout).toContain('+ diplomatic: open -> missed');
  });
});

describe('truce compare and truce diff', () => {
  it('compare marks the events on which the readings diverge', async () => {
    const r = await runCliHere(['compare', 'scenarios/jan-feb-2026.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\*\s+ru-strike-2026-02-02-03 .* VIOLATION \+esc\s+-\s+VIOLATION \+esc/);
    expect(r.stdout).toMatch(/final state\s+collapsed\s+expired\s+collapsed/);
    const j = JSON.parse((await runCliHere(['compare', 'scenarios/jan-feb-2026.yaml', '--format', 'json'])).stdout);
    expect(j.rows.find((x: { eventId: string }) => x.eventId === 'ru-strike-2026-02-02-03').cells.kremlin.verdict).toBe('none');
  });
  it('diff shows the findings and phases a what-if removes', async () => {
    const r = await runCliHere(['diff', 'scenarios/jan-feb-2026.yaml', 'scenarios/whatif/week-from-monday-26.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('legend: - only in the base, + only in the variant, ~ changed (old -> new)');
    // the what-if counts Washington's week from Monday 26 January instead of Thursday 29 (a000:6 gives no dates)
    expect(r.stdout).toContain(
      '  washington:\n    ~ window: [Thu 29 Jan 2026 00:00 (GMT+2), Thu 5 Feb 2026 00:00 (GMT+2)) -> [Mon 26 Jan 2026 00:00 (GMT+2), Mon 2 Feb 2026 00:00 (GMT+2))\n    - violation (protected-place) ru-strike-2026-02-02-03',
    );
    expect(r.stdout).toContain(
      '~ diplomatic phase: entered Mon 2 Feb 2026 18:00 (GMT+2), due Tue 3 Feb 2026 18:00 (GMT+2), missed -> not reached',
    );
    expect(r.stdout).toContain('~ final state: collapsed -> expired');
    expect(r.stdout).toContain('  kremlin: unchanged');
  });
  it('diff --format json carries old and new values of every changed term, and both provenance stamps', async () => {
    const j = JSON.parse(
      (await runCliHere(['diff', 'scenarios/jan-feb-2026.yaml', 'scenarios/whatif/diplomatic-response-12h.yaml', '--format', 'json']))
        .stdout,
    );
    expect(j.provenance.base.scenarioHash).toMatch(/^sha256:/);
    expect(j.provenance.variant.scenarioHash).not.toBe(j.provenance.base.scenarioHash);
    expect(j.planChanges).toEqual([
      { term: 'phase diplomatic deadline', before: 'PT24H', after: 'PT12H', text: { before: '24 hours', after: '12 hours' } },
    ]);
    const w = JSON.parse(
      (await runCliHere(['diff', 'scenarios/jan-feb-2026.yaml', 'scenarios/whatif/week-from-monday-26.yaml', '--format', 'json'])).stdout,
    );
    const wa = w.readings.find((x: { interpretation: string }) => x.interpretation === 'washington');
    expect(wa.windowChanged).toBe(true);
    expect(wa.window.before).toMatchObject({ start: '2026-01-29T00:00:00+02:00', end: '2026-02-05T00:00:00+02:00' });
    expect(wa.window.after).toMatchObject({ start: '2026-01-26T00:00:00+02:00', end: '2026-02-02T00:00:00+02:00' });
    expect(wa.termChanges[0]).toMatchObject({ term: 'window', before: wa.window.before, after: wa.window.after });
  });
  it('diff of a scenario with itself says nothing changed', async () => {
    const j = JSON.parse(
      (await runCliHere(['diff', 'scenarios/jan-feb-2026.yaml', 'scenarios/jan-feb-2026.yaml', '--format', 'json'])).stdout,
    );
    expect(j.same).toBe(true);
  });
});

function require_(rel: string): string {
  return readFileSyncSafe(path.join(ROOT, rel));
}
import { readFileSync as readFileSyncSafe, writeFileSync, mkdirSync } from 'node:fs';
function writeFile(dir: string, rel: string, text: string) {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}
function loadError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
