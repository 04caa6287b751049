import type { Scenario } from '../schema/scenario.js';
import type { Event } from '../schema/event.js';
import type { Interpretation } from '../schema/interpretation.js';
import type { Condition, Rule } from '../schema/rule.js';
import type { Trigger } from '../schema/plan.js';
import type { RuleEvaluator } from '../rules/ruleEngine.js';
import type { Finding } from '../rules/finding.js';
import type { Interval } from '../time/interval.js';
import { simulateTruce, TruceSimulation, type TransitionRecord } from '../machine/simulateTruce.js';
import type { MachineEvent, PhaseRecord } from '../machine/truceMachine.js';
import type { StatechartMemo } from '../machine/memoSimulate.js';
import {
  findingsToFixedPoint,
  fixedPointSync,
  keepEarliestDone,
  NONE_SETTLED,
  type EvaluatedUnder,
  type FirstViolations,
  type FixedPoint,
  type How,
  type OrderedEvent,
  type SettledViolations,
  type SharedFindings,
} from './fixedPoint.js';
import { RunContext, type ResolvedWindow, type RunsMemo } from './runContext.js';
import type { Conduct } from '../rules/conduct.js';
import { compareText } from '../collation.js';

export type { FirstViolations, OrderedEvent } from './fixedPoint.js';
export { RunContext, RunsMemo } from './runContext.js';

/**
 * The runner's public interface, used by whole runs (runScenario.ts) and streams (streamRun.ts) alike:
 * open a run (its RunContext, one ReadingRunner per reading), decide events (all at once, or a batch at
 * a time from the first violations settled before it), feed their statechart inputs, close.
 */

/** What a run needs: validated data, no files. */
export interface ScenarioInput {
  scenario: Scenario;
  events: readonly Event[];
  rules: readonly Rule[];
  conditions: Readonly<Record<string, Condition>>;
}

export interface RunOptions {
  /** only this reading */
  interpretation?: string;
  /** reuse an evaluator across runs of the same rule set (sweeps, samples) */
  evaluator?: RuleEvaluator;
  /** evaluate every rule with json-rules-engine itself instead of the compiled fast path */
  reference?: boolean;
  /** write each finding's explanation (default true; bulk runs that only count findings skip it) */
  explain?: boolean;
  /**
   * the events are draws that share their places and targets with other runs' (Monte Carlo): keep
   * what was worked out from those in the memo's facts, across runs
   */
  drawn?: boolean;
  /** what many runs share (a sweep's, a sample's, the workbench's), owned by the caller; none: this run keeps its own */
  memo?: RunsMemo;
  /** without `memo`: the statechart's memo to run the readings through (the CLI's, restored from its cache folder) */
  statechart?: StatechartMemo;
  /** keep the fixed point's bookkeeping in its readable reference form (slots.ts; for tests) */
  referenceSlots?: boolean;
}

export interface ReadingRun {
  interpretation: Interpretation;
  window: Interval & { startInclusive: boolean; endInclusive: boolean };
  findings: Finding[];
  phases: PhaseRecord[];
  transitions: TransitionRecord[];
  finalState: string;
  regions: Record<string, string>;
  /** each party's first certain violation under this reading */
  firstViolations: { party: string; eventId: string; interval: Interval }[];
  /** each party's first violation or possible violation: its earliest act that may have broken the truce */
  firstPossibleViolations: { party: string; eventId: string; interval: Interval }[];
  /**
   * whether the first violations reached a fixed point; false when pledges that hang on each other
   * were broken at the same moment, so that who broke first alternates (the last round stands)
   */
  converged: boolean;
  /**
   * whether the final state holds whatever the data's uncertainty: every finding is certain, so each
   * Monte Carlo draw of times and counts ends in the same state (tests/monteCarlo.test.ts). When not,
   * `finalStateDependsOn` names the events whose possible findings a draw may resolve either way.
   */
  finalStateCertain: boolean;
  finalStateDependsOn: string[];
  /** the first violations the findings were decided under (explanations re-evaluate under the same) */
  evaluatedUnder: EvaluatedUnder;
}

/** An open run: its context and one runner per reading asked for. */
export interface Run {
  ctx: RunContext;
  readings: ReadingRunner[];
}

