import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { simulateTruce } from '../src/machine/simulateTruce.js';
import type { MachineEvent, PlanSpec } from '../src/machine/truceMachine.js';
import { CITE, input, scenario, strike } from './helpers.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 30);
const plan = (over: Partial<PlanSpec> = {}): PlanSpec => ({
  appliesTo: ['russia', 'ukraine'],
  triggerCertainty: 'certain',
  phases: [{ id: 'diplomatic', trigger: 'violation', requires: [], deadlineMs: 24 * H, countedFrom: 'trigger' }],
  ...over,
});
const open: MachineEvent = { type: 'WINDOW_OPEN', at: T0 };
const close: MachineEvent = { type: 'WINDOW_CLOSE', at: T0 + 100 * H };
const violation = (at: number, party: string): MachineEvent => ({
  type: 'TRIGGER',
  at,
  trigger: 'violation',
  party,
  eventId: `${party}${at}`,
  certainty: 'certain',
  firstViolationAt: at,
});
const response = (at: number, actor: string, target?: string): MachineEvent => ({
  type: 'RESPONSE',
  at,
  phase: 'diplomatic',
  eventId: `r-${actor}-${at}`,
  actor,
  ...(target ? { target } : {}),
});

describe('phases per violating party', () => {
  it('a second party violating opens its own phase, though the first party already opened the same phase', () => {
    const r = simulateTruce(plan(), true, T0, [open, violation(T0 + H, 'russia'), violation(T0 + 2 * H, 'ukraine'), close]);
    expect(r.phases.map((p) => [p.phase, p.party])).toEqual([
      ['diplomatic', 'russia'],
      ['diplomatic', 'ukraine'],
    ]);
    expect(Object.keys(r.regions).sort()).toEqual(['diplomatic:russia', 'diplomatic:ukraine', 'lifecycle']);
  });

  it('a response by the violator does not meet the phase its own violation opened', () => {
    const r = simulateTruce(plan({ appliesTo: ['russia'] }), true, T0, [
      open,
      violation(T0 + H, 'russia'),
      response(T0 + 2 * H, 'russia'),
      close,
    ]);
    expect(r.phases[0]).toMatchObject({ party: 'russia', met: false, respondedAt: null });
  });

  it("a response aimed at one violator meets that violator's phase only", () => {
    const r = simulateTruce(plan(), true, T0, [
      open,
      violation(T0 + H, 'russia'),
      violation(T0 + 2 * H, 'ukraine'),
      response(T0 + 3 * H, 'united-states', 'russia'),
      close,
    ]);
    expect(r.phases.map((p) => [p.party, p.met])).toEqual([
      ['russia', true],
      ['ukraine', false],
    ]);
  });

  it('the plan says who responds: a response by a party not in respondedBy meets nothing', () => {
    const p = plan({ appliesTo: ['russia'] });
    p.phases[0]!.respondedBy = ['united-states'];
    const r = simulateTruce(p, true, T0, [open, violation(T0 + H, 'russia'), response(T0 + 2 * H, 'poland'), close]);
    expect(r.phases[0]!.met).toBe(false);
    const ok = simulateTruce(p, true, T0, [open, violation(T0 + H, 'russia'), response(T0 + 2 * H, 'united-states'), close]);
    expect(ok.phases[0]!.met).toBe(true);
  });

  it("through the runner: Russia's own statement answering the diplomatic phase does not meet it", async () => {
    const s = scenario();
    const events = [
      strike('ru', { start: '2026-02-02T23:00:00+02:00' }),
      strike('ru-says', {
        start: '2026-02-03T10:00:00+02:00',
        kind: 'response',
        actor: 'russia',
        target: 'ukraine',
        phase: 'diplomatic',
        targets: [],
        places: [],
        sources: [CITE],
      }),
    ];
    const run = (await runScenario(input(events, s))).runs[0]!;
    expect(run.phases).toMatchObject([{ phase: 'diplomatic', party: 'russia', met: false }]);
  });
});
