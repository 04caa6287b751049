import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { Event } from '../src/schema/event.js';
import { happyPath } from '../src/schema/happyPath.js';
import { KNOWN_CHECKS } from '../src/schema/knownChecks.js';
import { Count, Instant } from '../src/schema/common.js';
import { loadScenario } from '../src/load/loadScenario.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const VALIDATORS = [
  ['every refinement through zod', happyPath(Event)],
  ['instants and counts by KNOWN_CHECKS', happyPath(Event, KNOWN_CHECKS)],
] as const;
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

describe.each(VALIDATORS)('the happy path compiled from the event format, %s', (_, happy) => {
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

describe('KNOWN_CHECKS', () => {
  const instantOk = KNOWN_CHECKS.get(Instant)!;
  const countOk = KNOWN_CHECKS.get(Count)!;
  const two = (n: number) => String(n).padStart(2, '0');
  const instant = fc
    .record({
      year: fc.constantFrom(1899, 1900, 1999, 2026, 2200, 2201, 20026),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 60 }),
      seconds: fc.option(fc.integer({ min: 0, max: 60 })),
      fraction: fc.option(fc.stringMatching(/^[0-9]{0,10}$/)),
      offset: fc.constantFrom('Z', '+02:00', '-05:00', '+14:00', '+14:01', '-13:59', '+0200', '+02', '', 'z', '+02:60'),
    })
    .map(
      (t) =>
        `${t.year}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}${t.seconds === null ? '' : `:${two(t.seconds)}${t.fraction === null ? '' : `.${t.fraction}`}`}${t.offset}`,
    );

  it('a refinement has only the one check that KNOWN_CHECKS stands for', () => {
    for (const schema of [Instant, Count]) expect((schema._zod.def.checks ?? []).length).toBe(1);
  });

  it("passes an instant only where zod's Instant does (and passes the common ones)", () => {
    let yes = 0;
    fc.assert(
      fc.property(instant, (s) => {
        if (instantOk(s)) {
          yes++;
          expect(Instant.safeParse(s).success).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(yes).toBeGreaterThan(100);
    expect(instantOk('2026-02-01T00:00:00+02:00')).toBe(true);
    expect(instantOk('2026-02-01T00:00:00.123456Z')).toBe(true);
  });

  it("passes a count exactly where zod's Count refinement does", () => {
    const n = fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), n, n, (low, best, high) => {
        const c = { low, ...(best !== undefined ? { best } : {}), ...(high !== undefined ? { high } : {}) };
        expect(countOk(c)).toBe(Count.safeParse(c).success);
      }),
      { numRuns: 500 },
    );
  });
});
