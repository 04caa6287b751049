import type { CompareReport } from '../run/compare.js';
import type { Provenance } from '../provenance.js';
import { formatHuman } from '../time/interval.js';
import { phaseStatus } from './wording.js';

const SHORT: Record<string, string> = { violation: 'VIOLATION', 'possible-violation': 'possible', none: '-' };

/** The event x reading table, divergences marked with `*`, then phases and final states. */
export function compareText(cmp: CompareReport, provenance: Provenance): string {
  const zone = cmp.report.scenario.timeZone;
  const cell = (row: CompareReport['rows'][number], r: string) => {
    const c = row.cells[r]!;
    const esc = c.findings.some((f) => f.type === 'escalation-trigger') ? ' +esc' : '';
    return `${SHORT[c.verdict]}${esc}`;
  };
  const header = ['', 'event', 'from', ...cmp.readings];
  const body = cmp.rows.map((row) => [
    row.diverges ? '*' : ' ',
    row.eventId,
    formatHuman(row.interval.start, zone),
    ...cmp.readings.map((r) => cell(row, r)),
  ]);
  const phaseRow = [
    '',
    'phases reached',
    '',
    ...cmp.report.runs.map((run) => run.phases.map((p) => `${p.phase} ${phaseStatus(p)}`).join(', ') || 'none'),
  ];
  const finalRow = ['', 'final state', '', ...cmp.readings.map((r) => cmp.finalStates[r] ?? '')];
  const lines = table([header, ...body, phaseRow, finalRow]);
  return [
    `${cmp.report.scenario.title} [${cmp.report.scenario.id}]: readings compared (times ${zone})`,
    `truce ${provenance.version}, rules ${provenance.rulesHash}, scenario ${provenance.scenarioHash}`,
    '',
    ...lines,
    '',
    '* the readings differ on this event; +esc: an escalation trigger (hostilities continued, broader attack)',
    '',
  ].join('\n');
}

export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), 0));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}
