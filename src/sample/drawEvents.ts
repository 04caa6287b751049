import { xoroshiro128plus, unsafeUniformIntDistribution, type RandomGenerator } from 'pure-rand';
import type { Count } from '../schema/common.js';
import type { Event } from '../schema/event.js';
import type { OrderedEvent } from '../run/runScenario.js';
import { compareText } from '../collation.js';

/** the counts a draw draws, in the order it draws them (the generator's sequence depends on it) */
const DRONES = 0;
const MISSILES = 1;
const BALLISTIC = 2;
const KILLED = 3;
const INJURED = 4;
// drawn after the first five, so that events without them draw the same numbers as before these were drawn
const CRUISE = 5;
const GUIDED_BOMBS = 6;
const SHELLS = 7;
const FPV_DRONES = 8;
const KINDS = 9;

/**
 * What every draw of one list of events shares, worked out once (Draws keeps it for a thread's draws):
 * each event's time span, the rank of its id among the ids as `localeCompare` orders them (the draws'
 * tie-break, once per list instead of a collation per comparison), and its counts' floors and ceilings
 * in one flat table. A draw then runs one small loop with one call of the generator, not five inlined
 * copies of it (what each thread's optimising compiler had to compile; README, Monte Carlo: a thread's
 * warm-up).
 */
export class DrawPlan {
  readonly rank: Int32Array;
  /** per event and count kind: 1 if the event gives that count */
  readonly has: Uint8Array;
  readonly low: Float64Array;
  readonly top: Float64Array;
  /** per event: whether a draw copies it (it has munitions or casualties) or takes it as it is */
  readonly copies: Uint8Array;
  readonly spans: Float64Array;
  /**
   * A draw's scratch, rewritten by each draw of the thread that owns this plan (drawEvents): each event's
   * drawn start, the events' order, the counts being drawn (a draw's events are new objects each time).
   */
  readonly starts: Float64Array;
  readonly order: Int32Array;
  readonly counts: (Count | undefined)[] = new Array<Count | undefined>(KINDS).fill(undefined);
  /** per event, what the draw being made takes: the event itself, or (if it copies it) its copy with the drawn counts */
  readonly copied: Event[] = [];
  /**
   * per event and count kind, the drawn counts made so far by value, shared by every draw that draws the
   * same value instead of one object each time; frozen, since a reader that changed one would change
   * every later draw of that value (a draw must depend on its seed and index only)
   */
  private readonly made: (Map<number, Count> | undefined)[] = [];

  constructor(readonly events: readonly OrderedEvent[]) {
    const n = events.length;
    const byId: number[] = [];
    for (let i = 0; i < n; i++) byId.push(i);
    // compareText, not localeCompare: the collator's first use cost a cached `sample` 6-7 ms (README, Cold start)
    byId.sort((a, b) => compareText(events[a]!.event.id, events[b]!.event.id));
    this.rank = new Int32Array(n);
    for (let k = 1, r = 0; k < n; k++) {
      if (compareText(events[byId[k - 1]!]!.event.id, events[byId[k]!]!.event.id) !== 0) r++;
      this.rank[byId[k]!] = r;
    }
    this.has = new Uint8Array(n * KINDS);
    this.low = new Float64Array(n * KINDS);
    this.top = new Float64Array(n * KINDS);
    this.copies = new Uint8Array(n);
    this.spans = new Float64Array(n);
    this.starts = new Float64Array(n);
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const { event: e, interval } = events[i]!;
      this.copied.push(e);
      this.spans[i] = Math.floor((interval.end - interval.start) / 1000);
      this.copies[i] = e.munitions || e.casualties ? 1 : 0;
      const counts = [
        e.munitions?.drones,
        e.munitions?.missiles,
        e.munitions?.ballisticMissiles,
        e.casualties?.killed,
        e.casualties?.injured,
        e.munitions?.cruiseMissiles,
        e.munitions?.guidedBombs,
        e.munitions?.shells,
        e.munitions?.fpvDrones,
      ];
      for (let k = 0; k < KINDS; k++) {
        const c = counts[k];
        if (c === undefined) continue;
        this.has[i * KINDS + k] = 1;
        this.low[i * KINDS + k] = c.low;
        // a count with no ceiling is drawn within low..best (or stays at low): the data gives no upper bound
        this.top[i * KINDS + k] = c.high ?? c.best ?? c.low;
      }
    }
  }

  /** A count of table entry `at` drawn within its floor and ceiling (one object per value drawn). */
  draw(at: number, rng: RandomGenerator): Count {
    const low = this.low[at]!;
    const top = this.top[at]!;
    const v = top > low ? unsafeUniformIntDistribution(low, top, rng) : low;
    const made = (this.made[at] ??= new Map());
    let c = made.get(v);
    if (c === undefined) made.set(v, (c = Object.freeze({ low: v, best: v, high: v })));
    return c;
  }
}

