import { describe, expect, it } from 'vitest';
import { readPlaces } from '../src/load/readPlaces.js';
import { runScenario } from '../src/run/runScenario.js';
import fc from 'fast-check';
import { placeReach, placeScope } from '../src/rules/scope.js';
import { PlaceEntry } from '../src/schema/places.js';
import { buildPlaceIndex } from '../src/places/placeIndex.js';
import { Obligation } from '../src/schema/interpretation.js';
import { CITE, ROOT, input, scenario, strike } from './helpers.js';

const PLACES = readPlaces(['seeds/places/ukraine.yaml', 'seeds/places/russia.yaml'], { cwd: ROOT });
const index = buildPlaceIndex(PLACES);
const at = '2026-02-01T03:00:00+02:00';
const obligation = (refrainFrom: unknown) => Obligation.parse({ party: 'russia', towards: 'ukraine', refrainFrom, sources: [CITE] });
const kherson = { name: 'Kherson', region: 'Kherson Oblast', kind: 'city' as const, precision: 'settlement' as const };
const sumyRegion = { name: 'Sumy region', region: 'Sumy Oblast', kind: 'region' as const, precision: 'region' as const };

describe('containment on the place hierarchy', () => {
  it('a strike anywhere inside a protected country is certain: places [Ukraine] covers a strike in Kherson', () => {
    const e = strike('e', { start: at, places: [kherson], targets: [] });
    expect(placeScope(e, obligation({ places: ['Ukraine'] }), index).scope).toBe('certain');
    // without a hierarchy the name alone cannot tell
    expect(placeScope(e, obligation({ places: ['Ukraine'] })).scope).toBe('none');
  });

  it('a strike inside a protected region is certain, whether pinned to a town or known only by the region', () => {
    const o = obligation({ places: ['Sumy Oblast'] });
    expect(
      placeScope(
        strike('e', { start: at, places: [{ name: 'Konotop', region: 'Sumy Oblast', kind: 'city', precision: 'settlement' }] }),
        o,
        index,
      ).scope,
    ).toBe('certain');
    expect(placeScope(strike('e', { start: at, places: [sumyRegion] }), o, index).scope).toBe('certain');
  });

  it('a region-precision strike is certain when every place in the region is protected (every settlement kind)', () => {
    const e = strike('e', { start: at, places: [sumyRegion], targets: [] });
    expect(placeScope(e, obligation({ placeKinds: ['capital', 'city', 'town', 'village'] }), index).scope).toBe('certain');
  });

  it('a region-precision strike is possible when only some places in the region are protected', () => {
    const e = strike('e', { start: at, places: [sumyRegion], targets: [] });
    expect(placeScope(e, obligation({ placeKinds: ['city', 'town'] }), index).scope).toBe('possible');
    expect(placeScope(e, obligation({ places: ['Sumy'] }), index).scope).toBe('possible');
  });

  it('a region-precision strike is none when no protected place lies in the region', () => {
    const e = strike('e', { start: at, places: [sumyRegion], targets: [] });
    expect(placeScope(e, obligation({ places: ['Kyiv'] }), index).scope).toBe('none');
    // a capital is in only one region
    expect(placeScope(e, obligation({ placeKinds: ['capital'] }), index).scope).toBe('none');
  });

  it('the Kyiv region does not contain the city of Kyiv, a region-level unit of its own', () => {
    const e = strike('e', {
      start: at,
      places: [{ name: 'Kyiv region', region: 'Kyiv Oblast', kind: 'region', precision: 'region' }],
      targets: [],
    });
    expect(placeScope(e, obligation({ places: ['Kyiv'] }), index).scope).toBe('none');
    expect(placeScope(e, obligation({ places: ['Kyiv'] })).scope).toBe('possible');
  });

  it('refrainFrom: all protects every act against the party as one term: a strike with no stated place or target is certain', () => {
    const o = obligation('all');
    expect(o.refrainFrom.all).toBe(true);
    const e = strike('e', { start: at, places: [sumyRegion], targets: [] });
    expect(placeScope(e, o).scope).toBe('certain');
    const s = scenario({
      interpretations: [
        {
          id: 'r',
          label: 'all hostilities',
          heldBy: [{ party: 'ukraine', who: 'test', sources: [CITE] }],
          agreement: { status: 'agreed' },
          window: { start: '2026-01-30T00:00:00+02:00', end: '2026-02-06T00:00:00+02:00', basis: 'test' },
          obligations: [{ party: 'russia', towards: 'ukraine', refrainFrom: 'all', sources: [CITE] }],
        },
      ],
    });
    return runScenario(input([strike('x', { start: at, places: [], targets: [] })], s)).then((r) => {
      // the act itself is covered, wherever it landed; no target being named, the target rule adds nothing
      expect(r.runs[0]!.findings.map((f) => [f.type, f.rule, f.certainty])).toEqual([['violation', 'protected-place', 'certain']]);
    });
  });

  it('a scenario run judges containment on the places it loads: Kherson under places [Ukraine] is a certain violation', async () => {
    const s = scenario({ places: PLACES });
    s.interpretations[0]!.obligations[0]!.refrainFrom = { places: ['Ukraine'], placeKinds: [], targets: [], all: false };
    const r = await runScenario(input([strike('k', { start: at, places: [kherson], targets: [] })], s));
    expect(r.runs[0]!.findings.map((f) => [f.type, f.rule])).toEqual([['violation', 'protected-place']]);
  });

  it('a scenario may add its own places to the shipped ones', async () => {
    const s = scenario({
      places: [...PLACES, { id: 'ua-ternivka', name: 'Ternivka', kind: 'town', within: 'ua-dnipropetrovsk-oblast' }] as never,
    });
    s.interpretations[0]!.obligations[0]!.refrainFrom = { places: ['Dnipropetrovsk Oblast'], placeKinds: [], targets: [], all: false };
    const r = await runScenario(
      input([strike('t', { start: at, places: [{ name: 'Ternivka', kind: 'town', precision: 'settlement' }], targets: [] })], s),
    );
    expect(r.runs[0]!.findings.map((f) => f.type)).toEqual(['violation']);
  });
});

