import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScenarioInput } from '../run/runScenario.js';
import { Draws, runDraws } from './runDraws.js';
import { emptyTally, mergeTally, type Tally } from './tally.js';
import type { WorkerInit, WorkerTask } from './sampleWorker.js';

export interface SampleOptions {
  draws: number;
  seed: number;
  /** the first draw (a shard's range starts further on); draws `first`..`first + draws - 1` are run */
  first?: number;
  /** threads drawing, this one included; 1 runs in this thread only */
  workers?: number;
  /**
   * fewer draws than this per thread and no further thread is started: a thread's start and warm-up
   * (its modules, the JIT, its own statechart memo) cost about what its first ~1,500 draws save
   */
  minDrawsPerThread?: number;
  onProgress?: (done: number, total: number) => void;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
}

const WORKER = new URL('./sampleWorker.js', import.meta.url);
/** threads started ahead by startWorkers, not yet given a scenario */
const started: Worker[] = [];
/** what ended such a thread before a `sample` took it */
const earlyErrors = new WeakMap<Worker, Error>();

/** How many threads `sample` uses for so many draws: no thread for fewer than minDrawsPerThread each. */
export function threadsFor(draws: number, workers = defaultWorkers(), minDrawsPerThread = 2_000): number {
  return Math.max(1, Math.min(workers, Math.floor(draws / minDrawsPerThread)));
}

/**
 * Starts the worker threads a coming `sample` of so many draws will use, so that they boot and load
 * their modules while this thread loads the scenario; `sample` hands them the scenario. Until then they
 * do not keep the process alive.
 */
export function startWorkers(draws: number, workers = defaultWorkers()): void {
  for (let i = started.length; i < threadsFor(draws, workers) - 1; i++) {
    const w = new Worker(WORKER);
    // not holding the process open: if the load fails, the command ends as it would without them
    w.unref();
    w.on('error', (e) => earlyErrors.set(w, e));
    started.push(w);
  }
}

/** Stops threads startWorkers started that no `sample` took (the load failed). */
export async function stopWorkers(): Promise<void> {
  await Promise.all(started.splice(0).map((w) => w.terminate()));
}

/** draws this thread runs between two looks at the workers' messages (a few milliseconds) */
const HERE = 50;

/**
 * Runs the draws in this thread and, with more than one worker, in worker threads too (our own small
 * pool over node:worker_threads: a pool library's task protocol and cloning cost more than the work
 * between two messages). The validated scenario goes to each worker once, as workerData; each worker
 * holds two ranges, so that it never waits for this thread to hand it the next; ranges shrink as the
 * draws run out (guided scheduling), so that the threads finish together. This thread takes small
 * ranges from the same counter and lets the workers' messages in between them. Each draw depends only
 * on the seed and its index, and tallies add up in any order, so the result is the same whatever the
 * number of threads or the size of the ranges.
 */
export async function sample(input: ScenarioInput, opts: SampleOptions): Promise<Tally> {
  const first = opts.first ?? 0;
  const end = first + opts.draws;
  const threads = threadsFor(opts.draws, opts.workers, opts.minDrawsPerThread);
  let cursor = first;
  const take = (size: number): WorkerTask | undefined => {
    if (cursor >= end) return undefined;
    const r = { from: cursor, to: Math.min(end, cursor + size) };
    cursor = r.to;
    return r;
  };
  // a worker's range: a share of what is left, large enough that its message costs little
  const guided = () => Math.min(2_000, Math.max(100, Math.ceil((end - cursor) / (4 * threads))));
  const total = emptyTally();
  let done = 0;
  const finish = (t: Tally) => {
    mergeTally(total, t);
    done += t.draws;
    opts.onProgress?.(done, opts.draws);
  };
  const draws = new Draws(input, opts.seed);
  let failed: Error | undefined;
  const here = async () => {
    for (let r = take(HERE); r && !failed; r = take(HERE)) {
      finish(await runDraws(draws, r.from, r.to));
      // let the workers' results in (and their next ranges out) between ranges
      if (threads > 1) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  if (threads <= 1) {
    await here();
    return total;
  }
  const init: WorkerInit = { input: plain(input), seed: opts.seed };
  const workers = Array.from({ length: threads - 1 }, () => {
    const w = started.shift();
    if (!w) return new Worker(WORKER, { workerData: init });
    w.ref();
    w.postMessage({ init });
    return w;
  });
  const feed = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const send = () => {
        const r = take(guided());
        if (!r) return false;
        inFlight++;
        w.postMessage(r);
        return true;
      };
      w.on('message', (m: { tally?: Tally; error?: string }) => {
        inFlight--;
        if (m.error !== undefined || !m.tally) {
          failed = new Error(`a sample worker failed: ${m.error}`);
          return reject(failed);
        }
        finish(m.tally);
        send();
        if (inFlight === 0) resolve();
      });
      w.on('error', (e) => reject((failed = e)));
      w.on('exit', (code) => {
        if (inFlight > 0) reject((failed = new Error(`a sample worker stopped (exit ${code})`)));
      });
      const early = earlyErrors.get(w);
      if (early) return reject((failed = early));
      // two ranges: one running, the next waiting in the worker
      if (send()) send();
      else resolve();
    });
  try {
    await Promise.all([...workers.map(feed), here()]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return total;
}

/** What is sent to a worker: plain data (structured clone). */
function plain(input: ScenarioInput): ScenarioInput {
  return { scenario: input.scenario, events: input.events, rules: input.rules, conditions: input.conditions };
}
