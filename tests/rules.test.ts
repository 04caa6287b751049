import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { input, scenario, strike } from './helpers.js';

/** The findings of one reading as "rule:eventId" strings, in report order. */
async function findings(events: ReturnType<typeof strike>[], s = scenario()) {
  const report = await runScenario(input(events, s));
  return report.runs[0]!.findings.map((f) => `${f.rule}:${f.eventId}`);
}

const REGION = [{ name: 'Sumy region', region: 'Sumy Oblast', kind: 'region' as const, precision: 'region' as const }];
const NOWHERE = [{ name: 'a field', region: 'Sumy Oblast', kind: 'village' as const, precision: 'settlement' as const }];

describe('protected-place', () => {
  it('fires for a strike on Kyiv inside the window', async () => {
    expect(await findings([strike('a', { start: '2026-02-02T23:00:00+02:00' })])).toContain('protected-place:a');
  });
  it('fires for a town of a protected kind', async () => {
    const e = strike('a', {
      start: '2026-02-02T23:00:00+02:00',
      places: [{ name: 'Ternivka', region: 'Dnipropetrovsk Oblast', kind: 'town', precision: 'settlement' }],
    });
    expect(await findings([e])).toContain('protected-place:a');
  });
  it('does not fire for a village the reading does not protect', async () => {
    const e = strike('a', { start: '2026-02-02T23:00:00+02:00', places: NOWHERE, targets: ['military'] });
    expect(await findings([e])).toEqual([]);
  });
  it('does not fire before the window', async () => {
    expect(await findings([strike('a', { start: '2026-01-29T23:00:00+02:00' })])).toEqual([]);
  });
  it('does not fire for a strike by a party the reading does not bind', async () => {
    const e = strike('a', {
      start: '2026-02-02T23:00:00+02:00',
      actor: 'ukraine',
      target: 'russia',
      targets: ['military'],
      places: [{ name: 'Belgorod', kind: 'city', precision: 'settlement' }],
    });
    expect(await findings([e])).toEqual([]);
  });
  // window boundaries: the end is exclusive by default and inclusive when the reading says so
  it('does not fire for an instant at the exact, exclusive end of the window', async () => {
    expect(await findings([strike('a', { start: '2026-02-06T00:00:00+02:00' })])).toEqual([]);
  });
  it('fires for an instant at the exact end when the end is inclusive', async () => {
    const s = scenario();
    s.interpretations[0]!.window.endInclusive = true;
    expect(await findings([strike('a', { start: '2026-02-06T00:00:00+02:00' })], s)).toContain('protected-place:a');
  });
  it('fires for an instant at the exact, inclusive start', async () => {
    expect(await findings([strike('a', { start: '2026-01-30T00:00:00+02:00' })])).toContain('protected-place:a');
  });
  it('reads the same instant written with another offset the same way', async () => {
    // 2026-02-05T22:30+00:00 is 2026-02-06T00:30 in Kyiv: after the window
    expect(await findings([strike('a', { start: '2026-02-05T22:30:00+00:00' })])).toEqual([]);
    expect(await findings([strike('a', { start: '2026-02-05T21:30:00+00:00' })])).toContain('protected-place:a');
  });
});

describe('protected-target', () => {
  it('fires for energy infrastructure anywhere in Ukraine', async () => {
    const e = strike('a', { start: '2026-02-02T23:00:00+02:00', places: NOWHERE, targets: ['energy'] });
    expect(await findings([e])).toEqual(['protected-target:a']);
  });
  it('does not fire when the reading protects no target type', async () => {
    const s = scenario();
    s.interpretations[0]!.obligations[0]!.refrainFrom.targets = [];
    const e = strike('a', { start: '2026-02-02T23:00:00+02:00', places: NOWHERE, targets: ['energy'] });
    expect(await findings([e], s)).toEqual([]);
  });
});

describe('possible-violation', () => {
  it('an overnight strike straddling the end of the window is possible, not certain', async () => {
    const e = strike('a', { start: '2026-02-05T22:00:00+02:00', end: '2026-02-06T06:00:00+02:00' });
    expect(await findings([e])).toEqual(['partial-window:a']);
  });
  it('an overnight strike straddling the start is possible', async () => {
    const e = strike('a', { start: '2026-01-29T22:00:00+02:00', end: '2026-01-30T06:00:00+02:00' });
    expect(await findings([e])).toEqual(['partial-window:a']);
  });
  it('an interval ending exactly at the exclusive end lies wholly inside', async () => {
    const e = strike('a', { start: '2026-02-05T22:00:00+02:00', end: '2026-02-06T00:00:00+02:00' });
    expect(await findings([e])).toContain('protected-place:a');
  });
  it('a strike known only by its region is possible under a cities-and-towns reading', async () => {
    const e = strike('a', { start: '2026-02-02T23:00:00+02:00', places: REGION, targets: ['civilians'] });
    expect(await findings([e])).toEqual(['partial-scope:a']);
  });
  it('a strike known only by its region is nothing under a Kyiv-only reading', async () => {
    const s = scenario();
    s.interpretations[0]!.obligations[0]!.refrainFrom = { places: ['Kyiv'], placeKinds: [], targets: [] };
    const e = strike('a', { start: '2026-02-02T23:00:00+02:00', places: REGION, targets: ['civilians'] });
    expect(await findings([e], s)).toEqual([]);
  });
  it('unnamed places with Kyiv explicitly excluded are nothing under a Kyiv-only reading', async () => {
    const s = scenario();
    s.interpretations[0]!.obligations[0]!.refrainFrom = { places: ['Kyiv'], placeKinds: [], targets: [] };
    const e = strike('a', {
      start: '2026-02-02T23:00:00+02:00',
      places: [{ name: '15 places', kind: 'unknown', precision: 'unknown' }],
      placesExcluded: ['Kyiv'],
      targets: [],
    });
    expect(await findings([e], s)).toEqual([]);
    const open = strike('b', {
      start: '2026-02-02T23:00:00+02:00',
      places: [{ name: '15 places', kind: 'unknown', precision: 'unknown' }],
      targets: [],
    });
    expect(await findings([open], s)).toEqual(['partial-scope:b']);
  });
  it('a strike wholly outside the window gives no finding even if its scope is unknown', async () => {
    const e = strike('a', { start: '2026-03-02T23:00:00+02:00', places: REGION, targets: [] });
    expect(await findings([e])).toEqual([]);
  });
});

