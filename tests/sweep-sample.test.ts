import { beforeAll, describe, expect, it } from 'vitest';
import { parseVary } from '../src/sweep/parseVary.js';
import { combinations } from '../src/sweep/sweep.js';
import { drawEvents } from '../src/sample/drawEvents.js';
import { estimate } from '../src/sample/tally.js';
import { orderEvents } from '../src/run/runScenario.js';
import { UsageError } from '../src/problem.js';
import { type CliResult, runCliHere, strike, withoutArticlesNote } from './helpers.js';

describe('--vary', () => {
  it('steps dates by a duration, in the offset given', () => {
    expect(parseVary('interpretations.washington.window.start=2026-01-26T00:00:00+02:00..2026-01-27T00:00:00+02:00:PT6H').values).toEqual([
      '2026-01-26T00:00:00+02:00',
      '2026-01-26T06:00:00+02:00',
      '2026-01-26T12:00:00+02:00',
      '2026-01-26T18:00:00+02:00',
      '2026-01-27T00:00:00+02:00',
    ]);
  });
  it('steps durations and numbers', () => {
    expect(parseVary('plan.phases.diplomatic.deadline=PT12H..PT48H:PT12H').values).toEqual(['PT12H', 'PT24H', 'PT36H', 'PT48H']);
    expect(parseVary('rules.broader-attack.munitionsLow.value=100..300:100').values).toEqual([100, 200, 300]);
  });
  it.each([
    ['no equals sign', 'plan.phases.diplomatic.deadline'],
    ['no step', 'x=1..2'],
    ['a zero step', 'x=1..2:0'],
    ['TO below FROM', 'x=5..1:1'],
    ['a date with no offset', 'x=2026-01-26T00:00:00..2026-01-27T00:00:00:PT6H'],
    ['too many values', 'x=0..1000000:1'],
  ])('refuses %s with a usage error', (_why, spec) => {
    expect(() => parseVary(spec)).toThrow(UsageError);
  });
  it('combines several --vary, the first varying slowest', () => {
    expect(
      combinations([
        { path: 'a', values: [1, 2] },
        { path: 'b', values: ['x', 'y'] },
      ]),
    ).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });
});

