import type { RunDiff } from '../run/diffRuns.js';
import type { PhaseRecord } from '../machine/truceMachine.js';
import { formatHuman, formatInstant } from '../time/interval.js';
import { phaseStatus } from './wording.js';

const phaseLine = (p: PhaseRecord | null, h: (ms: number) => string) =>
  p === null ? 'not reached' : `entered ${h(p.enteredAt)}, due ${p.dueBy === null ? 'never' : h(p.dueBy)}, ${phaseStatus(p)}`;

export function diffText(d: RunDiff, zone: string): string {
  const h = (ms: number) => formatHuman(ms, zone);
  const out = [`diff ${d.base} -> ${d.variant}`];
  if (d.same) out.push('  no difference in findings, phases, deadlines or final states');
  for (const r of d.readings) {
    if (r.presence !== 'both') {
      out.push(`  ${r.interpretation}: only in the ${r.presence === 'base-only' ? 'base' : 'variant'}`);
      continue;
    }
    const lines: string[] = [];
    if (r.windowChanged) lines.push('    window changed');
    for (const f of r.removedFindings) lines.push(`    - ${f.type} ${f.rule} ${f.eventId}${f.certainty === 'possible' ? ' (possible)' : ''}`);
    for (const f of r.addedFindings) lines.push(`    + ${f.type} ${f.rule} ${f.eventId}${f.certainty === 'possible' ? ' (possible)' : ''}`);
    for (const c of r.phaseChanges) lines.push(`    ~ ${c.phase}: ${phaseLine(c.before, h)}  ->  ${phaseLine(c.after, h)}`);
    if (r.finalState.before !== r.finalState.after) lines.push(`    ~ final state: ${r.finalState.before} -> ${r.finalState.after}`);
    out.push(`  ${r.interpretation}: ${lines.length === 0 ? 'unchanged' : ''}`.trimEnd(), ...lines);
  }
  return out.join('\n') + '\n';
}

export function diffJson(d: RunDiff, zone: string) {
  const t = (ms: number | null) => (ms === null ? null : formatInstant(ms, zone));
  const phase = (p: PhaseRecord | null) => (p === null ? null : { enteredAt: t(p.enteredAt), dueBy: t(p.dueBy), met: p.met, respondedAt: t(p.respondedAt) });
  const finding = (f: { type: string; rule: string; eventId: string; certainty: string }) => ({ type: f.type, rule: f.rule, eventId: f.eventId, certainty: f.certainty });
  return {
    format: 'truce.diff/v1' as const,
    base: d.base,
    variant: d.variant,
    same: d.same,
    readings: d.readings.map((r) => ({
      interpretation: r.interpretation,
      presence: r.presence,
      windowChanged: r.windowChanged,
      addedFindings: r.addedFindings.map(finding),
      removedFindings: r.removedFindings.map(finding),
      phaseChanges: r.phaseChanges.map((c) => ({ phase: c.phase, before: phase(c.before), after: phase(c.after) })),
      finalState: r.finalState,
    })),
  };
}
