import { createActor } from 'xstate';
import { EventClock } from './eventClock.js';
import { createTruceMachine, type MachineEvent, type PhaseRecord, type PlanSpec } from './truceMachine.js';
import { memoSimulate } from './memoSimulate.js';

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

const machines = new WeakMap<PlanSpec, ReturnType<typeof createTruceMachine>>();

/** One machine definition per plan: building it is the costly part of a short simulation. */
function machineFor(plan: PlanSpec) {
  let m = machines.get(plan);
  if (!m) {
    m = createTruceMachine(plan);
    machines.set(plan, m);
  }
  return m;
}

/**
 * Runs the statechart over time-ordered inputs on a clock driven by event time.
 * At one instant: inputs are handled in the order given (the runner sends window-open, then events,
 * then window-close), and deadlines due at that instant fall after all of them, so a response at the
 * very deadline meets it ("within 24 hours" includes the 24th hour's end).
 */
export function simulateTruce(plan: PlanSpec, agreed: boolean, start: number, inputs: readonly MachineEvent[]): SimulationResult {
  return memoSimulate(plan, agreed, start, inputs, runMachine);
}

/** The statechart itself, on the event-time clock. */
export function runMachine(plan: PlanSpec, agreed: boolean, start: number, inputs: readonly MachineEvent[]): SimulationResult {
  const clock = new EventClock(start);
  const actor = createActor(machineFor(plan), { input: { plan, agreed, start }, clock });
  const transitions: TransitionRecord[] = [];
  let prev: Record<string, string> = { lifecycle: 'start', ...Object.fromEntries(plan.phases.map((p) => [p.id, 'inactive'])) };

  const diff = (at: number, cause: (region: string, to: string) => string) => {
    const now = regionsOf(actor.getSnapshot().value as Record<string, string>);
    for (const region of Object.keys(now)) {
      if (now[region] !== prev[region]) {
        transitions.push({ at, region, from: prev[region] ?? '', to: now[region] ?? '', cause: cause(region, now[region] ?? '') });
      }
    }
    prev = now;
  };

  actor.start();
  diff(start, () => (agreed ? 'the reading holds that the truce was agreed' : 'the reading holds the truce only as claimed or disputed'));
  for (const input of inputs) {
    clock.advanceTo(input.at, false, (due) => diff(due, deadlineCause));
    actor.send(input);
    diff(input.at, (region, to) => causeOf(input, region, to));
  }
  clock.drain((due) => diff(due, deadlineCause));
  const snapshot = actor.getSnapshot();
  actor.stop();
  const regions = regionsOf(snapshot.value as Record<string, string>);
  const phases = plan.phases.map((p) => snapshot.context.phases[p.id]).filter((r): r is PhaseRecord => r !== undefined);
  return { phases, transitions, finalState: regions.lifecycle ?? 'start', regions };
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
      return `response ${input.eventId} to the ${input.phase} phase${to === 'met' ? ' by its deadline' : ''}`;
  }
}
