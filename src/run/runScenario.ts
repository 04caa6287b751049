import type { Scenario } from '../schema/scenario.js';
import type { Event } from '../schema/event.js';
import type { Interpretation, Obligation } from '../schema/interpretation.js';
import type { Condition, Rule } from '../schema/rule.js';
import type { Trigger } from '../schema/plan.js';
import {
  actorFirstViolation,
  blankFacts,
  conditionStatus,
  counterpartyBreach,
  eventInterval,
  factContext,
  regionCount,
  staticFacts,
  staticsOf,
  writeStaticFacts,
  type ConditionStatus,
  type ReadingState,
} from '../rules/deriveFacts.js';
import { placeReach, targetReach, type Reach } from '../rules/scope.js';
import { conductOf } from '../rules/conduct.js';
import { RuleEvaluator } from '../rules/ruleEngine.js';
import { fillTemplate, type Finding } from '../rules/finding.js';
import { readingZone, resolveWindow } from '../time/window.js';
import type { Interval } from '../time/interval.js';
import { simulateTruce, type TransitionRecord } from '../machine/simulateTruce.js';
import { planSpec } from '../machine/planSpec.js';
import type { MachineEvent, PhaseRecord } from '../machine/truceMachine.js';
import { explainVars } from './explainVars.js';
import { placeIndexOf } from '../places/scenarioPlaces.js';
import type { PlaceIndex } from '../places/placeIndex.js';

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
   * what was worked out from those across runs
   */
  drawn?: boolean;
}

export interface OrderedEvent {
  event: Event;
  interval: Interval;
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
  evaluatedUnder: { firstViolation: FirstViolations; firstPossible: FirstViolations; breachDone: FirstViolations };
}

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
  a.interval.start - b.interval.start || a.interval.end - b.interval.end || a.event.id.localeCompare(b.event.id);

export { planSpec } from '../machine/planSpec.js';

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
  const evaluator = opts.evaluator;
  const readings = scenario.interpretations.filter((i) => opts.interpretation === undefined || i.id === opts.interpretation);
  const runs: ReadingRun[] = [];
  const how: How = {
    evaluator,
    reference: opts.reference === true,
    explain: opts.explain !== false,
    drawn: opts.drawn === true,
    shared: new Map(),
  };
  for (const interpretation of readings) runs.push(await runReading(scenario, interpretation, ordered, how));
  return { scenario, events: ordered, runs };
}

export const TRIGGER_ORDER: Trigger[] = ['violation', 'hostilities-continued', 'broader-attack'];

export interface How {
  evaluator: RuleEvaluator;
  reference: boolean;
  explain: boolean;
  drawn?: boolean;
  /**
   * findings already made by another reading of the same events, per rule by event index: a finding
   * is the same object whichever reading gives it (its explanation, which differs, is added to a copy)
   */
  shared?: Map<Rule, Finding[]>;
}

/** A reading's findings in event order, and their explanations, written only if wanted. */
export interface Decided {
  findings: Finding[];
  explain: (k: number) => string;
}

