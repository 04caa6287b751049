import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createActor, type AnyStateNode, type AnyTransitionDefinition } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { planSpec } from '../src/run/runScenario.js';
import { createTruceMachine, type MachineEvent, type PlanSpec, type TruceContext } from '../src/machine/truceMachine.js';
import { EventClock } from '../src/machine/eventClock.js';
import { simulateTruce } from '../src/machine/simulateTruce.js';
import { StatechartMemo } from '../src/machine/memoSimulate.js';
import { ARTICLES, ROOT } from './helpers.js';

/**
 * Model-based tests of the statechart. Paths are generated from the machine definition itself
 * (xstate/graph), replayed on the event-time clock, and every state and every transition of the
 * definition, the delayed ones included, must be exercised by some replay. The lists of states and
 * transitions are read from the definition, so a state or transition added later without being
 * reachable fails here until a path covers it.
 *
 * createTestModel refuses `after` timers, so the paths are driven here: a path's ordinary events are
 * sent one minute after the machine's time (as the examples were generated), and a delayed transition
 * (xstate.after...) is taken by moving the clock to its deadline, never by sending the event.
 */

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 28, 22);

type Machine = ReturnType<typeof createTruceMachine>;
type Snap = ReturnType<Machine['transition']>;
type PathEvent = MachineEvent | { type: `xstate.after.${string}` } | { type: 'xstate.init' };

const loaded = loadScenario(path.join(ROOT, 'scenarios', 'jan-feb-2026.yaml'), { cwd: ROOT, articlesDir: ARTICLES });
const JAN_FEB = planSpec(loaded.scenario);

/** Every state node below the root, and every transition (on, after, always), read from the definition. */
function definitionOf(machine: Machine) {
  const nodes: AnyStateNode[] = [];
  const walk = (n: AnyStateNode) => {
    nodes.push(n);
    for (const c of Object.values(n.states) as AnyStateNode[]) walk(c);
  };
  walk(machine.root);
  const transitions: AnyTransitionDefinition[] = [];
  for (const n of nodes) {
    for (const list of n.transitions.values()) transitions.push(...list);
    transitions.push(...(n.always ?? []));
  }
  return { states: nodes.filter((n) => n !== machine.root), transitions };
}

const guardName = (t: AnyTransitionDefinition) =>
  t.guard === undefined ? '' : typeof t.guard === 'string' ? t.guard : ((t.guard as { type?: string }).type ?? 'inline');
const keyOf = (t: AnyTransitionDefinition) =>
  `${t.source.id} --${t.eventType === '' ? '(always)' : t.eventType}${guardName(t) ? ` [${guardName(t)}]` : ''}--> ${t.target?.map((s: AnyStateNode) => s.id).join(',') ?? '(stays)'}`;

/**
 * The example events offered in a state, at one minute after the state's time. Only what can happen
 * in event time is offered: a deadline is offered as xstate.after... when it is the earliest one due,
 * and events only while no deadline falls before them, so every generated path can be replayed on
 * the clock exactly as generated.
 */
function examples(plan: PlanSpec, omit: ReadonlySet<string> = new Set()) {
  return (s: Snap): PathEvent[] => examplesIn(plan, s).filter((e) => !omit.has(e.type));
}

function examplesIn(plan: PlanSpec, s: Snap): PathEvent[] {
  const c = s.context as TruceContext;
  const value = s.value as Record<string, string>;
  const pending = plan.phases
    .filter((p) => value[p.id] === 'open' && c.phases[p.id]?.dueBy !== null && c.phases[p.id]?.dueBy !== undefined)
    .map((p) => ({ id: p.id, due: c.phases[p.id]!.dueBy! }));
  const earliest = Math.min(Number.POSITIVE_INFINITY, ...pending.map((p) => p.due));
  const out: PathEvent[] = [];
  const at = c.now + MIN;
  if (at < earliest) {
    out.push({ type: 'WINDOW_OPEN', at }, { type: 'WINDOW_CLOSE', at });
    for (const trigger of ['violation', 'hostilities-continued', 'broader-attack'] as const) {
      out.push({
        type: 'TRIGGER',
        at,
        trigger,
        party: 'russia',
        eventId: `example-${trigger}`,
        certainty: 'certain',
        firstViolationAt: c.phases.diplomatic?.enteredAt ?? at,
      });
    }
    for (const phase of ['diplomatic', 'coalition', 'us-backed'] as const)
      out.push({ type: 'RESPONSE', at, phase, eventId: `example-response-${phase}` });
  }
  const due = pending.filter((p) => p.due === earliest);
  if (due.length === 1) out.push({ type: `xstate.after.due:${due[0]!.id}.truce.${due[0]!.id}.open` });
  return out;
}

