import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeReach, placeScope, ScopeMemo, targetReach, targetScope } from '../src/rules/scope.js';
import type { Event } from '../src/schema/event.js';
import type { Obligation } from '../src/schema/interpretation.js';
import { CITE, strike } from './helpers.js';

const place = fc.constantFrom(
  { name: 'Kyiv', region: 'Kyiv City', kind: 'capital' as const, precision: 'settlement' as const },
  { name: 'Ternivka', region: 'Dnipropetrovsk Oblast', kind: 'town' as const, precision: 'settlement' as const },
  { name: 'Kyiv Oblast', region: 'Kyiv Oblast', kind: 'region' as const, precision: 'region' as const },
  { name: 'Sumy Oblast', region: 'Sumy Oblast', kind: 'region' as const, precision: 'region' as const },
  { name: 'somewhere in the east', kind: 'unknown' as const, precision: 'unknown' as const },
  { name: 'Obolon', settlement: 'Kyiv', region: 'Kyiv City', kind: 'district' as const, precision: 'settlement' as const },
);

describe('place and target matching', () => {
  // bulk runs use the reach alone; explanations list what matched: the two must never disagree
  it('gives the same reach with or without the lists of what matched, on 3,000 random events and pledges', () => {
    fc.assert(
      fc.property(
        fc.array(place, { maxLength: 4 }),
        fc.subarray(['Kyiv', 'kyiv oblast']),
        fc.subarray(['energy', 'residential', 'military']),
        fc.subarray(['Kyiv', 'Kharkiv']),
        fc.subarray(['capital', 'city', 'town', 'village'] as const),
        fc.subarray(['energy', 'residential']),
        fc.constantFrom('ukraine', 'russia'),
        (places, excluded, targets, names, kinds, protectedTargets, towards) => {
          const e = strike('e', {
            start: '2026-02-01T00:00:00+02:00',
            actor: 'russia',
            target: 'ukraine',
            places,
            placesExcluded: excluded,
            targets,
          });
          const o = {
            party: 'russia',
            towards,
            refrainFrom: { places: names, placeKinds: kinds, targets: protectedTargets },
            sources: [CITE],
          } as unknown as Obligation;
          expect(placeReach(e, o)).toBe(placeScope(e, o).scope);
          expect(targetReach(e, o)).toBe(targetScope(e, o).scope);
        },
      ),
      { numRuns: 3000, seed: 4 },
    );
  });
});

describe('ScopeMemo.placesId', () => {
  // the number stands for everything place matching reads: the same places and exclusions, the same number
  it('numbers places and exclusions alike exactly when they are written alike, in the order given (5,000 random lists)', () => {
    const text = fc.constantFrom('Kyiv', 'Sumy Oblast', 'Kyiv City', 'a', 'b', '');
    const onePlace = fc.record(
      {
        name: text,
        settlement: text,
        region: text,
        kind: fc.constantFrom('capital', 'town', 'region', 'unknown'),
        precision: fc.constantFrom('settlement', 'region', 'unknown'),
      },
      { requiredKeys: ['name', 'kind', 'precision'] },
    ) as fc.Arbitrary<Event['places'][number]>;
    const places = fc.record({ places: fc.array(onePlace, { maxLength: 3 }), placesExcluded: fc.array(text, { maxLength: 2 }) });
    const written = (e: { places: Event['places']; placesExcluded: string[] }) =>
      JSON.stringify([e.places.map((p) => [p.name, p.settlement ?? null, p.region ?? null, p.kind, p.precision]), e.placesExcluded]);
    fc.assert(
      fc.property(fc.array(places, { minLength: 1, maxLength: 40 }), fc.boolean(), (lists, once) => {
        const memo = new ScopeMemo();
        const seen = new Map<string, number>();
        const numbers = new Map<number, string>();
        for (const l of lists) {
          // a copy: not the same arrays, so the numbers come from what is written
          const e = structuredClone(l) as unknown as Event;
          const id = memo.placesId(e, once);
          const w = written(l);
          if (seen.has(w)) expect(id).toBe(seen.get(w));
          else expect(numbers.has(id)).toBe(false);
          seen.set(w, id);
          numbers.set(id, w);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
