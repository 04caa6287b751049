import { isAttack } from '../schema/eventKinds.js';
import type { Interval } from '../time/interval.js';
import type { Finding } from '../rules/finding.js';
import type { RunReport } from './runScenario.js';
import { FindingIndex, type Verdict } from './divergence.js';

export interface CompareCell {
  verdict: Verdict;
  findings: Finding[];
}

export interface CompareRow {
  eventId: string;
  kind: string;
  interval: Interval;
  /** reading id -> what it found about the event */
  cells: Record<string, CompareCell>;
  /** the readings give different verdicts */
  diverges: boolean;
}

export interface CompareReport {
  report: RunReport;
  readings: string[];
  /** every strike and every event with a finding under some reading, in time order */
  rows: CompareRow[];
  /** reading id -> final lifecycle state */
  finalStates: Record<string, string>;
}

/** The readings side by side: event x reading. Pure, over a finished run. */
export function compareReadings(report: RunReport): CompareReport {
  const readings = report.runs.map((r) => r.interpretation.id);
  const rows: CompareRow[] = [];
  const indexes = report.runs.map((r) => new FindingIndex(r));
  for (const { event, interval } of report.events) {
    const cells = Object.fromEntries(
      report.runs.map((r, k) => [r.interpretation.id, { verdict: indexes[k]!.verdict(event.id), findings: [...indexes[k]!.of(event.id)] }]),
    );
    const any = Object.values(cells).some((c) => c.findings.length > 0);
    if (!any && !isAttack(event.kind)) continue;
    rows.push({
      eventId: event.id,
      kind: event.kind,
      interval,
      cells,
      diverges: new Set(Object.values(cells).map((c) => c.verdict)).size > 1,
    });
  }
  return { report, readings, rows, finalStates: Object.fromEntries(report.runs.map((r) => [r.interpretation.id, r.finalState])) };
}
