import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleEvaluator } from '../src/rules/ruleEngine.js';
import { runScenario } from '../src/run/runScenario.js';
import type { Facts } from '../src/rules/deriveFacts.js';
import type { Rule } from '../src/schema/rule.js';
import { RULES, input, scenario, strike } from './helpers.js';

const T0 = Date.UTC(2026, 0, 30);
const H = 3_600_000;
const reach = fc.constantFrom('certain', 'possible', 'none');
const interval = fc
  .tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 48 }))
  .map(([s, d]) => ({ start: T0 + s * H, end: T0 + (s + d) * H }));

/** Random facts over the whole space the rules read, including the corners (instants, bounds). */
const facts: fc.Arbitrary<Facts> = fc
  .record({
    kind: fc.constantFrom('strike', 'statement', 'response', 'shelling', 'ground-assault', 'air-strike'),
    evidence: fc.constantFrom('violation', 'possible', 'exclude'),
    aggregate: fc.boolean(),
    actor: fc.constantFrom('russia', 'ukraine'),
    eventTime: interval,
    windowStart: fc.integer({ min: -48, max: 48 }),
    windowHours: fc.integer({ min: 0, max: 200 }),
    endInclusive: fc.boolean(),
    startInclusive: fc.boolean(),
    obligated: fc.boolean(),
    conditional: fc.boolean(),
    conditionStatus: fc.constantFrom('none', 'holds', 'lapsed', 'uncertain'),
    placeScope: reach,
    targetScope: reach,
    enforcementApplies: fc.boolean(),
    first: fc.option(interval, { nil: null }),
    munitionsLow: fc.integer({ min: 0, max: 800 }),
    regionsLow: fc.integer({ min: 0, max: 8 }),
  })
  .map((r) => {
    const scope =
      r.placeScope === 'certain' || r.targetScope === 'certain'
        ? 'certain'
        : r.placeScope === 'possible' || r.targetScope === 'possible'
          ? 'possible'
          : 'none';
    return {
      kind: r.kind,
      actor: r.actor,
      target: 'x',
      eventTime: r.eventTime,
      window: {
        start: T0 + r.windowStart * H,
        end: T0 + (r.windowStart + r.windowHours) * H,
        startInclusive: r.startInclusive,
        endInclusive: r.endInclusive,
      },
      obligated: r.obligated,
      conditional: r.conditional,
      conditionStatus: r.conditionStatus,
      placeScope: r.placeScope,
      targetScope: r.targetScope,
      scope,
      enforcementApplies: r.enforcementApplies,
      actorFirstViolation: r.first,
      munitionsLow: r.munitionsLow,
      munitionsBest: r.munitionsLow,
      munitionsHigh: null,
      dronesLow: r.munitionsLow,
      missilesLow: 0,
      ballisticLow: 0,
      regionsLow: r.regionsLow,
      killedLow: 0,
      injuredLow: 0,
      meansScope: 'certain',
      areaScope: 'certain',
      guidedBombsLow: 0,
      shellsLow: 0,
      fpvDronesLow: 0,
      evidence: r.evidence,
      aggregate: r.aggregate,
      incidentsLow: r.aggregate ? 10 : 1,
    } as Facts;
  });

