import type { SweepRow } from '../sweep/sweep.js';
import { formatInstant, formatMonthDayClock } from '../time/interval.js';
import { table } from './compareText.js';
import { phaseStatus } from './wording.js';
import type { Provenance } from '../provenance.js';

const phaseCell = (r: SweepRow, zone: string) =>
  Object.entries(r.phases)
    .map(([p, met]) => {
      const due = r.dueBy[p];
      const at = due === null || due === undefined ? '' : ` due ${formatMonthDayClock(due, zone)}`;
      return `${p}:${phaseStatus({ met })}${at}`;
    })
    .join('; ') || 'none';

// every finding column lists event ids (a count would hide which strike moved)
const ids = (xs: readonly string[]) => xs.join(' ') || 'none';

function cells(r: SweepRow, paths: string[], zone: string): string[] {
  return [
    ...paths.map((p) => String(r.values[p])),
    r.interpretation,
    ids(r.violations),
    ids(r.possible),
    ids(r.escalations),
    phaseCell(r, zone),
    r.finalState,
  ];
}

/** Each column says what it holds. */
const HEAD = [
  'reading',
  'violations (events)',
  'possible violations (events)',
  'escalations (trigger:event)',
  'phases (phase:outcome due)',
  'final state',
];

export function sweepTable(rows: SweepRow[], paths: string[], zone: string, provenance?: Provenance): string {
  const stamp = provenance
    ? `times in ${zone}; truce ${provenance.version}, rules ${provenance.rulesHash}, base scenario ${provenance.scenarioHash}\n`
    : '';
  return stamp + table([[...paths, ...HEAD], ...rows.map((r) => cells(r, paths, zone))]).join('\n') + '\n';
}

export function sweepCsv(rows: SweepRow[], paths: string[], zone: string): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [[...paths, ...HEAD], ...rows.map((r) => cells(r, paths, zone))].map((l) => l.map(q).join(',')).join('\n') + '\n';
}

/** `truce.sweep/v1` (fields are only ever added within v1): one row per combination and reading; the provenance of the base scenario. */
export function sweepJson(rows: SweepRow[], zone: string, provenance?: Provenance) {
  return {
    format: 'truce.sweep/v1' as const,
    ...(provenance ? { provenance } : {}),
    rows: rows.map((r) => ({
      ...r,
      dueBy: Object.fromEntries(Object.entries(r.dueBy).map(([k, v]) => [k, v === null ? null : formatInstant(v, zone)])),
    })),
  };
}
