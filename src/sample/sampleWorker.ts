import { parentPort, workerData } from 'node:worker_threads';
import type { ScenarioInput } from '../run/runScenario.js';
import { Draws, runDraws } from './runDraws.js';

/**
 * A Monte Carlo worker thread (src/sample/sample.ts): the validated scenario and the seed come once, as
 * workerData (or, for a thread started before the scenario was loaded, as its first message), and are
 * not validated again; each further message is one range of draws, answered with its tally.
 * One `Draws` for the thread's life, so that its evaluator (the compiled rules) and its runs' memo
 * (the statechart's finished runs) carry over from range to range.
 */
export interface WorkerInit {
  input: ScenarioInput;
  seed: number;
}
export interface WorkerTask {
  from: number;
  to: number;
}

let held: Draws | undefined;
const hold = (init: WorkerInit) => {
  held = new Draws(init.input, init.seed);
};
if (workerData) hold(workerData as WorkerInit);
const port = parentPort!;
// the next range waits here while this one runs (ranges never interleave on the shared evaluator)
let queue: Promise<void> = Promise.resolve();
port.on('message', (m: WorkerTask | { init: WorkerInit }) => {
  if ('init' in m) return hold(m.init);
  queue = queue
    .then(() => runDraws(held!, m.from, m.to))
    .then(
      (tally) => port.postMessage({ tally }),
      (e: unknown) => port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    );
});