/** Opens a run of a scenario's readings (or one): its context made here, its memos the caller's if given. */
export function openRun(scenario: Scenario, evaluator: RuleEvaluator, opts: Omit<RunOptions, 'evaluator'> = {}): Run {
  const ctx = new RunContext(scenario, opts.memo, opts.statechart);
  const how: How = {
    ctx,
    evaluator,
    reference: opts.reference === true,
    explain: opts.explain !== false,
    drawn: opts.drawn === true,
    referenceSlots: opts.referenceSlots === true,
  };
  // pushed, not filter().map(): the map builtin and its optimised inlining give arrays of two maps, and the
  // loops over them were compiled again for the second (src/sample/drawEvents.ts)
  const readings: ReadingRunner[] = [];
  for (const i of scenario.interpretations)
    if (opts.interpretation === undefined || i.id === opts.interpretation) readings.push(new ReadingRunner(how, i));
  return { ctx, readings };
}

/** What a batch of events decided under one reading: their findings and their statechart inputs, in order. */
export interface BatchDecision {
  findings: Finding[];
  inputs: readonly MachineEvent[];
}

/** One reading of an open run. */
export class ReadingRunner {
  readonly window: ResolvedWindow;
  // each replaced, never changed, by a batch (decide): a whole run shares one empty value for them all
  /** first certain violations settled by the events decided so far (batches) */
  settled: SettledViolations = NONE_SETTLED;
  /** first possible violations (violations or possible ones) settled so far */
  settledPossible: SettledViolations = NONE_SETTLED;
  /** the certain violations certainly over first, settled so far */
  settledDone: SettledViolations = NONE_SETTLED;
  /**
   * the counterparties' conduct in the events decided so far, per `counterparty-refrains` condition:
   * carried across batches as first violations are, since an act in an earlier batch still releases a pledge
   */
  settledConduct: Conduct = NO_CONDUCT;

  constructor(
    private readonly how: How,
    readonly interpretation: Interpretation,
  ) {
    this.window = how.ctx.window(interpretation);
  }

  private get agreed(): boolean {
    return this.interpretation.agreement.status === 'agreed';
  }

  /**
   * The whole reading over every event at once: the fixed point, then the statechart over its inputs.
   * `shared`: findings other readings of the same `ordered` made (one finding object whichever reading gives it).
   */
  async whole(ordered: OrderedEvent[], shared?: SharedFindings): Promise<ReadingRun> {
    const { how } = this;
    const fixed = await findingsToFixedPoint(
      how.ctx.scenario,
      this.interpretation,
      this.window,
      ordered,
      how,
      NONE_SETTLED,
      NONE_SETTLED,
      NONE_SETTLED,
      undefined,
      shared,
    );
    return this.wholeFrom(ordered, fixed);
  }

  /** `whole` for rules that all compile (not the reference path), without an await (fixedPointSync). */
  wholeSync(ordered: OrderedEvent[], shared?: SharedFindings): ReadingRun {
    const { how } = this;
    return this.wholeFrom(ordered, fixedPointSync(how.ctx.scenario, this.interpretation, this.window, ordered, how, shared));
  }

  /** The reading's run from its fixed point: explanations if asked for, then the statechart over its inputs. */
  private wholeFrom(ordered: OrderedEvent[], fixed: FixedPoint): ReadingRun {
    const { how } = this;
    const { ctx } = how;
    const window = this.window;
    const firstViolation = fixed.firstViolation;
    const findings = how.explain ? explained(fixed) : fixed.findings;

    const dependsOn: string[] = [];
    for (const f of findings) if (f.certainty !== 'certain' && !dependsOn.includes(f.eventId)) dependsOn.push(f.eventId);
    const inputs = withWindow(window, eventInputs(ordered, findings, firstViolation));
    // every reading's statechart starts at the same instant, the start of the record
    const start = Math.min(ctx.recordStart(ordered[0]?.interval.start ?? Number.POSITIVE_INFINITY), inputs[0]!.at);
    const sim = simulateTruce(ctx.plan, this.agreed, start, inputs, ctx.statechart);

    return {
      interpretation: this.interpretation,
      window,
      findings,
      phases: sim.phases,
      transitions: sim.transitions,
      finalState: sim.finalState,
      regions: sim.regions,
      firstViolations: listFirst(firstViolation),
      firstPossibleViolations: listFirst(fixed.firstPossible),
      converged: fixed.converged,
      finalStateCertain: dependsOn.length === 0 && fixed.converged,
      finalStateDependsOn: dependsOn,
      evaluatedUnder: fixed.evaluatedUnder,
    };
  }

