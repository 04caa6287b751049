import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { Event } from '../src/schema/event.js';
import { happyPath } from '../src/schema/happyPath.js';
import { loadScenario } from '../src/load/loadScenario.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const happy = happyPath(Event);
/** the seed scenario's events as zod gives them (keys in the format's order), as a stream would carry them */
const seeds = loadScenario(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), {
  articlesDir: path.join(ROOT, 'tests/fixtures/articles'),
}).events.map((e) => JSON.parse(JSON.stringify(e)) as Record<string, unknown>);

/** A value that zod would accept and give back unchanged, keys and all. */
function sameAsZod(v: unknown): boolean {
  const r = Event.safeParse(v);
  return r.success && JSON.stringify(r.data) === JSON.stringify(v);
}

const VALUES = [undefined, null, '', 'x', 'Kyiv', -1, 0, 1, 2.5, 1e300, true, false, [], {}, ['energy'], [{}], { low: 3, high: 1 }];
const INSTANTS = [
  '2026-02-01T00:00:00+02:00',
  '2026-02-01T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-02-01T00:00:00',
  '2026-02-01T00:00+99:00',
  '1800-01-01T00:00:00Z',
];

/** Edits of an event: set (or remove) a value at a path, or move a key to the end. */
const edit = fc.record({
  depth: fc.nat({ max: 3 }),
  pick: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  value: fc.oneof(fc.constantFrom(...VALUES), fc.constantFrom(...INSTANTS), fc.string({ maxLength: 3 }), fc.integer({ min: -5, max: 5 })),
  how: fc.constantFrom('set', 'delete', 'move', 'add'),
});

function apply(e: unknown, ed: { depth: number; pick: number[]; value: unknown; how: string }): void {
  let at = e as Record<string, unknown>;
  for (let d = 0; d < ed.depth; d++) {
    const keys = Object.keys(at);
    const next = at[keys[ed.pick[d]! % Math.max(1, keys.length)]!];
    if (typeof next !== 'object' || next === null) break;
    at = next as Record<string, unknown>;
  }
  const keys = Object.keys(at);
  const k = keys.length > 0 ? keys[ed.pick[3]! % keys.length]! : 'x';
  if (ed.how === 'set') at[k] = ed.value;
  else if (ed.how === 'delete') delete at[k];
  else if (ed.how === 'add') at[`${k}x`] = ed.value;
  else {
    const v = at[k];
    delete at[k];
    at[k] = v;
  }
}

describe('the happy path compiled from the event format', () => {
  it('takes every seed event as it is (so it is a path, not a wall)', () => {
    expect(seeds.length).toBeGreaterThan(10);
    for (const e of seeds) {
      expect(happy(e)).toBe(true);
      expect(sameAsZod(e)).toBe(true);
    }
  });

  it('says yes only where zod gives back the same value (edited events: wrong types, missing or extra keys, keys out of order, bad dates and counts)', () => {
    let yes = 0;
    let no = 0;
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (i, edits) => {
        const e = structuredClone(seeds[i]!);
        for (const ed of edits) apply(e, ed);
        if (happy(e)) {
          yes++;
          expect(sameAsZod(e)).toBe(true);
        } else no++;
      }),
      { numRuns: 3000 },
    );
    // both answers were exercised
    expect(yes).toBeGreaterThan(50);
    expect(no).toBeGreaterThan(50);
  });
});
