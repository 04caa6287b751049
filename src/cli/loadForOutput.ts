import path from 'node:path';
import { recording } from '../load/observedFs.js';
// loaded only when the cache cannot answer: YAML and the zod formats are most of a cold start
import type { LoadedScenario, LoadOptions } from '../load/loadScenario.js';
import { defaultCache, loadScenarioCached } from '../load/loadCache.js';
import { outExists, refuseInputs, type OutFile } from './output.js';

/**
 * Loads a scenario for a command that may write --out. When --out names a file that exists, it may be
 * one the load reads (the scenario, what it extends, a seed, a rule file, an article): the load is then
 * made afresh, not from the cache, noting every file it reads (src/load/observedFs.ts), and refused if
 * --out is one of them, before anything is run or written.
 */
export async function loadForOutput(
  scenarioPath: string,
  opts: LoadOptions,
  out: OutFile | undefined,
  useCache: boolean,
): Promise<LoadedScenario> {
  if (!outExists(out) && useCache) return loadScenarioCached(scenarioPath, opts, defaultCache(process.cwd()));
  const { loadScenario } = await import('../load/loadScenario.js');
  if (!outExists(out)) return loadScenario(scenarioPath, opts);
  const { value, observations } = recording(() => loadScenario(scenarioPath, opts));
  refuseInputs(
    out,
    observations.filter(([op]) => op === 'read').map(([, p]) => ({ name: shown(p) })),
  );
  return value;
}

function shown(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}
