import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { defaultCache, writeWhole } from '../load/loadCache.js';
import { StatechartMemo } from '../machine/memoSimulate.js';

/**
 * The statechart's finished runs kept in the cache folder from one process to the next (README, Cold
 * start, "Start, round eight"). A sample's draws make the same few statechart runs whatever the seed (15
 * on the seed scenario in 100 draws, and no new one in the next 600 of other seeds), and each made on
 * cold code costs about a millisecond, the first several: a start that finds them made skips XState.
 * The memo is exact (keyed by what the plan says and the order of every time point that can matter,
 * src/machine/memoSimulate.ts), so a kept run is the run the statechart would make; the file carries the
 * build in its name (another build's machine may differ), and one of any other shape is ignored whole
 * (`restore`), never an error. Like the zones' file (intlFree.ts): used unless TRUCE_CACHE=0, whether the
 * scenario was validated afresh or not, since it holds no input, only what the code made of it.
 */

/** at most so many runs are kept (a file of a few hundred kilobytes); the memo itself holds more */
const MAX_RUNS = 2_000;
const PREFIX = 'statechart-';

/**
 * Runs `work` with the statechart's runs kept by earlier commands, then keeps what it added: the one way
 * the commands use the file, so that none restores it and forgets to write it back.
 */
export async function withKeptStatechart<T>(work: (memo: StatechartMemo) => Promise<T>): Promise<T> {
  const kept = keptStatechart();
  const result = await work(kept.memo);
  kept.keep();
  return result;
}

interface KeptStatechart {
  /** the memo for the draws, with the kept runs in it */
  memo: StatechartMemo;
  /** writes the memo back if the draws added runs to it (call after they are done) */
  keep(): void;
}

/** A memo restored from the cache folder (none there, or TRUCE_CACHE=0: an empty one that keeps nothing). */
function keptStatechart(): KeptStatechart {
  const memo = new StatechartMemo();
  const cache = defaultCache(process.cwd());
  const name = cache === undefined ? undefined : `${PREFIX}${cache.build}.json`;
  if (cache === undefined || name === undefined || !/^[\w.+-]+$/.test(name)) return { memo, keep: () => {} };
  const file = path.join(cache.dir, name);
  try {
    memo.restore(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch {
    // none yet, or not JSON: the runs are made and kept afresh
  }
  const before = memo.size;
  return {
    memo,
    keep: () => {
      if (memo.size === before || before >= MAX_RUNS) return;
      if (!writeWhole(file, JSON.stringify(memo.saved(MAX_RUNS)))) return;
      try {
        // another build's runs are never read again
        for (const f of readdirSync(cache.dir))
          if (f.startsWith(PREFIX) && f.endsWith('.json') && f !== name) rmSync(path.join(cache.dir, f), { force: true });
      } catch {
        // left for a later run to remove
      }
    },
  };
}
