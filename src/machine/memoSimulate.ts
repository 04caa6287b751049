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

/** Finished runs under one plan, by their key's hash; a key is compared in full, never trusted to its hash. */
interface RunTable {
  byHash: Map<number, { key: Int32Array; run: Symbolic }[]>;
  size: number;
}

/**
 * The statechart's memo of finished runs for many runs (a sweep, a sample, the workbench's
 * recomputes): owned by the caller that makes the runs and dropped with it, never kept by this module.
 * Keyed by what a plan says, not by which object says it, so that a sweep's every combination (each a
 * new plan object) shares it: by the plan with each deadline reduced to whether there is one, since a
 * deadline's value matters only through where it falls among the other time points, which the run's
 * key holds. A run's key is a list of small numbers (the rank of each time point, each input's type
 * and its strings as numbers this memo hands out), written into a scratch buffer and copied only when
 * a run is kept: a hit, the common case of a sample's draws, makes no string and no garbage for it.
 */
export class StatechartMemo {
  private readonly runs = new Map<string, RunTable>();
  /** the content key of each plan object seen, so that the key is written once per plan */
  private readonly keys = new WeakMap<PlanSpec, string>();
  /** the strings of inputs (event ids, parties, phases...) as numbers, for the runs' keys */
  private readonly ids = new Map<string, number>();
  /** scratch: the key being looked up, the time points and their sorted distinct values */
  private key = new Int32Array(256);
  private points = new Float64Array(256);
  private sorted = new Float64Array(256);

  /**
   * Its finished runs as plain data (at most `limit` of them), for a caller to keep between processes
   * (the CLI, in its cache folder) and give to a new memo (`restore`): the same scenario's draws make the
   * same few runs whatever the seed (15 on the seed scenario), which a start would otherwise run through
   * the statechart on cold code.
   */
  saved(limit = Number.POSITIVE_INFINITY): SavedStatechartMemo {
    const plans: SavedStatechartMemo['plans'] = [];
    let left = limit;
    for (const [key, table] of this.runs) {
      const runs: SavedRun[] = [];
      for (const bucket of table.byHash.values()) for (const e of bucket) if (left-- > 0) runs.push({ key: Array.from(e.key), run: e.run });
      if (runs.length > 0) plans.push({ key, runs });
    }
    return { format: SAVED_FORMAT, ids: [...this.ids.keys()], plans };
  }

  /**
   * Takes the runs `saved` gave, into a memo that has made no run yet; anything not exactly of that
   * shape (a damaged or older file) is refused whole: nothing is taken and the memo stays empty, so that
   * the runs are made as without it. Says whether it took them.
   */
  restore(data: unknown): boolean {
    if (this.ids.size > 0 || this.runs.size > 0 || !isSaved(data)) return false;
    for (const id of data.ids) this.ids.set(id, this.ids.size);
    if (this.ids.size !== data.ids.length) {
      this.ids.clear();
      return false;
    }
    for (const plan of data.plans) {
      let table = this.runs.get(plan.key);
      if (!table) this.runs.set(plan.key, (table = { byHash: new Map(), size: 0 }));
      for (const r of plan.runs) {
        const key = Int32Array.from(r.key);
        const h = hashOf(key, key.length);
        const b = table.byHash.get(h);
        // a key twice would only shadow itself: the first is the one a lookup finds, as in the memo that saved it
        if (b?.some((e) => sameKey(e.key, key, key.length))) continue;
        const entry = { key, run: r.run };
        if (b) b.push(entry);
        else table.byHash.set(h, [entry]);
        table.size++;
      }
    }
    return true;
  }

  /** How many finished runs it holds (what a caller sharing it across ranges of draws can observe). */
  get size(): number {
    let n = 0;
    for (const t of this.runs.values()) n += t.size;
    return n;
  }

  simulate(plan: PlanSpec, agreed: boolean, start: number, inputs: readonly MachineEvent[], run: Run): SimulationResult {
    if (inputs.length > MAX_INPUTS) return run(plan, agreed, start, inputs);
    const n = this.timePoints(plan, start, inputs);
    const length = this.signature(agreed, inputs, n);
    let planKey = this.keys.get(plan);
    if (planKey === undefined) {
      planKey = JSON.stringify({ ...plan, phases: plan.phases.map((p) => ({ ...p, deadlineMs: p.deadlineMs !== null })) });
      this.keys.set(plan, planKey);
    }
    let table = this.runs.get(planKey);
    if (!table) {
      table = { byHash: new Map(), size: 0 };
      this.runs.set(planKey, table);
    }
    const key = this.key;
    const h = hashOf(key, length);
    const bucket = table.byHash.get(h);
    if (bucket) {
      for (const e of bucket) if (sameKey(e.key, key, length)) return materialise(e.run, this.points);
    }
    const result = run(plan, agreed, start, inputs);
    const sym = symbolise(result, this.points, n);
    if (sym) {
      if (table.size >= MAX_ENTRIES) {
        table.byHash.clear();
        table.size = 0;
      }
      const entry = { key: key.slice(0, length), run: sym };
      const b = table.byHash.get(h);
      if (b) b.push(entry);
      else table.byHash.set(h, [entry]);
      table.size++;
    }
    return result;
  }

