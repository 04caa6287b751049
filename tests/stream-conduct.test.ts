import fc from 'fast-check';
import path from 'node:path';
import { loadScenario } from '../src/load/loadScenario.js';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { streamRun, type StreamRecord } from '../src/run/streamRun.js';
import type { Scenario } from '../src/schema/scenario.js';
import { Window } from '../src/schema/interpretation.js';
import { CITE, input, ROOT, scenario, strike } from './helpers.js';

// A pledge that hangs on the counterparty's conduct (`counterparty-refrains`) read by a stream in small
// batches: the counterparty's releasing act and the bound party's later act fall in different batches.

const T0 = Date.UTC(2026, 0, 30);
const H = 3_600_000;
const at = (hour: number) => new Date(T0 + hour * H).toISOString();

type Ev = ReturnType<typeof strike>;

async function* asStream(events: Ev[]) {
  let line = 0;
  const sorted = [...events].sort((a, b) => Date.parse(a.when.start) - Date.parse(b.when.start));
  for (const event of sorted) yield { event, line: ++line };
}

const energyTerms = { targets: ['energy' as const] };
const conduct = { while: 'counterparty-refrains' as const, counterparty: 'russia', from: energyTerms };

interface Shape {
  /** Russia's own pledge: none, unconditional, or hanging on Ukraine's conduct too */
  russia: 'none' | 'plain' | 'conduct';
  /** Ukraine's pledge binds from its own later date (hours after the window's start) */
  effective?: number | undefined;
  /** the window has a second period after a gap (hours from T0, start and end of the gap) */
  gap?: [number, number] | undefined;
  /** a second reading, whose condition's scope is wider (any hostilities) */
  second: boolean;
}

function conductScenario(shape: Shape): Scenario {
  const window = {
    start: '2026-01-30T00:00:00Z',
    end: shape.gap ? at(shape.gap[0]) : '2026-02-06T00:00:00Z',
    basis: 'test',
    ...(shape.gap ? { renewals: [{ start: at(shape.gap[1]), end: '2026-02-08T00:00:00Z', basis: 'resumed', sources: [CITE] }] } : {}),
  };
  const ukraine = {
    party: 'ukraine',
    towards: 'russia',
    refrainFrom: energyTerms,
    condition: conduct,
    ...(shape.effective !== undefined ? { effective: at(shape.effective) } : {}),
    sources: [CITE],
  };
  const russia =
    shape.russia === 'none'
      ? []
      : [
          {
            party: 'russia',
            towards: 'ukraine',
            refrainFrom: energyTerms,
            ...(shape.russia === 'conduct' ? { condition: { ...conduct, counterparty: 'ukraine' } } : {}),
            sources: [CITE],
          },
        ];
  const reading = (id: string, obligations: object[]) => ({
    id,
    label: `reading ${id}`,
    heldBy: [{ party: 'ukraine', who: 'test', sources: [CITE] }],
    agreement: { status: 'agreed' as const },
    window: Window.parse(window),
    obligations,
  });
  const readings = [reading('conduct', [...russia, ukraine])];
  if (shape.second) readings.push(reading('wide', [...russia, { ...ukraine, condition: { ...conduct, from: 'all' as const } }]));
  return scenario({ interpretations: readings as never, plan: { ...scenario().plan!, appliesTo: ['russia', 'ukraine'] } });
}

/** An act by either side: on energy, on homes, or on what no one says (so only possibly in scope). */
function act(id: string, actor: 'russia' | 'ukraine', hour: number, hours: number, targets: 'energy' | 'residential' | 'unknown'): Ev {
  return strike(id, {
    start: at(hour),
    end: at(hour + hours),
    actor,
    target: actor === 'russia' ? 'ukraine' : 'russia',
    places:
      actor === 'russia'
        ? [{ name: 'Kyiv', region: 'Kyiv City', kind: 'capital', precision: 'settlement' }]
        : [{ name: 'Belgorod', kind: 'city', precision: 'settlement' }],
    targets: targets === 'unknown' ? [] : [targets],
  });
}

