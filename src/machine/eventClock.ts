/**
 * A clock driven by event time, for xstate's delayed transitions. Timers fire in order of their due
 * time, ties in the order they were set. Unlike xstate's SimulatedClock it can fire what is due
 * strictly before an instant, which lets events at an instant be handled before deadlines due then.
 */
export class EventClock {
  private timers = new Map<number, { due: number; fn: () => void }>();
  private nextId = 1;
  private _now: number;

  constructor(start: number) {
    this._now = start;
  }

  now(): number {
    return this._now;
  }

  setTimeout(fn: (...args: unknown[]) => void, delay: number): number {
    const id = this.nextId++;
    // a phase without a deadline schedules an infinite delay: it never falls due
    if (Number.isFinite(delay)) this.timers.set(id, { due: this._now + Math.max(0, delay), fn: fn as () => void });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.timers.delete(id as number);
  }

  /** Moves time to `t`, firing each timer due before `t` (or at `t` when `inclusive`). */
  advanceTo(t: number, inclusive: boolean, onFired: (due: number) => void = () => {}): void {
    for (;;) {
      const next = this.earliest();
      if (!next || next[1].due > t || (!inclusive && next[1].due === t)) break;
      this.timers.delete(next[0]);
      this._now = Math.max(this._now, next[1].due);
      next[1].fn();
      onFired(next[1].due);
    }
    if (Number.isFinite(t)) this._now = Math.max(this._now, t);
  }

  /** Fires every remaining timer, in order. */
  drain(onFired: (due: number) => void = () => {}): void {
    this.advanceTo(Number.POSITIVE_INFINITY, true, onFired);
  }

  private earliest(): [number, { due: number; fn: () => void }] | undefined {
    let best: [number, { due: number; fn: () => void }] | undefined;
    for (const entry of this.timers) {
      if (!best || entry[1].due < best[1].due || (entry[1].due === best[1].due && entry[0] < best[0])) best = entry;
    }
    return best;
  }
}
