import type { Finding } from '../rules/finding.js';
import type { ReadingRun, OrderedEvent } from './runScenario.js';

export type Verdict = 'violation' | 'possible-violation' | 'none';

export interface Divergence {
  eventId: string;
  /** reading id -> the strongest finding about the event under that reading */
  verdicts: Record<string, Verdict>;
}

const NONE: readonly Finding[] = Object.freeze([]);

/**
 * A run's findings by event. Reports ask about every event under every reading: scanning all findings
 * for each made whole runs quadratic in events, so a report that asks per event makes one of these per
 * run, and drops it with the report.
 */
export class FindingIndex {
  private readonly byEvent = new Map<string, Finding[]>();

  constructor(run: Pick<ReadingRun, 'findings'>) {
    for (const f of run.findings) {
      const list = this.byEvent.get(f.eventId);
      if (list) list.push(f);
      else this.byEvent.set(f.eventId, [f]);
    }
  }

  /** The findings about one event, in the order the run made them. */
  of(eventId: string): readonly Finding[] {
    return this.byEvent.get(eventId) ?? NONE;
  }

  /** The strongest finding about one event. */
  verdict(eventId: string): Verdict {
    return strongest(this.of(eventId));
  }
}

/** The findings about one event under one reading, in the order the run made them (one event: a FindingIndex for many). */
export function findingsOf(run: ReadingRun, eventId: string): readonly Finding[] {
  return run.findings.filter((f) => f.eventId === eventId);
}

export function verdictOf(run: ReadingRun, eventId: string): Verdict {
  return strongest(findingsOf(run, eventId));
}

function strongest(findings: readonly Finding[]): Verdict {
  let verdict: Verdict = 'none';
  for (const f of findings) {
    if (f.type === 'violation') return 'violation';
    if (f.type === 'possible-violation') verdict = 'possible-violation';
  }
  return verdict;
}

/** The events the readings judge differently, in time order. */
export function divergences(events: readonly OrderedEvent[], runs: readonly ReadingRun[]): Divergence[] {
  if (runs.length < 2) return [];
  const indexes = runs.map((r) => new FindingIndex(r));
  const out: Divergence[] = [];
  for (const { event } of events) {
    const verdicts = Object.fromEntries(runs.map((r, k) => [r.interpretation.id, indexes[k]!.verdict(event.id)]));
    if (new Set(Object.values(verdicts)).size > 1) out.push({ eventId: event.id, verdicts });
  }
  return out;
}