  /** The start, every input's time, and every deadline a trigger could set under this plan, into `points`; their number. */
  private timePoints(plan: PlanSpec, start: number, inputs: readonly MachineEvent[]): number {
    const need = 1 + inputs.length * (1 + plan.phases.length);
    if (this.points.length < need) this.points = new Float64Array(2 * need);
    const points = this.points;
    let n = 0;
    points[n++] = start;
    for (const i of inputs) {
      points[n++] = i.at;
      if (i.type === 'TRIGGER') {
        for (const p of plan.phases) {
          if (p.deadlineMs !== null && typeof p.countedFrom !== 'object')
            points[n++] = (p.countedFrom === 'first-violation' ? i.firstViolationAt : i.at) + p.deadlineMs;
        }
      }
      // a deadline counted from the response to an earlier phase: due that long after the response
      if (i.type === 'RESPONSE') {
        for (const p of plan.phases) if (p.deadlineMs !== null && typeof p.countedFrom === 'object') points[n++] = i.at + p.deadlineMs;
      }
    }
    return n;
  }

  /**
   * Writes the run's key into `key`, returns its length: whether the plan is agreed, the rank of each of
   * the n time points among their distinct values (their order, ties included), and each input without
   * its times.
   */
  private signature(agreed: boolean, inputs: readonly MachineEvent[], n: number): number {
    if (this.sorted.length < n) this.sorted = new Float64Array(this.points.length);
    // sorted in place by insertion (a draw's few dozen points come mostly in order): two subarray views
    // and a typed-array sort per run were garbage of every draw
    const sorted = this.sorted;
    const points = this.points;
    for (let k = 0; k < n; k++) {
      const t = points[k]!;
      let j = k;
      for (; j > 0 && sorted[j - 1]! > t; j--) sorted[j] = sorted[j - 1]!;
      sorted[j] = t;
    }
    let distinct = 0;
    for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[distinct - 1]) sorted[distinct++] = sorted[k]!;
    // at most 7 numbers per input, and the points
    const need = 3 + n + 7 * inputs.length;
    if (this.key.length < need) this.key = new Int32Array(2 * need);
    const key = this.key;
    let len = 0;
    key[len++] = agreed ? 1 : 0;
    key[len++] = n;
    for (let k = 0; k < n; k++) key[len++] = rankOf(sorted, distinct, this.points[k]!);
    key[len++] = inputs.length;
    for (const i of inputs) {
      if (i.type === 'TRIGGER') {
        key[len++] = 2;
        key[len++] = this.id(i.trigger);
        key[len++] = this.id(i.party);
        key[len++] = this.id(i.certainty);
        key[len++] = this.id(i.eventId);
        key[len++] = i.afterWindow === true ? 1 : 0;
      } else if (i.type === 'RESPONSE') {
        key[len++] = 3;
        key[len++] = this.id(i.phase);
        key[len++] = this.id(i.eventId);
        key[len++] = i.actor === undefined ? -1 : this.id(i.actor);
        key[len++] = i.target === undefined ? -1 : this.id(i.target);
        key[len++] = i.kind === undefined ? -1 : this.id(i.kind);
      } else key[len++] = i.type === 'WINDOW_OPEN' ? 0 : 1;
    }
    return len;
  }

  private id(s: string): number {
    let v = this.ids.get(s);
    if (v === undefined) this.ids.set(s, (v = this.ids.size));
    return v;
  }
}

const SAVED_FORMAT = 'truce.statechart-memo/1';

interface SavedRun {
  key: number[];
  run: Symbolic;
}

/** A StatechartMemo's finished runs as plain data (JSON): the ids its keys number, and the runs by plan. */
export interface SavedStatechartMemo {
  format: typeof SAVED_FORMAT;
  ids: string[];
  plans: { key: string; runs: SavedRun[] }[];
}

/** what a phase record may hold (PhaseRecord): a key beyond these would reach the results */
const PHASE_KEYS = new Set([
  'phase',
  'trigger',
  'triggerEventId',
  'party',
  'enteredAt',
  'dueBy',
  'met',
  'respondedAt',
  'responseEventId',
  'awaiting',
  'countedFromEventId',
]);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether data is exactly what `saved` writes: every key's shape (agreed, n, n ranks below n, the inputs
 * as signature writes them, with ids the list holds) and every run's time points among the key's n, so
 * that a run it gives back is one the memo could have made. By hand, not a zod schema: the file is no
 * input of the user's (a cache the build writes for itself, read at every start, like the scenario cache's
 * entries, loadCache.ts), and a cached start loads no zod at all; a check that fails only costs the runs.
 */
