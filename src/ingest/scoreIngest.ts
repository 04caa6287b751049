import type { Count } from '../schema/common.js';
import type { Event } from '../schema/event.js';
import type { PlaceLookup } from './placeLookup.js';

/**
 * Scores drafts against gold events of the same article. A draft finds a gold event when they cite a
 * common line of the article and have the same kind (greedy, most shared lines first). Then per field:
 * - interval: contains the gold interval (3 h of slack at each end, for where a night is cut) and is no
 *   wider than needed (at most the gold width plus 6 h, or twice it for spans of days);
 * - figures: each quantity (drones, missiles, ballistic, cruise, killed, injured) exact in low, best, high;
 * - places: the admin-1 regions named (precision and recall over the set), by their id in the place hierarchy
 *   when the eval passes it ("Sevastopol" and "Sevastopol City" are one region), else by name;
 * - targets: the classes (precision and recall over the set);
 * - actor: equal.
 */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  events: Tally;
  strikes: Tally;
  interval: { correct: number; of: number };
  figures: Tally;
  places: Tally;
  targets: Tally;
  actor: { correct: number; of: number };
  misses: string[];
}

const SLACK = 3 * 3600_000;

export function emptyScore(): Score {
  const t = () => ({ tp: 0, fp: 0, fn: 0 });
  return {
    events: t(),
    strikes: t(),
    interval: { correct: 0, of: 0 },
    figures: t(),
    places: t(),
    targets: t(),
    actor: { correct: 0, of: 0 },
    misses: [],
  };
}

function lines(e: Event, file: string): Set<number> {
  return new Set(e.sources.filter((s) => s.file === file).map((s) => s.line));
}

export function intervalCorrect(draft: Event['when'], gold: Event['when']): boolean {
  const ds = Date.parse(draft.start);
  const de = Date.parse(draft.end);
  const gs = Date.parse(gold.start);
  const ge = Date.parse(gold.end);
  const contains = ds <= gs + SLACK && de >= ge - SLACK;
  const gw = ge - gs;
  const narrow = de - ds <= Math.max(gw + 6 * 3600_000, gw * 2);
  return contains && narrow;
}

const QUANTITIES = [
  ['munitions', 'drones'],
  ['munitions', 'missiles'],
  ['munitions', 'ballisticMissiles'],
  ['munitions', 'cruiseMissiles'],
  ['casualties', 'killed'],
  ['casualties', 'injured'],
] as const;

function countOf(e: Event, group: 'munitions' | 'casualties', q: string): Count | undefined {
  const g = e[group] as Record<string, Count | undefined> | undefined;
  return g?.[q];
}

const same = (a: Count, b: Count) => a.low === b.low && a.best === b.best && a.high === b.high;

/** "Kyiv Oblast", "Kyiv region" and "the Kyiv region" are one region; "Kyiv City" is another. */
export function regionKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+(oblast|region|krai|province)$/, '')
    .trim();
}

/**
 * The region a name stands for, when the place hierarchy knows it: "Sevastopol" (the city, whose region is
 * the City of Sevastopol) and "Sevastopol City" are one region, as are "Kyiv Oblast" and "Kyiv region".
 */
export type RegionOf = (name: string) => string | undefined;

/** Regions by their id in the hierarchy (a settlement named as a region: the region it lies in). */
export function regionsIn(places: PlaceLookup): RegionOf {
  return (name) => {
    const found = places.lookup(name);
    const region = found.find((e) => e.kind === 'region');
    if (region) return region.id;
    const settlement = found.find((e) => e.kind !== 'country');
    return settlement ? places.ancestors(settlement.id).find((e) => e.kind === 'region')?.id : undefined;
  };
}

function regions(e: Event, regionOf?: RegionOf): Set<string> {
  return new Set(e.places.filter((p) => p.region !== undefined).map((p) => regionOf?.(p.region!) ?? regionKey(p.region!)));
}

function setTally(t: Tally, draft: Set<string>, gold: Set<string>): void {
  for (const x of draft)
    if (gold.has(x)) t.tp++;
    else t.fp++;
  for (const x of gold) if (!draft.has(x)) t.fn++;
}

