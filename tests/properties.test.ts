import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioInput } from '../src/run/runScenario.js';
import { runJson } from '../src/report/runJson.js';
import { HASHES, provenanceOf } from '../src/provenance.js';
import { RuleEvaluator } from '../src/rules/ruleEngine.js';
import { simulateTruce } from '../src/machine/simulateTruce.js';
import type { MachineEvent, PlanSpec } from '../src/machine/truceMachine.js';
import { formatInstant, toMillis } from '../src/time/interval.js';
import type { Event, EventInput } from '../src/schema/event.js';
import type { Scenario } from '../src/schema/scenario.js';
import { RULES, input, scenario, strike } from './helpers.js';

/**
 * Properties that must hold for every input, not just the January-February data: determinism, order
 * and offset independence, that irrelevant events change nothing, and that the statechart stays
 * inside what the plan allows. Each runs 1,000 times; scenarios are small so that a run costs
 * milliseconds.
 */

const RUNS = 1000;
// fixed seeds: the same cases on every machine (a failure found by a new seed becomes a regression test)
const H = 3_600_000;
/** The helper scenario's window: 30 January 00:00 Kyiv (UTC+2) for a week. */
const WINDOW_START = Date.UTC(2026, 0, 29, 22);

/** Two readings, so that divergences are exercised too: the helper's, and a claimed Kyiv-only week that ends earlier. */
const SCENARIO: Scenario = (() => {
  const base = scenario();
  const kyivOnly = structuredClone(base.interpretations[0]!);
  kyivOnly.id = 'k';
  kyivOnly.label = 'Kyiv only, claimed';
  kyivOnly.agreement = { status: 'claimed', claims: [] };
  kyivOnly.window = { ...kyivOnly.window, start: '2026-01-25T00:00:00+03:00', end: '2026-02-01T00:00:00+03:00' };
  kyivOnly.obligations = [{ ...kyivOnly.obligations[0]!, refrainFrom: { places: ['Kyiv'], placeKinds: [], targets: [] } }];
  return { ...base, interpretations: [...base.interpretations, kyivOnly] };
})();

/** One engine for every run: building json-rules-engine is the expensive part, and the runner allows reuse. */
const evaluator = new RuleEvaluator(RULES.rules, RULES.conditions);
const run = (inp: ScenarioInput) => runScenario(inp, { evaluator });
/**
 * Every generated input has the same rule set: its hash (canonical JSON of every rule, a tenth of a run's
 * cost) is worked out once and carried on the input as the scenario cache carries it (HASHES); the
 * scenario hash is still worked out for each input. Property (a) checks the stamp against provenanceOf
 * worked out in full.
 */
const RULES_HASH = provenanceOf(input([], SCENARIO)).rulesHash;
const provenance = (inp: ScenarioInput) => provenanceOf(Object.assign({ ...inp }, { [HASHES]: { rulesHash: RULES_HASH } }));
const jsonOf = async (inp: ScenarioInput) => JSON.stringify(runJson(await run(inp), provenance(inp)));

const PLACES = [
  { name: 'Kyiv', region: 'Kyiv City', kind: 'capital', precision: 'settlement' },
  { name: 'Kharkiv', region: 'Kharkiv', kind: 'city', precision: 'settlement' },
  { name: 'Dnipropetrovsk region', region: 'Dnipropetrovsk', kind: 'region', precision: 'region' },
  { name: 'Odesa', region: 'Odesa', kind: 'city', precision: 'settlement' },
  { name: 'Bilopillia', region: 'Sumy', kind: 'town', precision: 'settlement' },
  { name: 'a village', region: 'Zaporizhzhia', kind: 'village', precision: 'settlement' },
  { name: 'unnamed places', kind: 'unknown', precision: 'unknown' },
] as const;

