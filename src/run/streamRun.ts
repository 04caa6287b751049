import type { Event } from '../schema/event.js';
import type { Interpretation } from '../schema/interpretation.js';
import { InputError } from '../problem.js';
import { eventInterval } from '../rules/deriveFacts.js';
import { RuleEvaluator } from '../rules/ruleEngine.js';
import type { Finding } from '../rules/finding.js';
import type { TransitionRecord, TruceSimulation } from '../machine/simulateTruce.js';
import type { MachineEvent, PhaseRecord } from '../machine/truceMachine.js';
import type { Interval } from '../time/interval.js';
import type { Obligation } from '../schema/interpretation.js';
import { asCounterparty, conductAct, type Conduct } from '../rules/conduct.js';
import { doneAt } from './fixedPoint.js';
import { openRun, type OrderedEvent, type ReadingRunner, type RunsMemo, type ScenarioInput } from './runner.js';
import { compareText } from '../collation.js';

/** What a stream run reports, as it goes. */
export type StreamRecord =
  | { record: 'finding'; interpretation: string; finding: Finding }
  | { record: 'transition'; interpretation: string; transition: TransitionRecord }
  | { record: 'phase'; interpretation: string; phase: PhaseRecord }
  | {
      record: 'summary';
      interpretation: string;
      window: Interval & { startInclusive: boolean; endInclusive: boolean };
      finalState: string;
      regions: Record<string, string>;
      firstViolations: { party: string; eventId: string; interval: Interval }[];
      events: number;
    };

/**
 * An event waiting in the stream's buffer: the validated event, its interval and its places' number, as
 * the runner takes them (one object, handed to the runner as it is: kept parsed, never written out and
 * read again).
 */
type Buffered = OrderedEvent & { placesId: number };

/**
 * A queue in a ring of slots, replaced by a larger one only when full: taking from the front and adding
 * at the back allocate nothing (the array it replaces made a splice result per event and a copy at each
 * compaction).
 */
class Queue<T> {
  private ring: (T | undefined)[] = new Array<T | undefined>(16).fill(undefined);
  /** ring.length - 1 (a power of two) */
  private mask = 15;
  private head = 0;
  size = 0;
  at(i: number): T {
    return this.ring[(this.head + i) & this.mask]!;
  }
  /** lets go of the first n at once (an event held after its batch outlived the young generation) */
  drop(n: number): void {
    for (let i = 0; i < n; i++) this.ring[(this.head + i) & this.mask] = undefined;
    this.head = (this.head + n) & this.mask;
    this.size -= n;
  }
  push(x: T): void {
    this.insert(this.size, x);
  }
  /** puts x at position i, moving those from i on one place back */
  insert(i: number, x: T): void {
    if (this.size === this.ring.length) this.grow();
    for (let k = this.size; k > i; k--) this.ring[(this.head + k) & this.mask] = this.ring[(this.head + k - 1) & this.mask];
    this.ring[(this.head + i) & this.mask] = x;
    this.size++;
  }
  private grow(): void {
    const ring = new Array<T | undefined>(2 * this.ring.length).fill(undefined);
    for (let k = 0; k < this.size; k++) ring[k] = this.at(k);
    // the old ring let go of at once: it may be in the old space, whose slots keep what they point at alive
    this.ring.fill(undefined);
    this.ring = ring;
    this.mask = ring.length - 1;
    this.head = 0;
  }
}

const NO_CONDUCT_ON: readonly never[] = [];

/** Fewest events decided at once (by default), so that the fixed point's fixed costs spread over many. */
const MIN_BATCH = 256;

interface Reading {
  interpretation: Interpretation;
  /** the runner's reading: its window, and the first violations settled by the events already emitted */
  runner: ReadingRunner;
  /** window open and close, not yet fed */
  pending: { input: MachineEvent; rank: number }[];
  sim?: TruceSimulation;
}

/**
 * The runner over a stream of events in time order, with memory bounded by how far events overlap,
 * not by how many there are. A reading's facts about an event look only at earlier events (first
 * violations, "after") and, for a reciprocal obligation whose counterparty has not yet violated, at
 * events overlapping it (did the counterparty break first?); for one that hangs on the counterparty's
 * conduct, at the counterparty's acts overlapping it. So events are gathered into a batch only as long
 * as such an event is still open: until the stream reaches its end (and past every event sharing its
 * start, for the order of ties). Each batch runs exactly as runScenario would, starting from the first
 * violations and the conduct settled before it, so the findings, phases and transitions are the same as
 * a whole run's (tests/stream.test.ts, tests/stream-conduct.test.ts). Once every counterparty has
 * violated (or, by conduct, released the pledge), batches are single instants and memory stays flat.
 */
