import os from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { ScenarioInput } from '../run/runScenario.js';
import { runDraws } from './runDraws.js';
import { RuleEvaluator } from '../rules/ruleEngine.js';
import { canonicalJson } from '../provenance.js';
import { emptyTally, mergeTally, type Tally } from './tally.js';

export interface SampleOptions {
  draws: number;
  seed: number;
  /** worker threads; 1 runs in this thread */
  workers?: number;
  /** draws per task sent to a worker */
  chunk?: number;
  onProgress?: (done: number, total: number) => void;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
}

/**
 * Runs the draws in this thread and, with more than one worker, in worker threads too (tinypool): all
 * take ranges of draws from one queue, so this thread works while the others start up, and a faster
 * thread takes more. Each draw depends only on the seed and its index, and tallies add up in any
 * order, so the result is the same whatever the number of workers.
 */
export async function sample(input: ScenarioInput, opts: SampleOptions): Promise<Tally> {
  const workers = opts.workers ?? defaultWorkers();
  // enough ranges to balance the threads, each large enough that its message costs little
  const chunk = opts.chunk ?? Math.max(250, Math.ceil(opts.draws / (workers * 8)));
  const queue: { from: number; to: number }[] = [];
  for (let from = 0; from < opts.draws; from += chunk) queue.push({ from, to: Math.min(opts.draws, from + chunk) });
  const total = emptyTally();
  let done = 0;
  const finish = (t: Tally) => {
    mergeTally(total, t);
    done += t.draws;
    opts.onProgress?.(done, opts.draws);
  };
  const evaluator = new RuleEvaluator(input.rules, input.conditions);
  const here = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      finish(await runDraws({ input, seed: opts.seed, ...r }, evaluator));
      // let the workers' results in between ranges
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  if (workers <= 1) {
    await here();
    return total;
  }
  const key = canonicalJson(plain(input));
  const pool = new Tinypool({
    filename: fileURLToPath(new URL('./sampleWorker.js', import.meta.url)),
    minThreads: workers - 1,
    maxThreads: workers - 1,
  });
  const there = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) finish(await pool.run({ key, input: plain(input), seed: opts.seed, ...r }));
  };
  try {
    await Promise.all([here(), ...Array.from({ length: workers - 1 }, there)]);
  } finally {
    await pool.destroy();
  }
  return total;
}

/** What is sent to a worker: plain data (structured clone). */
function plain(input: ScenarioInput): ScenarioInput {
  return { scenario: input.scenario, events: input.events, rules: input.rules, conditions: input.conditions };
}
