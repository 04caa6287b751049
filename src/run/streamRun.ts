import { Event as EventSchema, type Event } from '../schema/event.js';
import type { Interpretation } from '../schema/interpretation.js';
import { InputError } from '../problem.js';
import { eventInterval } from '../rules/deriveFacts.js';
import { RuleEvaluator } from '../rules/ruleEngine.js';
import type { Finding } from '../rules/finding.js';
import { TruceSimulation, type TransitionRecord } from '../machine/simulateTruce.js';
import type { MachineEvent, PhaseRecord } from '../machine/truceMachine.js';
import { resolveWindow } from '../time/window.js';
import type { Interval } from '../time/interval.js';
import { eventInputs, findingsToFixedPoint, planSpec, type FirstViolations, type How, type OrderedEvent, type ScenarioInput } from './runScenario.js';

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

/** An event waiting in the stream's buffer. */
interface Buffered {
  id: string;
  actor: string;
  interval: Interval;
  event?: Event;
  /** the validated event's JSON line, parsed again when the event is decided */
  raw?: string;
}

function revive(b: Buffered): OrderedEvent {
  return { event: b.event ?? EventSchema.parse(JSON.parse(b.raw!)), interval: b.interval };
}

interface Reading {
  interpretation: Interpretation;
  window: ReturnType<typeof resolveWindow>;
  settled: FirstViolations;
  /** window open and close, not yet fed */
  pending: { input: MachineEvent; rank: number }[];
  sim?: TruceSimulation;
}

/**
 * The runner over a stream of events in time order, with memory bounded by how far events overlap,
 * not by how many there are. A reading's facts about an event look only at earlier events (first
 * violations, "after") and, for a reciprocal obligation whose counterparty has not yet violated, at
 * events overlapping it (did the counterparty break first?). So events are gathered into a batch only
 * as long as such a reciprocal event is still open: until the stream reaches its end (and past every
 * event sharing its start, for the order of ties). Each batch runs exactly as runScenario would,
 * starting from the first violations settled before it, so the findings, phases and transitions are
 * the same as a whole run's (tests/stream.test.ts). Once every counterparty has violated, batches are
 * single instants and memory stays flat.
 */
