import os from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { ScenarioInput } from '../run/runScenario.js';
import { runDraws } from './runDraws.js';
import { RuleEvaluator } from '../rules/ruleEngine.js';
import { emptyTally, mergeTally, type Tally } from './tally.js';

export interface SampleOptions {
  draws: number;
  seed: number;
  /** the first draw (a shard's range starts further on); draws `first`..`first + draws - 1` are run */
  first?: number;
  /** threads drawing, this one included; 1 runs in this thread only */
  workers?: number;
  /** draws per task sent to a worker */
  chunk?: number;
  onProgress?: (done: number, total: number) => void;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
}

/**
 * Runs the draws in this thread and, with more than one worker, in worker threads too (tinypool).
 * The scenario goes to each worker once, when it starts (workerData), not with every task; each worker
 * holds two tasks, so that it never waits for this thread to hand it the next; this thread takes
 * small ranges and lets the workers' results in between them, so it draws while the workers start
 * up and never holds them up. Each draw depends only on the seed and its index, and tallies add up in
 * any order, so the result is the same whatever the number of workers or the size of the ranges.
 */
export async function sample(input: ScenarioInput, opts: SampleOptions): Promise<Tally> {
  const workers = opts.workers ?? defaultWorkers();
  const first = opts.first ?? 0;
  const end = first + opts.draws;
  // enough ranges to balance the threads, each large enough that its message costs little
  const chunk = opts.chunk ?? Math.max(250, Math.ceil(opts.draws / (workers * 8)));
  let cursor = first;
  const take = (size: number) => {
    if (cursor >= end) return undefined;
    const r = { from: cursor, to: Math.min(end, cursor + size) };
    cursor = r.to;
    return r;
  };
  const total = emptyTally();
  let done = 0;
  const finish = (t: Tally) => {
    mergeTally(total, t);
    done += t.draws;
    opts.onProgress?.(done, opts.draws);
  };
  const evaluator = new RuleEvaluator(input.rules, input.conditions);
  const here = async (size: number) => {
    for (let r = take(size); r; r = take(size)) {
      finish(await runDraws({ input, seed: opts.seed, ...r }, evaluator));
      // let the workers' results (and their next tasks) through between ranges
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  if (workers <= 1) {
    await here(chunk);
    return total;
  }
  const pool = new Tinypool({
    filename: fileURLToPath(new URL('./sampleWorker.js', import.meta.url)),
    minThreads: workers - 1,
    maxThreads: workers - 1,
    concurrentTasksPerWorker: 2,
    workerData: plain(input),
  });
  const there = async () => {
    for (let r = take(chunk); r; r = take(chunk)) finish(await pool.run({ seed: opts.seed, ...r }));
  };
  try {
    // two feeders per worker: one task running, the next waiting in the worker
    await Promise.all([...Array.from({ length: 2 * (workers - 1) }, there), here(Math.max(25, Math.ceil(chunk / 8)))]);
  } finally {
    await pool.destroy();
  }
  return total;
}

/** What is sent to a worker: plain data (structured clone). */
function plain(input: ScenarioInput): ScenarioInput {
  return { scenario: input.scenario, events: input.events, rules: input.rules, conditions: input.conditions };
}
