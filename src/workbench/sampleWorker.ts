import type { ScenarioInput } from '../run/runScenario.js';
import { Draws, runDraws } from '../sample/runDraws.js';
import type { Tally } from '../sample/tally.js';
import { evaluatorFor, type Session } from './engine.js';

/**
 * The page's Monte Carlo, run in a web worker: `truce sample`'s own draws (src/sample/runDraws.ts, the
 * same seeded generator per draw index), range by range, each range's tally sent back as it is done.
 */
export interface SampleRequest {
  input: ScenarioInput;
  seed: number;
  draws: number;
  /** draws per message: small enough that progress moves, large enough that messages cost little */
  chunk: number;
}

export type SampleMessage = { kind: 'tally'; tally: Tally; done: number } | { kind: 'error'; message: string };

export async function sampleInRanges(req: SampleRequest, post: (m: SampleMessage) => void, session?: Session): Promise<void> {
  const draws = new Draws(req.input, req.seed, evaluatorFor(req.input, session));
  for (let from = 0; from < req.draws; from += req.chunk) {
    const to = Math.min(req.draws, from + req.chunk);
    post({ kind: 'tally', tally: await runDraws(draws, from, to), done: to });
  }
}
