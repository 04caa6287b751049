import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadScenario } from '../src/load/loadScenario.js';
import { applyChanges } from '../src/overlay/applyChanges.js';
import { applySets, type SetChange } from '../src/sweep/applySets.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const base = loadScenario(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), { cwd: ROOT });
const slow = (sets: SetChange[]) =>
  applyChanges(
    base,
    sets.map((s) => ({ set: s })),
    'sweep',
  );

// a sweep's fast path must give what the overlay path gives, for valid changes and for bad ones
describe('applySets: set changes at the cost of what they touch', () => {
  it.each<[string, SetChange[]]>([
    ['a reading window', [{ path: 'interpretations.washington.window.start', value: '2026-01-27T00:00:00+02:00' }]],
    ['a deadline', [{ path: 'plan.phases.diplomatic.deadline', value: 'PT36H' }]],
    [
      'two readings and a deadline',
      [
        { path: 'interpretations.kremlin.window.end', value: '2026-02-02T00:00:00+03:00' },
        { path: 'interpretations.kyiv.window.start', value: '2026-01-28T00:00:00+02:00' },
        { path: 'plan.phases.diplomatic.deadline', value: 'PT12H' },
      ],
    ],
    [
      'the same field twice',
      [
        { path: 'plan.phases.diplomatic.deadline', value: 'PT12H' },
        { path: 'plan.phases.diplomatic.deadline', value: 'PT48H' },
      ],
    ],
    ['an event, by id', [{ path: `events.${base.events[0]!.id}.when.start`, value: base.events[0]!.when.start }]],
    ['an event, by index', [{ path: 'events.1.note', value: 'changed' }]],
    ['a rule threshold', [{ path: 'rules.broader-attack.munitionsLow.value', value: 250 }]],
  ])('%s: the same result as applyChanges', (_what, sets) => {
    const fast = applySets(base, sets, 'sweep');
    expect(fast.problems).toEqual([]);
    expect(fast.result).toEqual(slow(sets).result);
  });

  it('leaves the base untouched and shares what it did not touch', () => {
    const before = structuredClone({ scenario: base.scenario, events: base.events, rules: base.rules });
    const { result } = applySets(base, [{ path: 'interpretations.washington.window.start', value: '2026-01-27T00:00:00+02:00' }], 'sweep');
    expect({ scenario: base.scenario, events: base.events, rules: base.rules }).toEqual(before);
    expect(result.scenario.interpretations[0]!.window.start).toBe('2026-01-27T00:00:00+02:00');
    expect(result.events).toBe(base.events);
    expect(result.scenario.plan).toBe(base.scenario.plan);
    expect(result.scenario.interpretations[1]).toBe(base.scenario.interpretations[1]);
  });

  it.each<[string, SetChange[]]>([
    ['a value of the wrong kind', [{ path: 'plan.phases.diplomatic.deadline', value: 12 }]],
    ['a path to nowhere', [{ path: 'interpretations.nobody.window.start', value: '2026-01-27T00:00:00+02:00' }]],
    ['an unknown field', [{ path: 'plan.nothing', value: 1 }]],
    ['a bad date in a reading', [{ path: 'interpretations.washington.window.start', value: '2026-13-27T00:00:00+02:00' }]],
    // the window's own check (end or duration, not both) spans its fields: the whole window is checked again
    ['an end beside a duration', [{ path: 'interpretations.washington.window.end', value: '2026-02-05T00:00:00+02:00' }]],
    ['an unknown key in a window', [{ path: 'interpretations.washington.window.ends', value: '2026-02-05T00:00:00+02:00' }]],
  ])('%s: the same problems as applyChanges', (_what, sets) => {
    const fast = applySets(base, sets, 'sweep');
    expect(fast.problems.length).toBeGreaterThan(0);
    expect(fast.problems).toEqual(slow(sets).problems);
  });
});
