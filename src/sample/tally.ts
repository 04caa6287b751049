import type { RunReport } from '../run/runScenario.js';

/** Counts over draws, per reading; plain data so that workers can send it back and tallies add up. */
export interface Tally {
  draws: number;
  readings: Record<string, ReadingTally>;
}

export interface ReadingTally {
  /** "eventId|type" -> draws in which the event had such a finding */
  findings: Record<string, number>;
  /** phase -> draws in which it was reached */
  phases: Record<string, number>;
  /** phase -> draws in which it was met */
  met: Record<string, number>;
  /** final lifecycle state -> draws */
  finalStates: Record<string, number>;
}

/** Maps keyed by ids from the data have no prototype; tallies back from workers (structured clones) do, hence `own`. */
const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export function emptyTally(): Tally {
  return { draws: 0, readings: dict() };
}

// keys are ids from the data (a reading may be called "constructor"): read own properties only
const own = <T>(m: Record<string, T>, k: string): T | undefined => (Object.hasOwn(m, k) ? m[k] : undefined);
const readingOf = (t: Tally, id: string): ReadingTally =>
  own(t.readings, id) ?? (t.readings[id] = { findings: dict(), phases: dict(), met: dict(), finalStates: dict() });

const bump = (m: Record<string, number>, k: string, by = 1) => {
  m[k] = (own(m, k) ?? 0) + by;
};

/**
 * The tally's key of a finding, "eventId|type", one string per pair for as long as its owner keeps it
 * (a thread's draws: src/sample/runDraws.ts), so that a draw writes none; with the last reading's run
 * that counted it, so that a run counts each pair once without a set of its own.
 */
export class FindingKeys {
  private readonly byEvent = new Map<string, Map<string, { key: string; run: number }>>();
  /** the reading's run being counted */
  run = 0;

  of(eventId: string, type: string): { key: string; run: number } {
    let byType = this.byEvent.get(eventId);
    if (!byType) this.byEvent.set(eventId, (byType = new Map()));
    let k = byType.get(type);
    if (k === undefined) byType.set(type, (k = { key: `${eventId}|${type}`, run: 0 }));
    return k;
  }
}

export function addRun(t: Tally, report: RunReport, keys: FindingKeys = new FindingKeys()): void {
  t.draws++;
  for (const run of report.runs) {
    const r = readingOf(t, run.interpretation.id);
    const counting = ++keys.run;
    const { findings } = run;
    for (let k = 0; k < findings.length; k++) {
      const f = findings[k]!;
      // once per event and type, in the order they first come
      const key = keys.of(f.eventId, f.type);
      if (key.run === counting) continue;
      key.run = counting;
      bump(r.findings, key.key);
    }
    for (const p of run.phases) {
      bump(r.phases, p.phase);
      if (p.met === true) bump(r.met, p.phase);
    }
    bump(r.finalStates, run.finalState);
  }
}

/** Adds b into a. Addition commutes, so the order in which workers finish does not matter. */
export function mergeTally(a: Tally, b: Tally): Tally {
  a.draws += b.draws;
  for (const [id, rb] of Object.entries(b.readings)) {
    const ra = readingOf(a, id);
    for (const key of ['findings', 'phases', 'met', 'finalStates'] as const)
      for (const [k, v] of Object.entries(rb[key])) bump(ra[key], k, v);
  }
  return a;
}

export interface Estimate {
  count: number;
  p: number;
  /** 95 % Wilson score interval */
  low: number;
  high: number;
}

export function estimate(count: number, n: number): Estimate {
  if (n === 0) return { count, p: 0, low: 0, high: 1 };
  const z = 1.959963984540054;
  const p = count / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  // at the edges the interval is exactly closed there; floating error must not open it
  return { count, p, low: count === 0 ? 0 : Math.max(0, centre - half), high: count === n ? 1 : Math.min(1, centre + half) };
}
