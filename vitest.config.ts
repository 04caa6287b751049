import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/sequencer.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // builds dist/ first when it is older than the sources (the CLI tests run it), so `vitest` alone tests current code
    globalSetup: ['tests/globalSetup.ts'],
    // forks, not threads: runCliHere sets the working folder (process.chdir), which a worker thread cannot
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: on 2 cores, one file at a time. One worker per
    // core keeps both busy (the tests are CPU-bound: the CLI runs in-process, see tests/helpers.ts runCliHere).
    maxWorkers: Math.max(2, availableParallelism()),
    // a worker runs file after file in one module graph (src/ and the CLI loaded once, not once a file):
    // half the CPU of a run of small files. Safe here: no test mocks modules or keeps state in them, and
    // runCliHere puts back the working folder and environment it sets.
    isolate: false,
    // a bigger young generation for the workers: the property and model tests allocate many short-lived
    // objects, and with node's default (16 MiB) the garbage collector took 12-15 % of their CPU; at 32 MiB
    // about half of that (measured in CPU profiles of tests/model.test.ts, paired runs)
    execArgv: ['--max-semi-space-size=32'],
    reporters: ['default', './tests/slowestFiles.ts'],
    // the longest files start first, also on a fresh clone with no durations from an earlier run
    sequence: { sequencer: LongestFirst },
    server: {
      deps: {
        // the compiled CLI that tests call in-process (runCliHere) is loaded by node itself, as a spawned
        // CLI would load it, not through vitest's transform
        external: [/\/dist\/src\//, /\/dist\/cli\//],
      },
    },
    testTimeout: 60_000,
  },
});
