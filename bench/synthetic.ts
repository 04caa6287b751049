import { xoroshiro128plus, unsafeUniformIntDistribution, type RandomGenerator } from 'pure-rand';
import type { Event } from '../src/schema/event.js';

/**
 * A deterministic synthetic stream of strike events (seeded), in start order, with a realistic mix:
 * mostly Russian strikes, some Ukrainian ones; Kyiv, named towns, regions and unnamed places; energy,
 * homes, military targets or none stated; exact times, nights and multi-day spans; counts as ranges.
 * Times run around the late-January 2026 windows: from 20 January to 15 February (Kyiv time).
 */
const FROM = Date.UTC(2026, 0, 19, 22);
const TO = Date.UTC(2026, 1, 14, 22);
const H = 3_600_000;

const REGIONS = [
  'Sumy Oblast',
  'Kharkiv Oblast',
  'Dnipropetrovsk Oblast',
  'Odesa Oblast',
  'Vinnytsia Oblast',
  'Zaporizhzhia Oblast',
  'Lviv Oblast',
  'Kyiv Oblast',
];
const TOWNS = ['Ternivka', 'Pavlohrad', 'Izium', 'Shostka', 'Bilhorod-Dnistrovskyi', 'Zhmerynka'];

const pick = <T>(rng: RandomGenerator, xs: readonly T[]): T => xs[unsafeUniformIntDistribution(0, xs.length - 1, rng)]!;
const pct = (rng: RandomGenerator) => unsafeUniformIntDistribution(0, 99, rng);

function event(i: number, start: number, rng: RandomGenerator): Event {
  const ukrainian = pct(rng) < 15;
  const d = pct(rng);
  const hours = d < 20 ? 0 : d < 90 ? unsafeUniformIntDistribution(1, 12, rng) : unsafeUniformIntDistribution(24, 72, rng);
  const p = pct(rng);
  const places: Event['places'] = ukrainian
    ? [{ name: 'Belgorod region', region: 'Belgorod Oblast', kind: 'region', precision: 'region' }]
    : p < 10
      ? [{ name: 'Kyiv', region: 'Kyiv City', kind: 'capital', precision: 'settlement' }]
      : p < 40
        ? [{ name: pick(rng, TOWNS), region: pick(rng, REGIONS), kind: 'town', precision: 'settlement' }]
        : p < 80
          ? Array.from({ length: unsafeUniformIntDistribution(1, 5, rng) }, () => {
              const r = pick(rng, REGIONS);
              return { name: r, region: r, kind: 'region' as const, precision: 'region' as const };
            })
          : [];
  const t = pct(rng);
  const targets: Event['targets'] = t < 40 ? ['energy'] : t < 70 ? ['residential'] : t < 90 ? ['military'] : [];
  const drones = unsafeUniformIntDistribution(1, 500, rng);
  const missiles = unsafeUniformIntDistribution(0, 60, rng);
  return {
    id: `syn-${i}`,
    kind: 'strike',
    actor: ukrainian ? 'ukraine' : 'russia',
    target: ukrainian ? 'russia' : 'ukraine',
    when: {
      start: new Date(start).toISOString(),
      end: new Date(start + hours * H).toISOString(),
      precision: hours === 0 ? 'exact' : 'hour',
      evidence: 'synthetic',
    },
    places,
    placesExcluded: [],
    targets,
    munitions: { drones: { low: drones, best: drones + 10, high: drones + 20 }, missiles: { low: missiles } },
    sources: [{ file: '000_5b12a92830bbfdb1.txt', line: 15 }],
    note: 'synthetic',
  };
}

/** n events, start times non-decreasing from `from` to `to`, the same for the same seed. */
export function* syntheticEvents(n: number, seed = 42, from = FROM, to = TO): Generator<Event> {
  const rng = xoroshiro128plus(seed);
  const step = (to - from) / n;
  for (let i = 0; i < n; i++) {
    const start = Math.floor(from + i * step) - (Math.floor(from + i * step) % 1000);
    yield event(i, start, rng);
  }
}

/** Strikes a day in the streaming rows: a million a year, far above any real rate. */
export const STREAM_PER_DAY = 1_000_000 / 365;

/**
 * The streaming rows' events: the same mix at a constant rate from the eve of the truce windows, so
 * that more events mean a longer period, as a year of data would, not a denser one (10,000 events are
 * 3.7 days, 1,000,000 a year). How many events overlap, which bounds what a stream holds, stays the same.
 */
export function syntheticStream(n: number, seed = 42): Generator<Event> {
  const from = Date.UTC(2026, 0, 28, 22);
  return syntheticEvents(n, seed, from, from + (n / STREAM_PER_DAY) * 24 * H);
}
