import type { ReadingRun } from '../run/runScenario.js';
import { FINDING_WORD } from './wording.js';

/** "2 violations, 1 possible violation": a reading's findings counted by type, for summaries. */
export function findingCounts(run: ReadingRun): string {
  const parts = (['violation', 'possible-violation', 'escalation-trigger'] as const)
    .map((t) => [run.findings.filter((f) => f.type === t).length, FINDING_WORD[t]!] as const)
    .filter(([c]) => c > 0);
  return parts.length === 0 ? 'none' : parts.map(([c, w]) => `${c} ${w}${c === 1 ? '' : 's'}`).join(', ');
}
