import { describe, expect, it } from 'vitest';
import { planSpec, runScenario } from '../src/run/runScenario.js';
import { simulateTruce } from '../src/machine/simulateTruce.js';
import type { MachineEvent } from '../src/machine/truceMachine.js';
import { CITE, input, scenario, strike } from './helpers.js';

const H = 3_600_000;
const kyiv = [{ name: 'Kyiv', region: 'Kyiv City', kind: 'capital' as const, precision: 'settlement' as const }];
const village = [{ name: 'a village', region: 'Sumy Oblast', kind: 'village' as const, precision: 'settlement' as const }];
const big = { drones: { low: 400 }, missiles: { low: 50 } };
const fourRegions = ['Kyiv City', 'Sumy Oblast', 'Kharkiv Oblast', 'Odesa Oblast'].map((r) => ({
  name: r,
  region: r,
  kind: 'region' as const,
  precision: 'region' as const,
}));

/** An energy-only moratorium: Russia spares Ukrainian energy infrastructure, from 30 January for a week. */
const energyOnly = () =>
  scenario({
    interpretations: [
      {
        id: 'energy',
        label: 'energy only',
        heldBy: [{ party: 'ukraine', who: 'test', sources: [CITE] }],
        agreement: { status: 'agreed' },
        window: { start: '2026-01-30T00:00:00+02:00', end: '2026-02-06T00:00:00+02:00', basis: 'test' },
        obligations: [{ party: 'russia', towards: 'ukraine', refrainFrom: { targets: ['energy'] }, sources: [CITE] }],
      },
    ],
  });

const run = async (events: ReturnType<typeof strike>[], s = scenario()) => (await runScenario(input(events, s))).runs[0]!;
const names = (r: Awaited<ReturnType<typeof run>>) => r.findings.map((f) => `${f.rule}:${f.eventId}`);

describe('escalations only on acts the reading covers, by the party in breach, while the truce binds', () => {
  it('a residential strike during an energy-only moratorium does not continue hostilities after an energy violation', async () => {
    const first = strike('a', { start: '2026-02-01T03:00:00+02:00', places: village, targets: ['energy'] });
    const later = strike('b', { start: '2026-02-02T03:00:00+02:00', places: kyiv, targets: ['residential'] });
    const r = await run([first, later], energyOnly());
    expect(names(r)).toEqual(['protected-target:a']);
    expect(r.phases.map((p) => p.phase)).toEqual(['diplomatic']);
  });

  it('a strike after the window has closed is no escalation, and opens no phase', async () => {
    const first = strike('a', { start: '2026-02-05T20:00:00+02:00' });
    // three days after the week expired, on Kyiv again
    const later = strike('b', { start: '2026-02-09T03:00:00+02:00' });
    const r = await run([first, later]);
    expect(names(r)).toEqual(['protected-place:a']);
    expect(r.phases.map((p) => p.phase)).toEqual(['diplomatic']);
  });

  it('a broader attack after the window has closed opens no us-backed phase', async () => {
    const first = strike('a', { start: '2026-02-05T20:00:00+02:00' });
    const later = strike('b', { start: '2026-02-07T03:00:00+02:00', munitions: big, places: [...kyiv, ...fourRegions] });
    const r = await run([first, later]);
    expect(names(r)).toEqual(['protected-place:a']);
    expect(r.phases.map((p) => p.phase)).toEqual(['diplomatic']);
  });

  it('a covered strike inside the window by the party in breach continues hostilities and opens the coalition phase', async () => {
    const first = strike('a', { start: '2026-02-01T03:00:00+02:00' });
    const later = strike('b', { start: '2026-02-02T03:00:00+02:00' });
    const r = await run([first, later]);
    expect(names(r)).toEqual(['protected-place:a', 'protected-place:b', 'hostilities-continued:b']);
    expect(r.phases.map((p) => p.phase)).toEqual(['diplomatic', 'coalition']);
  });

  it('a phase opened inside the window keeps its deadline after the window closes', async () => {
    const first = strike('a', { start: '2026-02-05T20:00:00+02:00' });
    const r = await run([first]);
    const d = r.phases[0]!;
    expect(d.dueBy! - d.enteredAt).toBe(24 * H);
    expect(d.dueBy!).toBeGreaterThan(r.window.end);
    expect(d.met).toBe(false);
  });

  it('nothing after the window opens a phase, unless the plan says opensPhases: any-time (data, not code)', () => {
    const plan = planSpec(scenario());
    const T0 = Date.UTC(2026, 0, 30);
    const inputs: MachineEvent[] = [
      { type: 'WINDOW_OPEN', at: T0 },
      { type: 'WINDOW_CLOSE', at: T0 + 10 * H },
      {
        type: 'TRIGGER',
        at: T0 + 20 * H,
        trigger: 'violation',
        party: 'russia',
        eventId: 'late',
        certainty: 'certain',
        firstViolationAt: T0 + 20 * H,
        afterWindow: true,
      },
    ];
    expect(simulateTruce(plan, true, T0, inputs).phases).toEqual([]);
    expect(simulateTruce({ ...plan, opensPhases: 'any-time' }, true, T0, inputs).phases.map((p) => p.phase)).toEqual(['diplomatic']);
  });
});
