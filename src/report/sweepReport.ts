import type { SweepRow } from '../sweep/sweep.js';
import { DateTime } from 'luxon';
import { formatInstant } from '../time/interval.js';
import { table } from './compareText.js';
import { phaseStatus } from './wording.js';

const phaseCell = (r: SweepRow, zone: string) =>
  Object.entries(r.phases)
    .map(([p, met]) => {
      const due = r.dueBy[p];
      const at = due === null || due === undefined ? '' : ` due ${DateTime.fromMillis(due, { zone }).toFormat('LLL d HH:mm')}`;
      return `${p}:${phaseStatus({ met })}${at}`;
    })
    .join('; ') || 'none';

function cells(r: SweepRow, paths: string[], zone: string): string[] {
  return [...paths.map((p) => String(r.values[p])), r.interpretation, r.violations.join(' ') || '-', String(r.possible.length), r.escalations.join(' ') || '-', phaseCell(r, zone), r.finalState];
}

const HEAD = ['reading', 'violations', 'possible', 'escalations', 'phases', 'final'];

export function sweepTable(rows: SweepRow[], paths: string[], zone: string): string {
  return table([[...paths, ...HEAD], ...rows.map((r) => cells(r, paths, zone))]).join('\n') + '\n';
}

export function sweepCsv(rows: SweepRow[], paths: string[], zone: string): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [[...paths, ...HEAD], ...rows.map((r) => cells(r, paths, zone))].map((l) => l.map(q).join(',')).join('\n') + '\n';
}

export function sweepJson(rows: SweepRow[], zone: string) {
  return {
    format: 'truce.sweep/v1' as const,
    rows: rows.map((r) => ({ ...r, dueBy: Object.fromEntries(Object.entries(r.dueBy).map(([k, v]) => [k, v === null ? null : formatInstant(v, zone)])) })),
  };
}