async function runReading(scenario: Scenario, interpretation: Interpretation, ordered: OrderedEvent[], how: How): Promise<ReadingRun> {
  const window = resolveWindow(interpretation.window, readingZone(interpretation, scenario.timeZone));
  const fixed = await findingsToFixedPoint(scenario, interpretation, window, ordered, how);
  const firstViolation = fixed.firstViolation;
  const findings = how.explain ? fixed.findings.map((f, k) => ({ ...f, explanation: fixed.explain(k) })) : fixed.findings;

  const dependsOn = [...new Set(findings.filter((f) => f.certainty !== 'certain').map((f) => f.eventId))];
  const spec = planSpec(scenario);
  const inputs = withWindow(window, eventInputs(ordered, findings, firstViolation));
  // every reading's statechart starts at the same instant, the start of the record (see recordStart)
  const start = Math.min(recordStart(scenario, ordered), inputs[0]!.at);
  const sim = simulateTruce(spec, interpretation.agreement.status === 'agreed', start, inputs);

  return {
    interpretation,
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

export type FirstViolations = Map<string, { interval: Interval; eventId: string }>;

/**
 * Where every reading's statechart starts, and its `start -> agreed | claimed` transition is stamped:
 * the earliest of the scenario's events and of all its readings' windows. One instant for all readings,
 * so that a reading's lifecycle is not stamped at a strike under one reading and at its window's
 * opening under another.
 */
export function recordStart(scenario: Scenario, ordered: readonly OrderedEvent[]): number {
  let t = ordered.length > 0 ? ordered[0]!.interval.start : Number.POSITIVE_INFINITY;
  for (const i of scenario.interpretations) t = Math.min(t, resolveWindow(i.window, readingZone(i, scenario.timeZone)).start);
  return t;
}

/** The moment by which an act is certainly over: its end, or the instant itself (an instant is over only after it). */
export function doneAt(i: Interval): number {
  return i.end > i.start ? i.end : i.start + 0.5;
}

/** Keeps, per party, the certain violation that was certainly over first. */
export function keepEarliestDone(m: FirstViolations, party: string, v: { interval: Interval; eventId: string }): void {
  const had = m.get(party);
  if (!had || doneAt(v.interval) < doneAt(had.interval)) m.set(party, v);
}

function listFirst(m: FirstViolations): { party: string; eventId: string; interval: Interval }[] {
  return [...m.entries()]
    .map(([party, v]) => ({ party, eventId: v.eventId, interval: v.interval }))
    .sort((a, b) => a.interval.start - b.interval.start || a.party.localeCompare(b.party));
}

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
  firstViolation: FirstViolations,
): MachineEvent[] {
  const out: MachineEvent[] = [];
  // findings come in event order: each event's are the run at the cursor
  let next = 0;
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
    PARTIES.fill(undefined);
    let certain = 0;
    for (let k = from; k < next; k++) {
      const f = findings[k]!;
      if (f.type === 'violation' || f.type === 'possible-violation') {
        PARTIES[0] ??= f.party;
        if (f.type === 'violation' && f.certainty === 'certain') certain |= 1;
      }
      const t = f.trigger === undefined ? -1 : TRIGGER_ORDER.indexOf(f.trigger);
      if (t > 0) {
        PARTIES[t] ??= f.party;
        if (f.certainty === 'certain') certain |= 1 << t;
      }
    }
    for (let t = 0; t < TRIGGER_ORDER.length; t++) {
      const party = PARTIES[t];
      if (party !== undefined) out.push(triggerInput(at, TRIGGER_ORDER[t]!, party, event.id, (certain & (1 << t)) !== 0, firstViolation));
    }
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
  return [...m.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

/** eventInputs' scratch: per trigger kind, the party of its first finding at the current event */
const PARTIES: (string | undefined)[] = TRIGGER_ORDER.map(() => undefined);

function triggerInput(
  at: number,
  trigger: Trigger,
  party: string,
  eventId: string,
  certain: boolean,
  firstViolation: FirstViolations,
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

/**
 * A reciprocal obligation lapses at the counterparty's first violation, which itself may depend on
 * other obligations: evaluate, recompute first violations, and repeat until they no longer change.
 */
export async function findingsToFixedPoint(
  scenario: Scenario,
  interpretation: Interpretation,
  window: ReadingState['window'],
  ordered: OrderedEvent[],
  how: How,
  /** first violations already settled by earlier events (streams) */
  settled: FirstViolations = new Map(),
  /** first possible violations settled by earlier events (streams) */
  settledPossible: FirstViolations = new Map(),
  /** the certain violations that ended earliest, settled by earlier events (streams) */
  settledDone: FirstViolations = new Map(),
): Promise<
  Decided & {
    firstViolation: FirstViolations;
    firstPossible: FirstViolations;
    breachDone: FirstViolations;
    converged: boolean;
    evaluatedUnder: ReadingRun['evaluatedUnder'];
  }
> {
  let firstViolation: FirstViolations = settled;
  let firstPossible: FirstViolations = settledPossible;
  let breachDone: FirstViolations = settledDone;
  const limit = scenario.parties.length + 4;
  const places = placeIndexOf(scenario);
  const conduct = conductOf(interpretation.obligations, ordered, window, places, interpretation.evidence);
  const state = { window, appliesTo: planSpec(scenario).appliesTo, places, conduct, evidence: interpretation.evidence };
  const prepared = prepare(interpretation, ordered, how.drawn === true, places);
  for (let round = 0; ; round++) {
    const next = await evaluateRound(
      firstViolation,
      firstPossible,
      breachDone,
      ordered,
      prepared,
      state,
      how,
      settled,
      settledPossible,
      settledDone,
    );
    const converged =
      sameFirstViolations(next.certain, firstViolation) &&
      sameFirstViolations(next.possible, firstPossible) &&
      sameFirstViolations(next.done, breachDone);
    // Without a fixed point the last round stands, and the run says so.
    if (converged || round >= limit) {
      return {
        ...decided(scenario, interpretation, ordered, prepared, state, firstViolation, how.explain, how.shared),
        firstViolation: next.certain,
        firstPossible: next.possible,
        breachDone: next.done,
        converged,
        evaluatedUnder: { firstViolation, firstPossible, breachDone },
      };
    }
    firstViolation = next.certain;
    firstPossible = next.possible;
    breachDone = next.done;
  }
}

/**
 * A reading's events, each under each of its actor's obligations (or none): a slot. Per slot, what
 * its rules last saw of first violations and what fired then; per event, the actor's first violation
 * as last seen. Kept as parallel arrays: a long run makes no object per event.
 */
interface Prepared {
  /** event i's slots are first[i] .. first[i + 1] - 1 */
  first: Int32Array;
  obligation: (Obligation | undefined)[];
  /** the static facts that depend on where and what an event hit */
  placeReach: Reach[];
  targetReach: Reach[];
  regions: Int32Array;
  status: ConditionStatus[];
  counterparty: (Interval | null)[];
  /** the counterparty's first possible breach each slot was evaluated under */
  counterpartyPossible: (Interval | null)[];
  fired: (Rule[] | undefined)[];
  actorFirst: (Interval | null)[];
}

/** Draws share their places and targets with other draws: their matches come from staticsOf's memo. */
function prepare(interpretation: Interpretation, ordered: OrderedEvent[], drawn: boolean, places: PlaceIndex | undefined): Prepared {
  const byActor = obligationsByActor(interpretation);
  const first = new Int32Array(ordered.length + 1);
  for (let i = 0; i < ordered.length; i++) first[i + 1] = first[i]! + (byActor.get(ordered[i]!.event.actor) ?? NO_OBLIGATIONS).length;
  const n = first[ordered.length]!;
  const p: Prepared = {
    first,
    obligation: new Array<Obligation | undefined>(n).fill(undefined),
    placeReach: new Array<Reach>(n).fill('none'),
    targetReach: new Array<Reach>(n).fill('none'),
    regions: new Int32Array(n),
    status: new Array<ConditionStatus>(n).fill('none'),
    counterparty: new Array<Interval | null>(n).fill(null),
    counterpartyPossible: new Array<Interval | null>(n).fill(null),
    fired: new Array<Rule[] | undefined>(n).fill(undefined),
    actorFirst: new Array<Interval | null>(ordered.length).fill(null),
  };
  for (let i = 0; i < ordered.length; i++) {
    const { event } = ordered[i]!;
    const regions = drawn ? 0 : regionCount(event.places);
    let s = first[i]!;
    for (const o of byActor.get(event.actor) ?? NO_OBLIGATIONS) {
      p.obligation[s] = o;
      if (drawn) {
        const st = staticsOf(event, o, places);
        p.placeReach[s] = st.places.scope;
        p.targetReach[s] = st.targets.scope;
        p.regions[s] = st.regions;
      } else if (o) {
        p.placeReach[s] = placeReach(event, o, places);
        p.targetReach[s] = targetReach(event, o);
        p.regions[s] = regions;
      } else {
        p.regions[s] = regions;
      }
      s++;
    }
  }
  return p;
}

const certainViolation = (r: Rule) => r.event.type === 'violation' && r.event.params.certainty === 'certain';
const anyViolation = (r: Rule) => r.event.type === 'violation' || r.event.type === 'possible-violation';

/**
 * One round: each event's rules under the first violations of the round before; returns the first
 * violations they give. Rules read nothing else that changes between rounds, so an event whose
 * first-violation facts are what they were keeps what fired. The facts are written into one object,
 * rewritten per event: nothing per event is left for the collector.
 */
async function evaluateRound(
  firstViolation: FirstViolations,
  firstPossible: FirstViolations,
  breachDone: FirstViolations,
  ordered: OrderedEvent[],
  prepared: Prepared,
  state: Omit<ReadingState, 'firstViolation'>,
  how: How,
  settled: FirstViolations,
  settledPossible: FirstViolations,
  settledDone: FirstViolations,
): Promise<{ certain: FirstViolations; possible: FirstViolations; done: FirstViolations }> {
  const sync = !how.reference && how.evaluator.fullyCompiled;
  const next: FirstViolations = new Map(settled);
  const nextPossible: FirstViolations = new Map(settledPossible);
  const nextDone: FirstViolations = new Map(settledDone);
  const facts = blankFacts();
  for (let i = 0; i < ordered.length; i++) {
    const { event, interval } = ordered[i]!;
    const actorFirst = actorFirstViolation(event, firstViolation);
    const actorChanged = actorFirst !== prepared.actorFirst[i];
    prepared.actorFirst[i] = actorFirst;
    const open = !next.has(event.actor);
    const openPossible = !nextPossible.has(event.actor);
    for (let s = prepared.first[i]!, end = prepared.first[i + 1]!; s < end; s++) {
      const obligation = prepared.obligation[s];
      // a pledge lapses once the counterparty has certainly broken the truce: after the certain violation that ended first
      const counterparty = counterpartyBreach(obligation, breachDone, state.conduct, 'done');
      const possible = counterpartyBreach(obligation, firstPossible, state.conduct, 'possible');
      const status = conditionStatus(obligation, counterparty, interval, possible);
      let fired = prepared.fired[s];
      if (
        fired === undefined ||
        actorChanged ||
        status !== prepared.status[s] ||
        counterparty !== prepared.counterparty[s] ||
        possible !== prepared.counterpartyPossible[s]
      ) {
        writeStaticFacts(
          facts,
          event,
          interval,
          obligation,
          state,
          prepared.placeReach[s]!,
          prepared.targetReach[s]!,
          prepared.regions[s]!,
        );
        facts.conditionStatus = status;
        facts.actorFirstViolation = actorFirst;
        prepared.status[s] = status;
        prepared.counterparty[s] = counterparty;
        prepared.counterpartyPossible[s] = possible;
        fired = sync ? how.evaluator.firedSync(facts) : await how.evaluator.fired(facts, how.reference);
        prepared.fired[s] = fired;
      }
      // events come in order, so the first certain violation met per party is its earliest
      if (open && !next.has(event.actor) && fired.some(certainViolation)) next.set(event.actor, { interval, eventId: event.id });
      if (openPossible && !nextPossible.has(event.actor) && fired.some(anyViolation))
        nextPossible.set(event.actor, { interval, eventId: event.id });
      if (fired.some(certainViolation)) keepEarliestDone(nextDone, event.actor, { interval, eventId: event.id });
    }
  }
  return { certain: next, possible: nextPossible, done: nextDone };
}

/** The findings of the last round, in event order; with several obligations a rule that fired under more than one is one finding. */
function decided(
  scenario: Scenario,
  interpretation: Interpretation,
  ordered: OrderedEvent[],
  prepared: Prepared,
  state: Omit<ReadingState, 'firstViolation'>,
  firstViolation: FirstViolations,
  /** whether explanations will be asked for (else nothing is kept for them) */
  explaining: boolean,
  shared: Map<Rule, Finding[]> | undefined,
): Decided {
  const findings: Finding[] = [];
  // per finding, for its explanation: its event, slot and rule
  const atEvent: number[] = [];
  const atSlot: number[] = [];
  const byRule: Rule[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const { event } = ordered[i]!;
    const from = prepared.first[i]!;
    const to = prepared.first[i + 1]!;
    const mine = findings.length;
    for (let s = from; s < to; s++) {
      for (const rule of prepared.fired[s]!) {
        // under a second obligation, a rule that already fired for this event is not a second finding
        if (s > from && firedBefore(findings, mine, rule.name)) continue;
        let byEvent = shared?.get(rule);
        if (shared && !byEvent) shared.set(rule, (byEvent = new Array<Finding>(ordered.length)));
        let finding = byEvent?.[i];
        if (!finding) {
          const { type, params } = rule.event;
          // one shape for every finding (an absent trigger is undefined, which JSON leaves out): later loops stay monomorphic
          finding = {
            type,
            rule: rule.name,
            eventId: event.id,
            party: event.actor,
            certainty: params.certainty,
            trigger: params.trigger,
            explanation: '',
          };
          if (byEvent) byEvent[i] = finding;
        }
        findings.push(finding);
        if (explaining) {
          atEvent.push(i);
          atSlot.push(s);
          byRule.push(rule);
        }
      }
    }
  }
  const partyName = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;
  // the facts the rules saw, made again for the finding whose explanation is asked for
  const explain = (k: number) => {
    const i = atEvent[k]!;
    const s = atSlot[k]!;
    const { event, interval } = ordered[i]!;
    const obligation = prepared.obligation[s];
    const facts = staticFacts(event, interval, obligation, state);
    facts.conditionStatus = prepared.status[s]!;
    facts.actorFirstViolation = prepared.actorFirst[i]!;
    const vars = explainVars(
      event,
      facts,
      factContext(event, obligation, prepared.counterparty[s]!, state.places, prepared.counterpartyPossible[s]!),
      interpretation.id,
      scenario.timeZone,
      partyName,
      firstViolation.get(event.actor)?.eventId,
    );
    return fillTemplate(byRule[k]!.event.params.explain, vars);
  };
  return { findings, explain };
}

/** Whether findings[from..] has one by this rule. */
function firedBefore(findings: Finding[], from: number, rule: string): boolean {
  for (let k = from; k < findings.length; k++) if (findings[k]!.rule === rule) return true;
  return false;
}

const NO_OBLIGATIONS: (Obligation | undefined)[] = [undefined];
const byActorCache = new WeakMap<Interpretation, Map<string, Obligation[]>>();

/** A reading's obligations by the party they bind. */
function obligationsByActor(interpretation: Interpretation): Map<string, Obligation[]> {
  let m = byActorCache.get(interpretation);
  if (!m) {
    m = new Map();
    for (const o of interpretation.obligations) m.set(o.party, [...(m.get(o.party) ?? []), o]);
    byActorCache.set(interpretation, m);
  }
  return m;
}

function sameFirstViolations(a: FirstViolations, b: FirstViolations): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k)?.eventId !== v.eventId) return false;
  return true;
}