/**
 * What decides a state's future: its regions, who breached, what the phases recorded (so a late
 * response, which changes only the record, is a step), and how far each pending deadline is from the
 * state's time. Absolute times are left out, so that states reached at different times merge; the
 * replay therefore re-times each event from the machine's own clock, as the examples do.
 */
const serialize = (s: Snap) => {
  // the graph walks ask for the same (immutable) snapshots again and again: once each is enough
  let key = serialized.get(s);
  if (key === undefined) serialized.set(s, (key = serializeOnce(s)));
  return key;
};
const serialized = new WeakMap<Snap, string>();
const serializeOnce = (s: Snap) => {
  const c = s.context as TruceContext;
  const value = s.value as Record<string, string>;
  const phases = Object.entries(c.phases).map(([k, r]) => [
    k,
    r?.met,
    r?.respondedAt !== null,
    value[k] === 'open' && r?.dueBy != null ? r.dueBy - c.now : null,
  ]);
  return JSON.stringify({ v: value, by: c.breachedBy, p: phases });
};

/** The active state node ids of a state value: the region and its state, for each region. */
const activeIds = (value: Record<string, string>) =>
  Object.entries(value).flatMap(([region, state]) => [`truce.${region}`, `truce.${region}.${state}`]);

/**
 * expect(actual).toEqual(wanted), deciding the common case (equal) without building an expectation: a
 * replay checks tens of thousands of steps, and each expect() costs more than the step it checks. Deep
 * strict equality implies toEqual, so only a difference goes to expect, which then decides and words it.
 */
function expectEqual(actual: unknown, wanted: unknown, message?: string): void {
  if (!isDeepStrictEqual(actual, wanted)) expect(actual, message).toEqual(wanted);
}

interface Replay {
  states: Set<string>;
  transitions: Set<string>;
  paths: number;
  steps: number;
  delayed: number;
}

/**
 * Replays one generated path on the clock; returns what it exercised. Asserts at each step that the
 * machine is where the path says, and at the end that simulateTruce (the runner's way, with its memo
 * and skipping of repeated inputs) ends where the raw actor does.
 */
function replay(
  machine: Machine,
  plan: PlanSpec,
  agreed: boolean,
  p: StatePath<Snap, PathEvent>,
  into: Replay,
  memo: StatechartMemo,
): void {
  const clock = new EventClock(T0);
  const actor = createActor(machine, {
    input: { plan, agreed, start: T0 },
    clock,
    inspect: (ev) => {
      // every transition the interpreter takes, eventless and delayed ones included; a transition's
      // source was active (this is how the transient `start` state, left at once, counts as visited)
      if (ev.type !== '@xstate.microstep') return;
      for (const t of (ev as { _transitions: AnyTransitionDefinition[] })._transitions) {
        into.transitions.add(keyOf(t));
        into.states.add(t.source.id);
      }
    },
  });
  actor.start();
  const sent: MachineEvent[] = [];
  for (const step of p.steps) {
    const e = step.event;
    if (e.type === 'xstate.init') {
      // the initial state, after its eventless transition (start -> agreed | claimed)
    } else if (e.type.startsWith('xstate.after.')) {
      const region = /^xstate\.after\.due:([a-z-]+)\./.exec(e.type)![1]! as keyof TruceContext['phases'];
      const due = actor.getSnapshot().context.phases[region]!.dueBy!;
      clock.advanceTo(due, true);
      into.delayed++;
    } else {
      // the path's event, at the time the examples give it from this history: one minute after the machine's time
      const ctx = actor.getSnapshot().context;
      const at = ctx.now + MIN;
      const input = {
        ...(e as MachineEvent),
        at,
        ...(e.type === 'TRIGGER' ? { firstViolationAt: ctx.phases.diplomatic?.enteredAt ?? at } : {}),
      } as MachineEvent;
      clock.advanceTo(input.at, false);
      actor.send(input);
      sent.push(input);
    }
    into.steps++;
    const now = actor.getSnapshot();
    expectEqual(now.value, step.state.value, `after ${e.type}`);
    for (const id of activeIds(now.value as Record<string, string>)) into.states.add(id);
  }
  expectEqual(actor.getSnapshot().value, p.state.value);
  clock.drain();
  const settled = actor.getSnapshot().value as Record<string, string>;
  actor.stop();
  expectEqual(simulateTruce(plan, agreed, T0, sent, memo).regions, settled);
  into.paths++;
}

type Generator = 'shortest' | 'simple' | 'edges';

/**
 * Paths for both starts (agreed, claimed): `shortest` reaches every state by its shortest path;
 * `simple` is every path that visits no state twice (so every edge of the state graph lies on one);
 * `edges` is, for every edge of the state graph, the shortest path to its source and then the edge
 * (the same edge coverage as `simple`, at a fraction of the cost for bigger graphs).
 */
