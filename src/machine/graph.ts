import type { AnyStateNode } from 'xstate';
import { createTruceMachine, type PlanSpec } from './truceMachine.js';

/**
 * The statechart as plain data, read from the machine definition itself (createTruceMachine), so that
 * every picture drawn from it (truce graph, the HTML report) cannot drift from the code. XState stays in
 * src/machine: callers get nodes and edges.
 */

export interface GraphState {
  /** "region.state", unique in the machine */
  id: string;
  region: string;
  key: string;
  /** the region's initial state */
  initial: boolean;
  /** no transition leaves it (collapsed, met): the region ends there */
  terminal: boolean;
}

export interface GraphRegion {
  /** `lifecycle` or a phase id */
  id: string;
  initial: string;
  states: GraphState[];
}

export interface GraphEdge {
  region: string;
  /** state keys within the region */
  from: string;
  to: string;
  /** `event`: on an event; `always`: eventless, taken on entry; `after`: a delayed transition (a deadline) */
  kind: 'event' | 'always' | 'after';
  /** the event type (WINDOW_OPEN, TRIGGER, RESPONSE); for `after` the delay's name, for `always` "always" */
  event: string;
  guard: string | null;
  actions: string[];
  /** for `after`: the deadline of the phase in ms (null: no deadline, the transition never fires) */
  deadlineMs: number | null;
  /** a transition without a target: it runs its actions and stays in `from` (to === from) */
  targetless: boolean;
  /** what takes the transition, in words for readers of the plan (edgeLabel gives the code's names) */
  words: string;
}

export interface MachineGraph {
  id: string;
  /** the top-level regions run in parallel */
  regions: GraphRegion[];
  edges: GraphEdge[];
}

type Named = string | { type?: unknown } | ((...args: never[]) => unknown);

function nameOf(x: Named | undefined): string | null {
  if (x === undefined || x === null) return null;
  if (typeof x === 'string') return x;
  if (typeof x === 'function') return x.name || 'inline';
  return typeof x.type === 'string' ? x.type : 'inline';
}

/** Walks every state node of `createTruceMachine(plan)`: its regions, states and transitions in definition order. */
export function machineGraph(plan: PlanSpec): MachineGraph {
  const machine = createTruceMachine(plan);
  const regions: GraphRegion[] = [];
  const edges: GraphEdge[] = [];
  for (const region of Object.values(machine.root.states) as AnyStateNode[]) {
    const nodes = Object.values(region.states) as AnyStateNode[];
    const initial = region.initial?.target?.[0]?.key ?? nodes[0]?.key ?? '';
    const regionEdges: GraphEdge[] = [];
    for (const node of nodes) {
      const delayed = new Map<string, string>();
      for (const d of node.after) delayed.set(String(d.eventType), String(d.delay));
      for (const t of node.always ?? []) regionEdges.push(edge(region.key, node.key, t, 'always', 'always', plan));
      for (const [eventType, list] of node.transitions) {
        const delay = delayed.get(String(eventType));
        for (const t of list)
          regionEdges.push(edge(region.key, node.key, t, delay === undefined ? 'event' : 'after', delay ?? String(eventType), plan));
      }
    }
    const leaves = new Set(regionEdges.filter((e) => !e.targetless).map((e) => e.from));
    regions.push({
      id: region.key,
      initial,
      states: nodes.map((n) => ({
        id: `${region.key}.${n.key}`,
        region: region.key,
        key: n.key,
        initial: n.key === initial,
        terminal: !leaves.has(n.key),
      })),
    });
    edges.push(...regionEdges);
  }
  return { id: machine.id, regions, edges };
}

interface TransitionLike {
  target?: ReadonlyArray<{ key: string }> | undefined;
  guard?: unknown;
  actions: readonly unknown[];
}

function edge(region: string, from: string, t: TransitionLike, kind: GraphEdge['kind'], event: string, plan: PlanSpec): GraphEdge {
  const target = t.target?.[0]?.key;
  const phase = kind === 'after' ? phaseOfRegion(plan, event.replace(/^due:/, '')) : undefined;
  const e: Omit<GraphEdge, 'words'> = {
    region,
    from,
    to: target ?? from,
    kind,
    event,
    guard: nameOf(t.guard as Named | undefined),
    actions: t.actions.map((a) => nameOf(a as Named)).filter((a): a is string => a !== null),
    deadlineMs: phase?.deadlineMs ?? null,
    targetless: target === undefined,
  };
  return { ...e, words: edgeWords(e, plan) };
}

