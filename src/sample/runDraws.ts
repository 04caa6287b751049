import { RuleEvaluator } from '../rules/ruleEngine.js';
import { orderEvents, RunsMemo, runOrdered, type ScenarioInput } from '../run/runScenario.js';
import { drawEvents } from './drawEvents.js';
import { addRun, emptyTally, type Tally } from './tally.js';

export interface DrawRange {
  input: ScenarioInput;
  seed: number;
  from: number;
  to: number;
}

// a thread draws many small ranges of the same events: order them once
const orderedOf = new WeakMap<ScenarioInput['events'], ReturnType<typeof orderEvents>>();

/** Runs draws from..to-1 and tallies them. Pure: the same range gives the same tally. */
export async function runDraws(
  { input, seed, from, to }: DrawRange,
  evaluator = new RuleEvaluator(input.rules, input.conditions),
): Promise<Tally> {
  let ordered = orderedOf.get(input.events);
  if (!ordered) orderedOf.set(input.events, (ordered = orderEvents(input.events)));
  const tally = emptyTally();
  // shared by this range's draws and dropped with it: draws keep their events' places and targets (drawEvents)
  const memo = new RunsMemo();
  for (let i = from; i < to; i++) {
    addRun(tally, await runOrdered(input.scenario, drawEvents(ordered, seed, i), { evaluator, explain: false, drawn: true, memo }));
  }
  return tally;
}