describe('the compiled fast path agrees with json-rules-engine', () => {
  const evaluator = new RuleEvaluator(RULES.rules, RULES.conditions);

  it('compiles every shipped rule (none falls back)', () => {
    expect(evaluator.fallback.map((r) => r.name)).toEqual([]);
  });

  it('fires the same rules on 5,000 random fact sets', async () => {
    await fc.assert(
      fc.asyncProperty(facts, async (f) => {
        const fast = evaluator.firedSync(f).map((r) => r.name);
        const reference = (await evaluator.fired(f, true)).map((r) => r.name);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 5000, seed: 20260203 },
    );
  });

  it('gives identical runs on 1,000 random scenarios (events, windows, obligations)', async () => {
    const eventArb = fc.record({
      hour: fc.integer({ min: -60, max: 260 }),
      hours: fc.integer({ min: 0, max: 20 }),
      actor: fc.constantFrom('russia', 'ukraine'),
      place: fc.constantFrom('kyiv', 'town', 'region', 'unknown'),
      energy: fc.boolean(),
      drones: fc.integer({ min: 0, max: 600 }),
      kind: fc.constantFrom('strike', 'strike', 'strike', 'statement'),
    });
    const places = {
      kyiv: [{ name: 'Kyiv', region: 'Kyiv City', kind: 'capital' as const, precision: 'settlement' as const }],
      town: [{ name: 'Ternivka', region: 'Dnipropetrovsk Oblast', kind: 'town' as const, precision: 'settlement' as const }],
      region: ['Sumy Oblast', 'Kharkiv Oblast', 'Odesa Oblast', 'Vinnytsia Oblast'].map((r) => ({
        name: r,
        region: r,
        kind: 'region' as const,
        precision: 'region' as const,
      })),
      unknown: [],
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 240 }),
        fc.boolean(),
        async (evs, windowHours, endInclusive) => {
          const s = scenario();
          const w = s.interpretations[0]!.window;
          w.end = new Date(Date.parse(w.start) + windowHours * H).toISOString();
          w.endInclusive = endInclusive;
          const events = evs.map((e, i) => {
            const start = new Date(T0 + e.hour * H).toISOString();
            const end = new Date(T0 + (e.hour + e.hours) * H).toISOString();
            return strike(`e${i}`, {
              start,
              end,
              kind: e.kind,
              actor: e.actor,
              target: e.actor === 'russia' ? 'ukraine' : 'russia',
              places: places[e.place],
              targets: e.energy ? ['energy'] : [],
              munitions: { drones: { low: e.drones } },
            });
          });
          const fast = await runScenario(input(events, s));
          const reference = await runScenario(input(events, s), { reference: true });
          expect(fast.runs[0]!.findings).toEqual(reference.runs[0]!.findings);
          expect(fast.runs[0]!.phases).toEqual(reference.runs[0]!.phases);
          expect(fast.runs[0]!.transitions).toEqual(reference.runs[0]!.transitions);
        },
      ),
      { numRuns: 1000, seed: 7 },
    );
  }, 120_000);

  // the compiled function marks fired rules in a 31-bit mask; a larger rule set must still answer in full
  it('answers for a rule set larger than its mask (40 rules), in priority order, as json-rules-engine does', async () => {
    const base = RULES.rules.find((r) => r.name === 'broader-attack')!;
    const many: Rule[] = Array.from({ length: 40 }, (_, i) => ({
      ...base,
      name: `drones-at-least-${i * 10}`,
      priority: 100 - i,
      conditions: { all: [{ fact: 'dronesLow', operator: 'greaterThanInclusive', value: i * 10 }] },
    }));
    const ev = new RuleEvaluator(many, RULES.conditions);
    expect(ev.fallback).toEqual([]);
    await fc.assert(
      fc.asyncProperty(facts, fc.integer({ min: 0, max: 450 }), async (f, drones) => {
        const g = { ...f, dronesLow: drones };
        const fast = ev.firedSync(g).map((r) => r.name);
        expect(fast).toEqual((await ev.fired(g, true)).map((r) => r.name));
        expect(fast).toHaveLength(Math.min(40, Math.floor(drones / 10) + 1));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  // a rule the compiler cannot take (a JSONPath `path`) goes to json-rules-engine, never to a guess
  it('falls back to json-rules-engine for a rule it cannot compile, with the same answers', async () => {
    const odd: Rule = {
      ...RULES.rules.find((r) => r.name === 'protected-place')!,
      name: 'window-start-path',
      conditions: {
        all: [{ fact: 'window', path: '$.start', operator: 'lessThanInclusive', value: Date.UTC(2026, 0, 30) }, { condition: 'is-strike' }],
      },
    };
    const ev = new RuleEvaluator([...RULES.rules, odd], RULES.conditions);
    expect(ev.fallback.map((r) => r.name)).toEqual(['window-start-path']);
    await fc.assert(
      fc.asyncProperty(facts, async (f) => {
        expect((await ev.fired(f)).map((r) => r.name)).toEqual((await ev.fired(f, true)).map((r) => r.name));
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
