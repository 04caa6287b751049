import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SeedFile } from '../src/schema/seedFile.js';
import { validatePaths } from '../src/load/validatePaths.js';
import { ARTICLES, HAVE_ARTICLES, NEEDS_ARTICLES, ROOT } from './helpers.js';

const seed = (name: string) => SeedFile.parse(parse(readFileSync(path.join(ROOT, 'seeds', name), 'utf8')));
const { events } = seed('events.yaml');
const { sources } = seed('sources.yaml');
const event = (id: string) => {
  const e = events.find((x) => x.id === id);
  if (!e) throw new Error(`no seed event ${id}`);
  return e;
};
const article = (prefix: string) =>
  readFileSync(path.join(ARTICLES, readdirSync(ARTICLES).find((f) => f.startsWith(prefix))!), 'utf8').split('\n');
const line = (prefix: string, n: number) => article(prefix)[n - 1] ?? '';
const local = (iso: string, zone = 'Europe/Kyiv') => DateTime.fromISO(iso, { setZone: true }).setZone(zone);

describe('provenance of the seed events', () => {
  it('every seed file is valid and every cited line holds its figures', () => {
    const r = validatePaths([path.join(ROOT, 'seeds/sources.yaml'), path.join(ROOT, 'seeds/events.yaml')], {
      cwd: ROOT,
      articlesDir: ARTICLES,
    });
    expect(r.problems).toEqual([]);
    if (HAVE_ARTICLES) expect(r.notices).toEqual([]);
  });
  it('every event cites an article that the source list describes', () => {
    const files = new Set(sources.map((s) => s.file));
    for (const e of events) for (const s of e.sources) expect(files, `${e.id} cites ${s.file}`).toContain(s.file);
  });
  it('all five articles are described, each once', () => {
    expect(sources.map((s) => s.file.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });
  it('one strike is one event: no two strikes by one actor share a cited figure line', () => {
    const seen = new Map<string, string>();
    for (const e of events.filter((x) => x.kind === 'strike')) {
      for (const s of e.sources.filter((x) => (x.figures ?? []).some((f) => /\d/.test(f)))) {
        const key = `${e.actor} ${s.file}:${s.line}`;
        expect(seen.get(key), `${e.id} and ${seen.get(key)} both take figures from ${key}`).toBeUndefined();
        seen.set(key, e.id);
      }
    }
  });
  it('the strike of 2-3 February is reported by two articles and kept as one event citing both', () => {
    expect(new Set(event('ru-strike-2026-02-02-03').sources.map((s) => s.file.slice(0, 3)))).toEqual(new Set(['000', '001']));
    expect(events.filter((e) => e.kind === 'strike' && e.actor === 'russia' && e.when.start.startsWith('2026-02-02'))).toHaveLength(1);
  });
});

describe('figures as ranges (UCDP low/best/high)', () => {
  const covers = (c: { low: number; high?: number } | undefined, n: number) =>
    c !== undefined && c.low <= n && (c.high === undefined || n <= c.high);
  it.skipIf(!HAVE_ARTICLES)('2-3 February: "more than 70" missiles is low 71 with no ceiling (a000:22, a001:11)' + NEEDS_ARTICLES, () => {
    expect(line('000', 22)).toContain('more than 70 missiles');
    expect(line('001', 11)).toContain('more than 70 missiles');
    expect(event('ru-strike-2026-02-02-03').munitions?.missiles).toEqual({ low: 71 });
  });
  it.skipIf(!HAVE_ARTICLES)(
    '2-3 February: 450 (a000:22) and "around 450" (a001:13) drones: the range covers 450 with a spread' + NEEDS_ARTICLES,
    () => {
      expect(line('000', 22)).toContain('450');
      expect(line('001', 13)).toContain('Around 450');
      const d = event('ru-strike-2026-02-02-03').munitions?.drones;
      expect(covers(d, 450)).toBe(true);
      expect(d!.best).toBe(450);
      expect(d!.high! - d!.low).toBeGreaterThan(0);
    },
  );
  it.skipIf(!HAVE_ARTICLES)('29-30 January: "more than 100 drones" is low 101 and one ballistic missile (a000:8)' + NEEDS_ARTICLES, () => {
    expect(line('000', 8)).toMatch(/a ballistic missile and launched more than 100 drones/);
    const m = event('ru-strike-2026-01-29-30').munitions;
    expect(m?.drones).toEqual({ low: 101 });
    expect(m?.ballisticMissiles).toEqual({ low: 1, best: 1, high: 1 });
  });
  it.skipIf(!HAVE_ARTICLES)('December: "nearly 500" (a004:9) and "500" (a004:51) drones are both covered' + NEEDS_ARTICLES, () => {
    expect(line('004', 9)).toContain('nearly 500 drones');
    expect(line('004', 51)).toContain('500 drones');
    const d = event('ru-strike-kyiv-2025-12').munitions?.drones;
    expect(covers(d, 499) && covers(d, 500)).toBe(true);
  });
  it.skipIf(!HAVE_ARTICLES)('1 February: exactly 12 miners killed (a000:14)' + NEEDS_ARTICLES, () => {
    expect(line('000', 14)).toContain('killed 12 miners');
    expect(event('ru-strike-2026-02-01-miners').casualties?.killed).toEqual({ low: 12, best: 12, high: 12 });
  });
  it.skipIf(!HAVE_ARTICLES)('"nine people so far" injured is a floor, not a total (a000:24)' + NEEDS_ARTICLES, () => {
    expect(line('000', 24)).toContain('nine people so far');
    expect(event('ru-strike-2026-02-02-03').casualties?.injured).toEqual({ low: 9 });
  });
});

describe.skipIf(!HAVE_ARTICLES)('dating evidence' + NEEDS_ARTICLES, () => {
  it('Trump spoke on Thursday (a000:4): the claim is dated Thursday 29 January, Washington time', () => {
    expect(line('000', 4)).toContain('on Thursday');
    const start = local(event('us-claim-2026-01-29').when.start, 'America/New_York');
    expect(start.weekdayLong).toBe('Thursday');
    expect(start.toISODate()).toBe('2026-01-29');
  });
  it('Peskov spoke "on January 30" (a000:10), Moscow time; Zelenskyy the same day (a000:12)', () => {
    expect(line('000', 10)).toContain('January 30');
    expect(line('000', 12)).toContain('the same day');
    expect(local(event('ru-reply-2026-01-30').when.start, 'Europe/Moscow').toISODate()).toBe('2026-01-30');
    expect(local(event('ua-reciprocal-2026-01-30').when.start).toISODate()).toBe('2026-01-30');
  });
  it('"that night" (a000:8) is the night after the Thursday remark', () => {
    const e = event('ru-strike-2026-01-29-30');
    expect(local(e.when.start).toISODate()).toBe('2026-01-29');
    expect(local(e.when.start).hour).toBeGreaterThanOrEqual(18);
    expect(local(e.when.end).toISODate()).toBe('2026-01-30');
    expect(e.when.precision).toBe('part-of-day');
  });
  it('the miners were killed "on February 1" (a000:14): the whole day and no narrower', () => {
    const e = event('ru-strike-2026-02-01-miners');
    expect(line('000', 14)).toContain('February 1');
    expect([local(e.when.start).toISO(), local(e.when.end).toISO()]).toEqual([
      '2026-02-01T00:00:00.000+02:00',
      '2026-02-02T00:00:00.000+02:00',
    ]);
  });
  it('"late on Monday night – February 2" (a000:15) to DTEK\'s Tuesday-morning report (a000:16)', () => {
    expect(line('000', 15)).toMatch(/late on Monday night . February 2/);
    expect(line('000', 16)).toContain('on Tuesday morning');
    const e = event('ru-strike-2026-02-02-03');
    expect(local(e.when.start).weekdayLong).toBe('Monday');
    expect(local(e.when.start).toISODate()).toBe('2026-02-02');
    expect(local(e.when.end).weekdayLong).toBe('Tuesday');
    expect(local(e.when.end).hour).toBeLessThanOrEqual(12);
  });
  it('the Oval Office remark was on Monday (a000:19); the UAE talks on Wednesday (a000:28)', () => {
    expect(line('000', 19)).toContain('on Monday');
    expect(line('000', 28)).toContain('on Wednesday');
    expect(local(event('us-remark-2026-02-02').when.start, 'America/New_York').weekdayLong).toBe('Monday');
    expect(local(event('talks-uae-2026-02-04').when.start, 'Asia/Dubai').weekdayLong).toBe('Wednesday');
  });
  it('a003 is stamped both 4 July 2025 and 28 December 2025 (lines 6, 8): the strike is dated by the July date', () => {
    expect(line('003', 6)).toContain('July 4, 2025');
    expect(line('003', 8)).toContain('Dec 28 2025');
    const e = event('ru-strike-kyiv-2025-07-04');
    expect(local(e.when.end).toISODate()).toBe('2025-07-04');
    expect(sources.find((s) => s.id === 'a003')!.datesDisagree).toBe(true);
  });
  it('a004 is dated 5 February 2026 (line 1) but describes December (line 15): dated to December 2025', () => {
    expect(line('004', 1)).toContain('February 5, 2026');
    expect(line('004', 15)).toContain('in December');
    const e = event('ru-strike-kyiv-2025-12');
    expect([local(e.when.start).toISODate(), local(e.when.end).toISODate()]).toEqual(['2025-12-01', '2026-01-01']);
    expect(sources.find((s) => s.id === 'a004')!.datesDisagree).toBe(true);
  });
  it('a002 is stamped 3 February (line 11) yet reports the 29-30 January claim as news', () => {
    expect(line('002', 11)).toContain('February 03, 2026');
    const a002 = sources.find((s) => s.id === 'a002')!;
    expect(a002.datesDisagree).toBe(true);
    expect(a002.describedDates[0]).toMatchObject({ from: '2026-01-29', to: '2026-01-30' });
  });
  it('a000 and a001 describe what their dates say', () => {
    expect(sources.filter((s) => !s.datesDisagree).map((s) => s.id)).toEqual(['a000', 'a001']);
  });
  it('every event says how the text pins its time, citing a line', () => {
    for (const e of events) expect(e.when.evidence, e.id).toMatch(/lines? \d+/);
  });
});

describe.skipIf(!HAVE_ARTICLES)('own words' + NEEDS_ARTICLES, () => {
  // the project keeps facts, not the articles' sentences: no run of 12 words may repeat an article
  it('no seed, scenario or rule file repeats a 12-word passage of an article', () => {
    const words = (t: string) => t.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const grams = new Set<string>();
    for (const f of readdirSync(ARTICLES)) {
      const w = words(readFileSync(path.join(ARTICLES, f), 'utf8'));
      for (let i = 0; i + 12 <= w.length; i++) grams.add(w.slice(i, i + 12).join(' '));
    }
    const files = [
      'seeds/events.yaml',
      'seeds/sources.yaml',
      'scenarios/jan-feb-2026.yaml',
      ...readdirSync(path.join(ROOT, 'rules')).map((f) => `rules/${f}`),
    ];
    for (const f of files) {
      const w = words(readFileSync(path.join(ROOT, f), 'utf8'));
      for (let i = 0; i + 12 <= w.length; i++)
        expect(grams.has(w.slice(i, i + 12).join(' ')), `${f}: "${w.slice(i, i + 12).join(' ')}"`).toBe(false);
    }
  });
});
