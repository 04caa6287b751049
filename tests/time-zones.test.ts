import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  addDurationAt,
  formatHuman,
  formatInstant,
  formatMonthDayClock,
  nextMidnight,
  offsetMinutes,
  seedZoneHours,
  zoneHours,
} from '../src/time/interval.js';
import { resolveWindow } from '../src/time/window.js';
import { Window } from '../src/schema/interpretation.js';
import { runScenario } from '../src/run/runScenario.js';
import { input, scenario, strike } from './helpers.js';
import { runText } from '../src/report/runText.js';
import { provenanceOf } from '../src/provenance.js';

const ZONES = [
  'Europe/Kyiv',
  'Europe/Moscow',
  'America/New_York',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Europe/London',
  'UTC',
];
/** instants around DST changes (both ways) and the Kathmandu change to +05:45 (1986) */
const AROUND = [
  '1985-12-31T12:00:00Z',
  '2025-03-30T00:00:00Z',
  '2025-10-26T00:00:00Z',
  '2026-03-08T06:00:00Z',
  '2026-11-01T05:00:00Z',
  '2026-04-05T15:00:00Z',
  '2026-10-04T14:00:00Z',
  '2026-03-29T00:00:00Z',
].map((s) => Date.parse(s));
const zone = fc.constantFrom(...ZONES);
const instant = fc.tuple(fc.constantFrom(...AROUND), fc.integer({ min: -72 * 60, max: 72 * 60 })).map(([t, m]) => t + m * 60_000);