function isSaved(data: unknown): data is SavedStatechartMemo {
  if (!isRecord(data) || data.format !== SAVED_FORMAT || !Array.isArray(data.ids) || !Array.isArray(data.plans)) return false;
  const ids = data.ids.length;
  if (!data.ids.every(isStr)) return false;
  const id = (v: unknown, absent = false) => isInt(v) && (v >= 0 ? v < ids : absent && v === -1);
  const keyOk = (key: unknown): key is number[] => {
    if (!Array.isArray(key) || !key.every(isInt)) return false;
    const n = key[1];
    if ((key[0] !== 0 && key[0] !== 1) || n === undefined || n < 1 || key.length < 3 + n) return false;
    for (let k = 2; k < 2 + n; k++) if (key[k]! < 0 || key[k]! >= n) return false;
    let at = 3 + n;
    for (let i = 0; i < key[2 + n]!; i++) {
      const type = key[at++];
      if (type === 2) {
        if (![1, 2, 3, 4].every((j) => id(key[at + j - 1])) || (key[at + 4] !== 0 && key[at + 4] !== 1)) return false;
        at += 5;
      } else if (type === 3) {
        if (!id(key[at]) || !id(key[at + 1]) || ![2, 3, 4].every((j) => id(key[at + j], true))) return false;
        at += 5;
      } else if (type !== 0 && type !== 1) return false;
    }
    return at === key.length;
  };
  const runOk = (run: unknown, n: number): run is Symbolic => {
    if (!isRecord(run) || Object.keys(run).length !== 4 || !Array.isArray(run.phases) || !Array.isArray(run.transitions)) return false;
    if (!isStr(run.finalState) || !isRecord(run.regions) || !Object.values(run.regions).every(isStr)) return false;
    const sym = (v: unknown, nullable: boolean) => (nullable && v === null) || (isInt(v) && v >= 0 && v < n);
    const phaseOk = (p: unknown) =>
      isRecord(p) &&
      Object.keys(p).every((k) => PHASE_KEYS.has(k)) &&
      isStr(p.phase) &&
      isStr(p.trigger) &&
      isStr(p.triggerEventId) &&
      isStr(p.party) &&
      sym(p.enteredAt, false) &&
      sym(p.dueBy, true) &&
      (p.met === null || typeof p.met === 'boolean') &&
      sym(p.respondedAt, true) &&
      (p.responseEventId === null || isStr(p.responseEventId)) &&
      (p.awaiting === undefined || isStr(p.awaiting)) &&
      (p.countedFromEventId === undefined || isStr(p.countedFromEventId));
    const transitionOk = (t: unknown) =>
      isRecord(t) && Object.keys(t).length === 5 && sym(t.at, false) && isStr(t.region) && isStr(t.from) && isStr(t.to) && isStr(t.cause);
    return run.phases.every(phaseOk) && run.transitions.every(transitionOk);
  };
  return data.plans.every(
    (p) =>
      isRecord(p) && isStr(p.key) && Array.isArray(p.runs) && p.runs.every((r) => isRecord(r) && keyOk(r.key) && runOk(r.run, r.key[1]!)),
  );
}

/** FNV-1a of a run's key (its first `length` numbers): the same for a key made here and one restored. */
function hashOf(key: Int32Array, length: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < length; k++) h = Math.imul(h ^ key[k]!, 0x01000193);
  return h;
}

/** The index of t among sorted[0..distinct) (it is there). */
function rankOf(sorted: Float64Array, distinct: number, t: number): number {
  let lo = 0;
  let hi = distinct - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameKey(a: Int32Array, b: Int32Array, length: number): boolean {
  if (a.length !== length) return false;
  for (let k = 0; k < length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function symbolise(r: SimulationResult, points: Float64Array, n: number): Symbolic | undefined {
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) if (!index.has(points[i]!)) index.set(points[i]!, i);
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

function materialise(s: Symbolic, points: Float64Array): SimulationResult {
  // loops, not maps with closures over `points`: a draw's three readings each take this path on a hit
  const phases: PhaseRecord[] = [];
  for (let k = 0; k < s.phases.length; k++) {
    const p = s.phases[k]!;
    phases.push({
      ...p,
      enteredAt: points[p.enteredAt]!,
      dueBy: p.dueBy === null ? null : points[p.dueBy]!,
      respondedAt: p.respondedAt === null ? null : points[p.respondedAt]!,
    });
  }
  const transitions: SimulationResult['transitions'] = [];
  for (let k = 0; k < s.transitions.length; k++) {
    const x = s.transitions[k]!;
    transitions.push({ ...x, at: points[x.at]! });
  }
  return { phases, transitions, finalState: s.finalState, regions: { ...s.regions } };
}
