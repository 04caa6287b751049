import os from 'node:os';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { ScenarioInput } from '../run/runScenario.js';
import type { StatechartMemo } from '../machine/memoSimulate.js';
import { Draws, runDraws } from './runDraws.js';
import { emptyTally, mergeTally, type Tally } from './tally.js';
import type { WorkerInit, WorkerTask } from './sampleWorker.js';

export interface SampleOptions {
  draws: number;
  seed: number;
  /** the first draw (a shard's range starts further on); draws `first`..`first + draws - 1` are run */
  first?: number;
  /** at most this many threads drawing, this one included (threadsFor starts fewer when draws would not repay one); 1 runs in this thread only */
  workers?: number;
  /** fewer draws than this per thread and no further thread is started (default: what pays, see threadsFor) */
  minDrawsPerThread?: number;
  /** threads started ahead (startWorkers) for this sample to take first */
  pool?: WorkerPool;
  /** the largest range of draws handed to a worker at once (default 2,000; tests vary it) */
  chunk?: number;
  onProgress?: (done: number, total: number) => void;
  /** the statechart's memo for this thread's draws to start from (see Draws) */
  statechart?: StatechartMemo;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
}

const WORKER = new URL('./sampleWorker.js', import.meta.url);

/**
 * A new worker thread. node:worker_threads is required when the first thread starts, not imported: its
 * loading is about 2 ms of CPU, which a sample in this thread alone (`-w 1`, or too few draws to repay a
 * thread) never needs.
 */
function newWorker(options?: import('node:worker_threads').WorkerOptions): Worker {
  const { Worker: Thread } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  return new Thread(WORKER, options);
}

/**
 * Worker threads started ahead of a `sample` (startWorkers), for it to take: held by the command that
 * started them and handed to `sample` (SampleOptions.pool), never kept by this module.
 */
export interface WorkerPool {
  /** threads not yet given a scenario */
  readonly idle: Worker[];
  /** what ended such a thread before a `sample` took it */
  readonly errors: WeakMap<Worker, Error>;
}

/**
 * What a further thread costs, measured on this project's 2-core machine with the seed scenario
 * (`BENCH_ONLY=sample`'s forced runs and `perDraw.js warmup`, 20,000 draws after the load; README, Monte
 * Carlo, "A second thread's cost"). Every isolate compiles the draw's code again: V8 shares no optimised
 * code between threads.
 */
/**
 * the process's extra CPU for a second thread: its start, its modules, its own JIT warm-up, the messages
 * (0.42-0.48 s; `m22`, at load 9-11, nine forced pairs of 20,000 draws: 0.28-0.53 s, mean 0.39)
 */
const THREAD_CPU = 0.39;
/**
 * V8's compiling and collecting beside one drawing thread, which an idle core absorbs (the process's CPU
 * less the thread's): 0.23-0.24 s (`m22`, six forced runs; was measured 0.21-0.29), nearly all of it
 * TurboFan in the first 2,000 draws (181-228 ms), 31-44 ms over the 18,000 after them
 */
const BACKGROUND_CPU = 0.23;
/** the drawing thread's own share of its warm-up: its first 2,000 draws less 2,000 warm ones (0.07-0.1 s) */
const OWN_WARMUP = 0.08;

/**
 * Seconds of warm draws a thread must get for it to pay its way. Where the threads would take every
 * core: one thread lasts its own CPU (its draws D and OWN_WARMUP; V8's background work runs on the idle
 * core), two at least half of all the CPU (D + OWN_WARMUP + BACKGROUND_CPU + THREAD_CPU), so two beat
 * one from D = BACKGROUND_CPU + THREAD_CPU - OWN_WARMUP, half of it for each thread: 0.27 s (about 12,000
 * draws of the seed scenario; was 0.3 s and 13,000 before these costs were measured again). With a core to spare that work runs beside the draws: 0.1 s (as the old
 * 2,000 draws; not measured here, this machine has two cores).
 */
const PAYS_EVERY_CORE = (BACKGROUND_CPU + THREAD_CPU - OWN_WARMUP) / 2;
const PAYS_SPARE_CORE = 0.1;

/**
 * A warm draw's CPU in seconds, roughly (measured on this project's machine, `perDraw.js warmup`): a
 * fixed part and a part per event and reading. The seed scenario (16 events, 3 readings) 41-50 us, the
 * other shipped ones (2-3 events, 3 readings) 10-30 us.
 */
export function drawSeconds(input: ScenarioInput): number {
  return (10 + 0.75 * input.events.length * input.scenario.interpretations.length) * 1e-6;
}
/** what a draw is taken to cost before the scenario is known (the seed scenario's) */
const TYPICAL_DRAW = 46e-6;

export interface ThreadsOptions {
  /** fewer draws than this per thread and no further thread (instead of what a thread must pay) */
  minDrawsPerThread?: number;
  /** a warm draw's CPU in seconds (drawSeconds) */
  drawSeconds?: number;
  cores?: number;
}

