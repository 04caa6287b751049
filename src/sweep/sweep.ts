import type { Resolved } from '../overlay/applyChanges.js';
import { applySets } from './applySets.js';
import { RuleEvaluator } from '../rules/ruleEngine.js';
import { RunsMemo, runScenario } from '../run/runScenario.js';
import { InputError } from '../problem.js';
import type { Vary } from './parseVary.js';

export interface SweepRow {
  /** path -> value of this combination */
  values: Record<string, string | number>;
  interpretation: string;
  violations: string[];
  possible: string[];
  escalations: string[];
  /** phase -> met (true/false) or open (null) */
  phases: Record<string, boolean | null>;
  dueBy: Record<string, number | null>;
  finalState: string;
}

/** Every combination of the varied values, in order (the first --vary varies slowest). */
export function combinations(varies: readonly Vary[]): Record<string, string | number>[] {
  let out: Record<string, string | number>[] = [{}];
  for (const v of varies) out = out.flatMap((c) => v.values.map((x) => ({ ...c, [v.path]: x })));
  return out;
}

/** Runs the scenario once per combination (all, or those given: a shard's), each a `set` overlay on the base. */
export async function sweep(
  base: Resolved,
  varies: readonly Vary[],
  file: string,
  interpretation?: string,
  only?: readonly Record<string, string | number>[],
): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  const sharedEvaluator = varies.some((v) => v.path.startsWith('rules.')) ? undefined : new RuleEvaluator(base.rules, base.conditions);
  // the sweep's own memo, dropped with it: its combinations' plans differ as objects, and often in a
  // deadline only, which the statechart memo keys by where it falls, not by its value
  const memo = new RunsMemo();
  for (const values of only ?? combinations(varies)) {
    const { result, problems } = applySets(
      base,
      Object.entries(values).map(([path, value]) => ({ path, value })),
      file,
    );
    if (problems.length > 0) {
      throw new InputError(
        problems.map((p) => ({
          ...p,
          path: [],
          message: `--vary ${Object.keys(values)[Number(p.path[1] ?? 0)] ?? ''}=${JSON.stringify(Object.values(values)[Number(p.path[1] ?? 0)])}: ${p.message}`,
        })),
      );
    }
    const report = await runScenario(result, {
      explain: false,
      memo,
      ...(sharedEvaluator ? { evaluator: sharedEvaluator } : {}),
      ...(interpretation ? { interpretation } : {}),
    });
    for (const run of report.runs) {
      const ids = (type: string) => [...new Set(run.findings.filter((f) => f.type === type).map((f) => f.eventId))];
      rows.push({
        values,
        interpretation: run.interpretation.id,
        violations: ids('violation'),
        possible: ids('possible-violation'),
        escalations: [...new Set(run.findings.filter((f) => f.type === 'escalation-trigger').map((f) => `${f.trigger}:${f.eventId}`))],
        phases: Object.fromEntries(run.phases.map((p) => [p.phase, p.met])),
        dueBy: Object.fromEntries(run.phases.map((p) => [p.phase, p.dueBy])),
        finalState: run.finalState,
      });
    }
  }
  return rows;
}