  /**
   * Decides the first `emitted` events of a batch, with `context` (every event the decision may look
   * at, in the runner's order: the emitted ones first) from the first violations settled before it;
   * settles what the emitted events decide.
   */
  async decide(context: OrderedEvent[], emitted: number): Promise<BatchDecision> {
    const { how } = this;
    const fixed = await findingsToFixedPoint(
      how.ctx.scenario,
      this.interpretation,
      this.window,
      context,
      how,
      this.settled,
      this.settledPossible,
      this.settledDone,
      this.settledConduct,
    );
    const findings: Finding[] = [];
    /** per emitted finding, its event's interval */
    const intervals: Interval[] = [];
    // findings come in the events' order: a cursor finds each one's event (no map of ids per batch)
    let at = 0;
    for (let k = 0; k < fixed.findings.length; k++) {
      const f = fixed.findings[k]!;
      while (at < emitted && context[at]!.event.id !== f.eventId) at++;
      if (at === emitted) break;
      findings.push(how.explain ? { ...f, explanation: fixed.explain(k) } : f);
      intervals.push(context[at]!.interval);
    }
    // every explanation of the batch is written: its bookkeeping is free for the next batch
    fixed.done();
    const batch = emitted === context.length ? context : context.slice(0, emitted);
    // settle only what the emitted events decided (a map copied only when it changes)
    let settled: FirstViolations | undefined;
    let settledPossible: FirstViolations | undefined;
    let settledDone: FirstViolations | undefined;
    for (let k = 0; k < findings.length; k++) {
      const f = findings[k]!;
      const first = { interval: intervals[k]!, eventId: f.eventId };
      if (f.type === 'violation' && f.certainty === 'certain') {
        if (!(settled ?? this.settled).has(f.party)) (settled ??= new Map(this.settled)).set(f.party, first);
        keepEarliestDone((settledDone ??= new Map(this.settledDone)), f.party, first);
      }
      if ((f.type === 'violation' || f.type === 'possible-violation') && !(settledPossible ?? this.settledPossible).has(f.party))
        (settledPossible ??= new Map(this.settledPossible)).set(f.party, first);
    }
    if (settled) this.settled = settled;
    if (settledPossible) this.settledPossible = settledPossible;
    if (settledDone) this.settledDone = settledDone;
    const inputs = findings.length === 0 && !hasResponse(batch) ? NO_INPUTS : eventInputs(batch, findings, this.settled);
    // the emitted events come before every later one (a batch is a prefix of the stream's order)
    this.settledConduct = how.ctx.conduct(this.interpretation, batch, this.window, this.settledConduct);
    return { findings, inputs };
  }

  /** The reading's statechart, to be fed one input at a time (streams), starting at `start`. */
  simulation(start: number): TruceSimulation {
    const { ctx } = this.how;
    return new TruceSimulation(ctx.plan, this.agreed, start);
  }

  /** The first certain violations settled so far, as a run reports them. */
  firstViolations(): { party: string; eventId: string; interval: Interval }[] {
    return listFirst(this.settled);
  }
}

/** Each finding with its explanation (apart from wholeFrom: a closure there over `fixed` gave every call a context). */
function explained(fixed: FixedPoint): Finding[] {
  return fixed.findings.map((f, k) => ({ ...f, explanation: fixed.explain(k) }));
}

function listFirst(m: SettledViolations): { party: string; eventId: string; interval: Interval }[] {
  const out: { party: string; eventId: string; interval: Interval }[] = [];
  // forEach: no entry pairs and no spread copies (a sample's every draw lists these twice per reading)
  m.forEach((v, party) => out.push({ party, eventId: v.eventId, interval: v.interval }));
  if (out.length > 1) out.sort(byFirst);
  return out;
}
const byFirst = (a: { party: string; interval: Interval }, b: { party: string; interval: Interval }) =>
  a.interval.start - b.interval.start || compareText(a.party, b.party);

/** No statechart inputs: one shared value, read only. */
const NO_INPUTS: readonly MachineEvent[] = [];

/** Whether an event of the batch answers a phase (its only statechart input without a finding). */
function hasResponse(batch: readonly OrderedEvent[]): boolean {
  for (let i = 0; i < batch.length; i++) if (batch[i]!.event.phase !== undefined) return true;
  return false;
}

/** No conduct settled: one shared value, read only. */
const NO_CONDUCT: Conduct = new Map();

export const TRIGGER_ORDER: Trigger[] = ['violation', 'hostilities-continued', 'broader-attack'];

/**
 * The window's opening and closing among the events' inputs (already in time order): at one
 * instant the opening comes before the events, the closing after them.
 */