/** An event as numbers and choices; `build` turns it into a valid event. */
const eventSpec = fc.record({
  kind: fc.constantFrom('strike', 'strike', 'strike', 'statement', 'talks', 'response'),
  actor: fc.constantFrom('russia', 'russia', 'ukraine'),
  /** minutes from the helper window's start: from four days before it to three days after it */
  startMin: fc.integer({ min: -4 * 24 * 60, max: 10 * 24 * 60 }),
  durMin: fc.constantFrom(0, 30, 60, 180, 600),
  places: fc.subarray([...PLACES], { maxLength: 5 }),
  targets: fc.subarray(['energy', 'residential', 'military', 'civilians'] as const),
  drones: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  missiles: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
  phase: fc.constantFrom('diplomatic', 'coalition', 'us-backed' as const),
});
type EventSpec = typeof eventSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: EventSpec, id: string, zone = 'Europe/Kyiv'): Event {
  const start = WINDOW_START + spec.startMin * 60_000;
  // written once and used twice: formatting an instant in a zone is most of what building an event costs
  const from = formatInstant(start, zone);
  const to = formatInstant(start + spec.durMin * 60_000, zone);
  const munitions: EventInput['munitions'] = {
    ...(spec.drones !== undefined ? { drones: { low: spec.drones } } : {}),
    ...(spec.missiles !== undefined ? { missiles: { low: spec.missiles, high: spec.missiles + 10 } } : {}),
  };
  return strike(id, {
    start: from,
    end: to,
    kind: spec.kind,
    actor: spec.actor,
    target: spec.actor === 'russia' ? 'ukraine' : 'russia',
    when: {
      start: from,
      end: to,
      precision: spec.durMin === 0 ? 'exact' : 'hour',
      evidence: 'generated',
    },
    places: spec.places.map((p) => ({ ...p })),
    targets: [...spec.targets],
    ...(Object.keys(munitions).length > 0 ? { munitions } : {}),
    ...(spec.kind === 'response' ? { phase: spec.phase } : {}),
  });
}

const eventsArb = fc.array(eventSpec, { minLength: 1, maxLength: 5 }).map((specs) => specs.map((s, i) => build(s, `e${i}`)));

/** The same instant, written with the UTC offset of another zone (the scenario's zone stays Kyiv). */
const rezone = (iso: string, zone: string) => formatInstant(toMillis(iso), zone);
const ZONES = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/Moscow', 'Pacific/Chatham', 'America/St_Johns'];

