import type { Scenario } from '../schema/scenario.js';
import type { Interpretation, Obligation, WindowSpec } from '../schema/interpretation.js';
import { FactsMemo } from '../rules/deriveFacts.js';
import { asCounterparty, conductOf, type Conduct, type ConductMemo } from '../rules/conduct.js';
import { StatechartMemo } from '../machine/memoSimulate.js';
import { planSpec } from '../machine/planSpec.js';
import type { PlanSpec } from '../machine/truceMachine.js';
import { readingZone, resolveWindow } from '../time/window.js';
import type { Interval } from '../time/interval.js';
import type { Event } from '../schema/event.js';

type OrderedEvent = { event: Event; interval: Interval };
import { placeIndexOf } from '../places/scenarioPlaces.js';
import type { PlaceIndex } from '../places/placeIndex.js';
import { FastSlots, type ObligationsOf, type Slots } from './slots.js';

/**
 * What many runs share, owned by the caller that makes them (a sweep, a sample's draws, a worker, the
 * workbench's recomputes) and dropped with it: the statechart's memos (keyed by what a plan says),
 * the facts that depend only on where and what an event hit, and place indexes. Without one, each run
 * keeps its own in its RunContext.
 */
export class RunsMemo {
  /** statechart: one given (a memo restored from an earlier process's runs), else a new one */
  constructor(readonly statechart = new StatechartMemo()) {}
  readonly facts = new FactsMemo();
  private readonly placeIndexes = new WeakMap<readonly unknown[], PlaceIndex | undefined>();
  private readonly windows = new WeakMap<WindowSpec, { zone: string; value: ResolvedWindow }>();
  private readonly plans = new WeakMap<object, PlanSpec>();
  private readonly counterparties = new WeakMap<Obligation, Obligation>();
  /** the fixed point's bookkeeping of finished runs, for the next runs to lay theirs out in (RunContext.slots) */
  readonly freeSlots: FastSlots[] = [];
  /**
   * each reading's obligations by the party they bind (RunContext.obligationsByActor), per reading
   * object: the same for every draw, so worked out once and not per run
   */
  readonly byActor = new WeakMap<Interpretation, Map<string, Obligation[]>>();
  /** what the counterparties' conduct reads (RunContext.conduct): one object for all the runs on this memo */
  readonly conductMemo: ConductMemo = { counterpartyOf: (o) => this.counterpartyOf(o), facts: this.facts };

  /**
   * A conduct condition as the counterparty's obligation, one object per obligation: the facts memo
   * keys the place matches of the counterparty's acts by it, so they carry over from run to run.
   */
  counterpartyOf(o: Obligation): Obligation {
    let as = this.counterparties.get(o);
    if (!as) this.counterparties.set(o, (as = asCounterparty(o)!));
    return as;
  }

  /** The plan as the statechart takes it, one per plan object (so the statechart memo keys it once, not per run). */
  planOf(scenario: Pick<Scenario, 'plan'>): PlanSpec {
    if (scenario.plan === undefined) return planSpec(scenario);
    let p = this.plans.get(scenario.plan);
    if (!p) this.plans.set(scenario.plan, (p = planSpec(scenario)));
    return p;
  }

  /** The scenario's place index, one per list of places (runs of one scenario share the list). */
  placeIndexOf(scenario: Pick<Scenario, 'places'>): PlaceIndex | undefined {
    const places = scenario.places ?? [];
    if (!this.placeIndexes.has(places)) this.placeIndexes.set(places, placeIndexOf(scenario));
    return this.placeIndexes.get(places);
  }

  /** A window counted in a zone (luxon's calendar arithmetic is a run's costliest fixed step), one per window object. */
  resolveWindow(w: WindowSpec, zone: string): ResolvedWindow {
    const hit = this.windows.get(w);
    if (hit && hit.zone === zone) return hit.value;
    const value = resolveWindow(w, zone);
    this.windows.set(w, { zone, value });
    return value;
  }
}

/** A run's own conduct memo: it still reads the conduct of several readings (or a stream's batches). */
function ownConductMemo(facts: FactsMemo): ConductMemo {
  const counterparties = new WeakMap<Obligation, Obligation>();
  const counterpartyOf = (o: Obligation): Obligation => {
    let as = counterparties.get(o);
    if (!as) counterparties.set(o, (as = asCounterparty(o)!));
    return as;
  };
  return { counterpartyOf, facts };
}