/**
 * One Monte Carlo draw of the data's own uncertainty: each event's time uniform within its interval
 * (to the second), each count uniform within low..high. A count with no ceiling is drawn within
 * low..best (or stays at low): the data gives no upper bound to draw towards, and we invent none.
 * Draw i depends only on the seed and i, so the draws can be shared among workers in any way.
 */
export function drawEvents(events: readonly OrderedEvent[], seed: number, index: number, plan = new DrawPlan(events)): OrderedEvent[] {
  const rng = xoroshiro128plus(mix(seed, index));
  // the plan's scratch, not arrays per draw: the draws' garbage is what the thread's collector and its
  // helpers on the other core work through (README, Monte Carlo: the garbage and the background)
  const { starts, order, counts: drawnCounts, copied } = plan;
  const n = events.length;
  for (let i = 0; i < n; i++) {
    const { interval } = events[i]!;
    const span = plan.spans[i]!;
    starts[i] = span > 0 ? interval.start + 1000 * unsafeUniformIntDistribution(0, span - 1, rng) : interval.start;
    // the counts in the same order as ever (the generator's sequence depends on it)
    if (plan.copies[i] === 1)
      for (let k = 0; k < KINDS; k++) drawnCounts[k] = plan.has[i * KINDS + k] === 1 ? plan.draw(i * KINDS + k, rng) : undefined;
    // by start, then id rank, then place in the list: an insertion sort (stable, as Array#sort was, and a
    // draw's few events mostly come in order already), with no comparator closure per draw
    let k = i;
    for (; k > 0; k--) {
      const j = order[k - 1]!;
      if (starts[j]! < starts[i]! || (starts[j] === starts[i] && plan.rank[j]! <= plan.rank[i]!)) break;
      order[k] = j;
    }
    order[k] = i;
    // the event with its drawn counts, kept until the run is made (below); the counts are written per event
    if (plan.copies[i] === 1) copied[i] = withCounts(events[i]!.event, drawnCounts);
  }
  const sorted: OrderedEvent[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const t = starts[i]!;
    sorted.push({ event: copied[i]!, interval: { start: t, end: t } });
  }
  return sorted;
}

/** The event with its drawn counts, built key by key: conditional spreads make a throwaway object per key. */
function withCounts(e: Event, c: readonly (Count | undefined)[]): Event {
  const m = e.munitions;
  const drones = c[DRONES];
  const missiles = c[MISSILES];
  let ballistic = c[BALLISTIC];
  let cruise = c[CRUISE];
  // ballistic and cruise missiles are counted among the missiles: never more of either than missiles drawn
  if (ballistic && missiles && ballistic.low > missiles.low) ballistic = { ...missiles };
  if (cruise && missiles && cruise.low > missiles.low) cruise = { ...missiles };
  const killed = c[KILLED];
  const injured = c[INJURED];
  const out: Event = { ...e };
  if (m) {
    const munitions: NonNullable<Event['munitions']> = {};
    if (drones) munitions.drones = drones;
    if (missiles) munitions.missiles = missiles;
    if (ballistic) munitions.ballisticMissiles = ballistic;
    if (cruise) munitions.cruiseMissiles = cruise;
    if (c[GUIDED_BOMBS]) munitions.guidedBombs = c[GUIDED_BOMBS];
    if (c[SHELLS]) munitions.shells = c[SHELLS];
    if (c[FPV_DRONES]) munitions.fpvDrones = c[FPV_DRONES];
    out.munitions = munitions;
  }
  if (e.casualties) {
    const casualties: NonNullable<Event['casualties']> = {};
    if (killed) casualties.killed = killed;
    if (injured) casualties.injured = injured;
    out.casualties = casualties;
  }
  return out;
}

/** splitmix32 of (seed, index): a distinct, well-mixed 32-bit seed per draw. */
function mix(seed: number, index: number): number {
  let z = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}
