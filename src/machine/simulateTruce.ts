import { createActor } from 'xstate';
import { EventClock } from './eventClock.js';
import { phaseRegions, type MachineEvent, type PhaseRecord, type PlanSpec, type TruceMachine } from './truceMachine.js';
import { machineFor, type StatechartMemo } from './memoSimulate.js';

export interface TransitionRecord {
  at: number;
  /** `lifecycle` or a phase id */
  region: string;
  from: string;
  to: string;
  cause: string;
}

export interface SimulationResult {
  phases: PhaseRecord[];
  transitions: TransitionRecord[];
  /** the lifecycle's last state */
  finalState: string;
  /** every region's last state */
  regions: Record<string, string>;
}

/**
 * Runs the statechart over time-ordered inputs on a clock driven by event time.
 * At one instant: inputs are handled in the order given (the runner sends window-open, then events,
 * then window-close), and deadlines due at that instant fall after all of them, so a response at the
 * very deadline meets it ("within 24 hours" includes the 24th hour's end).
 */
export function simulateTruce(
  plan: PlanSpec,
  agreed: boolean,
  start: number,
  inputs: readonly MachineEvent[],
  /** many runs' memo, owned by whoever makes the runs (none: the statechart itself, every time) */
  memo?: StatechartMemo,
): SimulationResult {
  return memo ? memo.simulate(plan, agreed, start, inputs, runMachine) : runMachine(plan, agreed, start, inputs);
}

/** The statechart itself, on the event-time clock. */
export function runMachine(
  plan: PlanSpec,
  agreed: boolean,
  start: number,
  inputs: readonly MachineEvent[],
  skipRepeats = true,
): SimulationResult {
  const sim = new TruceSimulation(plan, agreed, start, skipRepeats);
  for (const input of inputs) sim.feed(input);
  return sim.finish();
}

/**
 * The statechart fed one input at a time (streams): time-ordered inputs in, transitions out as they
 * happen. An input that changed nothing is remembered until something changes; the same input (same
 * type, trigger, party, certainty, phase, actor, target, kind) is then skipped, since no guard reads anything else of an
 * input and the machine is deterministic. This keeps long runs, where most strikes repeat a trigger
 * already acted on, cheap.
 */
export class TruceSimulation {
  private readonly clock: EventClock;
  private readonly actor;
  private readonly transitions: TransitionRecord[] = [];
  private prev: Record<string, string>;
  private noops = new Set<string>();
  private lastContext: unknown;
  private taken = 0;

  constructor(
    private readonly plan: PlanSpec,
    agreed: boolean,
    start: number,
    /** skip repeats of an input that changed nothing (off only to check that skipping is exact) */
    private readonly skipRepeats = true,
    /** the machine definition, if one for this plan's shape was built already */
    machine: TruceMachine = machineFor(plan),
  ) {
    this.clock = new EventClock(start);
    this.actor = createActor(machine, { input: { plan, agreed, start }, clock: this.clock });
    this.prev = { lifecycle: 'start', ...Object.fromEntries(phaseRegions(plan).map((r) => [r.key, 'inactive'])) };
    this.actor.start();
    // stamped at the start of the record (the scenario's earliest event or window), the same for every reading
    this.diff(start, () =>
      agreed
        ? 'the reading holds that the truce was agreed (as of the start of the record)'
        : 'the reading holds the truce only as claimed or disputed (as of the start of the record)',
    );
  }

  /** The transitions not taken yet (the first call also returns the initial one). */
  takeNew(): TransitionRecord[] {
    const out = this.transitions.slice(this.taken);
    this.taken = this.transitions.length;
    return out;
  }

  /** Handles one input, after the deadlines due strictly before it. */
  feed(input: MachineEvent): void {
    this.clock.advanceTo(input.at, false, (due) => this.diff(due, deadlineCause));
    const key =
      input.type === 'TRIGGER'
        ? `T|${input.trigger}|${input.party}|${input.certainty}|${input.afterWindow === true ? 'a' : ''}`
        : input.type === 'RESPONSE'
          ? `R|${input.phase}|${input.actor ?? ''}|${input.target ?? ''}|${input.kind ?? ''}`
          : input.type;
    if (!this.noops.has(key)) {
      this.actor.send(input);
      if (!this.diff(input.at, (region, to) => causeOf(input, region, to)) && this.skipRepeats) this.noops.add(key);
    }
  }

  /** Fires every remaining deadline and returns the whole run. */
  finish(): SimulationResult {
    this.clock.drain((due) => this.diff(due, deadlineCause));
    const snapshot = this.actor.getSnapshot();
    this.actor.stop();
    const regions = regionsOf(snapshot.value as Record<string, string>);
    const phases = phaseRegions(this.plan)
      .map((r) => snapshot.context.phases[r.key])
      .filter((r): r is PhaseRecord => r !== undefined);
    return { phases, transitions: this.transitions, finalState: regions.lifecycle ?? 'start', regions };
  }

  /** Records what changed; says whether anything (state or context) did. */
  private diff(at: number, cause: (region: string, to: string) => string): boolean {
    const snapshot = this.actor.getSnapshot();
    const now = regionsOf(snapshot.value as Record<string, string>);
    let changed = snapshot.context !== this.lastContext;
    for (const region of Object.keys(now)) {
      if (now[region] !== this.prev[region]) {
        changed = true;
        this.transitions.push({
          at,
          region,
          from: this.prev[region] ?? '',
          to: now[region] ?? '',
          cause: cause(region, now[region] ?? ''),
        });
      }
    }
    this.prev = now;
    this.lastContext = snapshot.context;
    if (changed) this.noops.clear();
    return changed;
  }
}

function regionsOf(value: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

function deadlineCause(region: string, to: string): string {
  return to === 'missed' ? `the ${region} deadline passed with no response event` : `timer (${region})`;
}

function causeOf(input: MachineEvent, region: string, to: string): string {
  switch (input.type) {
    case 'WINDOW_OPEN':
      return 'the window opened';
    case 'WINDOW_CLOSE':
      return 'the window closed with no violation';
    case 'TRIGGER':
      if (region === 'lifecycle') return `${input.trigger} by ${input.party} (${input.eventId})`;
      return `${input.trigger} by ${input.party} (${input.eventId}) opened the ${region} phase`;
    case 'RESPONSE':
      if (region !== input.phase && to === 'open')
        return `response ${input.eventId} to the ${input.phase} phase started the ${region} deadline`;
      return `response ${input.eventId} to the ${input.phase} phase${to === 'met' ? ' by its deadline' : ''}`;
  }
}
