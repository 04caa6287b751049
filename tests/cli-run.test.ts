import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCliHere, withoutArticlesNote } from './helpers.js';

const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe('truce run --format json (the truce.run/v1 contract)', () => {
  let r: CliResult;
  // biome-ignore lint/suspicious/noExplicitAny: the parsed report, checked field by field below
  let out: any;
  beforeAll(async () => {
    r = await runCliHere(['run', SCENARIO, '--format', 'json']);
    out = JSON.parse(r.stdout);
  });

  it('exits 0 and says nothing on stderr (but that the cited lines were not checked, where the articles are absent)', () => {
    expect(r.code).toBe(0);
    expect(withoutArticlesNote(r.stderr)).toBe('');
  });
  it('has the documented top-level shape', () => {
    expect(out.format).toBe('truce.run/v1');
    expect(out.scenario).toEqual({ id: 'jan-feb-2026', title: expect.any(String), timeZone: 'Europe/Kyiv' });
    expect(out.provenance).toMatchObject({
      tool: 'truce',
      version: expect.any(String),
      rulesHash: expect.stringMatching(/^sha256:/),
      scenarioHash: expect.stringMatching(/^sha256:/),
    });
    expect(out.runs.map((x: { interpretation: string }) => x.interpretation)).toEqual(['washington', 'kremlin', 'kyiv']);
  });
  it('lists events with when, places, targets, counts and sources, times with offsets', () => {
    for (const e of out.events) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining(['id', 'kind', 'actor', 'when', 'places', 'targets', 'munitions', 'casualties', 'sources']),
      );
      expect(e.when.start).toMatch(ISO);
      expect(e.when.end).toMatch(ISO);
      for (const s of e.sources) expect(Object.keys(s)).toEqual(['file', 'line']);
    }
  });
  it('gives each run window, findings, phases, transitions and finalState in the contract types', () => {
    for (const run of out.runs) {
      expect(run.window.start).toMatch(ISO);
      expect(run.window.end).toMatch(ISO);
      for (const f of run.findings) {
        expect(['violation', 'possible-violation', 'escalation-trigger']).toContain(f.type);
        expect(['certain', 'possible']).toContain(f.certainty);
        expect(f).toMatchObject({
          rule: expect.any(String),
          eventId: expect.any(String),
          party: expect.any(String),
          explanation: expect.any(String),
        });
      }
      for (const p of run.phases) {
        expect(['diplomatic', 'coalition', 'us-backed']).toContain(p.phase);
        expect(p.enteredAt).toMatch(ISO);
        if (p.dueBy !== null) expect(p.dueBy).toMatch(ISO);
        expect([true, false, null]).toContain(p.met);
      }
      for (const t of run.transitions)
        expect(t).toMatchObject({
          at: expect.stringMatching(ISO),
          from: expect.any(String),
          to: expect.any(String),
          cause: expect.any(String),
        });
      expect(typeof run.finalState).toBe('string');
    }
  });
  it('only ever finds about events that the window reaches', () => {
    for (const run of out.runs) {
      const [ws, we] = [Date.parse(run.window.start), Date.parse(run.window.end)];
      for (const f of run.findings.filter((x: { type: string }) => x.type !== 'escalation-trigger')) {
        const e = out.events.find((x: { id: string }) => x.id === f.eventId);
        expect(Date.parse(e.when.start) < we && Date.parse(e.when.end) > ws, `${run.interpretation} ${f.eventId}`).toBe(true);
      }
    }
  });
  it('is byte-identical from run to run', async () => {
    expect((await runCliHere(['run', SCENARIO, '--format', 'json'])).stdout).toBe(r.stdout);
  });
});

describe('truce run (text)', () => {
  let r: CliResult;
  beforeAll(async () => {
    r = await runCliHere(['run', SCENARIO]);
  });
  it('shows each reading, its findings with reasons, the phases with due times, and where readings diverge', () => {
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('== Reading "washington"');
    expect(r.stdout).toContain('== Reading "kremlin"');
    expect(r.stdout).toContain('VIOLATION (protected-place): Russia struck Kyiv');
    expect(r.stdout).toContain(
      'diplomatic entered Mon 2 Feb 2026 18:00 (GMT+2) on violation (ru-strike-2026-02-02-03), due Tue 3 Feb 2026 18:00 (GMT+2)',
    );
    expect(r.stdout).toContain('no finding: after the window');
    expect(r.stdout).toContain('== Where the readings diverge');
    expect(r.stdout).toContain('ru-strike-2026-02-02-03: washington violation, kremlin none, kyiv violation');
  });
  it('is byte-identical from run to run', async () => {
    expect((await runCliHere(['run', SCENARIO])).stdout).toBe(r.stdout);
  });
  it('--interpretation keeps one reading', async () => {
    const one = await runCliHere(['run', SCENARIO, '--interpretation', 'kremlin', '--format', 'json']);
    expect(JSON.parse(one.stdout).runs.map((x: { interpretation: string }) => x.interpretation)).toEqual(['kremlin']);
  });
  it('an unknown interpretation is a usage error (exit 2) that lists the valid ones', async () => {
    const bad = await runCliHere(['run', SCENARIO, '--interpretation', 'paris']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('choose one of washington, kremlin, kyiv');
    expect(bad.stdout).toBe('');
  });
  it('an unknown format is a usage error (exit 2)', async () => {
    const bad = await runCliHere(['run', SCENARIO, '--format', 'xml']);
    expect(bad.code).toBe(2);
  });
});

describe('the library', () => {
  it('is importable through the package exports', async () => {
    const lib = await import('truce');
    const loaded = lib.loadScenario(SCENARIO);
    const report = await lib.runScenario(loaded, { interpretation: 'kyiv' });
    expect(report.runs[0]!.finalState).toBe('collapsed');
  });
});