describe('runs and reports (runScenario + runJson), 1,000 generated scenarios each', () => {
  it('(a) the same inputs give byte-identical JSON, and the inputs are left as they were', async () => {
    await fc.assert(
      fc.asyncProperty(eventsArb, async (events) => {
        const inp = input(events, SCENARIO);
        const before = JSON.stringify(inp);
        const first = await jsonOf(inp);
        // a fresh engine too: nothing may depend on what an engine saw before
        const second = JSON.stringify(
          runJson(await runScenario(input(structuredClone(events), structuredClone(SCENARIO))), provenanceOf(inp)),
        );
        expect(second).toBe(first);
        expect(JSON.stringify(inp)).toBe(before);
      }),
      { numRuns: RUNS, seed: 101 },
    );
  });

  it('(b) shuffling the order of events changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventsArb.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })),
        ),
        async ([events, shuffled]) => {
          expect(await jsonOf(input(shuffled, SCENARIO))).toBe(await jsonOf(input(events, SCENARIO)));
        },
      ),
      { numRuns: RUNS, seed: 102 },
    );
  });

  it('(c) writing the same instants with another UTC offset changes nothing in the report', async () => {
    await fc.assert(
      fc.asyncProperty(eventsArb, fc.constantFrom(...ZONES), async (events, zone) => {
        const moved = events.map((e) => ({ ...e, when: { ...e.when, start: rezone(e.when.start, zone), end: rezone(e.when.end, zone) } }));
        const scenarioMoved = structuredClone(SCENARIO);
        for (const i of scenarioMoved.interpretations) {
          i.window.start = rezone(i.window.start, zone);
          if (i.window.end !== undefined) i.window.end = rezone(i.window.end, zone);
        }
        const a = JSON.parse(await jsonOf(input(events, SCENARIO)));
        const b = JSON.parse(await jsonOf(input(moved, scenarioMoved)));
        // the scenario hash fingerprints the input as written, offsets included; everything else is normalised to the scenario's zone
        expect(b.provenance.scenarioHash).toEqual(expect.any(String));
        delete a.provenance.scenarioHash;
        delete b.provenance.scenarioHash;
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: RUNS, seed: 103 },
    );
  });

  it('(d) adding a statement or talks changes no finding, phase or state', async () => {
    await fc.assert(
      fc.asyncProperty(eventsArb, eventSpec, fc.constantFrom('statement', 'talks' as const), async (events, spec, kind) => {
        const extra = build({ ...spec, kind }, 'extra');
        const a = await run(input(events, SCENARIO));
        const b = await run(input([...events, extra], SCENARIO));
        expect(b.runs.flatMap((r) => r.findings).filter((f) => f.eventId === 'extra')).toEqual([]);
        for (const [i, ra] of a.runs.entries()) {
          const rb = b.runs[i]!;
          expect(rb.findings).toEqual(ra.findings);
          expect(rb.phases).toEqual(ra.phases);
          expect(rb.regions).toEqual(ra.regions);
        }
      }),
      { numRuns: RUNS, seed: 104 },
    );
  });

  it('(e) moving a strike outside every window, before everything else, removes its findings', async () => {
    let hadFindings = 0;
    await fc.assert(
      fc.asyncProperty(eventsArb, eventSpec, async (events, spec) => {
        const target = build({ ...spec, kind: 'strike' }, 'moved');
        const before = await run(input([...events, target], SCENARIO));
        // 60 days before every window and every other event: no reading's window reaches it, and no first violation precedes it
        const away = build({ ...spec, kind: 'strike', startMin: -60 * 24 * 60 }, 'moved');
        const after = await run(input([...events, away], SCENARIO));
        const windowsStart = Math.min(...after.runs.map((r) => r.window.start));
        expect(toMillis(away.when.end)).toBeLessThan(windowsStart);
        expect(after.runs.flatMap((r) => r.findings).filter((f) => f.eventId === 'moved')).toEqual([]);
        if (before.runs.some((r) => r.findings.some((f) => f.eventId === 'moved'))) hadFindings++;
      }),
      { numRuns: RUNS, seed: 105 },
    );
    // not vacuous: a good share of the moved strikes had findings where they were
    expect(hadFindings).toBeGreaterThan(RUNS / 10);
  });

  // regression guard for the generators: the properties above must see violations, escalations and divergences, or they prove little
  it('the generated scenarios do reach violations, escalations, phases and divergences', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(eventsArb, async (events) => {
        const report = await run(input(events, SCENARIO));
        for (const r of report.runs) {
          for (const f of r.findings) seen.add(f.trigger ?? f.type);
          for (const p of r.phases) seen.add(`phase:${p.phase}`);
          seen.add(`final:${r.finalState}`);
        }
        if (JSON.parse(JSON.stringify(runJson(report, provenance(input(events, SCENARIO))))).divergences.length > 0) seen.add('divergence');
      }),
      { numRuns: 300, seed: 6 },
    );
    for (const want of [
      'violation',
      'possible-violation',
      'hostilities-continued',
      'broader-attack',
      'phase:diplomatic',
      'phase:coalition',
      'phase:us-backed',
      'final:collapsed',
      'final:expired',
      'divergence',
    ]) {
      expect(seen, want).toContain(want);
    }
  });
});

