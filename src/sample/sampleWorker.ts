import { RuleEvaluator } from '../rules/ruleEngine.js';
import { runDraws, type DrawRange } from './runDraws.js';
import type { Tally } from './tally.js';

/**
 * A tinypool worker: one range of draws per task. The scenario arrives as a fresh copy with every task;
 * the worker keeps the first copy of each (by key) so that its caches (the compiled rules, the statechart
 * memo) carry over from task to task.
 */
const kept = new Map<string, { range: DrawRange['input']; evaluator: RuleEvaluator }>();

export default function sampleWorker(task: DrawRange & { key: string }): Promise<Tally> {
  let k = kept.get(task.key);
  if (!k) {
    k = { range: task.input, evaluator: new RuleEvaluator(task.input.rules, task.input.conditions) };
    kept.set(task.key, k);
  }
  return runDraws({ input: k.range, seed: task.seed, from: task.from, to: task.to }, k.evaluator);
}
