import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatechartMemo } from '../src/machine/memoSimulate.js';
import { runMachine, simulateTruce } from '../src/machine/simulateTruce.js';
import type { MachineEvent, PlanSpec } from '../src/machine/truceMachine.js';

const H = 3_600_000;
const plan: PlanSpec = {
  appliesTo: ['russia'],
  triggerCertainty: 'certain',
  phases: [
    { id: 'diplomatic', trigger: 'violation', requires: [], deadlineMs: 24 * H, countedFrom: 'trigger' },
    { id: 'coalition', trigger: 'hostilities-continued', requires: ['diplomatic'], deadlineMs: null, countedFrom: 'trigger' },
    { id: 'us-backed', trigger: 'broader-attack', requires: ['diplomatic'], deadlineMs: 72 * H, countedFrom: 'first-violation' },
  ],
};

/** Inputs on a coarse grid of hours, so that ties between events and deadlines are frequent. */
const input: fc.Arbitrary<MachineEvent> = fc
  .oneof(
    fc.record({ type: fc.constant('WINDOW_OPEN' as const), at: fc.integer({ min: 0, max: 200 }) }),
    fc.record({ type: fc.constant('WINDOW_CLOSE' as const), at: fc.integer({ min: 0, max: 200 }) }),
    fc.record({
      type: fc.constant('TRIGGER' as const),
      at: fc.integer({ min: 0, max: 200 }),
      trigger: fc.constantFrom('violation' as const, 'hostilities-continued' as const, 'broader-attack' as const),
      party: fc.constantFrom('russia', 'ukraine'),
      eventId: fc.constantFrom('a', 'b', 'c'),
      certainty: fc.constantFrom('certain' as const, 'possible' as const),
      firstViolationAt: fc.integer({ min: 0, max: 200 }),
    }),
    fc.record({
      type: fc.constant('RESPONSE' as const),
      at: fc.integer({ min: 0, max: 200 }),
      phase: fc.constantFrom('diplomatic' as const, 'coalition' as const, 'us-backed' as const),
      eventId: fc.constantFrom('r1', 'r2'),
    }),
  )
  .map((e) => ({ ...e, at: e.at * H, ...('firstViolationAt' in e ? { firstViolationAt: e.firstViolationAt * H } : {}) }) as MachineEvent);