describe('the statechart stays within what the plan allows (simulateTruce, 1,000 random input sequences)', () => {
  /** The lifecycle edges the README and the machine's header document; anything else is a bug. */
  const LIFECYCLE_EDGES = new Set([
    'start>claimed',
    'start>agreed',
    'claimed>inForce',
    'agreed>inForce',
    'claimed>breached',
    'agreed>breached',
    'inForce>breached',
    'inForce>expired',
    'expired>breached',
    'breached>collapsed',
  ]);
  const PHASE_EDGES = new Set(['inactive>open', 'open>met', 'open>missed']);

  const planArb: fc.Arbitrary<PlanSpec> = fc
    .record({
      appliesTo: fc.subarray(['russia', 'ukraine'], { minLength: 1 }),
      triggerCertainty: fc.constantFrom('certain', 'possible' as const),
      diplomatic: fc.option(fc.integer({ min: 0, max: 72 }), { nil: null }),
      usBacked: fc.option(fc.integer({ min: 0, max: 96 }), { nil: null }),
      coalition: fc.option(fc.integer({ min: 0, max: 96 }), { nil: null }),
      countedFrom: fc.constantFrom('trigger', 'first-violation' as const),
    })
    .map((p) => ({
      appliesTo: p.appliesTo,
      triggerCertainty: p.triggerCertainty,
      phases: [
        {
          id: 'diplomatic',
          trigger: 'violation',
          requires: [],
          deadlineMs: p.diplomatic === null ? null : p.diplomatic * H,
          countedFrom: p.countedFrom,
        },
        {
          id: 'coalition',
          trigger: 'hostilities-continued',
          requires: ['diplomatic'],
          deadlineMs: p.coalition === null ? null : p.coalition * H,
          countedFrom: 'trigger',
        },
        {
          id: 'us-backed',
          trigger: 'broader-attack',
          requires: ['diplomatic'],
          deadlineMs: p.usBacked === null ? null : p.usBacked * H,
          countedFrom: p.countedFrom,
        },
      ],
    }));

  const T0 = WINDOW_START;
  const inputArb = fc.oneof(
    fc.record({
      type: fc.constant('TRIGGER' as const),
      atH: fc.integer({ min: -48, max: 14 * 24 }),
      trigger: fc.constantFrom('violation', 'hostilities-continued', 'broader-attack' as const),
      party: fc.constantFrom('russia', 'ukraine'),
      certainty: fc.constantFrom('certain', 'possible' as const),
    }),
    fc.record({
      type: fc.constant('RESPONSE' as const),
      atH: fc.integer({ min: -48, max: 14 * 24 }),
      phase: fc.constantFrom('diplomatic', 'coalition', 'us-backed' as const),
    }),
  );
  const scenarioArb = fc.record({
    plan: planArb,
    agreed: fc.boolean(),
    openH: fc.integer({ min: -24, max: 48 }),
    lengthH: fc.integer({ min: 1, max: 10 * 24 }),
    inputs: fc.array(inputArb, { maxLength: 14 }),
  });

  it('(f) phases open only on their trigger and after diplomatic, and every edge is an allowed one', () => {
    fc.assert(
      fc.property(scenarioArb, ({ plan, agreed, openH, lengthH, inputs }) => {
        // the runner's order: by time; at one instant the window opens, then events, then the window closes
        const timed: { input: MachineEvent; rank: number }[] = [
          { input: { type: 'WINDOW_OPEN', at: T0 + openH * H }, rank: 0 },
          { input: { type: 'WINDOW_CLOSE', at: T0 + (openH + lengthH) * H }, rank: 2 },
          ...inputs.map((x, i) => ({
            rank: 1,
            input:
              x.type === 'TRIGGER'
                ? ({
                    type: 'TRIGGER',
                    at: T0 + x.atH * H,
                    trigger: x.trigger,
                    party: x.party,
                    eventId: `t${i}`,
                    certainty: x.certainty,
                    firstViolationAt: T0 + Math.min(x.atH, 0) * H,
                  } as const)
                : ({ type: 'RESPONSE', at: T0 + x.atH * H, phase: x.phase, eventId: `r${i}` } as const),
          })),
        ];
        timed.sort((a, b) => a.input.at - b.input.at || a.rank - b.rank);
        const sent = timed.map((t) => t.input);
        const start = sent[0]!.at;
        const sim = simulateTruce(plan, agreed, start, sent);

        const ok = (c: 'certain' | 'possible') => c === 'certain' || plan.triggerCertainty === 'possible';
        const triggers = sent.filter((x): x is Extract<MachineEvent, { type: 'TRIGGER' }> => x.type === 'TRIGGER');

        for (const [i, t] of sim.transitions.entries()) {
          const edge = `${t.from}>${t.to}`;
          if (t.region === 'lifecycle') {
            expect(LIFECYCLE_EDGES, edge).toContain(edge);
            if (i === 0) expect(t.to).toBe(agreed ? 'agreed' : 'claimed');
            if (t.to === 'breached') expect(triggers.some((x) => x.at === t.at && x.trigger === 'violation' && ok(x.certainty))).toBe(true);
          } else {
            expect(PHASE_EDGES, `${t.region} ${edge}`).toContain(edge);
          }
          if (t.region !== 'lifecycle' && t.to === 'open') {
            // phases are per violating party: a region is `phase`, or `phase:party` when the plan applies to several
            const [phaseId, regionParty] = t.region.split(':');
            const spec = plan.phases.find((p) => p.id === phaseId)!;
            // opened by its own trigger, by a party the plan applies to (the region's), of a certainty the plan acts on
            expect(
              triggers.some(
                (x) =>
                  x.at === t.at &&
                  x.trigger === spec.trigger &&
                  plan.appliesTo.includes(x.party) &&
                  (regionParty === undefined || x.party === regionParty) &&
                  ok(x.certainty),
              ),
              `${t.region} opened with no ${spec.trigger}`,
            ).toBe(true);
            // never before diplomatic: us-backed and coalition need the same party's open (or closed) already
            if (phaseId !== 'diplomatic') {
              const dRegion = regionParty === undefined ? 'diplomatic' : `diplomatic:${regionParty}`;
              const d = sim.transitions.findIndex((u) => u.region === dRegion && u.to === 'open');
              expect(d, `${t.region} before diplomatic`).toBeGreaterThanOrEqual(0);
              expect(d).toBeLessThan(i);
            }
          }
          if (t.to === 'collapsed') {
            // a breached truce collapses on an escalation, or when a second party breaches it too (truceMachine.ts header)
            const breach = sim.transitions.find((u) => u.region === 'lifecycle' && u.to === 'breached')!;
            const breacher = triggers.find((x) => x.at === breach.at && x.trigger === 'violation' && ok(x.certainty))!.party;
            // only a certain one collapses it: a possible breach (who broke first unknown) does not
            expect(
              triggers.some((x) => x.at === t.at && x.certainty === 'certain' && (x.trigger !== 'violation' || x.party !== breacher)),
            ).toBe(true);
          }
        }
        // the phase records agree with the regions and the deadlines
        const regionOf = (phase: string, party: string) => (plan.appliesTo.length <= 1 ? phase : `${phase}:${party}`);
        for (const rec of sim.phases) {
          const region = regionOf(rec.phase, rec.party);
          expect(sim.regions[region]).not.toBe('inactive');
          if (rec.met === true) expect(rec.dueBy === null || (rec.respondedAt !== null && rec.respondedAt <= rec.dueBy)).toBe(true);
          if (rec.met === false) {
            expect(rec.dueBy).not.toBeNull();
            expect(sim.regions[region]).toBe('missed');
          }
          if (rec.met === null) expect(sim.regions[region]).toBe('open');
        }
        for (const p of plan.phases)
          for (const party of plan.appliesTo)
            if (sim.regions[regionOf(p.id, party)] === 'inactive')
              expect(sim.phases.some((r) => r.phase === p.id && r.party === party)).toBe(false);
      }),
      { numRuns: RUNS, seed: 106 },
    );
  });
});
