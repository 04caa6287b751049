import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { drawSeconds, threadsFor } from '../src/sample/sample.js';
import { ROOT } from './helpers.js';

// the compiled sampler: its worker threads run dist/src/sample/sampleWorker.js (vitest cannot start one on a .ts file)
type Sample = typeof import('../src/sample/sample.js').sample;
const compiled = async () => (await import(pathToFileURL(path.join(ROOT, 'dist/src/sample/sample.js')).href)) as { sample: Sample };

/**
 * The tally of a range of draws, key order included (a `--shard` part writes it as it is), may not
 * depend on how the draws were shared out: ranges finish in any order, and were once added in that
 * order, which put a finding first seen in a later draw before one seen earlier (india-pakistan-2025
 * with two threads).
 */
describe('sample shares its draws out without leaking the order they finish in', () => {
  const scenarios = ['scenarios/jan-feb-2026.yaml', 'scenarios/other/india-pakistan-2025/scenario.yaml'];
  it.each(scenarios)(
    '%s: the same tally, keys in the same order, with 1, 2 or 3 threads and ranges of 7 to 2,000 draws',
    async (file) => {
      const { sample } = await compiled();
      const loaded = loadScenario(path.join(ROOT, file), { cwd: ROOT });
      const run = (workers: number, chunk?: number) =>
        sample(loaded, { draws: 1500, first: 1234, seed: 7, workers, minDrawsPerThread: 1, ...(chunk ? { chunk } : {}) }).then((t) =>
          JSON.stringify(t),
        );
      const one = await run(1);
      expect(JSON.parse(one).draws).toBe(1500);
      for (const [workers, chunk] of [
        [2, undefined],
        [2, 7],
        [3, 50],
        [3, 333],
      ] as const)
        expect(await run(workers, chunk), `${workers} threads, ranges of ${chunk ?? 'up to 2,000'}`).toBe(one);
    },
    120_000,
  );
});

describe('threadsFor', () => {
  it('starts a thread only for draws that pay its warm-up: more of them when the threads would take every core, fewer when they cost more', () => {
    const seed = loadScenario(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), { cwd: ROOT });
    const small = loadScenario(path.join(ROOT, 'scenarios/other/yemen-2022/scenario.yaml'), { cwd: ROOT });
    expect(drawSeconds(seed)).toBeGreaterThan(3 * drawSeconds(small));
    const on = (cores: number, input = seed) => ({ cores, drawSeconds: drawSeconds(input) });
    // two cores: a second thread warms up in the place of draws
    expect(threadsFor(10_000, 2, on(2))).toBe(1);
    expect(threadsFor(20_000, 2, on(2))).toBe(2);
    // cheaper draws need more of them
    expect(threadsFor(20_000, 2, on(2, small))).toBe(1);
    // a draw ten times the seed scenario's pays a thread in a tenth of the draws
    expect(threadsFor(2_000, 2, { cores: 2, drawSeconds: 10 * drawSeconds(seed) })).toBe(2);
    // a core to spare for V8's background compiling
    expect(threadsFor(20_000, 2, on(4))).toBe(2);
    expect(threadsFor(3_000, 2, on(4))).toBe(1);
    // four asked on four cores: three, which leave one spare, before four
    expect(threadsFor(15_000, 4, on(4))).toBe(3);
    expect(threadsFor(100_000, 4, on(4))).toBe(4);
    expect(threadsFor(10, 3, { minDrawsPerThread: 1, cores: 2 })).toBe(3);
    expect(threadsFor(10, 1, { minDrawsPerThread: 1, cores: 2 })).toBe(1);
  });
});