describe('the statechart memo', () => {
  // the memo's premise: a run is fixed by its inputs without times plus the order of its time points
  it('gives exactly what the statechart gives, on 3,000 random input sequences', () => {
    const memo = new StatechartMemo();
    fc.assert(
      fc.property(fc.array(input, { maxLength: 8 }), fc.boolean(), (raw, agreed) => {
        const inputs = [...raw].sort((a, b) => a.at - b.at);
        const start = inputs[0]?.at ?? 0;
        // run twice through the memo (the second run is served from it) and once directly
        const first = simulateTruce(plan, agreed, start, inputs, memo);
        const second = simulateTruce(plan, agreed, start, inputs, memo);
        const direct = runMachine(plan, agreed, start, inputs);
        expect(first).toEqual(direct);
        expect(second).toEqual(direct);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
  // skipping repeats of an input that changed nothing must never change the run
  it('skipping repeated no-op inputs gives exactly the unskipped run, on 3,000 random sequences', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 12 }), fc.boolean(), (raw, agreed) => {
        const inputs = [...raw].sort((a, b) => a.at - b.at);
        const start = inputs[0]?.at ?? 0;
        expect(runMachine(plan, agreed, start, inputs, true)).toEqual(runMachine(plan, agreed, start, inputs, false));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });
  it('serves a time-shifted run from the memo with the shifted times', () => {
    const inputs = (d: number): MachineEvent[] => [
      { type: 'WINDOW_OPEN', at: d },
      {
        type: 'TRIGGER',
        at: d + 5 * H,
        trigger: 'violation',
        party: 'russia',
        eventId: 'a',
        certainty: 'certain',
        firstViolationAt: d + 5 * H,
      },
      { type: 'RESPONSE', at: d + 20 * H, phase: 'diplomatic', eventId: 'r1' },
      { type: 'WINDOW_CLOSE', at: d + 100 * H },
    ];
    // a memo of its own: the runs above cannot have filled it
    const memo = new StatechartMemo();
    const own: PlanSpec = { ...plan };
    // the statechart, counted: a run served from the memo does not reach it
    let machineRuns = 0;
    const counted: typeof runMachine = (...args) => {
      machineRuns++;
      return runMachine(...args);
    };
    const a = memo.simulate(own, true, 0, inputs(0), counted);
    expect(machineRuns).toBe(1);
    const b = memo.simulate(own, true, 7 * H, inputs(7 * H), counted);
    expect(machineRuns).toBe(1);
    expect(b).toEqual(runMachine(own, true, 7 * H, inputs(7 * H)));
    expect(b.phases[0]!.dueBy! - a.phases[0]!.dueBy!).toBe(7 * H);
    // a run that differs in more than its times is not served from it
    memo.simulate(own, false, 0, inputs(0), counted);
    expect(machineRuns).toBe(2);
    // nor is one under a plan that says something else (here: another trigger certainty)
    memo.simulate({ ...own, triggerCertainty: 'possible' }, true, 0, inputs(0), counted);
    expect(machineRuns).toBe(3);
  });

  // a sweep of a deadline makes a new plan per value: its runs share the memo, keyed by what the plan
  // says with each deadline reduced to where it falls among the run's time points
  it('serves plans that differ only in their deadlines from one memo, exactly as the statechart runs them', () => {
    const memo = new StatechartMemo();
    let machineRuns = 0;
    const counted: typeof runMachine = (...args) => {
      machineRuns++;
      return runMachine(...args);
    };
    const withDeadlines = (d: number, u: number): PlanSpec => ({
      ...plan,
      phases: plan.phases.map((p) =>
        p.id === 'diplomatic' ? { ...p, deadlineMs: d * H } : p.id === 'us-backed' ? { ...p, deadlineMs: u * H } : p,
      ),
    });
    fc.assert(
      fc.property(
        fc.array(input, { maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (raw, agreed, d, u) => {
          const inputs = [...raw].sort((a, b) => a.at - b.at);
          const start = inputs[0]?.at ?? 0;
          const p = withDeadlines(d, u);
          expect(memo.simulate(p, agreed, start, inputs, counted)).toEqual(runMachine(p, agreed, start, inputs));
        },
      ),
      { numRuns: 800, seed: 13 },
    );
    // a deadline later by a day that falls nowhere new among the time points is the same run
    machineRuns = 0;
    const responded: MachineEvent[] = [
      { type: 'WINDOW_OPEN', at: 0 },
      { type: 'TRIGGER', at: H, trigger: 'violation', party: 'russia', eventId: 'a', certainty: 'certain', firstViolationAt: H },
      { type: 'RESPONSE', at: 2 * H, phase: 'diplomatic', eventId: 'r1' },
      { type: 'WINDOW_CLOSE', at: 400 * H },
    ];
    const x = memo.simulate(withDeadlines(24, 72), true, 0, responded, counted);
    const y = memo.simulate(withDeadlines(48, 96), true, 0, responded, counted);
    expect(machineRuns).toBe(1);
    expect(y).toEqual(runMachine(withDeadlines(48, 96), true, 0, responded));
    expect(y.phases[0]!.dueBy! - x.phases[0]!.dueBy!).toBe(24 * H);
  });
});

describe('the statechart memo kept between processes (saved, restore)', () => {
  it('a memo restored from the saved JSON serves every run it saved, exactly as the statechart runs them, and makes none anew', () => {
    fc.assert(
      fc.property(fc.array(fc.array(input, { maxLength: 8 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (runs, agreed) => {
        const sequences = runs.map((raw) => [...raw].sort((a, b) => a.at - b.at));
        const first = new StatechartMemo();
        for (const inputs of sequences) simulateTruce(plan, agreed, inputs[0]?.at ?? 0, inputs, first);
        const restored = new StatechartMemo();
        expect(restored.restore(JSON.parse(JSON.stringify(first.saved())))).toBe(true);
        expect(restored.size).toBe(first.size);
        for (const inputs of sequences) {
          const start = inputs[0]?.at ?? 0;
          // served from what was restored: a run made anew would call the statechart, which throws here
          const served = restored.simulate(plan, agreed, start, inputs, () => {
            throw new Error('made anew');
          });
          expect(served).toEqual(runMachine(plan, agreed, start, inputs));
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("a run kept under one scenario's plan is never given back under another's: each plan gets the statechart's own run", () => {
    // other deadlines, another party, another phase counted otherwise: what one process's file may hold for another scenario
    const others: PlanSpec[] = [
      { ...plan, phases: plan.phases.map((p) => ({ ...p, deadlineMs: p.deadlineMs === null ? null : p.deadlineMs * 3 })) },
      { ...plan, appliesTo: ['russia', 'ukraine'] },
      { ...plan, triggerCertainty: 'possible' },
      { ...plan, phases: plan.phases.map((p) => (p.id === 'us-backed' ? { ...p, countedFrom: 'trigger' as const } : p)) },
    ];
    fc.assert(
      fc.property(fc.array(fc.array(input, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (runs, agreed) => {
        const sequences = runs.map((raw) => [...raw].sort((a, b) => a.at - b.at));
        const first = new StatechartMemo();
        for (const inputs of sequences) simulateTruce(plan, agreed, inputs[0]?.at ?? 0, inputs, first);
        const restored = new StatechartMemo();
        restored.restore(JSON.parse(JSON.stringify(first.saved())));
        for (const other of others)
          for (const inputs of sequences) {
            const start = inputs[0]?.at ?? 0;
            expect(simulateTruce(other, agreed, start, inputs, restored)).toEqual(runMachine(other, agreed, start, inputs));
          }
      }),
      { numRuns: 200, seed: 6 },
    );
  });

  it('refuses whole anything not exactly of the saved shape, and then makes the runs as without it', () => {
    const memo = new StatechartMemo();
    const inputs: MachineEvent[] = [
      { type: 'WINDOW_OPEN', at: 0 },
      { type: 'TRIGGER', at: 2 * H, trigger: 'violation', party: 'russia', eventId: 'a', certainty: 'certain', firstViolationAt: 2 * H },
      { type: 'RESPONSE', at: 5 * H, phase: 'diplomatic', eventId: 'r1' },
    ];
    simulateTruce(plan, true, 0, inputs, memo);
    const good = JSON.stringify(memo.saved());
    expect(new StatechartMemo().restore(JSON.parse(good))).toBe(true);
    type Saved = { format: string; ids: unknown[]; plans: { key: string; runs: { key: number[]; run: Record<string, unknown> }[] }[] };
    const damage: ((s: Saved) => void)[] = [
      (s) => void (s.format = 'truce.statechart-memo/0'),
      (s) => void s.ids.push(3),
      (s) => void s.ids.push(s.ids[0]),
      (s) => void s.plans[0]!.runs[0]!.key.pop(),
      (s) => void s.plans[0]!.runs[0]!.key.push(0),
      // a time point's rank beyond the points
      (s) => void (s.plans[0]!.runs[0]!.key[2] = 99),
      // an id the list does not hold
      (s) => void (s.plans[0]!.runs[0]!.key[s.plans[0]!.runs[0]!.key.length - 5] = 40),
      (s) => void ((s.plans[0]!.runs[0]!.run.transitions as { at: number }[])[0]!.at = 99),
      (s) => void ((s.plans[0]!.runs[0]!.run.phases as Record<string, unknown>[])[0]!.extra = 1),
      (s) => void ((s.plans[0]!.runs[0]!.run.phases as Record<string, unknown>[])[0]!.met = 'yes'),
      (s) => void (s.plans[0]!.runs[0]!.run.finalState = 3),
      (s) => void (s.plans[0]!.runs[0]!.run.more = []),
    ];
    for (const d of damage) {
      const saved = JSON.parse(good) as Saved;
      d(saved);
      const m = new StatechartMemo();
      expect(m.restore(saved)).toBe(false);
      expect(m.size).toBe(0);
      let made = 0;
      const run = m.simulate(plan, true, 0, inputs, (...a) => {
        made++;
        return runMachine(...a);
      });
      expect([made, run]).toEqual([1, runMachine(plan, true, 0, inputs)]);
    }
    for (const bad of [null, [], 'x', {}, { format: 'truce.statechart-memo/1' }]) expect(new StatechartMemo().restore(bad)).toBe(false);
    // nor into a memo that made runs already (its ids are its own)
    expect(memo.restore(JSON.parse(good))).toBe(false);
  });
});