describe('truce sweep', () => {
  it("moves Washington's week across the 2-3 February strike: outside, straddling, inside", async () => {
    const r = await runCliHere([
      'sweep',
      'scenarios/jan-feb-2026.yaml',
      '-i',
      'washington',
      '--vary',
      'interpretations.washington.window.start=2026-01-26T00:00:00+02:00..2026-01-27T12:00:00+02:00:PT12H',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).rows as { violations: string[]; possible: string[]; finalState: string }[];
    // a week from 26 Jan 00:00 ends 2 Feb 00:00: before the strike (18:00 on 2 Feb)
    expect(rows[0]!.violations).toEqual([]);
    // from 27 Jan 00:00 the week ends 3 Feb 00:00, inside the strike's night: possible only
    expect(rows[2]!.possible).toContain('ru-strike-2026-02-02-03');
    expect(rows[2]!.violations).toEqual([]);
    // from 27 Jan 12:00 it ends 3 Feb 12:00, when the strike's interval ends: wholly inside
    expect(rows[3]!.violations).toEqual(['ru-strike-2026-02-02-03']);
    expect(rows.map((x) => x.finalState)).toEqual(['expired', 'expired', 'expired', 'collapsed']);
    expect(JSON.parse(r.stdout).provenance).toMatchObject({ tool: 'truce', scenarioHash: expect.stringMatching(/^sha256:/) });
  });
  it('varies the first deadline and shows the due times move', async () => {
    const r = await runCliHere([
      'sweep',
      'scenarios/jan-feb-2026.yaml',
      '-i',
      'kyiv',
      '--vary',
      'plan.phases.diplomatic.deadline=PT12H..PT48H:PT36H',
      '--format',
      'csv',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'plan.phases.diplomatic.deadline,reading,violations (events),possible violations (events),escalations (trigger:event),phases (phase:outcome due),final state',
    );
    // every finding column lists event ids, none a count
    expect(lines[1]).toBe(
      'PT12H,kyiv,ru-strike-2026-02-02-03,ru-strike-2026-01-29-30 ru-strike-2026-02-01-miners,broader-attack:ru-strike-2026-02-02-03,diplomatic:missed due Feb 3 06:00; us-backed:missed due Feb 5 18:00,collapsed',
    );
    expect(lines[1]).toContain('diplomatic:missed due Feb 3 06:00');
    expect(lines[2]).toContain('diplomatic:missed due Feb 4 18:00');
  });
  it('a bad path is invalid input (exit 2) naming the path', async () => {
    const r = await runCliHere([
      'sweep',
      'scenarios/jan-feb-2026.yaml',
      '--vary',
      'interpretations.paris.window.start=2026-01-26T00:00:00+02:00..2026-01-27T00:00:00+02:00:PT12H',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no item "paris"');
  });
});

describe('Monte Carlo draws', () => {
  const events = orderEvents([
    strike('a', {
      start: '2026-02-02T18:00:00+02:00',
      end: '2026-02-03T12:00:00+02:00',
      munitions: { drones: { low: 425, best: 450, high: 475 }, missiles: { low: 71 } },
    }),
  ]);
  it('draw i depends on the seed and i only', () => {
    expect(drawEvents(events, 1, 5)).toEqual(drawEvents(events, 1, 5));
    expect(drawEvents(events, 1, 5)).not.toEqual(drawEvents(events, 2, 5));
  });
  it('draws times inside the interval and counts inside low..high, with no ceiling invented', () => {
    for (let i = 0; i < 500; i++) {
      const [d] = drawEvents(events, 9, i);
      expect(d!.interval.start).toBeGreaterThanOrEqual(events[0]!.interval.start);
      expect(d!.interval.start).toBeLessThan(events[0]!.interval.end);
      const drones = d!.event.munitions!.drones!.low;
      expect(drones).toBeGreaterThanOrEqual(425);
      expect(drones).toBeLessThanOrEqual(475);
      // "more than 70" has no high and no best: it stays at its floor
      expect(d!.event.munitions!.missiles!.low).toBe(71);
    }
  });
  // a draw once kept only drones, missiles, ballistic missiles and the casualties: cruise missiles, guided
  // bombs, shells and FPV drones vanished from every drawn event, so a rule on them never fired in a sample
  it('draws every kind of munition the event counts, each within its own range', () => {
    const mixed = orderEvents([
      strike('b', {
        start: '2026-02-02T18:00:00+02:00',
        end: '2026-02-03T12:00:00+02:00',
        munitions: {
          missiles: { low: 10, high: 20 },
          cruiseMissiles: { low: 4, high: 30 },
          guidedBombs: { low: 5, high: 9 },
          shells: { low: 100, best: 150 },
          fpvDrones: { low: 7 },
        },
      }),
    ]);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const m = drawEvents(mixed, 3, i)[0]!.event.munitions!;
      expect(m.guidedBombs!.low).toBeGreaterThanOrEqual(5);
      expect(m.guidedBombs!.high).toBeLessThanOrEqual(9);
      expect(m.shells!.low).toBeGreaterThanOrEqual(100);
      expect(m.shells!.high).toBeLessThanOrEqual(150);
      expect(m.fpvDrones).toEqual({ low: 7, best: 7, high: 7 });
      // cruise missiles are counted among the missiles: never more of them than missiles drawn
      expect(m.cruiseMissiles!.low).toBeGreaterThanOrEqual(4);
      expect(m.cruiseMissiles!.low).toBeLessThanOrEqual(m.missiles!.low);
      seen.add(m.guidedBombs!.low);
    }
    expect(seen.size).toBeGreaterThan(1);
  });
  it('Wilson intervals hold the estimate and stay within [0, 1]', () => {
    const e = estimate(0, 100);
    expect(e.low).toBe(0);
    expect(e.high).toBeGreaterThan(0.03);
    const h = estimate(50, 100);
    expect(h.low).toBeLessThan(0.5);
    expect(h.high).toBeGreaterThan(0.5);
  });
});

describe('truce sample', () => {
  const args = ['sample', 'scenarios/jan-feb-2026.yaml', '-n', '10000', '--seed', '1', '--format', 'json'];
  let one: CliResult;
  beforeAll(async () => {
    one = await runCliHere([...args, '--workers', '1']);
  }, 120_000);
  it('prints the same numbers twice and with 1 or 2 workers (-n 10000 --seed 1)', async () => {
    expect(one.code).toBe(0);
    expect((await runCliHere([...args, '--workers', '1'])).stdout).toBe(one.stdout);
    expect((await runCliHere([...args, '--workers', '2'])).stdout).toBe(one.stdout);
  }, 120_000);
  it('reports per reading the probability of findings and phases with a 95% interval', () => {
    const j = JSON.parse(one.stdout);
    expect(j.format).toBe('truce.sample/v1');
    expect(j.draws).toBe(10000);
    // the scenario's own order of readings, as run and compare show them
    expect(Object.keys(j.readings)).toEqual(['washington', 'kremlin', 'kyiv']);
    const kyiv = j.readings.kyiv;
    // the night of 29-30 Jan (18:00-09:00) is 9 of its 15 hours inside Kyiv's week: about 60 %
    const night = kyiv.findings.find((f: { eventId: string }) => f.eventId === 'ru-strike-2026-01-29-30');
    expect(night.p).toBeGreaterThan(0.57);
    expect(night.p).toBeLessThan(0.63);
    expect(night.ci95[0]).toBeLessThan(night.p);
    expect(night.ci95[1]).toBeGreaterThan(night.p);
    expect(kyiv.phases.find((p: { phase: string }) => p.phase === 'diplomatic').reached.p).toBe(1);
    expect(j.readings.kremlin.finalStates).toEqual([{ state: 'expired', count: 10000, p: 1, ci95: [0.9996, 1] }]);
  });
  it('has no progress bar when stderr is not a terminal', () => {
    expect(withoutArticlesNote(one.stderr)).toBe('');
  });
  it('refuses a non-numeric -n with exit 2', async () => {
    expect((await runCliHere(['sample', 'scenarios/jan-feb-2026.yaml', '-n', 'many', '--seed', '1'])).code).toBe(2);
  });
});
