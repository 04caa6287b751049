import Tinypool from 'tinypool';
import { RuleEvaluator } from '../rules/ruleEngine.js';
import type { ScenarioInput } from '../run/runScenario.js';
import { runDraws, type DrawRange } from './runDraws.js';
import type { Tally } from './tally.js';

/**
 * A tinypool worker: one range of draws per task. The scenario came once, with the worker's start
 * (workerData); the worker builds its evaluator once, so that its caches (the compiled rules, the
 * statechart memo) carry over from task to task.
 */
let held: { input: ScenarioInput; evaluator: RuleEvaluator } | undefined;

export default function sampleWorker(task: Omit<DrawRange, 'input'>): Promise<Tally> {
  if (!held) {
    const input = Tinypool.workerData as ScenarioInput;
    held = { input, evaluator: new RuleEvaluator(input.rules, input.conditions) };
  }
  return runDraws({ input: held.input, seed: task.seed, from: task.from, to: task.to }, held.evaluator);
}
