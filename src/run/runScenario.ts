import type { Scenario } from '../schema/scenario.js';
import type { Event } from '../schema/event.js';
import type { Rule } from '../schema/rule.js';
import { eventInterval } from '../rules/deriveFacts.js';
import type { Finding } from '../rules/finding.js';
import { RuleEvaluator } from '../rules/ruleEngine.js';
import { openRun, type OrderedEvent, type ReadingRun, type RunOptions, type ScenarioInput } from './runner.js';
import { compareText } from '../collation.js';

export type { OrderedEvent, ReadingRun, RunOptions, ScenarioInput } from './runner.js';
export { RunsMemo } from './runContext.js';
export { planSpec } from '../machine/planSpec.js';

export interface RunReport {
  scenario: Scenario;
  events: OrderedEvent[];
  runs: ReadingRun[];
}

/** Events by start, then end, then id: stable whatever order the files list them in. */
export function orderEvents(events: readonly Event[]): OrderedEvent[] {
  const ordered = events.map((event) => ({ event, interval: eventInterval(event) }));
  // data usually comes in time order already: check before sorting
  for (let i = 1; i < ordered.length; i++) if (byTime(ordered[i - 1]!, ordered[i]!) > 0) return ordered.sort(byTime);
  return ordered;
}

const byTime = (a: OrderedEvent, b: OrderedEvent) =>
  a.interval.start - b.interval.start || a.interval.end - b.interval.end || compareText(a.event.id, b.event.id);

/**
 * Runs every reading (or one): events in time order, facts per reading, rules through one reused
 * engine, findings into the statechart. Pure: no clock, no I/O; the same input gives the same report.
 */
export async function runScenario(input: ScenarioInput, opts: RunOptions = {}): Promise<RunReport> {
  const evaluator = opts.evaluator ?? new RuleEvaluator(input.rules, input.conditions);
  return runOrdered(input.scenario, orderEvents(input.events), { ...opts, evaluator });
}

/** The runner over events already in time order (Monte Carlo draws order their own). */
export async function runOrdered(
  scenario: Scenario,
  ordered: OrderedEvent[],
  opts: RunOptions & { evaluator: RuleEvaluator },
): Promise<RunReport> {
  const run = openRun(scenario, opts.evaluator, opts);
  // one finding object per rule and event, whichever reading makes it
  const shared = new Map<Rule, Finding[]>();
  const runs: ReadingRun[] = [];
  for (const reading of run.readings) runs.push(await reading.whole(ordered, shared));
  return { scenario, events: ordered, runs };
}

/**
 * runOrdered without an await, for rules that all compile and not the reference path (the evaluator's
 * `fullyCompiled`): a sample's draws, so that the path from a draw to its tally is one synchronous call.
 */
export function runOrderedSync(scenario: Scenario, ordered: OrderedEvent[], opts: RunOptions & { evaluator: RuleEvaluator }): RunReport {
  const run = openRun(scenario, opts.evaluator, opts);
  const shared = new Map<Rule, Finding[]>();
  const runs: ReadingRun[] = [];
  for (const reading of run.readings) runs.push(reading.wholeSync(ordered, shared));
  return { scenario, events: ordered, runs };
}
