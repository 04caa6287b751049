import type { Obligation } from '../schema/interpretation.js';
import type { Rule } from '../schema/rule.js';
import { blankFacts, type ConditionStatus, type Facts } from '../rules/deriveFacts.js';
import type { Reach } from '../rules/scope.js';
import type { Interval } from '../time/interval.js';

/**
 * The fixed point's bookkeeping. A reading's events, each under each of its actor's obligations (or
 * none): a slot. Per slot, what never changes between rounds (its obligation, and the static facts that
 * depend on where and what the event hit) and what its rules last saw of first violations and what
 * fired then; per event, the actor's first violation as last seen. Two implementations: `FastSlots`
 * (parallel arrays: a long run makes no object per event) and `ReferenceSlots` (an object per event
 * and slot, to read); tests/fixedPoint.test.ts checks that runs on either are the same.
 */
export interface Slots {
  /** the facts the rules read, rewritten for each evaluation: kept with the slots, so that a run laid out again makes none */
  readonly facts: Facts;
  /** event i's slots are start(i) .. start(i + 1) - 1 */
  start(i: number): number;
  obligation(s: number): Obligation | undefined;
  placeReach(s: number): Reach;
  targetReach(s: number): Reach;
  regions(s: number): number;
  /** the static facts of slot s, set once when the run is prepared */
  setStatic(s: number, placeReach: Reach, targetReach: Reach, regions: number): void;
  /** what slot s's rules last saw (its condition's status, the counterparty's breaches) and what fired then */
  status(s: number): ConditionStatus;
  counterparty(s: number): Interval | null;
  counterpartyPossible(s: number): Interval | null;
  fired(s: number): Rule[] | undefined;
  /** what fired in slot s when last recorded, as VIOLATION_CERTAIN | VIOLATION_ANY bits */
  violations(s: number): number;
  record(s: number, status: ConditionStatus, counterparty: Interval | null, counterpartyPossible: Interval | null, fired: Rule[]): void;
  /** the actor's first violation event i was last evaluated under */
  actorFirst(i: number): Interval | null;
  setActorFirst(i: number, v: Interval | null): void;
}

/** a certain violation fired */
export const VIOLATION_CERTAIN = 1;
/** a violation or a possible violation fired */
export const VIOLATION_ANY = 2;

/** What the fixed point asks of what fired, three times per slot and round: worked out once when it is recorded. */
export function violationsOf(fired: readonly Rule[]): number {
  let bits = 0;
  for (let r = 0; r < fired.length; r++) {
    const { type, params } = fired[r]!.event;
    if (type === 'violation' || type === 'possible-violation') bits |= VIOLATION_ANY;
    if (type === 'violation' && params.certainty === 'certain') bits |= VIOLATION_CERTAIN;
  }
  return bits;
}

/** Each event's obligations, in the order its slots take them (one `undefined` slot for an actor bound by none). */
export type ObligationsOf = (i: number) => readonly (Obligation | undefined)[];

/**
 * Parallel arrays, event i's slots at first[i] .. first[i + 1] - 1. They may be larger than the run
 * needs: `reset` lays out another run in the same arrays (RunContext keeps a few for the runs that
 * follow: a sample's draws would otherwise make ten arrays per reading and draw).
 */
export class FastSlots implements Slots {
  readonly facts = blankFacts();
  private first!: Int32Array;
  private obligations!: (Obligation | undefined)[];
  private placeReaches!: Reach[];
  private targetReaches!: Reach[];
  private regionCounts!: Int32Array;
  private statuses!: ConditionStatus[];
  private counterparties!: (Interval | null)[];
  private counterpartiesPossible!: (Interval | null)[];
  private fireds!: (Rule[] | undefined)[];
  private violationBits!: Int32Array;
  private actorFirsts!: (Interval | null)[];

  constructor(events: number, obligationsOf: ObligationsOf) {
    this.reset(events, obligationsOf);
  }

  /** Lays out a run of so many events afresh, as a new FastSlots would, reusing the arrays when they are large enough. */
  reset(events: number, obligationsOf: ObligationsOf): this {
    if (this.first === undefined || this.first.length < events + 1) this.first = new Int32Array(events + 1);
    const first = this.first;
    for (let i = 0; i < events; i++) first[i + 1] = first[i]! + obligationsOf(i).length;
    const n = first[events]!;
    if (this.obligations === undefined || this.obligations.length < n) {
      this.obligations = new Array<Obligation | undefined>(n).fill(undefined);
      this.placeReaches = new Array<Reach>(n).fill('none');
      this.targetReaches = new Array<Reach>(n).fill('none');
      this.regionCounts = new Int32Array(n);
      this.statuses = new Array<ConditionStatus>(n).fill('none');
      this.counterparties = new Array<Interval | null>(n).fill(null);
      this.counterpartiesPossible = new Array<Interval | null>(n).fill(null);
      this.fireds = new Array<Rule[] | undefined>(n).fill(undefined);
      this.violationBits = new Int32Array(n);
    } else {
      this.placeReaches.fill('none', 0, n);
      this.targetReaches.fill('none', 0, n);
      this.regionCounts.fill(0, 0, n);
      this.statuses.fill('none', 0, n);
      this.counterparties.fill(null, 0, n);
      this.counterpartiesPossible.fill(null, 0, n);
      this.fireds.fill(undefined, 0, n);
      this.violationBits.fill(0, 0, n);
    }
    for (let i = 0; i < events; i++) {
      let s = first[i]!;
      const os = obligationsOf(i);
      for (let k = 0; k < os.length; k++) this.obligations[s++] = os[k];
    }
    if (this.actorFirsts === undefined || this.actorFirsts.length < events)
      this.actorFirsts = new Array<Interval | null>(events).fill(null);
    else this.actorFirsts.fill(null, 0, events);
    return this;
  }