/**
 * How many threads `sample` uses for so many draws: the most, up to `workers`, whose draws each pay the
 * thread's warm-up (more of them when the threads would take every core), or that each get at least
 * minDrawsPerThread.
 */
export function threadsFor(draws: number, workers = defaultWorkers(), o: ThreadsOptions = {}): number {
  const cores = o.cores ?? os.availableParallelism?.() ?? os.cpus().length;
  for (let t = workers; t > 1; t--) {
    const least = o.minDrawsPerThread ?? Math.ceil((t >= cores ? PAYS_EVERY_CORE : PAYS_SPARE_CORE) / (o.drawSeconds ?? TYPICAL_DRAW));
    if (draws / t >= least) return t;
  }
  return 1;
}

/**
 * Starts the worker threads a coming `sample` of so many draws will likely use (a draw taken to cost
 * what the seed scenario's does), so that they boot and load their modules while this thread loads the
 * scenario; `sample` hands them the scenario, starts any more it needs and stops any it does not. Until
 * then they do not keep the process alive.
 */
export function startWorkers(draws: number, workers = defaultWorkers(), minDrawsPerThread?: number): WorkerPool {
  const pool: WorkerPool = { idle: [], errors: new WeakMap() };
  const threads = threadsFor(draws, workers, minDrawsPerThread === undefined ? {} : { minDrawsPerThread });
  for (let i = 0; i < threads - 1; i++) {
    const w = newWorker();
    // not holding the process open: if the load fails, the command ends as it would without them
    w.unref();
    w.on('error', (e) => pool.errors.set(w, e));
    pool.idle.push(w);
  }
  return pool;
}

/** Stops the pool's threads that no `sample` took (the load failed). */
export async function stopWorkers(pool: WorkerPool): Promise<void> {
  await Promise.all(pool.idle.splice(0).map((w) => w.terminate()));
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
 * on the seed and its index, and the ranges' tallies are added in the order of their draws, whatever
 * order they finish in, so the result is the same whatever the number of threads or the size of the
 * ranges: its counts, and the order of its keys too (which a `--shard` part writes as it is).
 */
export async function sample(input: ScenarioInput, opts: SampleOptions): Promise<Tally> {
  const first = opts.first ?? 0;
  const end = first + opts.draws;
  const threads = threadsFor(opts.draws, opts.workers, {
    drawSeconds: drawSeconds(input),
    ...(opts.minDrawsPerThread === undefined ? {} : { minDrawsPerThread: opts.minDrawsPerThread }),
  });
  // threads started ahead for draws dearer than these: not needed
  const surplus = opts.pool?.idle.splice(Math.max(0, threads - 1)) ?? [];
  if (surplus.length > 0) await Promise.all(surplus.map((w) => w.terminate()));
  let cursor = first;
  const take = (size: number): WorkerTask | undefined => {
    if (cursor >= end) return undefined;
    const r = { from: cursor, to: Math.min(end, cursor + size) };
    cursor = r.to;
    return r;
  };
  // a worker's range: a share of what is left, large enough that its message costs little
  const most = opts.chunk ?? 2_000;
  const guided = () => Math.min(most, Math.max(Math.min(100, most), Math.ceil((end - cursor) / (4 * threads))));
  const total = emptyTally();
  let done = 0;
  // tallies of ranges that finished before an earlier range, by their first draw, until it is in
  const early = new Map<number, Tally>();
  let next = first;
  const finish = (from: number, t: Tally) => {
    early.set(from, t);
    // a tally's keys come in the order it first meets them: added in the draws' order, the total's do too
    for (let e = early.get(next); e !== undefined; e = early.get(next)) {
      early.delete(next);
      mergeTally(total, e);
      next += e.draws;
    }
    done += t.draws;
    opts.onProgress?.(done, opts.draws);
  };
  const draws = new Draws(input, opts.seed, undefined, opts.statechart);
  let failed: Error | undefined;
  const here = async () => {
    for (let r = take(HERE); r && !failed; r = take(HERE)) {
      finish(r.from, await runDraws(draws, r.from, r.to));
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
    const w = opts.pool?.idle.shift();
    if (!w) return newWorker({ workerData: init });
    w.ref();
    w.postMessage({ init });
    return w;
  });
  const feed = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      // the ranges it holds, in the order it runs them
      const held: number[] = [];
      const send = () => {
        const r = take(guided());
        if (!r) return false;
        inFlight++;
        held.push(r.from);
        w.postMessage(r);
        return true;
      };
      w.on('message', (m: { tally?: Tally; error?: string }) => {
        inFlight--;
        if (m.error !== undefined || !m.tally) {
          failed = new Error(`a sample worker failed: ${m.error}`);
          return reject(failed);
        }
        finish(held.shift()!, m.tally);
        send();
        if (inFlight === 0) resolve();
      });
      w.on('error', (e) => reject((failed = e)));
      w.on('exit', (code) => {
        if (inFlight > 0) reject((failed = new Error(`a sample worker stopped (exit ${code})`)));
      });
      const early = opts.pool?.errors.get(w);
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
