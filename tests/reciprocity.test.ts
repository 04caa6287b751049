import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { explainEvent } from '../src/run/explainEvent.js';
import { RuleEvaluator } from '../src/rules/ruleEngine.js';
import { CITE, RULES, input, scenario, strike } from './helpers.js';

const T0 = Date.UTC(2026, 0, 30);
const H = 3_600_000;
const evaluator = new RuleEvaluator(RULES.rules, RULES.conditions);

/** Each side's pledge hangs on the other's: Russia spares Kyiv, cities, towns and energy while Ukraine spares Russian energy, and the reverse. */
function mutual() {
  const s = scenario();
  s.interpretations[0]!.obligations[0]!.condition = { while: 'counterparty-complies', counterparty: 'ukraine' };
  return s;
}
const ru = (id: string, fromH: number, toH: number) =>
  strike(id, { start: new Date(T0 + fromH * H).toISOString(), end: new Date(T0 + toH * H).toISOString() });
const ua = (id: string, fromH: number, toH: number) =>
  strike(id, {
    start: new Date(T0 + fromH * H).toISOString(),
    end: new Date(T0 + toH * H).toISOString(),
    actor: 'ukraine',
    target: 'russia',
    targets: ['energy'],
    places: [],
    sources: [CITE],
  });

describe('who broke first, when it cannot be known', () => {
  it('overlapping first acts under mutually conditional pledges are possible violations for both, and the run settles', async () => {
    const run = (await runScenario(input([ru('r', 10, 16), ua('u', 12, 18)], mutual()))).runs[0]!;
    expect(run.findings.map((f) => [f.eventId, f.type, f.certainty])).toEqual([
      ['r', 'possible-violation', 'possible'],
      ['u', 'possible-violation', 'possible'],
    ]);
    expect(run.converged).toBe(true);
    expect(run.firstViolations).toEqual([]);
    expect(run.finalState).toBe('expired');
    expect(run.phases).toEqual([]);
  });

  it('a possible breach by the counterparty makes the release of a conditional pledge possible, not certain and not absent', async () => {
    // Russia's strike known only by its region (possible), then Ukraine's strike on energy, wholly later
    const r = strike('r', {
      start: new Date(T0 + 10 * H).toISOString(),
      end: new Date(T0 + 11 * H).toISOString(),
      places: [{ name: 'Sumy region', region: 'Sumy Oblast', kind: 'region', precision: 'region' }],
      targets: [],
    });
    const run = (await runScenario(input([r, ua('u', 20, 21)], scenario()))).runs[0]!;
    expect(run.findings.map((f) => [f.eventId, f.rule, f.certainty])).toEqual([
      ['r', 'partial-scope', 'possible'],
      ['u', 'uncertain-reciprocity', 'possible'],
    ]);
  });

  it("a side that certainly broke first is the certain first violator, and the other side's later act breaks nothing", async () => {
    const run = (await runScenario(input([ua('u', 1, 2), ru('r', 10, 12)], mutual()))).runs[0]!;
    expect(run.findings.map((f) => [f.eventId, f.type, f.certainty])).toEqual([['u', 'violation', 'certain']]);
    expect(run.firstViolations.map((v) => v.party)).toEqual(['ukraine']);
  });

  // every output tells the same story: findings, first violations, escalations and explain's trace agree
  it('on 1,000 random scenarios with overlapping reciprocal acts, the run settles and its findings, first violations, escalations and explain agree', async () => {
    const ev = fc.record({
      hour: fc.integer({ min: -10, max: 60 }),
      hours: fc.integer({ min: 0, max: 12 }),
      actor: fc.constantFrom('russia', 'ukraine'),
      region: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(ev, { minLength: 1, maxLength: 6 }), fc.boolean(), async (evs, isMutual) => {
        const events = evs.map((e, i) => {
          const x = e.actor === 'russia' ? ru(`e${i}`, e.hour, e.hour + e.hours) : ua(`e${i}`, e.hour, e.hour + e.hours);
          if (e.region) x.places = [{ name: 'Sumy region', region: 'Sumy Oblast', kind: 'region', precision: 'region' }];
          if (e.region && e.actor === 'russia') x.targets = [];
          return x;
        });
        const s = isMutual ? mutual() : scenario();
        const report = await runScenario(input(events, s), { evaluator });
        const run = report.runs[0]!;
        expect(run.converged).toBe(true);
        // first violations are exactly the earliest certain violation findings, per party
        const firstCertain = new Map<string, string>();
        for (const f of run.findings)
          if (f.type === 'violation' && f.certainty === 'certain' && !firstCertain.has(f.party)) firstCertain.set(f.party, f.eventId);
        expect(Object.fromEntries(run.firstViolations.map((v) => [v.party, v.eventId]))).toEqual(Object.fromEntries(firstCertain));
        // no certain escalation by a party without a certain first violation
        for (const f of run.findings)
          if (f.type === 'escalation-trigger' && f.certainty === 'certain') expect(firstCertain.has(f.party)).toBe(true);
        // no collapse without a certain trigger behind it
        if (run.finalState === 'collapsed') expect(run.findings.some((f) => f.certainty === 'certain')).toBe(true);
        // explain's trace fires exactly the rules the run found
        for (const e of events) {
          const x = await explainEvent(input(events, s), report, e.id, { evaluator });
          const fired = new Set(x.readings[0]!.evaluations.flatMap((ev2) => ev2.rules.filter((r) => r.fired).map((r) => r.rule.name)));
          expect([...fired].sort()).toEqual([...new Set(run.findings.filter((f) => f.eventId === e.id).map((f) => f.rule))].sort());
        }
      }),
      { numRuns: 1000, seed: 1202 },
    );
  }, 600_000);
});