export function scoreArticle(score: Score, file: string, drafts: Event[], gold: Event[], regionOf?: RegionOf): void {
  const pairs: [number, number, number][] = [];
  drafts.forEach((d, i) =>
    gold.forEach((g, j) => {
      if (d.kind !== g.kind) return;
      const dl = lines(d, file);
      const shared = [...lines(g, file)].filter((l) => dl.has(l)).length;
      if (shared > 0) pairs.push([shared, i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedD = new Set<number>();
  const usedG = new Set<number>();
  const matched: [Event, Event][] = [];
  for (const [, i, j] of pairs) {
    if (usedD.has(i) || usedG.has(j)) continue;
    usedD.add(i);
    usedG.add(j);
    matched.push([drafts[i]!, gold[j]!]);
  }
  score.events.tp += matched.length;
  score.events.fp += drafts.length - matched.length;
  score.events.fn += gold.length - matched.length;
  const goldStrikes = gold.filter((g) => g.kind === 'strike');
  const foundStrikes = matched.filter(([, g]) => g.kind === 'strike').length;
  score.strikes.tp += foundStrikes;
  score.strikes.fn += goldStrikes.length - foundStrikes;
  score.strikes.fp += drafts.filter((d, i) => d.kind === 'strike' && !usedD.has(i)).length;
  gold.forEach((g, j) => {
    if (!usedG.has(j)) score.misses.push(`${file}: gold ${g.id} not found`);
  });
  drafts.forEach((d, i) => {
    if (!usedD.has(i)) score.misses.push(`${file}: draft ${d.id} (lines ${[...lines(d, file)].join(',')}) matches no gold event`);
  });
  for (const [d, g] of matched) {
    score.interval.of++;
    if (intervalCorrect(d.when, g.when)) score.interval.correct++;
    else score.misses.push(`${file}: ${g.id} interval ${d.when.start}..${d.when.end}, gold ${g.when.start}..${g.when.end}`);
    for (const [group, q] of QUANTITIES) {
      const dc = countOf(d, group, q);
      const gc = countOf(g, group, q);
      if (dc && gc && same(dc, gc)) score.figures.tp++;
      else {
        if (dc) score.figures.fp++;
        if (gc) score.figures.fn++;
        if (dc || gc) score.misses.push(`${file}: ${g.id} ${q} ${JSON.stringify(dc ?? null)}, gold ${JSON.stringify(gc ?? null)}`);
      }
    }
    setTally(score.places, regions(d, regionOf), regions(g, regionOf));
    const before = score.places.fp + score.places.fn;
    if (before > 0 && [...regions(d, regionOf)].join() !== [...regions(g, regionOf)].join()) {
      const dr = [...regions(d, regionOf)].sort().join(', ');
      const gr = [...regions(g, regionOf)].sort().join(', ');
      if (dr !== gr) score.misses.push(`${file}: ${g.id} regions [${dr}], gold [${gr}]`);
    }
    setTally(score.targets, new Set(d.targets), new Set(g.targets));
    const dt = [...d.targets].sort().join(', ');
    const gt = [...g.targets].sort().join(', ');
    if (dt !== gt) score.misses.push(`${file}: ${g.id} targets [${dt}], gold [${gt}]`);
    score.actor.of++;
    if (d.actor === g.actor) score.actor.correct++;
    else score.misses.push(`${file}: ${g.id} actor ${d.actor}, gold ${g.actor}`);
  }
}

const pct = (a: number, b: number) => (b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(0).padStart(4)}%`);

export function formatScore(name: string, s: Score): string {
  const pr = (t: Tally) =>
    `precision ${pct(t.tp, t.tp + t.fp)}  recall ${pct(t.tp, t.tp + t.fn)}  (${t.tp} right, ${t.fp} extra, ${t.fn} missed)`;
  return [
    `${name}`,
    `  events      ${pr(s.events)}`,
    `  strikes     ${pr(s.strikes)}`,
    `  interval    ${pct(s.interval.correct, s.interval.of)} of found events correct (${s.interval.correct}/${s.interval.of})`,
    `  figures     ${pr(s.figures)}`,
    `  places      ${pr(s.places)}`,
    `  targets     ${pr(s.targets)}`,
    `  actor       ${pct(s.actor.correct, s.actor.of)} of found events correct (${s.actor.correct}/${s.actor.of})`,
  ].join('\n');
}