function exercise(plan: PlanSpec, generators: Generator[], omit: ReadonlySet<string> = new Set()) {
  const machine = createTruceMachine(plan);
  // the runner's memo, as a sweep or sample keeps one for its runs
  const memo = new StatechartMemo();
  const into: Replay = { states: new Set(), transitions: new Set(), paths: 0, steps: 0, delayed: 0 };
  const generated: Record<Generator, number> = { shortest: 0, simple: 0, edges: 0 };
  for (const agreed of [true, false]) {
    const options = { events: examples(plan, omit), input: { plan, agreed, start: T0 }, serializeState: serialize } as Parameters<
      typeof getShortestPaths<Machine>
    >[1];
    const shortest = getShortestPaths(machine, options) as unknown as StatePath<Snap, PathEvent>[];
    const byGenerator: Record<Generator, () => StatePath<Snap, PathEvent>[]> = {
      shortest: () => shortest,
      simple: () => getSimplePaths(machine, options) as unknown as StatePath<Snap, PathEvent>[],
      edges: () => {
        const to = new Map(shortest.map((p) => [serialize(p.state), p]));
        const edges = adjacencyMapToArray(getAdjacencyMap(machine, options as never)) as {
          state: Snap;
          event: PathEvent;
          nextState: Snap;
        }[];
        return edges.map(({ state, event, nextState }) => {
          const head = to.get(serialize(state))!;
          return { state: nextState, steps: [...head.steps, { event, state: nextState }], weight: head.weight + 1 };
        });
      },
    };
    for (const g of generators) {
      const paths = byGenerator[g]();
      generated[g] += paths.length;
      for (const p of paths) replay(machine, plan, agreed, p, into, memo);
    }
  }
  return { machine, replay: into, generated };
}

const describeGenerated = (g: Record<Generator, number>) =>
  (Object.entries(g) as [Generator, number][])
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(' + ');

/**
 * What a plan makes unreachable in event time: a phase with no deadline (null) schedules an infinite
 * delay, so its `after` transition never fires; then whatever only that transition leads to is
 * unreachable too. Computed from the definition, not listed by hand.
 */
function unreachableBy(plan: PlanSpec, machine: Machine) {
  const { states, transitions } = definitionOf(machine);
  const never = new Set(
    transitions
      .filter(
        (t) =>
          (t.eventType.startsWith('xstate.after.') &&
            plan.phases.some((p) => p.deadlineMs === null && t.source.id === `truce.${p.id}.open`)) ||
          // a late response in `open` needs a deadline that had passed when the phase opened: only a
          // deadline counted from an earlier first violation can
          (t.eventType === 'RESPONSE' &&
            (t.target ?? []).some((x) => x.key === 'missed') &&
            plan.phases.some((p) => (p.deadlineMs === null || p.countedFrom === 'trigger') && t.source.id === `truce.${p.id}.open`)),
      )
      .map(keyOf),
  );
  // reachability over the definition's graph without those transitions
  const reached = new Set<string>(['truce']);
  const enter = (n: AnyStateNode) => {
    for (let cur: AnyStateNode | undefined = n; cur; cur = cur.parent) reached.add(cur.id);
    const initial = n.initial?.target ?? [];
    if (n.type === 'parallel') for (const c of Object.values(n.states) as AnyStateNode[]) enter(c);
    for (const t of initial) enter(t);
  };
  enter(machine.root);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of transitions) {
      if (never.has(keyOf(t)) || !reached.has(t.source.id)) continue;
      for (const target of t.target ?? []) {
        if (!reached.has(target.id)) {
          enter(target);
          grew = true;
        }
      }
    }
  }
  return {
    states: new Set(states.filter((s) => !reached.has(s.id)).map((s) => s.id)),
    transitions: new Set([...never, ...transitions.filter((t) => !reached.has(t.source.id)).map(keyOf)]),
  };
}

const report: string[] = [];
afterAll(() => {
  for (const line of report) console.log(line);
});

