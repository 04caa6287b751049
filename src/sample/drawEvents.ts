import { xoroshiro128plus, unsafeUniformIntDistribution, type RandomGenerator } from 'pure-rand';
import type { Count } from '../schema/common.js';
import type { Event } from '../schema/event.js';
import type { OrderedEvent } from '../run/runScenario.js';

/**
 * One Monte Carlo draw of the data's own uncertainty: each event's time uniform within its interval
 * (to the second), each count uniform within low..high. A count with no ceiling is drawn within
 * low..best (or stays at low): the data gives no upper bound to draw towards, and we invent none.
 * Draw i depends only on the seed and i, so the draws can be shared among workers in any way.
 */
export function drawEvents(events: readonly OrderedEvent[], seed: number, index: number): OrderedEvent[] {
  const rng = xoroshiro128plus(mix(seed, index));
  // pushed, not `events.map`: V8's map builtin gives a packed array, the same map inlined by the optimising
  // compiler a holey one, so each reader of the draws, optimised on the first, was thrown out on the second
  // and compiled again (README, Monte Carlo: a thread's warm-up)
  const drawn: OrderedEvent[] = [];
  for (const { event, interval } of events) {
    const span = Math.floor((interval.end - interval.start) / 1000);
    const t = span > 0 ? interval.start + 1000 * unsafeUniformIntDistribution(0, span - 1, rng) : interval.start;
    drawn.push({ event: drawCounts(event, rng), interval: { start: t, end: t } });
  }
  return drawn.sort((a, b) => a.interval.start - b.interval.start || a.event.id.localeCompare(b.event.id));
}

function drawCount(c: Count | undefined, rng: RandomGenerator): Count | undefined {
  if (c === undefined) return undefined;
  const top = c.high ?? c.best ?? c.low;
  const v = top > c.low ? unsafeUniformIntDistribution(c.low, top, rng) : c.low;
  return { low: v, best: v, high: v };
}

function drawCounts(e: Event, rng: RandomGenerator): Event {
  if (!e.munitions && !e.casualties) return e;
  const m = e.munitions;
  const drones = drawCount(m?.drones, rng);
  const missiles = drawCount(m?.missiles, rng);
  let ballistic = drawCount(m?.ballisticMissiles, rng);
  // ballistic missiles are counted among the missiles: never more of them than missiles drawn
  if (ballistic && missiles && ballistic.low > missiles.low) ballistic = { ...missiles };
  const killed = drawCount(e.casualties?.killed, rng);
  const injured = drawCount(e.casualties?.injured, rng);
  // built key by key: conditional spreads make a throwaway object per key, in the hottest loop of a sample
  const out: Event = { ...e };
  if (m) {
    const munitions: NonNullable<Event['munitions']> = {};
    if (drones) munitions.drones = drones;
    if (missiles) munitions.missiles = missiles;
    if (ballistic) munitions.ballisticMissiles = ballistic;
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
