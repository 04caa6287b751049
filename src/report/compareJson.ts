import type { CompareReport } from '../run/compare.js';
import type { Provenance } from '../provenance.js';
import { formatInstant } from '../time/interval.js';

/** `truce.compare/v1`: the event x reading table as data. */
export function compareJson(cmp: CompareReport, provenance: Provenance) {
  const zone = cmp.report.scenario.timeZone;
  return {
    format: 'truce.compare/v1' as const,
    provenance,
    scenario: { id: cmp.report.scenario.id, title: cmp.report.scenario.title, timeZone: zone },
    readings: cmp.readings,
    rows: cmp.rows.map((r) => ({
      eventId: r.eventId,
      kind: r.kind,
      start: formatInstant(r.interval.start, zone),
      end: formatInstant(r.interval.end, zone),
      diverges: r.diverges,
      cells: Object.fromEntries(
        Object.entries(r.cells).map(([k, c]) => [
          k,
          { verdict: c.verdict, findings: c.findings.map((f) => ({ type: f.type, rule: f.rule, certainty: f.certainty })) },
        ]),
      ),
    })),
    phases: Object.fromEntries(
      cmp.report.runs.map((run) => [
        run.interpretation.id,
        run.phases.map((p) => ({
          phase: p.phase,
          enteredAt: formatInstant(p.enteredAt, zone),
          dueBy: p.dueBy === null ? null : formatInstant(p.dueBy, zone),
          met: p.met,
        })),
      ]),
    ),
    finalStates: cmp.finalStates,
  };
}
