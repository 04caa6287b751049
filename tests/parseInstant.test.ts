import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../src/schema/parseInstant.js';

describe('parseInstant, the fast ISO parser', () => {
  // it must agree with luxon wherever it answers, and refuse what luxon refuses
  it('agrees with luxon on 20,000 random instants, offsets, fractions and impossible dates', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 60 })),
        fc.option(fc.integer({ min: 0, max: 999 })),
        fc.option(fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45))),
        (y, mo, d, h, mi, s, ms, off) => {
          const iso = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}${s === null ? '' : `:${two(s)}${ms === null ? '' : `.${String(ms).padStart(3, '0')}`}`}${off === null ? 'Z' : `${off[0]}${two(off[1])}:${two(off[2])}`}`;
          const lux = DateTime.fromISO(iso, { setZone: true });
          const fast = parseInstant(iso);
          if (!lux.isValid) expect(fast).toBeNaN();
          // NaN from the fast parser means "ask luxon" (24:00 is such a case)
          else if (!Number.isNaN(fast)) expect(fast).toBe(lux.toMillis());
        },
      ),
      { numRuns: 20_000, seed: 1 },
    );
  });
  // the parser reads by character position: a mangled instant must never give a wrong time
  it('never answers differently from luxon on 20,000 mangled instants (a character changed, dropped or added)', () => {
    const base = fc.constantFrom(
      '2026-01-29T00:00Z',
      '2026-02-03T01:30:15.5+02:00',
      '2026-02-01T23:59:59-05:30',
      '0099-12-31T12:00:00.123456789Z',
    );
    const mangle = fc.tuple(base, fc.nat(), fc.constantFrom('change', 'drop', 'add'), fc.constantFrom(...'0123456789-:T.Z+ xa'.split('')));
    fc.assert(
      fc.property(mangle, ([iso, at, how, c]) => {
        const i = at % iso.length;
        const s =
          how === 'change'
            ? iso.slice(0, i) + c + iso.slice(i + 1)
            : how === 'drop'
              ? iso.slice(0, i) + iso.slice(i + 1)
              : iso.slice(0, i) + c + iso.slice(i);
        const fast = parseInstant(s);
        if (Number.isNaN(fast)) return;
        const lux = DateTime.fromISO(s, { setZone: true });
        expect(lux.isValid).toBe(true);
        expect(fast).toBe(lux.toMillis());
      }),
      { numRuns: 20_000, seed: 2 },
    );
  });
  it('refuses what it does not know (no offset, week dates), leaving them to luxon', () => {
    expect(parseInstant('2026-02-03T00:00:00')).toBeNaN();
    expect(parseInstant('2026-W06-2T00:00Z')).toBeNaN();
    expect(parseInstant('2026-02-29T00:00:00+02:00')).toBeNaN();
    expect(parseInstant('2024-02-29T00:00:00+02:00')).toBe(Date.UTC(2024, 1, 28, 22));
  });
  it('reads a fraction of 1 to 9 digits as floor(0.DIGITS * 1000) milliseconds (floating point and all)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,9}$/), (f) => {
        expect(parseInstant(`2026-02-03T01:30:15.${f}Z`)).toBe(Date.UTC(2026, 1, 3, 1, 30, 15) + Math.floor(Number(`0.${f}`) * 1000));
      }),
      { numRuns: 3000, seed: 3 },
    );
    // where floating point rounds below the digits written
    expect(parseInstant('2026-02-03T01:30:15.029Z') - Date.UTC(2026, 1, 3, 1, 30, 15)).toBe(Math.floor(0.029 * 1000));
  });
  // the 1- to 3-digit fractions are read by integer arithmetic: every one of them must agree with the formula
  it('reads every fraction of 1 to 3 digits as floor(0.DIGITS * 1000), all 1,110 of them', () => {
    const base = Date.UTC(2026, 1, 3, 1, 30, 15);
    const wrong: string[] = [];
    for (const len of [1, 2, 3])
      for (let v = 0; v < 10 ** len; v++) {
        const f = String(v).padStart(len, '0');
        if (parseInstant(`2026-02-03T01:30:15.${f}Z`) - base !== Math.floor(Number(`0.${f}`) * 1000)) wrong.push(f);
      }
    expect(wrong).toEqual([]);
  });
});

import { formatHuman } from '../src/time/interval.js';

describe('formatHuman', () => {
  // the fast formatter must print exactly what luxon prints, across zones and DST changes
  it('matches luxon on 5,000 random instants in several zones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom('Europe/Kyiv', 'Europe/Moscow', 'America/New_York', 'UTC', 'Asia/Dubai', 'Asia/Kolkata'),
        (ms, zone) => {
          const dt = DateTime.fromMillis(ms, { zone });
          expect(formatHuman(ms, zone)).toBe(`${dt.toFormat('ccc d LLL yyyy HH:mm')} (${dt.toFormat('ZZZZ')})`);
        },
      ),
      { numRuns: 5000, seed: 2 },
    );
  });
});
