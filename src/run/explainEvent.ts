import type { Event } from '../schema/event.js';
import type { Interpretation, Obligation } from '../schema/interpretation.js';
import type { Condition, Rule } from '../schema/rule.js';
import { placeIndexOf } from '../places/scenarioPlaces.js';
import { deriveFacts, type FactContext, type Facts, type ReadingState } from '../rules/deriveFacts.js';
import { RuleEvaluator } from '../rules/ruleEngine.js';
import { conductOf } from '../rules/conduct.js';
import { fillTemplate, type Finding } from '../rules/finding.js';
import { during, overlaps, type Interval } from '../time/interval.js';
import { UsageError } from '../problem.js';
import { explainVars } from './explainVars.js';
import { planSpec } from '../machine/planSpec.js';
import { verdictOf, type Verdict } from './divergence.js';
import type { ReadingRun, RunReport, ScenarioInput } from './runScenario.js';

/**
 * Why an event was (or was not) found to break the truce under each reading: for every reading, every
 * obligation of the actor and every rule, the rule's condition tree as json-rules-engine evaluated it,
 * with the fact values, operators and expected values, named shared conditions kept by name, and the
 * reading's terms that decided it. Pure: it re-evaluates the rules over a finished run's state.
 */

export type NodeStatus = 'passed' | 'failed' | 'not-evaluated';

export interface LeafNode {
  op: 'fact';
  status: NodeStatus;
  fact: string;
  operator: string;
  /** the expected value as the rule writes it (a literal, or `{ fact, params }` for another fact) */
  value: unknown;
  params?: Record<string, unknown>;
  path?: string;
  /** what the engine read for the fact (absent when not evaluated) */
  factValue?: unknown;
  /** the value it compared with, resolved (absent when not evaluated) */
  valueResult?: unknown;
}

export interface BranchNode {
  op: 'all' | 'any' | 'not';
  status: NodeStatus;
  conditions: ConditionNode[];
}

/** A `{ condition: name }` reference to rules/conditions.json, shown by name with its own parts. */
export interface NamedNode {
  op: 'condition';
  name: string;
  status: NodeStatus;
  conditions: [ConditionNode];
}

export type ConditionNode = LeafNode | BranchNode | NamedNode;

export interface RuleExplanation {
  rule: Rule;
  fired: boolean;
  conditions: ConditionNode;
  /** the evaluated leaves that decided the outcome (for a rule that did not fire: why not) */
  decisive: LeafNode[];
  /** the finding's sentence, when the rule fired */
  explanation: string | null;
}

export interface ObligationEvaluation {
  /** the obligation of the actor the facts were read under; null: the actor has none under this reading */
  obligation: Obligation | null;
  /** its index in the interpretation's obligations */
  obligationIndex: number | null;
  facts: Facts;
  context: FactContext;
  /** every rule, by priority then name */
  rules: RuleExplanation[];
}

/** Where the event's interval lies against the window. */
export type Timing = 'inside' | 'partly-inside' | 'before' | 'after';

export interface ReadingExplanation {
  interpretation: Interpretation;
  window: ReadingRun['window'];
  timing: Timing;
  verdict: Verdict;
  /** the run's findings about this event under this reading */
  findings: Finding[];
  /** each party's first certain violation under this reading (the state the rules were evaluated in) */
  firstViolations: ReadingRun['firstViolations'];
  evaluations: ObligationEvaluation[];
}

export interface EventExplanation {
  scenario: { id: string; title: string; timeZone: string };
  parties: { id: string; name: string }[];
  event: Event;
  interval: Interval;
  readings: ReadingExplanation[];
}

export interface ExplainOptions {
  interpretation?: string;
  evaluator?: RuleEvaluator;
}

/**
 * Explains `eventId` under every reading of `report` (or one). The report must come from `input`: its
 * runs give each party's first violation, so that the rules see the state the runner's fixed point
 * reached. Throws a UsageError naming the valid ids when the event or the reading is unknown.
 */
