import type { Obligation } from '../schema/interpretation.js';
import type { Rule } from '../schema/rule.js';
import type { ConditionStatus } from '../rules/deriveFacts.js';
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
  record(s: number, status: ConditionStatus, counterparty: Interval | null, counterpartyPossible: Interval | null, fired: Rule[]): void;
  /** the actor's first violation event i was last evaluated under */
  actorFirst(i: number): Interval | null;
  setActorFirst(i: number, v: Interval | null): void;
}

/** Each event's obligations, in the order its slots take them (one `undefined` slot for an actor bound by none). */
export type ObligationsOf = (i: number) => readonly (Obligation | undefined)[];

/** Parallel arrays, event i's slots at first[i] .. first[i + 1] - 1. */
export class FastSlots implements Slots {
  private readonly first: Int32Array;
  private readonly obligations: (Obligation | undefined)[];
  private readonly placeReaches: Reach[];
  private readonly targetReaches: Reach[];
  private readonly regionCounts: Int32Array;
  private readonly statuses: ConditionStatus[];
  private readonly counterparties: (Interval | null)[];
  private readonly counterpartiesPossible: (Interval | null)[];
  private readonly fireds: (Rule[] | undefined)[];
  private readonly actorFirsts: (Interval | null)[];

  constructor(events: number, obligationsOf: ObligationsOf) {
    const first = new Int32Array(events + 1);
    for (let i = 0; i < events; i++) first[i + 1] = first[i]! + obligationsOf(i).length;
    const n = first[events]!;
    this.first = first;
    this.obligations = new Array<Obligation | undefined>(n).fill(undefined);
    for (let i = 0; i < events; i++) {
      let s = first[i]!;
      for (const o of obligationsOf(i)) this.obligations[s++] = o;
    }
    this.placeReaches = new Array<Reach>(n).fill('none');
    this.targetReaches = new Array<Reach>(n).fill('none');
    this.regionCounts = new Int32Array(n);
    this.statuses = new Array<ConditionStatus>(n).fill('none');
    this.counterparties = new Array<Interval | null>(n).fill(null);
    this.counterpartiesPossible = new Array<Interval | null>(n).fill(null);
    this.fireds = new Array<Rule[] | undefined>(n).fill(undefined);
    this.actorFirsts = new Array<Interval | null>(events).fill(null);
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
  record(s: number, status: ConditionStatus, counterparty: Interval | null, counterpartyPossible: Interval | null, fired: Rule[]): void {
    this.statuses[s] = status;
    this.counterparties[s] = counterparty;
    this.counterpartiesPossible[s] = counterpartyPossible;
    this.fireds[s] = fired;
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