/** The phase a region tracks: its key is the phase id, or `phase:party` when the plan applies to several parties. */
function phaseOfRegion(plan: PlanSpec, key: string) {
  return plan.phases.find((p) => key === p.id || key.startsWith(`${p.id}:`));
}

const TRIGGER_WORDS: Record<string, string> = {
  violation: 'a violation',
  'hostilities-continued': 'hostilities continuing after a violation',
  'broader-attack': 'a broader attack',
};

/**
 * What takes a transition, in words: `a violation (its party is recorded as the one who broke the truce)`,
 * `no response within 24 hours`. Unknown guards fall back to the code's names, so a new construct still shows.
 */
export function edgeWords(e: Omit<GraphEdge, 'words'>, plan: PlanSpec): string {
  const spec = phaseOfRegion(plan, e.region);
  if (e.kind === 'always')
    return e.guard === 'isAgreed'
      ? 'at once, when the reading counts the truce as agreed'
      : e.guard === null
        ? 'at once, otherwise (the truce is only claimed)'
        : edgeLabel(e);
  const responseTo = spec !== undefined && typeof spec.countedFrom === 'object' ? spec.countedFrom.responseTo : undefined;
  if (e.kind === 'after')
    return e.deadlineMs === null
      ? 'never (the sources give no deadline)'
      : `no response within ${humanDuration(e.deadlineMs, true)}${responseTo !== undefined ? ` of the response to the ${responseTo} phase` : ''}`;
  switch (`${e.event} ${e.guard ?? ''}`) {
    case 'WINDOW_OPEN ':
      return 'the window opens';
    case 'WINDOW_CLOSE ':
      return 'the window closes';
    case 'TRIGGER isViolation':
      return 'a violation (its party is recorded as the breaker)';
    case 'TRIGGER collapses':
      return 'an escalation, or a violation by the other party';
    case 'TRIGGER opens': {
      const after = spec && spec.requires.length > 0 ? `, once the ${spec.requires.join(' and ')} phase has opened` : '';
      const trigger = spec === undefined ? 'its trigger' : (TRIGGER_WORDS[spec.trigger] ?? `the trigger "${spec.trigger}"`);
      return `${trigger} by a party the plan applies to${after}`;
    }
    case 'RESPONSE answersInTime':
      // a plan whose responses are other kinds of event (a report to a mechanism is a statement) says which
      return spec?.respondsWith !== undefined && spec.respondsWith.join() !== 'response'
        ? `a ${spec.respondsWith.join(' or ')} event${spec.respondedBy ? ` by ${spec.respondedBy.join(' or ')}` : ''} by the deadline`
        : 'a response by the deadline';
    case 'TRIGGER opensAwaiting': {
      const trigger = spec === undefined ? 'its trigger' : (TRIGGER_WORDS[spec.trigger] ?? `the trigger "${spec.trigger}"`);
      return `${trigger}, before any response to the ${responseTo ?? 'earlier'} phase (its deadline waits for one)`;
    }
    case 'RESPONSE startsClock':
      return `the first response to the ${responseTo ?? 'earlier'} phase starts the deadline`;
    case 'RESPONSE answers':
      return e.targetless ? 'a late response (recorded, the phase stays missed)' : 'a response after the deadline (late)';
    default:
      return edgeLabel(e);
  }
}

/** The code's names, for developers: `TRIGGER [isViolation] / recordBreach`, `after 24 h / markMissed`. */
export function edgeLabel(e: Omit<GraphEdge, 'words'>): string {
  const ev = e.kind === 'after' ? `after ${e.deadlineMs === null ? 'no deadline (never)' : humanDuration(e.deadlineMs)}` : e.event;
  const guard = e.guard !== null ? ` [${e.guard}]` : '';
  const actions = e.actions.length > 0 ? ` / ${e.actions.join(', ')}` : '';
  return `${ev}${guard}${actions}`;
}

export function humanDuration(ms: number, long = false): string {
  const h = ms / 3_600_000;
  if (Number.isInteger(h)) return long ? `${h} hour${h === 1 ? '' : 's'}` : `${h} h`;
  const m = Math.round(ms / 60_000);
  return long ? `${m} minute${m === 1 ? '' : 's'}` : `${m} min`;
}
