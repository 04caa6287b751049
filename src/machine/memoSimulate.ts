import { createTruceMachine, phaseRegions, type MachineEvent, type PhaseRecord, type PlanSpec, type TruceMachine } from './truceMachine.js';
import type { SimulationResult } from './simulateTruce.js';

/**
 * An exact memo of the statechart for bulk runs (Monte Carlo draws, sweeps), where XState's per-run
 * cost dominates. It rests on one property of the machine, which tests/memo.test.ts checks against the
 * machine itself: times matter only through their order (which deadline falls before which input, and
 * whether a response comes by a deadline); otherwise they only flow into the records (entered, due,
 * responded). So the run is fixed by the inputs without their
 * times plus the order (ties included) of every time that can matter: the start, each input's time,
 * and each deadline a trigger (or a response, for a deadline counted from one) could set. Two runs alike in those are alike up to the times, which the
 * memo keeps as references to those time points and fills in anew.
 */
type Sym = number; // index of a time point
interface Symbolic {
  phases: (Omit<PhaseRecord, 'enteredAt' | 'dueBy' | 'respondedAt'> & { enteredAt: Sym; dueBy: Sym | null; respondedAt: Sym | null })[];
  transitions: { at: Sym; region: string; from: string; to: string; cause: string }[];
  finalState: string;
  regions: Record<string, string>;
}

const MAX_ENTRIES = 20_000;
/** A long run is unlikely to repeat, and its key costs as much as the run saves: run it. */
const MAX_INPUTS = 512;

type Machine = TruceMachine;
type Run = (plan: PlanSpec, agreed: boolean, start: number, inputs: readonly MachineEvent[]) => SimulationResult;

/**
 * Machine definitions by plan shape (its phase regions, as a string): the definition reads everything
 * else, deadlines included, from the plan in its context, and is an immutable value that any number of
 * actors may run. A pure function of a string key, so it may live as long as the module, whatever run
 * asks; there are as many entries as plan shapes (a few), bounded all the same.
 */
const MACHINES = new Map<string, Machine>();

/** One machine definition per plan shape: building it is the costly part of a short simulation. */
export function machineFor(plan: PlanSpec): Machine {
  // whether a phase counts from a response shapes the machine too: only such a phase has an awaiting state
  const shape = JSON.stringify([phaseRegions(plan), plan.phases.map((p) => typeof p.countedFrom === 'object')]);
  let m = MACHINES.get(shape);
  if (!m) {
    if (MACHINES.size >= 256) MACHINES.clear();
    m = createTruceMachine(plan);
    MACHINES.set(shape, m);
  }
  return m;
}

/**
 * The statechart's memo of finished runs for many runs (a sweep, a sample, the workbench's
 * recomputes): owned by the caller that makes the runs and dropped with it, never kept by this module.
 * Keyed by what a plan says, not by which object says it, so that a sweep's every combination (each a
 * new plan object) shares it: by the plan with each deadline reduced to whether there is one, since a
 * deadline's value matters only through where it falls among the other time points, which the run's
 * key holds.
 */
export class StatechartMemo {
  private readonly runs = new Map<string, Map<string, Symbolic>>();
  /** the content key of each plan object seen, so that the key is written once per plan */
  private readonly keys = new WeakMap<PlanSpec, string>();

  /** How many finished runs it holds (what a caller sharing it across ranges of draws can observe). */
  get size(): number {
    let n = 0;
    for (const m of this.runs.values()) n += m.size;
    return n;
  }

  simulate(plan: PlanSpec, agreed: boolean, start: number, inputs: readonly MachineEvent[], run: Run): SimulationResult {
    if (inputs.length > MAX_INPUTS) return run(plan, agreed, start, inputs);
    const points = timePoints(plan, start, inputs);
    const key = signature(agreed, inputs, points);
    let planKey = this.keys.get(plan);
    if (planKey === undefined) {
      planKey = JSON.stringify({ ...plan, phases: plan.phases.map((p) => ({ ...p, deadlineMs: p.deadlineMs !== null })) });
      this.keys.set(plan, planKey);
    }
    let memo = this.runs.get(planKey);
    if (!memo) {
      memo = new Map();
      this.runs.set(planKey, memo);
    }
    const hit = memo.get(key);
    if (hit) return materialise(hit, points);
    const result = run(plan, agreed, start, inputs);
    const sym = symbolise(result, points);
    if (sym) {
      if (memo.size >= MAX_ENTRIES) memo.clear();
      memo.set(key, sym);
    }
    return result;
  }
}

/** The start, every input's time, and every deadline a trigger could set under this plan. */
function timePoints(plan: PlanSpec, start: number, inputs: readonly MachineEvent[]): number[] {
  const points = [start];
  for (const i of inputs) {
    points.push(i.at);
    if (i.type === 'TRIGGER') {
      for (const p of plan.phases) {
        if (p.deadlineMs !== null && typeof p.countedFrom !== 'object')
          points.push((p.countedFrom === 'first-violation' ? i.firstViolationAt : i.at) + p.deadlineMs);
      }
    }
    // a deadline counted from the response to an earlier phase: due that long after the response
    if (i.type === 'RESPONSE') {
      for (const p of plan.phases) if (p.deadlineMs !== null && typeof p.countedFrom === 'object') points.push(i.at + p.deadlineMs);
    }
  }
  return points;
}

function signature(agreed: boolean, inputs: readonly MachineEvent[], points: number[]): string {
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  const rank = new Map(sorted.map((t, i) => [t, i]));
  const parts = [agreed ? 'A' : 'C', points.map((t) => rank.get(t)).join(',')];
  for (const i of inputs) {
    parts.push(
      i.type === 'TRIGGER'
        ? `T${i.trigger}|${i.party}|${i.certainty}|${i.eventId}|${i.afterWindow === true ? 'a' : ''}`
        : i.type === 'RESPONSE'
          ? `R${i.phase}|${i.eventId}|${i.actor ?? ''}|${i.target ?? ''}|${i.kind ?? ''}`
          : i.type,
    );
  }
  return parts.join(';');
}

function symbolise(r: SimulationResult, points: number[]): Symbolic | undefined {
  const index = new Map<number, number>();
  points.forEach((t, i) => {
    if (!index.has(t)) index.set(t, i);
  });
  let ok = true;
  const ref = (t: number): Sym => {
    const i = index.get(t);
    if (i === undefined) ok = false;
    return i ?? -1;
  };
  const sym: Symbolic = {
    phases: r.phases.map((p) => ({
      ...p,
      enteredAt: ref(p.enteredAt),
      dueBy: p.dueBy === null ? null : ref(p.dueBy),
      respondedAt: p.respondedAt === null ? null : ref(p.respondedAt),
    })),
    transitions: r.transitions.map((t) => ({ ...t, at: ref(t.at) })),
    finalState: r.finalState,
    regions: r.regions,
  };
  // a time that is none of the points would break the memo's premise: do not keep such a run
  return ok ? sym : undefined;
}

function materialise(s: Symbolic, points: number[]): SimulationResult {
  const t = (i: Sym) => points[i]!;
  return {
    phases: s.phases.map((p) => ({
      ...p,
      enteredAt: t(p.enteredAt),
      dueBy: p.dueBy === null ? null : t(p.dueBy),
      respondedAt: p.respondedAt === null ? null : t(p.respondedAt),
    })),
    transitions: s.transitions.map((x) => ({ ...x, at: t(x.at) })),
    finalState: s.finalState,
    regions: { ...s.regions },
  };
}
