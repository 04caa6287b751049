import { runDraws, type DrawRange } from './runDraws.js';
import type { Tally } from './tally.js';

/** A tinypool worker: one range of draws per task. */
export default function sampleWorker(range: DrawRange): Promise<Tally> {
  return runDraws(range);
}