  start(i: number): number {
    return this.first[i]!;
  }
  obligation(s: number): Obligation | undefined {
    return this.obligations[s];
  }
  placeReach(s: number): Reach {
    return this.placeReaches[s]!;
  }
  targetReach(s: number): Reach {
    return this.targetReaches[s]!;
  }
  regions(s: number): number {
    return this.regionCounts[s]!;
  }
  setStatic(s: number, placeReach: Reach, targetReach: Reach, regions: number): void {
    this.placeReaches[s] = placeReach;
    this.targetReaches[s] = targetReach;
    this.regionCounts[s] = regions;
  }
  status(s: number): ConditionStatus {
    return this.statuses[s]!;
  }
  counterparty(s: number): Interval | null {
    return this.counterparties[s]!;
  }
  counterpartyPossible(s: number): Interval | null {
    return this.counterpartiesPossible[s]!;
  }
  fired(s: number): Rule[] | undefined {
    return this.fireds[s];
  }
  violations(s: number): number {
    return this.violationBits[s]!;
  }
  record(s: number, status: ConditionStatus, counterparty: Interval | null, counterpartyPossible: Interval | null, fired: Rule[]): void {
    this.statuses[s] = status;
    this.counterparties[s] = counterparty;
    this.counterpartiesPossible[s] = counterpartyPossible;
    this.fireds[s] = fired;
    this.violationBits[s] = violationsOf(fired);
  }
  actorFirst(i: number): Interval | null {
    return this.actorFirsts[i]!;
  }
  setActorFirst(i: number, v: Interval | null): void {
    this.actorFirsts[i] = v;
  }
}

interface Slot {
  obligation: Obligation | undefined;
  placeReach: Reach;
  targetReach: Reach;
  regions: number;
  status: ConditionStatus;
  counterparty: Interval | null;
  counterpartyPossible: Interval | null;
  fired: Rule[] | undefined;
}

/** The same bookkeeping as plain objects: a list of events, each with its list of slots. */
export class ReferenceSlots implements Slots {
  readonly facts = blankFacts();
  private readonly events: { actorFirst: Interval | null; slots: Slot[] }[] = [];
  /** slot number -> [event, slot within it] */
  private readonly where: [number, number][] = [];

  constructor(events: number, obligationsOf: ObligationsOf) {
    for (let i = 0; i < events; i++) {
      const slots = obligationsOf(i).map((obligation) => ({
        obligation,
        placeReach: 'none' as Reach,
        targetReach: 'none' as Reach,
        regions: 0,
        status: 'none' as ConditionStatus,
        counterparty: null,
        counterpartyPossible: null,
        fired: undefined,
      }));
      slots.forEach((_, k) => this.where.push([i, k]));
      this.events.push({ actorFirst: null, slots });
    }
  }

  private slot(s: number): Slot {
    const [i, k] = this.where[s]!;
    return this.events[i]!.slots[k]!;
  }

  start(i: number): number {
    let s = 0;
    for (let j = 0; j < i; j++) s += this.events[j]!.slots.length;
    return s;
  }
  obligation(s: number): Obligation | undefined {
    return this.slot(s).obligation;
  }
  placeReach(s: number): Reach {
    return this.slot(s).placeReach;
  }
  targetReach(s: number): Reach {
    return this.slot(s).targetReach;
  }
  regions(s: number): number {
    return this.slot(s).regions;
  }
  setStatic(s: number, placeReach: Reach, targetReach: Reach, regions: number): void {
    Object.assign(this.slot(s), { placeReach, targetReach, regions });
  }
  status(s: number): ConditionStatus {
    return this.slot(s).status;
  }
  counterparty(s: number): Interval | null {
    return this.slot(s).counterparty;
  }
  counterpartyPossible(s: number): Interval | null {
    return this.slot(s).counterpartyPossible;
  }
  fired(s: number): Rule[] | undefined {
    return this.slot(s).fired;
  }
  violations(s: number): number {
    const { fired } = this.slot(s);
    return fired ? violationsOf(fired) : 0;
  }
  record(s: number, status: ConditionStatus, counterparty: Interval | null, counterpartyPossible: Interval | null, fired: Rule[]): void {
    Object.assign(this.slot(s), { status, counterparty, counterpartyPossible, fired });
  }
  actorFirst(i: number): Interval | null {
    return this.events[i]!.actorFirst;
  }
  setActorFirst(i: number, v: Interval | null): void {
    this.events[i]!.actorFirst = v;
  }
}
