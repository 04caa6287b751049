import type { LoadedScenario, LoadOptions } from '../load/loadScenario.js';
import { displayName, scenarioFiles } from '../load/files.js';
import { loadScenarioCached, type CacheSpec } from '../load/loadCache.js';
import { InputError } from '../problem.js';
import { runScenario, planSpec } from '../run/runScenario.js';
import { checkExpectations, checkLoadFailure, type CaseResult } from '../run/checkExpectations.js';
import { machineInventory } from '../machine/inventory.js';
import { compareText } from '../collation.js';

export interface FileResult {
  file: string;
  cases: CaseResult[];
}

export interface Coverage {
  rules: { name: string; fired: boolean }[];
  states: { name: string; visited: boolean }[];
  transitions: { name: string; taken: boolean }[];
}

export interface TestRun {
  files: FileResult[];
  passed: number;
  failed: number;
  coverage: Coverage;
}

/**
 * Runs the `expect:` cases of every scenario file under `paths`; collects what they exercised. With a
 * cache, a scenario that loads comes from it (YAML and zod only for what changed); the cases of one
 * that does not load are read on their own.
 */
export async function runScenarioTests(
  paths: string[],
  { cache, ...opts }: LoadOptions & { cwd: string; cache?: CacheSpec | undefined },
): Promise<TestRun> {
  const files: FileResult[] = [];
  const rules = new Map<string, boolean>();
  const states = new Map<string, boolean>();
  const transitions = new Map<string, boolean>();
  for (const abs of scenarioFiles(paths.length > 0 ? paths : ['scenarios'], opts.cwd)) {
    const file = displayName(abs, opts.cwd);
    let loaded: LoadedScenario;
    try {
      loaded = await loadScenarioCached(abs, opts, cache);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { readExpectations } = await import('../load/readExpectations.js');
      const cases = readExpectations(abs, opts);
      files.push({
        file,
        cases:
          cases.length > 0
            ? checkLoadFailure(cases, e.problems)
            : [{ name: '(the scenario loads)', differences: [`it does not: ${e.problems[0]?.message ?? ''}`] }],
      });
      continue;
    }
    if (loaded.expect.length === 0) continue;
    const report = await runScenario(loaded);
    files.push({ file, cases: checkExpectations(loaded.expect, report) });
    const inv = machineInventory(planSpec(loaded.scenario));
    for (const s of inv.states) if (!states.has(s)) states.set(s, false);
    for (const t of inv.transitions) if (!transitions.has(t)) transitions.set(t, false);
    for (const r of loaded.rules) if (!rules.has(r.name)) rules.set(r.name, false);
    for (const run of report.runs) {
      for (const f of run.findings) rules.set(f.rule, true);
      for (const t of run.transitions) {
        states.set(`${t.region}.${t.from}`, true);
        states.set(`${t.region}.${t.to}`, true);
        transitions.set(`${t.region}: ${t.from} -> ${t.to}`, true);
      }
      for (const [region, state] of Object.entries(run.regions)) {
        // every region starts in its initial state, and ends in its last
        states.set(region === 'lifecycle' ? 'lifecycle.start' : `${region}.inactive`, true);
        states.set(`${region}.${state}`, true);
      }
    }
  }
  const all = files.flatMap((f) => f.cases);
  const failed = all.filter((c) => c.differences.length > 0).length;
  const list = <K extends string>(m: Map<string, boolean>, key: K) =>
    [...m.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([name, v]) => ({ name, [key]: v }) as { name: string } & Record<K, boolean>);
  return {
    files,
    passed: all.length - failed,
    failed,
    coverage: { rules: list(rules, 'fired'), states: list(states, 'visited'), transitions: list(transitions, 'taken') },
  };
}