export async function explainEvent(
  input: ScenarioInput,
  report: RunReport,
  eventId: string,
  opts: ExplainOptions = {},
): Promise<EventExplanation> {
  const { scenario } = input;
  const ordered = report.events.find((e) => e.event.id === eventId);
  if (!ordered) {
    throw new UsageError(
      `no event "${eventId}" in scenario ${scenario.id}; choose one of ${report.events.map((e) => e.event.id).join(', ')}`,
    );
  }
  const ids = report.runs.map((r) => r.interpretation.id);
  if (opts.interpretation !== undefined && !ids.includes(opts.interpretation)) {
    throw new UsageError(`no interpretation "${opts.interpretation}" in scenario ${scenario.id}; choose one of ${ids.join(', ')}`);
  }
  const evaluator = opts.evaluator ?? new RuleEvaluator(input.rules, input.conditions);
  const partyName = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;
  const { event, interval } = ordered;
  const readings: ReadingExplanation[] = [];
  // one index for every reading (the same places): building it is most of what a reading's state costs
  const places = placeIndexOf(scenario);
  for (const run of report.runs) {
    if (opts.interpretation !== undefined && run.interpretation.id !== opts.interpretation) continue;
    const state: ReadingState = {
      window: run.window,
      // the state the run's findings were decided under, so that the trace and the findings agree
      firstViolation:
        run.evaluatedUnder?.firstViolation ??
        new Map(run.firstViolations.map((v) => [v.party, { interval: v.interval, eventId: v.eventId }])),
      firstPossible: run.evaluatedUnder?.firstPossible ?? new Map(),
      breachDone:
        run.evaluatedUnder?.breachDone ?? new Map(run.firstViolations.map((v) => [v.party, { interval: v.interval, eventId: v.eventId }])),
      appliesTo: planSpec(scenario).appliesTo,
      places,
      evidence: run.interpretation.evidence,
      conduct: conductOf(run.interpretation.obligations, report.events, run.window, places, run.interpretation.evidence),
    };
    const obligations = run.interpretation.obligations.map((o, i) => ({ o, i })).filter(({ o }) => o.party === event.actor);
    const evaluations: ObligationEvaluation[] = [];
    for (const { o, i } of obligations.length > 0 ? obligations : [{ o: undefined, i: null }]) {
      const { facts, context } = deriveFacts(event, interval, o, state);
      const outcomes = await evaluator.evaluate(facts);
      const rules = outcomes.map((outcome): RuleExplanation => {
        const conditions = explainTree(outcome.rule.conditions, outcome.trace, input.conditions, outcome.fired);
        const vars = outcome.fired
          ? explainVars(
              event,
              facts,
              context,
              run.interpretation.id,
              scenario.timeZone,
              partyName,
              state.firstViolation.get(event.actor)?.eventId,
            )
          : undefined;
        return {
          rule: outcome.rule,
          fired: outcome.fired,
          conditions,
          decisive: decisiveLeaves(conditions),
          explanation: vars ? fillTemplate(outcome.rule.event.params.explain, vars) : null,
        };
      });
      evaluations.push({ obligation: o ?? null, obligationIndex: i, facts, context, rules });
    }
    readings.push({
      interpretation: run.interpretation,
      window: run.window,
      timing: timingOf(interval, run.window),
      verdict: verdictOf(run, event.id),
      findings: run.findings.filter((f) => f.eventId === event.id),
      firstViolations: run.firstViolations,
      evaluations,
    });
  }
  return {
    scenario: { id: scenario.id, title: scenario.title, timeZone: scenario.timeZone },
    parties: scenario.parties.map((p) => ({ id: p.id, name: p.name })),
    event,
    interval,
    readings,
  };
}

export function timingOf(e: Interval, w: Interval): Timing {
  if (during(e, w)) return 'inside';
  if (overlaps(e, w)) return 'partly-inside';
  return e.start < w.start ? 'before' : 'after';
}

type TraceNode = Record<string, unknown> | undefined;

const statusOf = (result: unknown): NodeStatus => (result === true ? 'passed' : result === false ? 'failed' : 'not-evaluated');

/**
 * Pairs the rule's condition tree as written (named conditions by name) with json-rules-engine's trace of
 * it. The engine replaces a `{ condition: name }` reference by the named condition's body when it
 * evaluates it, and leaves it as a reference when it short-circuits before it; array positions are kept.
 * The root carries no result in the trace: the rule's outcome stands in for it.
 */
export function explainTree(
  def: Condition,
  trace: unknown,
  named: Readonly<Record<string, Condition>>,
  rootResult?: boolean,
): ConditionNode {
  const t = (trace ?? undefined) as TraceNode;
  const result = rootResult ?? t?.result;
  if ('condition' in def) {
    const body = named[def.condition];
    // unevaluated: the trace still holds the reference, not the body
    const evaluated = t !== undefined && !('condition' in t);
    const child = body
      ? explainTree(body, evaluated ? t : undefined, named, evaluated ? rootResult : undefined)
      : leafMissing(def.condition);
    return { op: 'condition', name: def.condition, status: evaluated ? statusOf(result) : 'not-evaluated', conditions: [child] };
  }
  if ('all' in def || 'any' in def) {
    const op = 'all' in def ? 'all' : 'any';
    const defs = ('all' in def ? def.all : def.any) as Condition[];
    const traces = Array.isArray(t?.[op]) ? (t[op] as unknown[]) : [];
    return {
      op,
      status: statusOf(result),
      conditions: defs.map((d, i) => explainTree(d, result === undefined ? undefined : traces[i], named)),
    };
  }
  if ('not' in def) {
    return { op: 'not', status: statusOf(result), conditions: [explainTree(def.not, result === undefined ? undefined : t?.not, named)] };
  }
  const leaf: LeafNode = {
    op: 'fact',
    status: statusOf(t?.result),
    fact: def.fact,
    operator: def.operator,
    value: def.value,
    ...(def.params !== undefined ? { params: def.params } : {}),
    ...(def.path !== undefined ? { path: def.path } : {}),
  };
  if (t !== undefined && typeof t.result === 'boolean') {
    leaf.factValue = t.factResult;
    leaf.valueResult = t.valueResult;
  }
  return leaf;
}

function leafMissing(name: string): LeafNode {
  return { op: 'fact', status: 'not-evaluated', fact: `(unknown condition ${name})`, operator: '', value: null };
}

/**
 * The evaluated leaves that decide a node's outcome: for a failed `all`, its failed parts; for a passed
 * `any`, its passed parts; otherwise every evaluated part; through a `not`, the leaves of what it negates.
 */
export function decisiveLeaves(node: ConditionNode): LeafNode[] {
  if (node.status === 'not-evaluated') return [];
  if (node.op === 'fact') return [node];
  if (node.op === 'condition' || node.op === 'not') return node.conditions.flatMap(decisiveLeaves);
  const want = node.op === 'all' ? 'failed' : 'passed';
  const parts = node.status === want ? node.conditions.filter((c) => c.status === want) : node.conditions;
  return parts.flatMap(decisiveLeaves);
}
