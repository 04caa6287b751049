/**
 * CPU and allocation per Monte Carlo draw and per sweep combination, in one thread of this process:
 * what the 2-worker ratio of `truce sample` depends on (one worker already uses the second core for
 * V8's background compiling and collecting, so only less of that work per draw moves the ratio).
 * `node --expose-gc dist/bench/perDraw.js [sample|warmup|sweep-window|sweep-deadline|threads-1|threads-2] [N] [SCENARIO]`
 * (`warmup`: this thread's and the other threads' CPU for each 2,000 draws from a cold start)
 * (`threads-W`: `sample` itself on W threads, even where the CLI would start fewer (threadsFor), its
 * workers started before the scenario loads as the CLI does, timed from after the load: the draws
 * without the process's start); the CPU is the
 * process's (this thread, any workers and V8's background threads) and, apart, this thread's own (what
 * bench/scale.ts's ceiling of two threads rests on), the bytes are what the heap took in between
 * collections (v8.GCProfiler). Figures, never assertions.
 */
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/load/loadScenario.js';
import { Draws, runDraws } from '../src/sample/runDraws.js';
import { sample, startWorkers } from '../src/sample/sample.js';
import { sweep } from '../src/sweep/sweep.js';
import { parseVary } from '../src/sweep/parseVary.js';
import { Session } from 'node:inspector/promises';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mode = process.argv[2] ?? 'sample';
const n = Number(process.argv[3] ?? 20_000);
const SPECS: Record<string, string> = {
  'sweep-window': 'interpretations.washington.window.start=2026-01-20T00:00:00+02:00..2026-02-05T00:00:00+02:00:PT1H',
  'sweep-deadline': 'plan.phases.diplomatic.deadline=PT1H..PT384H:PT1H',
};

/**
 * This thread's CPU seconds so far (Linux: its time on a CPU in nanoseconds, schedstat's first field;
 * NaN elsewhere). process.cpuUsage counts every thread: the workers and V8's background compiler too.
 */
function mainThreadCpu(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return NaN;
  }
}

/** Bytes allocated over what `f` does: each collection's heap before it, less the heap after the one before. */
async function measured(f: () => Promise<number>): Promise<void> {
  // TRUCE_HEAP_PROFILE=FILE: where the bytes went (V8's sampling heap profiler, collected objects included)
  const heapFile = process.env.TRUCE_HEAP_PROFILE;
  const session = heapFile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 16_384,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as never);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const used0 = v8.getHeapStatistics().used_heap_size;
  const profiler = new v8.GCProfiler();
  profiler.start();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpu();
  const t0 = performance.now();
  const units = await f();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const main = mainThreadCpu() - main0;
  const used1 = v8.getHeapStatistics().used_heap_size;
  if (session) {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(heapFile!, JSON.stringify(profile));
    session.disconnect();
  }
  const { statistics } = profiler.stop();
  let allocated = 0;
  let last = used0;
  let gcMs = 0;
  const kinds: Record<string, number> = {};
  for (const s of statistics) {
    allocated += s.beforeGC.heapStatistics.usedHeapSize - last;
    last = s.afterGC.heapStatistics.usedHeapSize;
    gcMs += s.cost / 1000;
    kinds[s.gcType] = (kinds[s.gcType] ?? 0) + 1;
  }
  allocated += used1 - last;
  const cpuS = (cpu.user + cpu.system) / 1e6;
  console.log(
    `${mode} ${units}: wall ${wall.toFixed(2)} s (${Math.round(units / wall)}/s), CPU ${cpuS.toFixed(2)} s (${((cpuS / units) * 1e6).toFixed(0)} us each, ${(cpuS / wall).toFixed(2)} cores; this thread ${Number.isNaN(main) ? '?' : main.toFixed(3)} s), ` +
      `allocated ${(allocated / 2 ** 20).toFixed(0)} MiB (${Math.round(allocated / units / 1024)} KiB each), GC ${gcMs.toFixed(0)} ms ${JSON.stringify(kinds)}`,
  );
}

/** CPU seconds of every other thread of this process so far (V8's compiler and collector threads, workers) */
function otherThreadsCpu(): number {
  try {
    const self = readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0];
    let s = 0;
    for (const t of readdirSync('/proc/self/task')) {
      if (t === self) continue;
      try {
        s += Number(readFileSync(`/proc/self/task/${t}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
      } catch {}
    }
    return s;
  } catch {
    return NaN;
  }
}

const threads = /^threads-(\d+)$/.exec(mode);
const pool = threads ? startWorkers(n, Number(threads[1]), 1) : undefined;
// the scenario: the seed one unless a third argument names another (relative to the project)
const loaded = loadScenario(path.join(ROOT, process.argv[4] ?? 'scenarios/jan-feb-2026.yaml'), { cwd: ROOT });
if (threads) {
  await measured(async () => {
    await sample(loaded, { draws: n, seed: 1, workers: Number(threads[1]), minDrawsPerThread: 1, ...(pool ? { pool } : {}) });
    return n;
  });
} else if (mode === 'warmup') {
  // a thread's JIT warm-up: this thread's and the others' CPU for each 2,000 draws from a cold start
  const draws = new Draws(loaded, 1);
  const out: string[] = [];
  // where the draws start in a `--trace-opt` log
  console.log('warmup: the draws start');
  for (let i = 0; i < n; i += 2_000) {
    const m0 = mainThreadCpu();
    const b0 = otherThreadsCpu();
    for (let j = i; j < Math.min(n, i + 2_000); j += 50) await runDraws(draws, j, Math.min(n, i + 2_000, j + 50));
    out.push(`${((mainThreadCpu() - m0) * 1e3).toFixed(0)}+${((otherThreadsCpu() - b0) * 1e3).toFixed(0)}`);
  }
  console.log(`warmup, ms of this thread + the others per 2,000 draws: ${out.join(' ')}`);
} else if (mode === 'sample') {
  const draws = new Draws(loaded, 1);
  await measured(async () => {
    // in ranges of 50, as the calling thread of a sample takes them
    for (let i = 0; i < n; i += 50) await runDraws(draws, i, Math.min(n, i + 50));
    return n;
  });
} else {
  const vary = parseVary(SPECS[mode]!);
  const rounds = Math.max(1, Math.round(n / vary.values.length));
  await measured(async () => {
    for (let r = 0; r < rounds; r++) await sweep(loaded, [vary], 'bench');
    return rounds * vary.values.length;
  });
}