export async function streamRun(
  input: Omit<ScenarioInput, 'events'>,
  /** each with its interval if its reader has it already (else read here) */
  events: AsyncIterable<{ event: Event; line: number; file?: string; interval?: Interval }>,
  emit: (r: StreamRecord) => void,
  opts: {
    explain?: boolean;
    evaluator?: RuleEvaluator;
    interpretation?: string;
    /** fewest ready events decided at once */
    minBatch?: number;
    /** what many runs share, owned by the caller */
    memo?: RunsMemo;
  } = {},
): Promise<{ events: number }> {
  const run = openRun(input.scenario, opts.evaluator ?? new RuleEvaluator(input.rules, input.conditions), {
    explain: opts.explain !== false,
    ...(opts.interpretation !== undefined ? { interpretation: opts.interpretation } : {}),
    ...(opts.memo ? { memo: opts.memo } : {}),
  });
  const minBatch = opts.minBatch ?? MIN_BATCH;
  const readings: Reading[] = run.readings.map((runner) => ({
    interpretation: runner.interpretation,
    runner,
    pending: [
      { input: { type: 'WINDOW_OPEN', at: runner.window.start }, rank: 0 },
      { input: { type: 'WINDOW_CLOSE', at: runner.window.end }, rank: 2 },
    ],
  }));

  // as a whole run: the statechart starts at the earliest of every reading's window and the first event
  let firstEventStart = Number.POSITIVE_INFINITY;
  const feed = (r: Reading, input: MachineEvent) => {
    r.sim ??= r.runner.simulation(Math.min(run.ctx.recordStart(firstEventStart), input.at));
    r.sim.feed(input);
    for (const t of r.sim.takeNew()) emit({ record: 'transition', interpretation: r.interpretation.id, transition: t });
  };
  /** feeds the window's own inputs that come before an event input at `at` */
  const feedPendingBefore = (r: Reading, at: number) => {
    while (r.pending.length > 0 && (r.pending[0]!.input.at < at || (r.pending[0]!.input.at === at && r.pending[0]!.rank < 1)))
      feed(r, r.pending.shift()!.input);
  };

  /** arrived, not yet emitted, in the runner's order (start, end, id): arrivals keep start order */
  const buffer = new Queue<Buffered>();
  /** buffer.at(0 .. ready) can be emitted: closed, and not waiting on a counterparty's open event */
  let ready = 0;
  /** the latest end among the ready events that look ahead: the context their decision needs */
  let until = Number.NEGATIVE_INFINITY;
  /** nothing more becomes ready before the stream reaches this time (or a first violation settles) */
  let recheckAt = Number.NEGATIVE_INFINITY;
  /** per party, its arrived events that look ahead and were not yet seen closed, in start order */
  const lookingAhead = new Map<string, Queue<Buffered>>();
  /**
   * per counterparty, the pledges that hang on its conduct: their parties, conditions (as its own
   * obligations) and readings, and the start of its first act that may have been within the condition
   * (once arrived: it is the first in the runner's order too)
   */
  const conductOn = new Map<string, { party: string; as: Obligation; reading: Reading; first?: number }[]>();
  for (const r of readings)
    for (const o of r.interpretation.obligations) {
      const as = asCounterparty(o);
      if (as) conductOn.set(as.party, [...(conductOn.get(as.party) ?? []), { party: o.party, as, reading: r }]);
    }
  /**
   * per party whose pledge hangs on conduct, the counterparty's lasting acts certainly within the
   * condition that start with its first act that may have been (at most the acts of one instant per
   * condition). While such an act goes on, a shorter one starting later may still end first and become
   * the act after which the pledge lapsed: a run names its counterparty's first act, and the certain one
   * over first when they start together, so which one it names is not known until that act is over.
   */
  const firstCertain = new Map<string, Interval[]>();
  const scopeMemo = run.ctx.facts.scope;
  let lastStart = Number.NEGATIVE_INFINITY;
  let count = 0;

  /**
   * per actor, the counterparties (under some reading) its pledge hangs on by `counterparty-complies`
   * that have not yet violated
   */
  let counterpartyCache = new Map<string, string[]>();
  const counterparties = (actor: string): string[] => {
    let cps = counterpartyCache.get(actor);
    if (!cps) {
      cps = [
        ...new Set(
          readings.flatMap((r) =>
            r.interpretation.obligations
              .filter(
                (o) =>
                  o.condition?.while === 'counterparty-complies' && o.party === actor && !r.runner.settled.has(o.condition.counterparty),
              )
              .map((o) => o.condition!.counterparty),
          ),
        ),
      ];
      counterpartyCache.set(actor, cps);
    }
    return cps;
  };
  /**
   * per actor, from when every pledge of its that hangs on a counterparty's conduct (`counterparty-refrains`,
   * under any reading) has certainly lapsed: the latest of the settled acts that released them, certainly
   * over (-Infinity: it has none; Infinity: one is not yet released). An act of the actor that starts then
   * or later has lapsed whatever comes after, so nothing later can change its findings.
   */
  let conductCache = new Map<string, number>();
  const conductLapsedFrom = (actor: string): number => {
    let t = conductCache.get(actor);
    if (t === undefined) {
      t = Number.NEGATIVE_INFINITY;
      for (const r of readings)
        for (const o of r.interpretation.obligations) {
          if (o.party !== actor || o.condition?.while !== 'counterparty-refrains') continue;
          const done = r.runner.settledConduct.get(o.condition)?.done;
          t = Math.max(t, done ? doneAt(done.interval) : Number.POSITIVE_INFINITY);
        }
      conductCache.set(actor, t);
    }
    return t;
  };
  /**
   * whether, under some reading, the event's obligation hangs on a counterparty not yet in breach, or on
   * a counterparty's conduct not yet known to have released it before the event
   */
  const needsLookahead = (e: Buffered) => counterparties(e.event.actor).length > 0 || e.interval.start < conductLapsedFrom(e.event.actor);
  const closed = (e: Buffered, now: number) => e.interval.end <= now || !needsLookahead(e);
  /** the parties some pledge still waits on (`counterparty-complies`, not yet in breach): whose open events are asked for */
  const partiesWaitedOn = (): Set<string> => {
    const out = new Set<string>();
    for (const r of readings)
      for (const o of r.interpretation.obligations)
        if (o.condition?.while === 'counterparty-complies' && !r.runner.settled.has(o.condition.counterparty))
          out.add(o.condition.counterparty);
    return out;
  };
  let waitedOn = partiesWaitedOn();
  /** the earliest-starting event of the party that looks ahead and is still open at `now` */
  const earliestOpen = (party: string, now: number): Buffered | undefined => {
    const q = lookingAhead.get(party);
    if (!q) return undefined;
    let n = 0;
    while (n < q.size && closed(q.at(n), now)) n++;
    q.drop(n);
    return q.size > 0 ? q.at(0) : undefined;
  };
  const before = (a: Buffered, b: Buffered) =>
    a.interval.start - b.interval.start || a.interval.end - b.interval.end || compareText(a.event.id, b.event.id);

  /**
   * Moves `ready` forward, called when every event starting before `now` has arrived (and all
   * buffered ones do start before it). An event is ready when it is closed (it needs no lookahead, or
   * the stream has passed its end) and no counterparty it waits on has an open event that starts
   * before its end. For a pledge that hangs on conduct, a counterparty's act in firstCertain that started
   * by the event's end must also be over, and every event starting before it ended is context. Readiness
   * only grows with time, so each call goes on from where the last stopped and, when blocked, notes when
   * to look again.
   */
  const advance = (now: number) => {
    if (now < recheckAt) return;
    for (; ready < buffer.size; ready++) {
      const e = buffer.at(ready);
      if (!closed(e, now)) {
        recheckAt = e.interval.end;
        return;
      }
      if (!needsLookahead(e)) continue;
      for (const c of counterparties(e.event.actor)) {
        const o = earliestOpen(c, now);
        if (o !== undefined && o.interval.start < e.interval.end) {
          recheckAt = o.interval.end;
          return;
        }
      }
      if (e.interval.start < conductLapsedFrom(e.event.actor)) {
        let reach = until;
        for (const x of firstCertain.get(e.event.actor) ?? []) {
          if (x.start >= e.interval.end && x.start !== e.interval.start) continue;
          if (x.end > now) {
            recheckAt = x.end;
            return;
          }
          reach = Math.max(reach, x.end);
        }
        until = reach;
        // an instant is not before an act that starts at the same instant: that act is context too
        if (e.interval.end === e.interval.start) until = Math.max(until, e.interval.start + 1);
      }
      until = Math.max(until, e.interval.end);
    }
    recheckAt = Number.NEGATIVE_INFINITY;
  };

  /**
   * Whether there are enough ready events to decide (a batch at least as large as what still waits, so
   * that each event is read into a decision's context a bounded number of times). Apart from release,
   * and not async: asked at every new start time, it would otherwise make a promise per event.
   */
  const due = (now: number, final = false): boolean => {
    advance(now);
    const waiting = buffer.size - ready;
    return ready > 0 && (final || (ready >= minBatch && ready >= waiting));
  };

  /** Decides the ready events, with every later event starting before their lookahead ends as context. */
  const release = async () => {
    let k = ready;
    while (k < buffer.size && buffer.at(k).interval.start < until) k++;
    // the ready events first (the runner decides those), then the rest of the context
    const context: OrderedEvent[] = [];
    for (let n = 0; n < k; n++) context.push(buffer.at(n));
    const settledBefore = readings.map((r) => r.runner.settled.size);
    const conductBefore = readings.map((r) => r.runner.settledConduct);
    await decide(context, ready);
    buffer.drop(ready);
    ready = 0;
    until = Number.NEGATIVE_INFINITY;
    recheckAt = Number.NEGATIVE_INFINITY;
    if (readings.some((r, n) => r.runner.settled.size !== settledBefore[n])) {
      counterpartyCache = new Map();
      // a party no pledge waits on any more is never asked again (settled only grows): its queue of
      // events that looked ahead is let go (else held to the end of the stream, thousands of events)
      waitedOn = partiesWaitedOn();
      for (const party of [...lookingAhead.keys()]) if (!waitedOn.has(party)) lookingAhead.delete(party);
    }
    if (readings.some((r, n) => releasedMore(conductBefore[n]!, r.runner.settledConduct))) conductCache = new Map();
  };

  const decide = async (context: OrderedEvent[], emitted: number) => {
    for (const r of readings) {
      const { findings, inputs } = await r.runner.decide(context, emitted);
      for (const finding of findings) emit({ record: 'finding', interpretation: r.interpretation.id, finding });
      for (const input of inputs) {
        feedPendingBefore(r, input.at);
        // as a whole run: a trigger after the window's closing is marked so
        feed(r, input.type === 'TRIGGER' && input.at > r.runner.window.end ? { ...input, afterWindow: true } : input);
      }
    }
  };

  for await (const { event, line, file, interval: read } of events) {
    const interval = read ?? eventInterval(event);
    if (interval.start < lastStart) {
      throw new InputError([
        {
          code: 'E_STREAM_ORDER',
          file: file ?? '(events)',
          line,
          col: 1,
          path: ['when', 'start'],
          message: `event ${event.id} starts before the event on the line above; a stream must be sorted by start time`,
        },
      ]);
    }
    if (count === 0) firstEventStart = interval.start;
    if (interval.start > lastStart && due(interval.start)) await release();
    lastStart = interval.start;
    const placesId = scopeMemo.placesId(event, true);
    const item: Buffered = { event, interval, placesId };
    // ties in start are put in the runner's order as they come (only among events not yet ready)
    let i = buffer.size;
    while (i > ready && before(item, buffer.at(i - 1)) < 0) i--;
    buffer.insert(i, item);
    // only a party some pledge waits on is asked for its open events (earliestOpen)
    if (waitedOn.has(event.actor) && needsLookahead(item)) {
      let q = lookingAhead.get(event.actor);
      if (!q) lookingAhead.set(event.actor, (q = new Queue()));
      q.push(item);
    }
    for (const c of conductOn.get(event.actor) ?? NO_CONDUCT_ON) {
      // past the instant of the first act, nothing more is kept (nor worked out)
      if (c.first !== undefined && interval.start > c.first) continue;
      const act = conductAct(
        c.as,
        event,
        interval,
        c.reading.runner.window,
        run.ctx.places,
        c.reading.interpretation.evidence,
        scopeMemo,
        placesId,
      );
      if (act === undefined) continue;
      c.first ??= interval.start;
      // an instant is over as soon as the stream moves on: only an act that lasts can be waited for
      if (act === 'certain' && interval.end > interval.start) {
        const xs = firstCertain.get(c.party);
        if (!xs) firstCertain.set(c.party, [interval]);
        else if (!xs.includes(interval)) xs.push(interval);
      }
    }
    count++;
  }
  if (due(Number.POSITIVE_INFINITY, true)) await release();

  for (const r of readings) {
    while (r.pending.length > 0) feed(r, r.pending.shift()!.input);
    const result = r.sim!.finish();
    const id = r.interpretation.id;
    // deadlines that fell due after the last input
    for (const t of r.sim!.takeNew()) emit({ record: 'transition', interpretation: id, transition: t });
    for (const phase of result.phases) emit({ record: 'phase', interpretation: id, phase });
    emit({
      record: 'summary',
      interpretation: id,
      window: r.runner.window,
      finalState: result.finalState,
      regions: result.regions,
      firstViolations: r.runner.firstViolations(),
      events: count,
    });
  }
  return { events: count };
}

/** Whether a conduct record released a pledge that the one before had not (conductLapsedFrom then moves). */
function releasedMore(before: Conduct, after: Conduct): boolean {
  for (const [c, rec] of after) if (rec.done !== before.get(c)?.done) return true;
  return false;
}
