import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeReach, placeScope, targetReach, targetScope } from '../src/rules/scope.js';
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