describe('containment on random place hierarchies', () => {
  const rank: Record<string, number> = { none: 0, possible: 1, certain: 2 };
  const KINDS = ['capital', 'city', 'town', 'village'] as const;
  // a country, 1-4 regions, each with 0-4 settlements of random kinds
  const hierarchy = fc.array(fc.array(fc.constantFrom(...KINDS), { maxLength: 4 }), { minLength: 1, maxLength: 4 }).map((regions) => {
    const entries: { id: string; name: string; kind: string; within?: string }[] = [{ id: 'c', name: 'Country', kind: 'country' }];
    regions.forEach((kinds, r) => {
      entries.push({ id: `r${r}`, name: `Region${r} Oblast`, kind: 'region', within: 'c' });
      kinds.forEach((k, s) => entries.push({ id: `r${r}s${s}`, name: `Town${r}x${s}`, kind: k, within: `r${r}` }));
    });
    return entries;
  });
  it('on 1,000 random hierarchies: the reach alone equals the listed match, a protected container makes everything in it certain, and protecting more never lowers the reach', () => {
    fc.assert(
      fc.property(
        hierarchy,
        fc.nat(),
        fc.nat(),
        fc.subarray([...KINDS]),
        fc.boolean(),
        (entries, pickEvent, pickProtected, kinds, regionPrecision) => {
          const ix = buildPlaceIndex(entries.map((e) => PlaceEntry.parse(e)));
          const places = entries.filter((e) => e.kind !== 'country');
          const target = places[pickEvent % places.length]!;
          const region = target.kind === 'region' ? target : entries.find((e) => e.id === target.within)!;
          const evPlace =
            regionPrecision || target.kind === 'region'
              ? { name: region.name, region: region.name, kind: 'region' as const, precision: 'region' as const }
              : { name: target.name, region: region.name, kind: target.kind as (typeof KINDS)[number], precision: 'settlement' as const };
          const e = strike('e', { start: at, places: [evPlace], targets: [] });
          const protectedPlace = entries[pickProtected % entries.length]!;
          const o = obligation({ places: [protectedPlace.name], placeKinds: kinds });
          const scope = placeScope(e, o, ix).scope;
          expect(placeReach(e, o, ix)).toBe(scope);
          const evEntry = evPlace.precision === 'region' ? region : target;
          if (ix.contains(protectedPlace.id, evEntry.id)) expect(scope).toBe('certain');
          // more protected never means less reach
          const wider = obligation({ places: [protectedPlace.name, 'Country'], placeKinds: kinds });
          expect(rank[placeScope(e, wider, ix).scope]!).toBeGreaterThanOrEqual(rank[scope]!);
          expect(placeScope(e, wider, ix).scope).toBe('certain');
        },
      ),
      { numRuns: 1000, seed: 512 },
    );
  });
});
