import type { RunReport, ReadingRun } from './runScenario.js';
import type { Finding } from '../rules/finding.js';
import type { PhaseRecord } from '../machine/truceMachine.js';

export interface PhaseChange {
  phase: string;
  before: PhaseRecord | null;
  after: PhaseRecord | null;
}

export interface ReadingDiff {
  interpretation: string;
  /** only in the base, only in the variant, or in both */
  presence: 'both' | 'base-only' | 'variant-only';
  windowChanged: boolean;
  addedFindings: Finding[];
  removedFindings: Finding[];
  phaseChanges: PhaseChange[];
  finalState: { before: string | null; after: string | null };
}

export interface RunDiff {
  base: string;
  variant: string;
  readings: ReadingDiff[];
  /** nothing differs */
  same: boolean;
}

const key = (f: Finding) => `${f.eventId}|${f.rule}|${f.type}|${f.certainty}`;
const phaseKey = (p: PhaseRecord | undefined) => (p ? `${p.enteredAt}|${p.dueBy}|${p.met}|${p.respondedAt}` : '');

/** What changed between a baseline run and a what-if run: findings, phases and deadlines, final states. */
export function diffRuns(base: RunReport, variant: RunReport): RunDiff {
  const ids = [...new Set([...base.runs, ...variant.runs].map((r) => r.interpretation.id))];
  const find = (rep: RunReport, id: string) => rep.runs.find((r) => r.interpretation.id === id);
  const readings = ids.map((id): ReadingDiff => {
    const a = find(base, id);
    const b = find(variant, id);
    const fa = new Map((a?.findings ?? []).map((f) => [key(f), f]));
    const fb = new Map((b?.findings ?? []).map((f) => [key(f), f]));
    return {
      interpretation: id,
      presence: a && b ? 'both' : a ? 'base-only' : 'variant-only',
      windowChanged: !!a && !!b && (a.window.start !== b.window.start || a.window.end !== b.window.end || a.window.endInclusive !== b.window.endInclusive),
      addedFindings: [...fb.entries()].filter(([k]) => !fa.has(k)).map(([, f]) => f),
      removedFindings: [...fa.entries()].filter(([k]) => !fb.has(k)).map(([, f]) => f),
      phaseChanges: phaseChanges(a, b),
      finalState: { before: a?.finalState ?? null, after: b?.finalState ?? null },
    };
  });
  const same = readings.every(
    (r) => r.presence === 'both' && !r.windowChanged && r.addedFindings.length === 0 && r.removedFindings.length === 0 && r.phaseChanges.length === 0 && r.finalState.before === r.finalState.after,
  );
  return { base: base.scenario.id, variant: variant.scenario.id, readings, same };
}

function phaseChanges(a: ReadingRun | undefined, b: ReadingRun | undefined): PhaseChange[] {
  const phases = [...new Set([...(a?.phases ?? []), ...(b?.phases ?? [])].map((p) => p.phase))];
  return phases
    .map((phase) => ({ phase, before: a?.phases.find((p) => p.phase === phase) ?? null, after: b?.phases.find((p) => p.phase === phase) ?? null }))
    .filter((c) => phaseKey(c.before ?? undefined) !== phaseKey(c.after ?? undefined));
}
