import type { Finding } from '../rules/finding.js';
import type { ReadingRun, OrderedEvent } from './runScenario.js';

export type Verdict = 'violation' | 'possible-violation' | 'none';

export interface Divergence {
  eventId: string;
  /** reading id -> the strongest finding about the event under that reading */
  verdicts: Record<string, Verdict>;
}

interface FindingIndex {
  /** the length of the findings list when indexed: a list that grew since is indexed again */
  length: number;
  byEvent: Map<string, Finding[]>;
}

// Reports ask about every event under every reading: scanning all findings for each made whole runs
// quadratic in events. The index is keyed by the finished list itself (weakly), so it lives and dies with the run.
const indexes = new WeakMap<readonly Finding[], FindingIndex>();
const NONE: readonly Finding[] = Object.freeze([]);

/** The findings about one event under one reading, in the order the run made them. */
export function findingsOf(run: ReadingRun, eventId: string): readonly Finding[] {
  let idx = indexes.get(run.findings);
  if (idx === undefined || idx.length !== run.findings.length) {
    const byEvent = new Map<string, Finding[]>();
    for (const f of run.findings) {
      const list = byEvent.get(f.eventId);
      if (list) list.push(f);
      else byEvent.set(f.eventId, [f]);
    }
    idx = { length: run.findings.length, byEvent };
    indexes.set(run.findings, idx);
  }
  return idx.byEvent.get(eventId) ?? NONE;
}

export function verdictOf(run: ReadingRun, eventId: string): Verdict {
  let verdict: Verdict = 'none';
  for (const f of findingsOf(run, eventId)) {
    if (f.type === 'violation') return 'violation';
    if (f.type === 'possible-violation') verdict = 'possible-violation';
  }
  return verdict;
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