export async function streamRun(
  input: Omit<ScenarioInput, 'events'>,
  events: AsyncIterable<{ event: Event; line: number; file?: string; raw?: string }>,
  emit: (r: StreamRecord) => void,
  opts: { explain?: boolean; evaluator?: RuleEvaluator; interpretation?: string } = {},
): Promise<{ events: number }> {
  const { scenario } = input;
  const how: How = { evaluator: opts.evaluator ?? new RuleEvaluator(input.rules, input.conditions), reference: false, explain: opts.explain !== false };
  const spec = planSpec(scenario);
  const readings: Reading[] = scenario.interpretations
    .filter((i) => opts.interpretation === undefined || i.id === opts.interpretation)
    .map((interpretation) => {
      const window = resolveWindow(interpretation.window, scenario.timeZone);
      return {
        interpretation,
        window,
        settled: new Map(),
        pending: [
          { input: { type: 'WINDOW_OPEN', at: window.start }, rank: 0 },
          { input: { type: 'WINDOW_CLOSE', at: window.end }, rank: 2 },
        ],
      };
    });

  const feed = (r: Reading, input: MachineEvent) => {
    r.sim ??= new TruceSimulation(spec, r.interpretation.agreement.status === 'agreed', input.at);
    r.sim.feed(input);
    for (const t of r.sim.takeNew()) emit({ record: 'transition', interpretation: r.interpretation.id, transition: t });
  };
  /** feeds the window's own inputs that come before an event input at `at` */
  const feedPendingBefore = (r: Reading, at: number) => {
    while (r.pending.length > 0 && (r.pending[0]!.input.at < at || (r.pending[0]!.input.at === at && r.pending[0]!.rank < 1))) feed(r, r.pending.shift()!.input);
  };

  /** arrived, not yet emitted, in the runner's order (start, end, id): arrivals keep start order */
  let buffer: Buffered[] = [];
  let lastStart = Number.NEGATIVE_INFINITY;
  let count = 0;
  const counterparties = (actor: string) =>
    new Set(readings.flatMap((r) => r.interpretation.obligations.filter((o) => o.party === actor && o.condition !== undefined && !r.settled.has(o.condition.counterparty)).map((o) => o.condition!.counterparty)));
  /** whether, under some reading, the actor's obligation hangs on a counterparty not yet in breach */
  const needsLookahead = (actor: string) => counterparties(actor).size > 0;
  const before = (a: Buffered, b: Buffered) => a.interval.start - b.interval.start || a.interval.end - b.interval.end || a.id.localeCompare(b.id);

  /**
   * Emits what can be decided, called when every event starting before `now` has arrived (and all
   * buffered ones do start before it). An event is closed when it needs no lookahead or the stream has
   * passed its end. The closed events at the head are emitted in order, up to one that a reciprocal
   * pledge leaves waiting on a counterparty event still open; the fixed point runs over them and every
   * event starting before their lookahead ends: all that an emitted event can depend on.
   */
  const release = async (now: number) => {
    const closed = (e: Buffered) => e.interval.end <= now || !needsLookahead(e.actor);
    let emit = 0;
    let until = Number.NEGATIVE_INFINITY;
    for (; emit < buffer.length; emit++) {
      const e = buffer[emit]!;
      if (!closed(e)) break;
      const cps = counterparties(e.actor);
      if (cps.size > 0) {
        let blocked = false;
        // only a counterparty whose own pledge waits on someone can have an open event
        const canBeOpen = [...cps].some((c) => needsLookahead(c));
        for (let j = emit + 1; canBeOpen && j < buffer.length && buffer[j]!.interval.start < e.interval.end; j++) {
          const o = buffer[j]!;
          if (cps.has(o.actor) && !closed(o)) blocked = true;
        }
        if (blocked) break;
        until = Math.max(until, e.interval.end);
      }
    }
    if (emit === 0) return;
    let k = emit;
    while (k < buffer.length && buffer[k]!.interval.start < until) k++;
    const emitted = new Set(buffer.slice(0, emit).map((e) => e.id));
    await decide(buffer.slice(0, k).map(revive), emitted);
    buffer = emit === buffer.length ? [] : buffer.slice(emit);
  };

  const decide = async (context: OrderedEvent[], emitted: Set<string>) => {
    const batch = context.filter((e) => emitted.has(e.event.id));
    for (const r of readings) {
      const fixed = await findingsToFixedPoint(scenario, r.interpretation, r.window, context, how, r.settled);
      const kept = fixed.findings.filter((p) => emitted.has(p.finding.eventId));
      const findings = kept.map((p) => (how.explain ? { ...p.finding, explanation: p.explain() } : p.finding));
      for (const finding of findings) emit({ record: 'finding', interpretation: r.interpretation.id, finding });
      // settle only what the emitted events decided
      const settled: FirstViolations = new Map(r.settled);
      for (const f of findings) {
        if (f.type === 'violation' && f.certainty === 'certain' && !settled.has(f.party)) {
          settled.set(f.party, { interval: batch.find((e) => e.event.id === f.eventId)!.interval, eventId: f.eventId });
        }
      }
      for (const { input } of eventInputs(batch, findings, settled)) {
        feedPendingBefore(r, input.at);
        feed(r, input);
      }
      r.settled = settled;
    }
  };

  for await (const { event, line, file, raw } of events) {
    const interval = eventInterval(event);
    if (interval.start < lastStart) {
      throw new InputError([
        { code: 'E_STREAM_ORDER', file: file ?? '(events)', line, col: 1, path: ['when', 'start'], message: `event ${event.id} starts before the event on the line above; a stream must be sorted by start time` },
      ]);
    }
    if (interval.start > lastStart) await release(interval.start);
    lastStart = interval.start;
    // ties in start are put in the runner's order as they come
    // an event kept waiting is held as its line when there is one: a few hundred bytes, not an object
    const item: Buffered = raw !== undefined ? { id: event.id, actor: event.actor, interval, raw } : { id: event.id, actor: event.actor, interval, event };
    let i = buffer.length;
    while (i > 0 && before(item, buffer[i - 1]!) < 0) i--;
    buffer.splice(i, 0, item);
    count++;
  }
  await release(Number.POSITIVE_INFINITY);

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
      window: r.window,
      finalState: result.finalState,
      regions: result.regions,
      firstViolations: [...r.settled.entries()].map(([party, v]) => ({ party, eventId: v.eventId, interval: v.interval })).sort((a, b) => a.interval.start - b.interval.start || a.party.localeCompare(b.party)),
      events: count,
    });
  }
  return { events: count };
}