describe('time zones', () => {
  it('formatHuman shows the offset and wall clock luxon shows, also where offsets are not whole hours (Asia/Kathmandu +05:45)', () => {
    // issue 12: 1985-12-31T18:40Z is 00:25 at +05:45 in Kathmandu, not 00:10 at +05:30
    const t = Date.parse('1985-12-31T18:40:00Z');
    expect(formatHuman(t, 'Asia/Kathmandu')).toBe(
      DateTime.fromMillis(t, { zone: 'Asia/Kathmandu' }).toFormat('ccc d LLL yyyy HH:mm (ZZZZ)'),
    );
    expect(formatHuman(t, 'Asia/Kathmandu')).toContain('00:25 (GMT+5:45)');
    fc.assert(
      fc.property(zone, instant, (z, ms) => {
        expect(formatHuman(ms, z)).toBe(DateTime.fromMillis(ms, { zone: z }).toFormat('ccc d LLL yyyy HH:mm (ZZZZ)'));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it("a duration is counted in the window's zone: 30 days from 18 March, Moscow time, end at Moscow midnight whatever the display zone", () => {
    const w = Window.parse({ start: '2025-03-18T00:00:00+03:00', duration: 'P30D', timeZone: 'Europe/Moscow', basis: 'test' });
    const end = resolveWindow(w, 'Europe/Kyiv').end;
    expect(DateTime.fromMillis(end, { zone: 'Europe/Moscow' }).toISO()).toBe('2025-04-17T00:00:00.000+03:00');
    // counted in Kyiv's zone, which moves its clocks on 30 March, the end would be 23:00 Moscow on 16 April
    const kyivCounted = resolveWindow(
      Window.parse({ start: '2025-03-18T00:00:00+03:00', duration: 'P30D', basis: 'test' }),
      'Europe/Kyiv',
    ).end;
    expect(DateTime.fromMillis(kyivCounted, { zone: 'Europe/Moscow' }).toFormat('d LLL HH:mm')).toBe('16 Apr 23:00');
  });

  it("a duration of N days ends at the same wall-clock time N days later in the window's zone, across DST changes both ways (2,000 random windows)", () => {
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 1, max: 40 }), (z, ms, days) => {
        const start = DateTime.fromMillis(ms, { zone: z });
        const w = Window.parse({ start: start.toISO()!, duration: `P${days}D`, timeZone: z, basis: 'test' });
        const end = DateTime.fromMillis(resolveWindow(w, 'Europe/Kyiv').end, { zone: z });
        expect(end.toISODate()).toBe(start.plus({ days }).toISODate());
        // the wall clock is kept unless that time does not exist on the end day (a DST gap)
        if (end.toFormat('HH:mm') !== start.toFormat('HH:mm'))
          expect(start.set({ year: end.year, month: end.month, day: end.day }).toFormat('HH:mm')).not.toBe(start.toFormat('HH:mm'));
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  it("endInclusive: day runs the window through the end of the day its end falls on, in the reading's zone; true adds one instant only", () => {
    const base = { start: '2026-01-25T00:00:00+03:00', end: '2026-02-01T00:00:00+03:00', timeZone: 'Europe/Moscow', basis: 'test' };
    const day = resolveWindow(Window.parse({ ...base, endInclusive: 'day' }), 'Europe/Kyiv');
    expect(day.end).toBe(Date.parse('2026-02-02T00:00:00+03:00'));
    expect(day.endInclusive).toBe(false);
    const instantOnly = resolveWindow(Window.parse({ ...base, endInclusive: true }), 'Europe/Kyiv');
    expect(instantOnly.end).toBe(Date.parse('2026-02-01T00:00:00+03:00'));
    expect(instantOnly.endInclusive).toBe(true);
  });

  it('under endInclusive: day, a strike on Kyiv at noon on 1 February is inside the Kremlin week; under true it is after it', async () => {
    const run = async (endInclusive: boolean | 'day') => {
      const s = scenario();
      s.interpretations[0]!.window = Window.parse({
        start: '2026-01-25T00:00:00+03:00',
        end: '2026-02-01T00:00:00+03:00',
        endInclusive,
        timeZone: 'Europe/Moscow',
        basis: 'test',
      });
      const r = await runScenario(input([strike('noon', { start: '2026-02-01T12:00:00+03:00' })], s));
      return r.runs[0]!.findings.map((f) => f.type);
    };
    expect(await run('day')).toEqual(['violation']);
    expect(await run(true)).toEqual([]);
  });

  it("the text shows a reading's window in the display zone and in the zone the reading counts in", async () => {
    const s = scenario();
    s.interpretations[0]!.timeZone = 'Asia/Kathmandu';
    s.interpretations[0]!.window = Window.parse({ start: '2026-03-28T00:00:00+05:45', duration: 'P2D', basis: 'test' });
    const data = input([], s);
    const text = runText(await runScenario(data), provenanceOf(data));
    expect(text).toContain("in the reading's zone (Asia/Kathmandu): [Sat 28 Mar 2026 00:00 (GMT+5:45), Mon 30 Mar 2026 00:00 (GMT+5:45))");
    expect(text).toContain('window [Fri 27 Mar 2026 20:15 (GMT+2), Sun 29 Mar 2026 21:15 (GMT+3))');
  });

  it("a reading's own timeZone is the default zone of its window", async () => {
    const s = scenario();
    s.interpretations[0]!.timeZone = 'Europe/Moscow';
    s.interpretations[0]!.window = Window.parse({ start: '2025-03-18T00:00:00+03:00', duration: 'P30D', basis: 'test' });
    const r = await runScenario(input([], { ...s, timeZone: 'Europe/Kyiv' }));
    expect(DateTime.fromMillis(r.runs[0]!.window.end, { zone: 'Europe/Moscow' }).toFormat('d LLL HH:mm')).toBe('17 Apr 00:00');
  });

  it('P1D is a calendar day and PT24H 24 hours: across the end of March in Kyiv (clocks forward) and the end of October (back)', () => {
    const kyiv = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
    // Kyiv moves its clocks from 03:00 to 04:00 on 29 March 2026 and back on 25 October
    expect(addDuration('2026-03-28T12:00:00+02:00', 'P1D', 'Europe/Kyiv')).toBe(kyiv('2026-03-29T12:00:00+03:00'));
    expect(addDuration('2026-03-28T12:00:00+02:00', 'PT24H', 'Europe/Kyiv')).toBe(kyiv('2026-03-29T13:00:00+03:00'));
    expect(addDuration('2026-10-24T12:00:00+03:00', 'P1D', 'Europe/Kyiv')).toBe(kyiv('2026-10-25T12:00:00+02:00'));
    expect(addDuration('2026-10-24T12:00:00+03:00', 'PT24H', 'Europe/Kyiv')).toBe(kyiv('2026-10-25T11:00:00+02:00'));
    // a week from midnight before the change ends at midnight after it, 167 hours later
    const week = addDuration('2026-03-26T00:00:00+02:00', 'P7D', 'Europe/Kyiv');
    expect(week).toBe(kyiv('2026-04-02T00:00:00+03:00'));
    expect((week - kyiv('2026-03-26T00:00:00+02:00')) / 3_600_000).toBe(167);
    // counted in a zone without the change, the same week is 168 hours
    expect(addDuration('2026-03-26T00:00:00+02:00', 'P7D', 'UTC+2')).toBe(kyiv('2026-04-02T00:00:00+02:00'));
  });

  it("formatInstant and formatMonthDayClock write what luxon's toISO and toFormat('LLL d HH:mm') write (3,000 random instants, fractions of a second too)", () => {
    const zones = fc.constantFrom(...ZONES, 'Etc/GMT+3', 'America/St_Johns', 'utc', 'UTC+3', 'Not/AZone');
    fc.assert(
      fc.property(zones, instant, fc.integer({ min: 0, max: 999 }), (z, ms, frac) => {
        for (const t of [ms, ms + frac])
          for (const d of [DateTime.fromMillis(t, { zone: z })]) {
            expect(formatInstant(t, z)).toBe(d.toISO({ suppressMilliseconds: true }) ?? String(t));
            expect(formatMonthDayClock(t, z)).toBe(d.toFormat('LLL d HH:mm'));
          }
      }),
      { numRuns: 3000, seed: 18 },
    );
    // years luxon writes in six digits, and the first instants of the common era
    for (const t of [Date.parse('+010000-01-01T00:00:00Z'), Date.parse('0001-01-01T00:00:00Z'), -62198755200000])
      expect(formatInstant(t, 'Europe/Kyiv')).toBe(DateTime.fromMillis(t, { zone: 'Europe/Kyiv' }).toISO({ suppressMilliseconds: true }));
  });

  it('the hours the CLI keeps from run to run are what luxon said, and a seeded hour is used as it stands', () => {
    const t = Date.parse('2031-07-01T10:30:00Z');
    const before = formatHuman(t, 'Europe/Kyiv');
    expect(zoneHours()['Europe/Kyiv']).toContainEqual([Math.floor(t / 3_600_000), 180, 'GMT+3']);
    // the CLI checks the file's shape; what it holds is what luxon said in an earlier run of the same node
    seedZoneHours('Test/Seeded', [[Math.floor(t / 3_600_000), 90, 'GMT+1:30']]);
    expect(offsetMinutes(t, 'Test/Seeded')).toBe(90);
    expect(formatHuman(t, 'Test/Seeded')).toBe('Tue 1 Jul 2031 12:00 (GMT+1:30)');
    // seeding never replaces what this process already knows
    seedZoneHours('Europe/Kyiv', [[Math.floor(t / 3_600_000), 0, 'GMT']]);
    expect(formatHuman(t, 'Europe/Kyiv')).toBe(before);
  });

  it("a duration added in a zone, and the day's next midnight, are luxon's to the millisecond around changes of the clocks (3,000 random instants)", () => {
    // zones whose midnight the clocks skip (America/Santiago, Asia/Beirut) besides the usual ones
    const zones = fc.constantFrom(...ZONES, 'America/Santiago', 'Asia/Beirut', 'America/Havana', 'Pacific/Apia');
    const around = fc.tuple(
      fc.constantFrom(...AROUND, Date.parse('2026-09-06T04:00:00Z'), Date.parse('2026-03-29T00:00:00+02:00')),
      fc.integer({ min: -72 * 4, max: 72 * 4 }),
    );
    // days and clock time (worked out without luxon), and what goes to luxon (months, fractions, signs)
    const duration = fc.oneof(
      fc
        .tuple(fc.nat(2), fc.nat(40), fc.nat(50), fc.nat(90), fc.nat(90))
        .map(([w, d, h, m, sec]) => `P${w > 0 ? `${w}W` : ''}${d}DT${h}H${m}M${sec}S`),
      fc.constantFrom('P1D', 'PT24H', 'P7D', 'PT0S', 'P1W', 'PT90M', 'P1M', 'P1Y2M3D', 'PT1.5H', 'P1.5D', '-P1D', 'P'),
    );
    fc.assert(
      fc.property(zones, around, duration, (z, [t, quarters], d) => {
        const ms = t + quarters * 15 * 60_000;
        expect(addDurationAt(ms, d, z)).toBe(DateTime.fromMillis(ms, { zone: z }).plus(Duration.fromISO(d)).toMillis());
        expect(nextMidnight(ms, z)).toBe(DateTime.fromMillis(ms, { zone: z }).startOf('day').plus({ days: 1 }).toMillis());
      }),
      { numRuns: 3000, seed: 29 },
    );
  });
});