function withWindow(window: Interval, inputs: MachineEvent[]): MachineEvent[] {
  const out: MachineEvent[] = [];
  let k = 0;
  while (k < inputs.length && inputs[k]!.at < window.start) out.push(inputs[k++]!);
  out.push({ type: 'WINDOW_OPEN', at: window.start });
  while (k < inputs.length && inputs[k]!.at <= window.end) out.push(inputs[k++]!);
  out.push({ type: 'WINDOW_CLOSE', at: window.end });
  // what comes after the closing no longer binds: the plan says whether it may still open a phase
  while (k < inputs.length) {
    const i = inputs[k++]!;
    out.push(i.type === 'TRIGGER' ? { ...i, afterWindow: true } : i);
  }
  return out;
}

/**
 * The statechart inputs of events in time order: a RESPONSE for each response event; for each event
 * with findings, a TRIGGER per trigger kind (violation first, then the escalations), certain if any
 * finding of that kind is.
 */
export function eventInputs(
  ordered: readonly OrderedEvent[],
  findings: readonly Finding[],
  firstViolation: SettledViolations,
): MachineEvent[] {
  const out: MachineEvent[] = [];
  // findings come in event order: each event's are the run at the cursor
  let next = 0;
  /** per trigger kind, the party of its first finding at the current event */
  // pushed, not TRIGGER_ORDER.map: the map builtin and its optimised inlining give arrays of two maps
  const parties: (string | undefined)[] = [];
  for (let k = 0; k < TRIGGER_ORDER.length; k++) parties.push(undefined);
  for (const { event, interval } of ordered) {
    const at = interval.start;
    // any event naming a phase may answer it: the phase's `respondsWith` says which kinds count
    if (event.phase !== undefined) {
      out.push({
        type: 'RESPONSE',
        at,
        phase: event.phase,
        eventId: event.id,
        actor: event.actor,
        kind: event.kind,
        ...(event.target !== undefined ? { target: event.target } : {}),
      });
    }
    const from = next;
    while (next < findings.length && findings[next]!.eventId === event.id) next++;
    if (next === from) continue;
    // one pass over the event's findings: per trigger kind (TRIGGER_ORDER), the party of its first
    // finding and whether any is certain; a finding counts for `violation` by its type, and for an
    // escalation by its trigger (maybe both)
    parties.fill(undefined);
    let certain = 0;
    let others = false;
    for (let k = from; k < next; k++) {
      const f = findings[k]!;
      if (f.type === 'violation' || f.type === 'possible-violation') {
        parties[0] ??= f.party;
        if (f.type === 'violation' && f.certainty === 'certain') certain |= 1;
      }
      const t = f.trigger === undefined ? -1 : TRIGGER_ORDER.indexOf(f.trigger);
      if (t > 0) {
        parties[t] ??= f.party;
        if (f.certainty === 'certain') certain |= 1 << t;
      }
      if (t < 0 && f.trigger !== undefined) others = true;
    }
    for (let t = 0; t < TRIGGER_ORDER.length; t++) {
      const party = parties[t];
      if (party !== undefined) out.push(triggerInput(at, TRIGGER_ORDER[t]!, party, event.id, (certain & (1 << t)) !== 0, firstViolation));
    }
    // a rule set's own triggers are rare: their map only when the event has one
    if (others)
      for (const [trigger, o] of otherTriggers(findings, from, next))
        out.push(triggerInput(at, trigger, o.party, event.id, o.certain, firstViolation));
  }
  if (next !== findings.length) throw new Error('eventInputs: findings must follow the order of the events');
  return out;
}

/**
 * Triggers a rule set declares beyond the shipped ones (a plan names them as its phases' triggers), by
 * name: the party of the first finding of each, and whether any is certain.
 */
function otherTriggers(findings: readonly Finding[], from: number, to: number): [Trigger, { party: string; certain: boolean }][] {
  const m = new Map<Trigger, { party: string; certain: boolean }>();
  for (let k = from; k < to; k++) {
    const f = findings[k]!;
    if (f.trigger === undefined || TRIGGER_ORDER.includes(f.trigger)) continue;
    const had = m.get(f.trigger);
    if (had) had.certain ||= f.certainty === 'certain';
    else m.set(f.trigger, { party: f.party, certain: f.certainty === 'certain' });
  }
  return [...m.entries()].sort((a, b) => compareText(a[0], b[0]));
}

function triggerInput(
  at: number,
  trigger: Trigger,
  party: string,
  eventId: string,
  certain: boolean,
  firstViolation: SettledViolations,
): MachineEvent {
  return {
    type: 'TRIGGER',
    at,
    trigger,
    party,
    eventId,
    certainty: certain ? 'certain' : 'possible',
    firstViolationAt: firstViolation.get(party)?.interval.start ?? at,
  };
}
