import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderEvents, runOrdered, runScenario, type ReadingRun } from '../src/run/runScenario.js';
import { drawEvents } from '../src/sample/drawEvents.js';
import { RuleEvaluator } from '../src/rules/ruleEngine.js';
import { RULES, input, scenario, strike } from './helpers.js';

const T0 = Date.UTC(2026, 0, 30);
const H = 3_600_000;
const DRAWS = 8;
const evaluator = new RuleEvaluator(RULES.rules, RULES.conditions);

const key = (f: { eventId: string; type: string; rule: string }) => `${f.eventId}|${f.type}|${f.rule}`;

/**
 * The contract between a point run and Monte Carlo (README, "The statechart and time"):
 * - a finding the run calls certain holds in every draw;
 * - an event with no finding in the run has no finding in any draw;
 * - a final state the run calls certain (finalStateCertain) is every draw's final state;
 * - anything the run calls possible may go either way in the draws, and the run names the events it hangs on.
 */
describe('the point run and Monte Carlo agree', () => {
  it('on 1,000 random scenarios (overlapping reciprocal acts, regions, escalations, responses), each with 8 draws', async () => {
    const ev = fc.record({
      hour: fc.integer({ min: -40, max: 200 }),
      hours: fc.integer({ min: 0, max: 30 }),
      actor: fc.constantFrom('russia', 'russia', 'ukraine'),
      place: fc.constantFrom('kyiv', 'region', 'village', 'none'),
      energy: fc.boolean(),
      big: fc.boolean(),
      response: fc.constantFrom(undefined, undefined, undefined, 'diplomatic' as const, 'coalition' as const),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(ev, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        async (evs, mutual, possiblePlan, seed) => {
          const events = evs.map((e, i) =>
            strike(`e${i}`, {
              start: new Date(T0 + e.hour * H).toISOString(),
              end: new Date(T0 + (e.hour + e.hours) * H).toISOString(),
              actor: e.actor,
              target: e.actor === 'russia' ? 'ukraine' : 'russia',
              ...(e.response ? { kind: 'response', phase: e.response } : {}),
              places:
                e.place === 'kyiv'
                  ? [{ name: 'Kyiv', region: 'Kyiv City', kind: 'capital', precision: 'settlement' }]
                  : e.place === 'region'
                    ? ['Sumy Oblast', 'Kharkiv Oblast', 'Odesa Oblast', 'Lviv Oblast'].map((r) => ({
                        name: r,
                        region: r,
                        kind: 'region' as const,
                        precision: 'region' as const,
                      }))
                    : e.place === 'village'
                      ? [{ name: 'a village', region: 'Sumy Oblast', kind: 'village', precision: 'settlement' }]
                      : [],
              targets: e.energy ? ['energy'] : ['military'],
              munitions: { drones: { low: e.big ? 400 : 10, high: e.big ? 500 : 20 } },
            }),
          );
          const s = scenario();
          if (mutual) s.interpretations[0]!.obligations[0]!.condition = { while: 'counterparty-complies', counterparty: 'ukraine' };
          if (possiblePlan) s.plan.triggerCertainty = 'possible';
          const run: ReadingRun = (await runScenario(input(events, s), { evaluator })).runs[0]!;
          const certain = new Set(run.findings.filter((f) => f.certainty === 'certain').map(key));
          const withFinding = new Set(run.findings.map((f) => f.eventId));
          // the run names what its final state hangs on
          expect(run.finalStateCertain).toBe(run.converged && run.findings.every((f) => f.certainty === 'certain'));
          if (!run.finalStateCertain && run.converged) expect(run.finalStateDependsOn.length).toBeGreaterThan(0);
          const ordered = orderEvents(events);
          for (let i = 0; i < DRAWS; i++) {
            const draw = (await runOrdered(s, drawEvents(ordered, seed, i), { evaluator, explain: false, drawn: true })).runs[0]!;
            const drawn = new Set(draw.findings.map(key));
            for (const k of certain) expect(drawn.has(k), `certain in the run, absent from draw ${i}: ${k}`).toBe(true);
            for (const f of draw.findings) expect(withFinding.has(f.eventId), `no finding in the run, ${key(f)} in draw ${i}`).toBe(true);
            if (run.finalStateCertain) expect(draw.finalState, `draw ${i}`).toBe(run.finalState);
          }
        },
      ),
      { numRuns: 1000, seed: 1212 },
    );
  }, 600_000);
});

// a memo per range made every small range of draws start cold (half the draws/s): one Draws carries it over
describe('draws of one scenario share one memo across their ranges', () => {
  it('a second range of the same draws adds no statechart run to the memo, and the tallies are the same', async () => {
    const { Draws, runDraws } = await import('../src/sample/runDraws.js');
    const s = input([strike('a', { start: '2026-02-01T02:00:00+02:00', end: '2026-02-01T06:00:00+02:00' })], scenario());
    const draws = new Draws(s, 7);
    const first = await runDraws(draws, 0, 40);
    const held = draws.memo.statechart.size;
    expect(held).toBeGreaterThan(0);
    const again = await runDraws(draws, 0, 40);
    expect(draws.memo.statechart.size).toBe(held);
    expect(again).toEqual(first);
  });
});

// the plan hands out one count object per value drawn (DrawPlan.draw), shared by every draw that draws it
describe('a draw is independent of what was done with earlier draws', () => {
  it('a reader that changes a drawn count changes no later draw', async () => {
    const { DrawPlan } = await import('../src/sample/drawEvents.js');
    const ordered = orderEvents([
      strike('a', {
        start: '2026-02-01T02:00:00+02:00',
        end: '2026-02-01T06:00:00+02:00',
        munitions: { drones: { low: 3, high: 4 } },
        casualties: { killed: { low: 1, high: 2 } },
      }),
    ]);
    const plan = new DrawPlan(ordered);
    for (let i = 0; i < 6; i++) {
      for (const { event } of drawEvents(ordered, 9, i, plan))
        for (const c of [event.munitions?.drones, event.casualties?.killed])
          try {
            if (c) (c as { best: number }).best += 100;
          } catch {
            // refused: the count is read-only
          }
      expect(drawEvents(ordered, 9, i, plan)).toEqual(drawEvents(ordered, 9, i));
    }
  });
});
