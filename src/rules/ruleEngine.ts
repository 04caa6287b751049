import type { Engine, RuleResult, TopLevelCondition } from 'json-rules-engine';
import type { Condition, Rule } from '../schema/rule.js';
import type { Facts } from './deriveFacts.js';
import { temporalOperators, type TemporalValue } from './operators.js';
import { safePath } from './safePath.js';
import { compileRules } from './compileRules.js';
import { compareText } from '../collation.js';

/** One rule's outcome for one set of facts, with json-rules-engine's condition trace. */
export interface RuleOutcome {
  rule: Rule;
  fired: boolean;
  /** the evaluated condition tree: leaves carry factResult/valueResult/result when evaluated */
  trace: unknown;
}

const byPriority = (a: Rule, b: Rule) => b.priority - a.priority || compareText(a.name, b.name);

/**
 * json-rules-engine behind a small interface: one engine, built once from the rule set and reused
 * for every event and reading. Results come back sorted (priority, then name), never in the order
 * the engine's promises happened to resolve.
 *
 * Two paths: `evaluate` is json-rules-engine itself, the reference, with condition traces (explain);
 * `firedSync` runs the rules compiled to one plain function (bulk runs). A rule the compiler cannot handle goes
 * through json-rules-engine (`fired`), never a guess.
 */
export class RuleEvaluator {
  /** built on first use: a run on the compiled path never loads json-rules-engine (a faster start) */
  private engine?: Promise<Engine>;
  private readonly conditions: Readonly<Record<string, Condition>>;
  private readonly byName: Map<string, Rule>;
  /** the compiled rules that fire on a set of facts */
  private readonly fire: (facts: Facts) => Rule[];
  /** rules the compiler could not handle */
  readonly fallback: Rule[];

  constructor(
    readonly rules: readonly Rule[],
    conditions: Readonly<Record<string, Condition>>,
  ) {
    this.conditions = conditions;
    this.byName = new Map(rules.map((r) => [r.name, r]));
    const { fire, fallback } = compileRules([...rules].sort(byPriority), conditions);
    this.fire = fire;
    this.fallback = fallback;
  }

  private build(): Promise<Engine> {
    this.engine ??= import('json-rules-engine').then(({ Engine }) => {
      const engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false, pathResolver: safePath });
      for (const [name, op] of Object.entries(temporalOperators)) engine.addOperator<unknown, TemporalValue>(name, op);
      for (const [name, cond] of Object.entries(this.conditions)) engine.setCondition(name, cond as TopLevelCondition);
      // anchor facts carry a condition's params (bounds) into the compared value
      engine.addFact('actorFirstViolation', async (params, almanac) => {
        const interval = await almanac.factValue('__actorFirstViolation');
        return params.min !== undefined || params.max !== undefined ? { interval, min: params.min, max: params.max } : interval;
      });
      for (const r of this.rules)
        engine.addRule({ name: r.name, priority: r.priority, conditions: r.conditions as TopLevelCondition, event: r.event });
      return engine;
    });
    return this.engine;
  }

  /** Whether every rule compiled, so that firedSync answers alone. */
  get fullyCompiled(): boolean {
    return this.fallback.length === 0;
  }

  /** The rules that fire, by the compiled path; only when fullyCompiled. */
  firedSync(facts: Facts): Rule[] {
    return this.fire(facts);
  }

  /** The rules that fire: compiled where possible, json-rules-engine for the rest. */
  async fired(facts: Facts, reference = false): Promise<Rule[]> {
    if (!reference && this.fullyCompiled) return this.firedSync(facts);
    const viaEngine = (await this.evaluate(facts)).filter((o) => o.fired).map((o) => o.rule);
    if (reference) return viaEngine;
    const slow = new Set(this.fallback.map((r) => r.name));
    return [...this.firedSync(facts), ...viaEngine.filter((r) => slow.has(r.name))].sort(byPriority);
  }

  async evaluate(facts: Facts): Promise<RuleOutcome[]> {
    const { actorFirstViolation, ...rest } = facts;
    const result = await (await this.build()).run({ ...rest, __actorFirstViolation: actorFirstViolation });
    const outcome = (r: RuleResult, fired: boolean): RuleOutcome => ({ rule: this.byName.get(r.name)!, fired, trace: r.conditions });
    return [...result.results.map((r) => outcome(r, true)), ...result.failureResults.map((r) => outcome(r, false))].sort((a, b) =>
      byPriority(a.rule, b.rule),
    );
  }
}
