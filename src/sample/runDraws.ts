import { RuleEvaluator } from '../rules/ruleEngine.js';
import { orderEvents, RunsMemo, runOrdered, runOrderedSync, type RunOptions, type ScenarioInput } from '../run/runScenario.js';
import { DrawPlan, drawEvents } from './drawEvents.js';
import type { StatechartMemo } from '../machine/memoSimulate.js';
import { addRun, emptyTally, FindingKeys, type Tally } from './tally.js';

/**
 * What one thread's draws of one scenario share, made once by the caller (a sample, a worker thread, the
 * page's web worker) and dropped with it: the rules evaluator, the events in time order, and the runs'
 * memo (the statechart's finished runs, facts by place, the place index). A range is often small (a
 * guided share, 50 draws on the main thread), so a memo per range would start cold again and again.
 */
export class Draws {
  readonly ordered: ReturnType<typeof orderEvents>;
  // draws keep their events' places and targets by reference (drawEvents), which the memo's facts rely on
  readonly memo: RunsMemo;
  /** the tally's keys of findings, one string per event and type */
  readonly keys = new FindingKeys();
  /** what every draw of these events shares (spans, id ranks, counts' bounds) */
  readonly plan: DrawPlan;
  /** every draw's run options (one object for all) */
  readonly options: RunOptions & { evaluator: RuleEvaluator };

  constructor(
    readonly input: ScenarioInput,
    readonly seed: number,
    readonly evaluator = new RuleEvaluator(input.rules, input.conditions),
    /** the statechart's memo to start from (the CLI's, restored from its cache folder), else a new one */
    statechart?: StatechartMemo,
  ) {
    this.memo = new RunsMemo(statechart);
    this.ordered = orderEvents(input.events);
    this.plan = new DrawPlan(this.ordered);
    this.options = { evaluator, explain: false, drawn: true, memo: this.memo };
  }
}

/** Runs draws from..to-1 and tallies them. Pure in its result: the same range gives the same tally. */
export async function runDraws(draws: Draws, from: number, to: number): Promise<Tally> {
  // rules that all compile: no await from the draw to its tally (runOrderedSync)
  if (draws.evaluator.fullyCompiled) return runDrawsSync(draws, from, to);
  const tally = emptyTally();
  const { input, seed, ordered, options, keys, plan } = draws;
  for (let i = from; i < to; i++) addRun(tally, await runOrdered(input.scenario, drawEvents(ordered, seed, i, plan), options), keys);
  return tally;
}

/** runDraws for an evaluator whose rules all compile (`fullyCompiled`), in one synchronous call. */
function runDrawsSync(draws: Draws, from: number, to: number): Tally {
  const tally = emptyTally();
  const { input, seed, ordered, options, keys, plan } = draws;
  for (let i = from; i < to; i++) addRun(tally, runOrderedSync(input.scenario, drawEvents(ordered, seed, i, plan), options), keys);
  return tally;
}