async function compare(events: Ev[], s: Scenario, minBatch: number): Promise<void> {
  const whole = await runScenario(input(events, s));
  const records: StreamRecord[] = [];
  await streamRun(input(events, s), asStream(events), (r) => records.push(r), { minBatch });
  for (const run of whole.runs) {
    const id = run.interpretation.id;
    const mine = records.filter((r) => r.interpretation === id);
    const of = <K extends StreamRecord['record']>(k: K) => mine.filter((r): r is Extract<StreamRecord, { record: K }> => r.record === k);
    expect(
      of('finding').map((r) => r.finding),
      id,
    ).toEqual(run.findings);
    expect(
      of('transition').map((r) => r.transition),
      id,
    ).toEqual(run.transitions);
    expect(
      of('phase').map((r) => r.phase),
      id,
    ).toEqual(run.phases);
    const summary = of('summary')[0]!;
    expect(summary.finalState, id).toBe(run.finalState);
    expect(summary.firstViolations, id).toEqual(run.firstViolations);
  }
}

describe('a stream judges a pledge hanging on conduct as a whole run does', () => {
  const plain: Shape = { russia: 'none', second: false };

  it("Russia's energy strike in an earlier batch releases Ukraine's pledge for a later batch", async () => {
    const s = conductScenario(plain);
    const events = [
      act('ua-before', 'ukraine', 20, 0, 'energy'),
      act('ru-energy', 'russia', 40, 0, 'energy'),
      act('ru-homes', 'russia', 50, 0, 'residential'),
      act('ua-after', 'ukraine', 70, 0, 'energy'),
      act('ua-later', 'ukraine', 100, 2, 'energy'),
    ];
    const whole = await runScenario(input(events, s));
    // the whole run: only the act before Russia's is a breach
    expect(whole.runs[0]!.findings.filter((f) => f.type === 'violation').map((f) => f.eventId)).toEqual(['ua-before']);
    for (const minBatch of [1, 2, 256]) await compare(events, s, minBatch);
  });

  it('an act only possibly in scope in an earlier batch makes a later breach only possible', async () => {
    const s = conductScenario(plain);
    const events = [
      act('ru-unknown', 'russia', 30, 0, 'unknown'),
      act('ru-homes', 'russia', 35, 0, 'residential'),
      act('ua-after', 'ukraine', 60, 0, 'energy'),
    ];
    const whole = await runScenario(input(events, s));
    expect(whole.runs[0]!.findings.map((f) => [f.eventId, f.type])).toEqual([['ua-after', 'possible-violation']]);
    await compare(events, s, 1);
  });

  it("a long Russian act overlapping Ukraine's: the later batch waits for it and still knows it", async () => {
    const s = conductScenario(plain);
    // Russia's strike runs 40-60; Ukraine's starts inside it (uncertain) and one after it ends (released)
    const events = [
      act('ru-long', 'russia', 40, 20, 'energy'),
      act('ua-inside', 'ukraine', 45, 1, 'energy'),
      act('ru-homes', 'russia', 61, 0, 'residential'),
      act('ua-after', 'ukraine', 62, 0, 'energy'),
    ];
    await compare(events, s, 1);
  });

  it('a shorter certain act that ends first, arriving after a long one that began with a possible one', async () => {
    const s = conductScenario(plain);
    // the pledge lapses after the act certainly over first (ru-short), which starts after Ukraine's act ends
    const events = [
      act('ru-maybe', 'russia', 10, 1, 'unknown'),
      act('ru-long', 'russia', 10, 90, 'energy'),
      act('ua-1', 'ukraine', 20, 2, 'energy'),
      act('ru-homes', 'russia', 30, 0, 'residential'),
      act('ru-short', 'russia', 40, 5, 'energy'),
      act('ua-2', 'ukraine', 50, 0, 'energy'),
    ];
    for (const minBatch of [1, 2]) await compare(events, s, minBatch);
  });

  it('a shorter certain act that ends first is read even when a batch is decided before it is', async () => {
    const s = conductScenario(plain);
    // Ukraine's long act from hour 30 holds back every later event; Russia's short act ends before its long one
    const events = [
      act('ru-long', 'russia', 10, 90, 'energy'),
      act('ua-1', 'ukraine', 20, 2, 'energy'),
      act('ua-block', 'ukraine', 30, 170, 'energy'),
      act('ru-short', 'russia', 40, 5, 'energy'),
      act('ru-homes', 'russia', 101, 0, 'residential'),
      act('ru-homes-2', 'russia', 205, 0, 'residential'),
    ];
    for (const minBatch of [1, 2]) await compare(events, s, minBatch);
  });

  it("an act at the very instant of the bound party's, still waiting on a pledge of its own, is read with it", async () => {
    // each side's pledge hangs on the other's conduct; Ukraine's energy strike starting at hour 50 holds
    // Russia's instant act back (it may release Russia's pledge), but Ukraine's own instant act is ready
    const s = conductScenario({ russia: 'conduct', second: false });
    const events = [
      act('a-ua', 'ukraine', 50, 0, 'energy'),
      // enough of Ukraine's acts ready with it for a batch to be decided before Russia's is
      ...[1, 2, 3].map((n) => act(`a${n}-ua`, 'ukraine', 50, 0, 'residential')),
      act('b-ru', 'russia', 50, 0, 'energy'),
      act('c-ua', 'ukraine', 50, 10, 'energy'),
      act('d-ru', 'russia', 55, 0, 'residential'),
      act('e-ru', 'russia', 70, 0, 'residential'),
    ];
    const whole = await runScenario(input(events, s));
    // neither instant is before the other: whether Ukraine's pledge still held cannot be told
    expect(whole.runs[0]!.findings.find((f) => f.eventId === 'a-ua')?.type).toBe('possible-violation');
    await compare(events, s, 1);
  });

  it("with an effective date and a gap between the window's periods", async () => {
    const s = conductScenario({ russia: 'plain', effective: 24, gap: [60, 90], second: true });
    const events = [
      act('ru-gap', 'russia', 70, 0, 'energy'),
      act('ua-gap', 'ukraine', 75, 0, 'energy'),
      act('ua-mid', 'ukraine', 95, 0, 'energy'),
      act('ru-energy', 'russia', 100, 0, 'energy'),
      act('ua-late', 'ukraine', 120, 0, 'energy'),
    ];
    for (const minBatch of [1, 2]) await compare(events, s, minBatch);
  });

  it("the shipped what-if of Ukraine's pledge alone (released by Russia's conduct), one event per batch", async () => {
    const loaded = loadScenario(path.join(ROOT, 'scenarios/whatif/kyiv-pledge-alone.yaml'), {
      cwd: ROOT,
      articlesDir: path.join(ROOT, 'no-such-folder'),
    });
    const s = loaded.scenario;
    // Russia's strike of 2-3 February releases the pledge: Ukraine's of 4 February breaks nothing
    const whole = await runScenario(input(loaded.events as Ev[], s));
    const kyiv = whole.runs.find((r) => r.interpretation.id === 'kyiv')!;
    expect(kyiv.findings.some((f) => f.eventId === 'ua-energy-2026-02-04')).toBe(false);
    for (const minBatch of [1, 2]) await compare(loaded.events as Ev[], s, minBatch);
  });

  // the seed of this property was checked to fail before the stream carried the counterparty's conduct across batches
  it('on random scenarios and event sets, in batches of 1, 2 or 256', async () => {
    const ev = fc.record({
      hour: fc.integer({ min: -20, max: 200 }),
      hours: fc.constantFrom(0, 0, 1, 3, 12, 40),
      actor: fc.constantFrom('russia' as const, 'ukraine' as const),
      targets: fc.constantFrom('energy' as const, 'energy' as const, 'residential' as const, 'unknown' as const),
    });
    const shape = fc.record({
      russia: fc.constantFrom('none' as const, 'plain' as const, 'conduct' as const),
      effective: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      gap: fc.option(
        fc.tuple(fc.integer({ min: 20, max: 120 }), fc.integer({ min: 1, max: 40 })).map(([a, d]) => [a, a + d] as [number, number]),
        { nil: undefined },
      ),
      second: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(ev, { minLength: 1, maxLength: 12 }), shape, fc.constantFrom(1, 2, 256), async (evs, sh, minBatch) => {
        const s = conductScenario(sh);
        const events = evs.map((e, i) => act(`e${i}`, e.actor, e.hour, e.hours, e.targets));
        const whole = await runScenario(input(events, s));
        // mutual pledges broken at one moment have no fixed point: the whole run's last round is arbitrary
        fc.pre(whole.runs.every((r) => r.converged));
        await compare(events, s, minBatch);
      }),
      { numRuns: 800, seed: 13 },
    );
  }, 120_000);
});