describe('reciprocal-breach', () => {
  const uaEnergy = (id: string, start: string, end?: string) =>
    strike(id, {
      start,
      ...(end ? { end } : {}),
      actor: 'ukraine',
      target: 'russia',
      places: [{ name: 'Belgorod region', kind: 'region', precision: 'region' }],
      targets: ['energy'],
    });
  it('fires for Ukraine hitting Russian energy while Russia still complies', async () => {
    expect(await findings([uaEnergy('ua', '2026-02-01T03:00:00+02:00')])).toEqual(['reciprocal-breach:ua']);
  });
  it('does not fire once Russia has violated first: the pledge has lapsed', async () => {
    const ru = strike('ru', { start: '2026-02-01T01:00:00+02:00', end: '2026-02-01T02:00:00+02:00' });
    expect(await findings([ru, uaEnergy('ua', '2026-02-01T03:00:00+02:00')])).toEqual(['protected-place:ru']);
  });
  it("is only possible when the strike overlaps Russia's first violation in time", async () => {
    const ru = strike('ru', { start: '2026-02-01T01:00:00+02:00', end: '2026-02-01T05:00:00+02:00' });
    const got = await findings([ru, uaEnergy('ua', '2026-02-01T03:00:00+02:00')]);
    expect(got).toEqual(['protected-place:ru', 'uncertain-reciprocity:ua']);
  });
  it('still fires when the Ukrainian strike came first, whatever the file order', async () => {
    const ru = strike('ru', { start: '2026-02-02T01:00:00+02:00' });
    expect(await findings([ru, uaEnergy('ua', '2026-02-01T03:00:00+02:00')])).toEqual(['reciprocal-breach:ua', 'protected-place:ru']);
  });
});

describe('escalation rules', () => {
  const big = (id: string, start: string) =>
    strike(id, {
      start,
      munitions: { drones: { low: 400 }, missiles: { low: 50 } },
      places: ['Kyiv City', 'Sumy Oblast', 'Kharkiv Oblast', 'Odesa Oblast']
        .map((r) => ({ name: r, region: r, kind: 'region' as const, precision: 'region' as const }))
        .concat([{ name: 'Kyiv', region: 'Kyiv City', kind: 'capital', precision: 'settlement' }]),
    });
  it('a violation at scale across enough regions is a broader attack', async () => {
    expect(await findings([big('a', '2026-02-02T23:00:00+02:00')])).toEqual(['protected-place:a', 'broader-attack:a']);
  });
  it('a large strike outside the window, with no violation before it, is not an escalation', async () => {
    expect(await findings([big('a', '2026-03-02T23:00:00+02:00')])).toEqual([]);
  });
  it('below the munitions threshold it is a violation only', async () => {
    const e = big('a', '2026-02-02T23:00:00+02:00');
    e.munitions = { drones: { low: 200 }, missiles: { low: 10 } };
    expect(await findings([e])).toEqual(['protected-place:a']);
  });
  // issue 12: an escalation is itself an act the reading covers, inside the window (tests/escalation.test.ts)
  it('a further covered strike inside the window after a violation means hostilities continued', async () => {
    const first = strike('a', { start: '2026-02-02T23:00:00+02:00' });
    const later = strike('b', { start: '2026-02-04T23:00:00+02:00' });
    expect(await findings([first, later])).toEqual(['protected-place:a', 'protected-place:b', 'hostilities-continued:b']);
  });
  it('a strike after the window, or on what the reading does not protect, continues nothing', async () => {
    const first = strike('a', { start: '2026-02-02T23:00:00+02:00' });
    const after = strike('b', { start: '2026-02-10T23:00:00+02:00' });
    const uncovered = strike('c', { start: '2026-02-03T23:00:00+02:00', places: NOWHERE, targets: ['military'] });
    expect(await findings([first, uncovered, after])).toEqual(['protected-place:a']);
  });
  it('a non-strike event is never a finding', async () => {
    const e = strike('a', { start: '2026-02-02T23:00:00+02:00', kind: 'statement' });
    expect(await findings([e])).toEqual([]);
  });
});
