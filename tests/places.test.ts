import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizePlaceName } from '../src/places/normalizePlaceName.js';
import path from 'node:path';
import { readPlaces } from '../src/load/readPlaces.js';
import { buildPlaceIndex } from '../src/places/placeIndex.js';
import { checkPlaces } from '../src/places/checkPlaces.js';
import { InputError } from '../src/problem.js';
import { PlaceEntry } from '../src/schema/places.js';
import { validatePaths } from '../src/load/validatePaths.js';

const root = path.resolve(__dirname, '..');
const shipped = () => readPlaces(['seeds/places/ukraine.yaml', 'seeds/places/russia.yaml'], { cwd: root });
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('the shipped place hierarchy', () => {
  const index = buildPlaceIndex(shipped());

  it('has every region-level unit of Ukraine: 24 oblasts, Crimea, and the cities of Kyiv and Sevastopol', () => {
    const regions = index.children('ukraine').filter((p) => p.kind === 'region');
    expect(regions).toHaveLength(27);
    expect(regions.filter((r) => r.name.endsWith(' Oblast'))).toHaveLength(24);
  });

  it('has the 83 federal subjects of Russia as internationally recognised', () => {
    expect(index.children('russia').filter((p) => p.kind === 'region')).toHaveLength(83);
  });

  it('gives every region its main city, and every place a chain up to its country', () => {
    for (const p of index.entries) {
      if (p.kind === 'region') expect(index.children(p.id).length, p.name).toBeGreaterThan(0);
      if (p.kind !== 'country') expect(['ukraine', 'russia']).toContain(index.ancestors(p.id).at(-1)?.id);
    }
  });

  it('reads "X region", "X oblast", "Xska oblast", "the X region" and "X krai" as the region', () => {
    for (const n of ['Kharkiv region', 'the Kharkiv region', 'Kharkiv Oblast', 'kharkiv oblast', 'Kharkivska oblast', 'Kharkov Oblast']) {
      expect(ids(index.lookup(n)), n).toEqual(['ua-kharkiv-oblast']);
    }
    expect(ids(index.lookup('Zaporizka oblast'))).toEqual(['ua-zaporizhzhia-oblast']);
    expect(ids(index.lookup('Krasnodar krai'))).toEqual(['ru-krasnodar-krai']);
    expect(ids(index.lookup('Belgorodskaya oblast'))).toEqual(['ru-belgorod-oblast']);
    expect(ids(index.lookup('Dnipropetrovsk region'))).toEqual(['ua-dnipropetrovsk-oblast']);
  });

  it('tells a city from the region named after it', () => {
    expect(ids(index.lookup('Kyiv'))).toEqual(['ua-kyiv']);
    expect(ids(index.lookup('Kyiv region'))).toEqual(['ua-kyiv-oblast']);
    expect(index.contains('ua-kyiv-oblast', 'ua-kyiv')).toBe(false);
    expect(index.contains('ua-kyiv-city', 'ua-kyiv')).toBe(true);
  });

  it('ignores case, diacritics, apostrophes, hyphens, and knows transliteration variants', () => {
    expect(ids(index.lookup('KIEV'))).toEqual(['ua-kyiv']);
    expect(ids(index.lookup('Odessa'))).toEqual(['ua-odesa']);
    expect(ids(index.lookup('Ivano Frankivsk'))).toEqual(['ua-ivano-frankivsk']);
    expect(ids(index.lookup('Kryvyi Rih'))).toEqual(ids(index.lookup('Krivoy Rog')));
    expect(ids(index.lookup('Zhytomyr’'))).toEqual(['ua-zhytomyr']);
    expect(ids(index.lookup('Dnípro'))).toEqual(['ua-dnipro']);
  });

  it('puts Kherson within Ukraine, and Crimea too (borders as internationally recognised)', () => {
    expect(index.contains('ukraine', 'ua-kherson')).toBe(true);
    expect(ids(index.ancestors('ua-kherson'))).toEqual(['ua-kherson-oblast', 'ukraine']);
    expect(index.contains('ukraine', 'ua-sevastopol')).toBe(true);
    expect(index.contains('russia', 'ua-simferopol')).toBe(false);
  });

  it('finds nothing for a name it does not know', () => {
    expect(index.lookup('Atlantis')).toEqual([]);
  });

  it('validates with `truce validate` as a places file, both files together', () => {
    const r = validatePaths(['seeds/places'], { cwd: root });
    expect(r.problems).toEqual([]);
    expect(r.files.length).toBe(2);
  });
});

describe('checks of a hierarchy', () => {
  const p = (x: unknown) => PlaceEntry.parse(x);
  it('refuses a place within an unknown place, a duplicate id, a loop, and a region within a city', () => {
    const issues = checkPlaces([
      p({ id: 'a', name: 'A', kind: 'country' }),
      p({ id: 'a', name: 'A2', kind: 'region', within: 'a' }),
      p({ id: 'b', name: 'B', kind: 'city', within: 'nowhere' }),
      p({ id: 'c', name: 'C', kind: 'region', within: 'd' }),
      p({ id: 'd', name: 'D', kind: 'region', within: 'c' }),
      p({ id: 'e', name: 'E', kind: 'city', within: 'a' }),
      p({ id: 'f', name: 'F', kind: 'region', within: 'e' }),
    ]);
    expect(issues.map((i) => [i.at, i.code])).toEqual([
      [1, 'E_DUPLICATE_ID'],
      [2, 'E_SCHEMA'],
      [3, 'E_SCHEMA'],
      [4, 'E_SCHEMA'],
      [6, 'E_SCHEMA'],
    ]);
  });

  it('reports a bad places file with its file, line and what to do, and throws no stack', () => {
    let err: unknown;
    try {
      readPlaces(['tests/fixtures/places-bad.yaml'], { cwd: root });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((q) => [q.file, q.line, q.code])).toEqual([['tests/fixtures/places-bad.yaml', 6, 'E_SCHEMA']]);
    expect(problems[0]!.message).toMatch(/no place of the hierarchy/);
  });
});

describe('normalizePlaceName: the plain-name shortcut', () => {
  // the steps as they stood before the shortcut, for every name
  const steps = (name: string) =>
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’ʼ‘`ʹ´]/g, '')
      .replace(/[-‐‑–—_.,]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^the /, '');

  it('gives what the full steps give, for plain names and for names just off plain (random, 5,000)', () => {
    const chars = fc.constantFrom(...'aZt hTHeE09-’é.\t_'.split(''));
    const words = fc
      .array(fc.constantFrom('The', 'the', 'Kyiv', 'BILA', 'Tserkva', 'x1', 'Thé', ''), { maxLength: 4 })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.oneof(
          words,
          fc.array(chars, { maxLength: 12 }).map((c) => c.join('')),
        ),
        (name) => {
          expect(normalizePlaceName(name)).toBe(steps(name));
        },
      ),
      { numRuns: 5000, seed: 22 },
    );
  });
});
