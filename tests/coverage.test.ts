import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { areaReach, meansOf, meansReach } from '../src/rules/coverage.js';
import { Obligation } from '../src/schema/interpretation.js';
import { obligationSentence } from '../src/report/wording.js';
import { CITE, input, scenario, strike } from './helpers.js';

const at = '2026-02-01T03:00:00+02:00';
const obligation = (refrainFrom: unknown) => Obligation.parse({ party: 'russia', towards: 'ukraine', refrainFrom, sources: [CITE] });
const reading = (id: string, refrainFrom: unknown) => ({
  id,
  label: id,
  heldBy: [{ party: 'ukraine', who: 'test', sources: [CITE] }],
  agreement: { status: 'agreed' as const },
  window: { start: '2026-01-30T00:00:00+02:00', end: '2026-02-06T00:00:00+02:00', basis: 'test' },
  obligations: [{ party: 'russia', towards: 'ukraine', refrainFrom, sources: [CITE] }],
});
const town = { name: 'Huliaipole', region: 'Zaporizhzhia Oblast', kind: 'town' as const, precision: 'settlement' as const };

// the same four events, judged under three truces written in different dimensions
const EVENTS = [
  // a long-range drone and missile strike on a power plant far behind the front
  strike('energy-far', {
    start: at,
    targets: ['energy'],
    munitions: { drones: { low: 50 }, missiles: { low: 5 } },
    frontDistanceKm: { low: 400, high: 450 },
  }),
  // long-range drones on flats in the rear
  strike('flats-far', { start: at, munitions: { drones: { low: 20 } }, frontDistanceKm: { low: 300, high: 300 } }),
  // shelling of a frontline town
  strike('front-shelling', {
    start: at,
    kind: 'shelling',
    places: [town],
    munitions: { shells: { low: 40 } },
    frontDistanceKm: { low: 0, high: 5 },
  }),
  // a ground assault on the line itself
  strike('front-assault', {
    start: at,
    kind: 'ground-assault',
    places: [town],
    targets: ['military'],
    frontDistanceKm: { low: 0, high: 0 },
  }),
];

describe('scope by means and area', () => {
  it('an energy-only moratorium, a no-long-range-strikes pause and a frontline ceasefire are three different scopes over the same events', async () => {
    const s = scenario({
      interpretations: [
        reading('energy', { targets: ['energy'] }),
        reading('long-range', { means: ['long-range'] }),
        reading('front', { area: { frontLine: { km: 20 } } }),
      ],
    });
    const r = await runScenario(input(EVENTS, s));
    // the events with a certain violation (an act may break a place term and a target term at once)
    const violations = (id: string) => [
      ...new Set(
        r.runs
          .find((x) => x.interpretation.id === id)!
          .findings.filter((f) => f.type === 'violation' && f.certainty === 'certain')
          .map((f) => f.eventId)
          .sort(),
      ),
    ];
    expect(violations('energy')).toEqual(['energy-far']);
    expect(violations('long-range')).toEqual(['energy-far', 'flats-far']);
    expect(violations('front')).toEqual(['front-assault', 'front-shelling']);
  });

  it('shelling, ground assaults and air strikes are attacks the rules judge, as strikes are', async () => {
    const s = scenario({ interpretations: [reading('all', 'all')] });
    const kinds = ['shelling', 'ground-assault', 'air-strike'] as const;
    const r = await runScenario(
      input(
        kinds.map((kind) => strike(kind, { start: at, kind })),
        s,
      ),
    );
    expect(
      r.runs[0]!.findings.filter((f) => f.rule === 'protected-place')
        .map((f) => f.eventId)
        .sort(),
    ).toEqual([...kinds].sort());
  });

  it('an event whose means the text does not give is possibly covered by a means-limited obligation, never certainly', () => {
    const o = obligation({ means: ['long-range'] });
    expect(meansReach(strike('e', { start: at }), o)).toBe('possible');
    expect(meansReach(strike('e', { start: at, munitions: { drones: { low: 3 } } }), o)).toBe('certain');
    // known means, none forbidden: not covered
    expect(meansReach(strike('e', { start: at, munitions: { shells: { low: 3 } } }), o)).toBe('none');
    // a dataset's "drone strike" may be long-range or an FPV drone
    expect(meansReach(strike('e', { start: at, means: ['drone-strike'] }), o)).toBe('possible');
  });

  it('FPV drones and guided bombs are means of their own: FPV drones are not long-range, guided bombs are air strikes', () => {
    const m = meansOf(strike('e', { start: at, munitions: { fpvDrones: { low: 30 }, guidedBombs: { low: 2 } } }));
    expect(m.certain).toEqual(['air', 'short-range-drones']);
    expect(meansReach(strike('e', { start: at, munitions: { fpvDrones: { low: 30 } } }), obligation({ means: ['long-range'] }))).toBe(
      'none',
    );
  });

  it('an event at an unstated distance from the front is possibly in a frontline zone and possibly in the rear; one straddling the zone edge is possible', () => {
    const front = obligation({ area: { frontLine: { km: 20 } } });
    const rear = obligation({ area: { rear: { km: 20 } } });
    expect(areaReach(strike('e', { start: at }), front)).toBe('possible');
    expect(areaReach(strike('e', { start: at }), rear)).toBe('possible');
    expect(areaReach(strike('e', { start: at, frontDistanceKm: { low: 10, high: 30 } }), front)).toBe('possible');
    expect(areaReach(strike('e', { start: at, frontDistanceKm: { low: 25 } }), front)).toBe('none');
    expect(areaReach(strike('e', { start: at, frontDistanceKm: { low: 25 } }), rear)).toBe('certain');
    // no ceiling on the distance: may still be near
    expect(areaReach(strike('e', { start: at, frontDistanceKm: { low: 5 } }), front)).toBe('possible');
  });

  it('means and area narrow places and targets: energy struck by shells is outside an energy moratorium limited to long-range strikes', async () => {
    const s = scenario({ interpretations: [reading('r', { targets: ['energy'], means: ['long-range'] })] });
    const e = strike('e', { start: at, kind: 'shelling', targets: ['energy'], munitions: { shells: { low: 10 } } });
    const r = await runScenario(input([e], s));
    expect(r.runs[0]!.findings).toEqual([]);
  });

  it('a report states the means and area an obligation is limited to', () => {
    const o = obligation({ means: ['long-range', 'air'], area: { rear: { km: 30 } } });
    const name = (p: string) => (p === 'russia' ? 'Russia' : 'Ukraine');
    expect(obligationSentence(o, name)).toBe(
      'Russia spares anything of Ukraine by long-range missiles and drones or air strikes and guided bombs, in the rear (more than 30 km from the front line)',
    );
  });
});
