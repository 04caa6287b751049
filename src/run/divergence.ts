import type { ReadingRun, OrderedEvent } from './runScenario.js';

export type Verdict = 'violation' | 'possible-violation' | 'none';

export interface Divergence {
  eventId: string;
  /** reading id -> the strongest finding about the event under that reading */
  verdicts: Record<string, Verdict>;
}

export function verdictOf(run: ReadingRun, eventId: string): Verdict {
  const types = run.findings.filter((f) => f.eventId === eventId).map((f) => f.type);
  if (types.includes('violation')) return 'violation';
  if (types.includes('possible-violation')) return 'possible-violation';
  return 'none';
}

/** The events the readings judge differently, in time order. */
export function divergences(events: readonly OrderedEvent[], runs: readonly ReadingRun[]): Divergence[] {
  if (runs.length < 2) return [];
  const out: Divergence[] = [];
  for (const { event } of events) {
    const verdicts = Object.fromEntries(runs.map((r) => [r.interpretation.id, verdictOf(r, event.id)]));
    if (new Set(Object.values(verdicts)).size > 1) out.push({ eventId: event.id, verdicts });
  }
  return out;
}
