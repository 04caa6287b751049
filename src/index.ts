/**
 * The library: everything the CLI does is available here as typed functions over data. The Markdown and
 * HTML reports load vega and vega-lite (about half a second), so they live behind `truce/report`
 * (src/reportEntry.ts) and `import 'truce'` stays light.
 */
export { loadScenario, loadRules, type LoadOptions, type LoadedScenario } from './load/loadScenario.js';
export { validatePaths, type ValidateResult } from './load/validatePaths.js';
export { runScenario, orderEvents, type ScenarioInput, type RunOptions, type RunReport, type ReadingRun } from './run/runScenario.js';
export { divergences, verdictOf, type Divergence, type Verdict } from './run/divergence.js';
export { runJson, type RunJson } from './report/runJson.js';
export { runText } from './report/runText.js';
export { provenanceOf, type Provenance } from './provenance.js';
export { RuleEvaluator } from './rules/ruleEngine.js';
export type { Finding } from './rules/finding.js';
export type { PhaseRecord } from './machine/truceMachine.js';
export type { TransitionRecord } from './machine/simulateTruce.js';
export { InputError, UsageError, type Problem, type ProblemCode } from './problem.js';
export { Scenario } from './schema/scenario.js';
export { SeedFile } from './schema/seedFile.js';
export { Event } from './schema/event.js';
export { Rule, RuleFile, ConditionsFile } from './schema/rule.js';
export { explainEvent, type EventExplanation } from './run/explainEvent.js';
export { explainText } from './report/explainText.js';
export { explainJson, type ExplainJson } from './report/explainJson.js';
export { machineGraph, type MachineGraph } from './machine/graph.js';
export { compareReadings, type CompareReport } from './run/compare.js';
export { diffRuns, type RunDiff } from './run/diffRuns.js';
export { streamRun, type StreamRecord } from './run/streamRun.js';
export { sample, type SampleOptions } from './sample/sample.js';
export { sweep, type SweepRow } from './sweep/sweep.js';
export { parseVary, type Vary } from './sweep/parseVary.js';
export { shippedFile, shippedScenario } from './shipped.js';
