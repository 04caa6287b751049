import type { Event } from '../schema/event.js';
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
  events: AsyncIterable<{ event: Event; line: number; file?: string }>,
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

  let batch: OrderedEvent[] = [];
  /** the latest end of a batched event that must see what overlaps it */
  let openUntil = Number.NEGATIVE_INFINITY;
  let lastStart = Number.NEGATIVE_INFINITY;
  /** whether, under some reading, the actor's obligation hangs on a counterparty not yet in breach */
  const needsLookahead = (actor: string) =>
    readings.some((r) => r.interpretation.obligations.some((o) => o.party === actor && o.condition !== undefined && !r.settled.has(o.condition.counterparty)));
  let count = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    batch.sort((a, b) => a.interval.start - b.interval.start || a.interval.end - b.interval.end || a.event.id.localeCompare(b.event.id));
    for (const r of readings) {
      const fixed = await findingsToFixedPoint(scenario, r.interpretation, r.window, batch, how, r.settled);
      const findings = fixed.findings.map((p) => (how.explain ? { ...p.finding, explanation: p.explain() } : p.finding));
      for (const finding of findings) emit({ record: 'finding', interpretation: r.interpretation.id, finding });
      for (const { input } of eventInputs(batch, findings, fixed.firstViolation)) {
        feedPendingBefore(r, input.at);
        feed(r, input);
      }
      r.settled = fixed.firstViolation;
    }
    batch = [];
  };

  for await (const { event, line, file } of events) {
    const interval = eventInterval(event);
    if (interval.start < lastStart) {
      throw new InputError([
        { code: 'E_STREAM_ORDER', file: file ?? '(events)', line, col: 1, path: ['when', 'start'], message: `event ${event.id} starts before the event on the line above; a stream must be sorted by start time` },
      ]);
    }
    if (batch.length > 0 && interval.start > lastStart && interval.start >= openUntil) {
      await flush();
      openUntil = Number.NEGATIVE_INFINITY;
    }
    lastStart = interval.start;
    batch.push({ event, interval });
    if (needsLookahead(event.actor)) openUntil = Math.max(openUntil, interval.end);
    count++;
  }
  await flush();

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

