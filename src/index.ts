/** The library: everything the CLI does is available here as typed functions over data. */
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