/** more than runs ever interleave on one memo, few enough that their arrays cost nothing to keep */
const MAX_FREE_SLOTS = 4;

export type ResolvedWindow = Interval & { startInclusive: boolean; endInclusive: boolean };

/**
 * One run's context: made when a run opens and dropped with it (as json-rules-engine makes an almanac
 * per run). It owns what the run works out once and asks for many times: the plan as the statechart
 * takes it, the place index, each reading's window and obligations by party, and the memos; those of a
 * RunsMemo when the caller passes one, else its own.
 */
export class RunContext {
  readonly plan: PlanSpec;
  readonly places: PlaceIndex | undefined;
  readonly facts: FactsMemo;
  readonly statechart: StatechartMemo;
  /** whether the memos are a caller's, shared with other runs (then worth consulting for every event) */
  readonly shared: boolean;
  /** the readings' windows when the run has no memo (with one, the memo's: a map per run was garbage of every draw) */
  private windows: Map<Interpretation, ResolvedWindow> | undefined;
  private readonly byActor: WeakMap<Interpretation, Map<string, Obligation[]>>;
  private readonly conductMemo: ConductMemo;
  private readonly freeSlots: FastSlots[];

  constructor(
    readonly scenario: Scenario,
    private readonly memo?: RunsMemo,
    /** without a RunsMemo: the statechart's memo to use (else its own) */
    statechart?: StatechartMemo,
  ) {
    this.plan = memo ? memo.planOf(scenario) : planSpec(scenario);
    this.places = memo ? memo.placeIndexOf(scenario) : placeIndexOf(scenario);
    this.facts = memo?.facts ?? new FactsMemo();
    this.statechart = memo?.statechart ?? statechart ?? new StatechartMemo();
    this.shared = memo !== undefined;
    this.freeSlots = memo?.freeSlots ?? [];
    this.byActor = memo?.byActor ?? new WeakMap();
    this.conductMemo = memo ? memo.conductMemo : ownConductMemo(this.facts);
  }

  /**
   * Bookkeeping for a reading's fixed point: a finished run's, laid out afresh, if one was released.
   * Taken off the list while a run uses it, so that runs that interleave (they await) never share one.
   */
  slots(events: number, obligationsOf: ObligationsOf): FastSlots {
    return this.freeSlots.pop()?.reset(events, obligationsOf) ?? new FastSlots(events, obligationsOf);
  }

  /** Gives back bookkeeping that nothing reads any more (no explanation will be asked of it). */
  release(slots: Slots): void {
    if (slots instanceof FastSlots && this.freeSlots.length < MAX_FREE_SLOTS) this.freeSlots.push(slots);
  }

  /** The counterparties' conduct under a reading (conductOf), where their acts landed matched once per memo. */
  conduct(interpretation: Interpretation, ordered: readonly OrderedEvent[], window: Interval, prior?: Conduct): Conduct {
    return conductOf(interpretation.obligations, ordered, window, this.places, interpretation.evidence, prior, this.conductMemo);
  }

  /** A reading's window, counted in its zone. */
  window(interpretation: Interpretation): ResolvedWindow {
    if (this.memo) return this.memo.resolveWindow(interpretation.window, readingZone(interpretation, this.scenario.timeZone));
    const windows = (this.windows ??= new Map());
    let w = windows.get(interpretation);
    if (!w) {
      w = resolveWindow(interpretation.window, readingZone(interpretation, this.scenario.timeZone));
      windows.set(interpretation, w);
    }
    return w;
  }

  /** A reading's obligations by the party they bind. */
  obligationsByActor(interpretation: Interpretation): Map<string, Obligation[]> {
    let m = this.byActor.get(interpretation);
    if (!m) {
      m = new Map();
      for (const o of interpretation.obligations) m.set(o.party, [...(m.get(o.party) ?? []), o]);
      this.byActor.set(interpretation, m);
    }
    return m;
  }

  /**
   * Where every reading's statechart starts, and its `start -> agreed | claimed` transition is stamped:
   * the earliest of the first event's start and of all the scenario's windows. One instant for all
   * readings, so that a reading's lifecycle is not stamped at a strike under one reading and at its
   * window's opening under another.
   */
  recordStart(firstEventStart: number): number {
    let t = firstEventStart;
    for (const i of this.scenario.interpretations) t = Math.min(t, this.window(i).start);
    return t;
  }
}
