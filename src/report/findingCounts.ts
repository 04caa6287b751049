import type { ReadingRun } from '../run/runScenario.js';

/** "2 violation, 1 possible": a reading's findings counted by type, for summaries. */
export function findingCounts(run: ReadingRun): string {
  const n = (t: string) => run.findings.filter((f) => f.type === t).length;
  const parts = [
    [n('violation'), 'violation'],
    [n('possible-violation'), 'possible'],
    [n('escalation-trigger'), 'escalation'],
  ].filter(([c]) => (c as number) > 0);
  return parts.length === 0 ? 'none' : parts.map(([c, t]) => `${c} ${t}`).join(', ');
}