describe('model-based: every state and transition of the statechart, replayed on the event-time clock', () => {
  it('the definition has the states and transitions the README describes (the lists below are read from it)', () => {
    const { states, transitions } = definitionOf(createTruceMachine(JAN_FEB));
    const ids = states.map((s) => s.id);
    for (const s of ['start', 'claimed', 'agreed', 'inForce', 'breached', 'collapsed', 'expired'])
      expect(ids).toContain(`truce.lifecycle.${s}`);
    for (const ph of JAN_FEB.phases) for (const s of ['inactive', 'open', 'met', 'missed']) expect(ids).toContain(`truce.${ph.id}.${s}`);
    // one delayed transition per phase, from `open` to `missed`
    const delayed = transitions.filter((t) => t.eventType.startsWith('xstate.after.'));
    expect(delayed.map((t) => `${t.source.id}>${t.target?.[0]?.id}`).sort()).toEqual(
      JAN_FEB.phases.map((p) => `truce.${p.id}.open>truce.${p.id}.missed`).sort(),
    );
  });

  it('with the plan of jan-feb-2026.yaml: all covered but what its null deadlines make unreachable', () => {
    const { machine, replay: r, generated } = exercise(JAN_FEB, ['shortest', 'simple']);
    const { states, transitions } = definitionOf(machine);
    const unreachable = unreachableBy(JAN_FEB, machine);
    // the one phase without a deadline is the coalition (a002 gives none): its `missed` can never happen
    expect([...unreachable.states]).toEqual(JAN_FEB.phases.filter((p) => p.deadlineMs === null).map((p) => `truce.${p.id}.missed`));

    const missingStates = states.map((s) => s.id).filter((id) => !r.states.has(id) && !unreachable.states.has(id));
    const missingTransitions = transitions.map(keyOf).filter((k) => !r.transitions.has(k) && !unreachable.transitions.has(k));
    expect(missingStates, 'states never reached by a replayed path').toEqual([]);
    expect(missingTransitions, 'transitions never taken by a replayed path').toEqual([]);
    // and nothing the plan rules out happened anyway
    for (const id of unreachable.states) expect(r.states.has(id), id).toBe(false);
    for (const k of unreachable.transitions) expect(r.transitions.has(k), k).toBe(false);
    expect(r.delayed).toBeGreaterThan(0);

    const coveredStates = states.filter((s) => r.states.has(s.id)).length;
    const coveredTransitions = transitions.filter((t) => r.transitions.has(keyOf(t))).length;
    report.push(
      `model (jan-feb-2026 plan): ${describeGenerated(generated)} paths replayed (${r.steps} steps, ${r.delayed} deadlines on the clock); ` +
        `states ${coveredStates}/${states.length}, transitions ${coveredTransitions}/${transitions.length} ` +
        `(unreachable by the plan's data: ${[...unreachable.states].join(', ')}; ${unreachable.transitions.size} transitions)`,
    );
  });

  it('with the same plan and a deadline for every phase: every state, and every transition its deadlines allow, is covered', () => {
    // the definition's code paths for a missed coalition exist; a plan with a coalition deadline reaches them
    const plan: PlanSpec = {
      ...JAN_FEB,
      phases: JAN_FEB.phases.map((p) => (p.deadlineMs === null ? { ...p, deadlineMs: 48 * 60 * MIN } : p)),
    };
    const { machine, replay: r, generated } = exercise(plan, ['shortest', 'edges']);
    const { states, transitions } = definitionOf(machine);
    const unreachable = unreachableBy(plan, machine);
    expect(unreachable.states.size).toBe(0);
    // left: only the late responses in `open`, which need a deadline counted from an earlier violation
    // (tests/machine.test.ts and tests/properties.test.ts take them)
    expect([...unreachable.transitions].every((k) => k.includes('--RESPONSE') && k.endsWith('.missed'))).toBe(true);
    expect(
      states.map((s) => s.id).filter((id) => !r.states.has(id)),
      'states never reached',
    ).toEqual([]);
    expect(
      transitions.map(keyOf).filter((k) => !r.transitions.has(k) && !unreachable.transitions.has(k)),
      'transitions never taken',
    ).toEqual([]);
    report.push(
      `model (every phase with a deadline): ${describeGenerated(generated)} paths replayed (${r.delayed} deadlines on the clock); states ${states.length}/${states.length}, transitions ${transitions.length - unreachable.transitions.size}/${transitions.length} (late responses in open: machine and property tests)`,
    );
  });

  // regression: the coverage check must fail when an event kind is missing from the examples, not pass silently
  it('without WINDOW_CLOSE among the examples, the window can never expire, and the check says so', () => {
    const { machine, replay: r } = exercise(JAN_FEB, ['shortest', 'edges'], new Set(['WINDOW_CLOSE']));
    const { states, transitions } = definitionOf(machine);
    const unreachable = unreachableBy(JAN_FEB, machine);
    expect(states.map((s) => s.id).filter((id) => !r.states.has(id) && !unreachable.states.has(id))).toEqual(['truce.lifecycle.expired']);
    expect(transitions.map(keyOf).filter((k) => !r.transitions.has(k) && !unreachable.transitions.has(k))).toEqual([
      'truce.lifecycle.inForce --WINDOW_CLOSE--> truce.lifecycle.expired',
      'truce.lifecycle.expired --TRIGGER [isViolation]--> truce.lifecycle.breached',
    ]);
  });
});
