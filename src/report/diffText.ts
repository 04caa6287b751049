import type { RunDiff, TermChange } from '../run/diffRuns.js';
import type { PhaseRecord } from '../machine/truceMachine.js';
import type { Obligation } from '../schema/interpretation.js';
import type { Provenance } from '../provenance.js';
import { describeInterval, describeWindow } from '../run/explainVars.js';
import { formatHuman, formatInstant, toMillis, type Interval } from '../time/interval.js';
import { durationWords, findingWords, obligationSentence, partyNames, phaseStatus, type PartyName } from './wording.js';

/** What `-`, `+` and `~` mean, printed once at the head of a diff. */
export const DIFF_LEGEND = 'legend: - only in the base, + only in the variant, ~ changed (old -> new)';

const phaseLine = (p: PhaseRecord | null, h: (ms: number) => string) =>
  p === null ? 'not reached' : `entered ${h(p.enteredAt)}, due ${p.dueBy === null ? 'never' : h(p.dueBy)}, ${phaseStatus(p)}`;

const isWindow = (v: unknown): v is Interval & { startInclusive: boolean; endInclusive: boolean } =>
  typeof v === 'object' && v !== null && typeof (v as Interval).start === 'number' && 'endInclusive' in v;

const isObligation = (v: unknown): v is Obligation => typeof v === 'object' && v !== null && 'refrainFrom' in v;

/** A term's value in words: a window as its bounds, an obligation as its sentence, a deadline as a duration. */
export function termWords(c: TermChange, v: unknown, zone: string, name: PartyName): string {
  if (v === null || v === undefined)
    return c.term.endsWith(' deadline')
      ? 'no deadline'
      : c.term.startsWith('event ') || c.term.startsWith('phase ') || c.term.startsWith('rule ')
        ? 'absent'
        : 'none';
  if (isWindow(v)) return describeWindow(v, zone);
  if (isObligation(v)) return obligationSentence(v, name);
  if (c.term.endsWith(' deadline') && typeof v === 'string') return durationWords(v);
  if (c.term.startsWith('event ') && c.term.endsWith(' when') && typeof v === 'object') {
    const w = v as { start: string; end: string; precision: string };
    return `${describeInterval({ start: toMillis(w.start), end: toMillis(w.end) }, zone)} (${w.precision})`;
  }
  if (c.term.startsWith('event ') && c.term.endsWith(' places') && Array.isArray(v))
    return v.length === 0 ? 'none' : v.map((p: { name: string }) => p.name).join(', ');
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const termLine = (c: TermChange, zone: string, name: PartyName) =>
  `    ~ ${c.term}: ${termWords(c, c.before, zone, name)} -> ${termWords(c, c.after, zone, name)}`;

export function diffText(
  d: RunDiff,
  zone: string,
  parties: readonly { id: string; name: string }[] = [],
  provenance?: { base: Provenance; variant: Provenance },
): string {
  const h = (ms: number) => formatHuman(ms, zone);
  const name = partyNames(parties);
  const out = [`diff ${d.base} -> ${d.variant}`];
  if (provenance) {
    const { base: a, variant: b } = provenance;
    const rules = a.rulesHash === b.rulesHash ? a.rulesHash : `${a.rulesHash} -> ${b.rulesHash}`;
    out.push(`times in ${zone}; truce ${a.version}, rules ${rules}, scenario ${a.scenarioHash} -> ${b.scenarioHash}`);
  }
  out.push(DIFF_LEGEND);
  if (d.same) out.push('  no difference in terms, findings, phases, deadlines or final states');
  if (d.planChanges.length > 0) out.push('  plan:', ...d.planChanges.map((c) => termLine(c, zone, name)));
  if (d.ruleChanges.length > 0) out.push('  rules:', ...d.ruleChanges.map((c) => termLine(c, zone, name)));
  if (d.eventChanges.length > 0)
    out.push(
      '  events:',
      ...d.eventChanges.map((c) =>
        c.before === null ? `    + ${c.term}` : c.after === null ? `    - ${c.term}` : termLine(c, zone, name),
      ),
    );
  for (const r of d.readings) {
    if (r.presence !== 'both') {
      out.push(`  ${r.interpretation}: only in the ${r.presence === 'base-only' ? 'base' : 'variant'}`);
      continue;
    }
    const lines: string[] = [];
    for (const c of r.termChanges) lines.push(termLine(c, zone, name));
    const finding = (f: { type: string; rule: string; eventId: string; certainty: string; trigger?: string | null | undefined }) =>
      `${findingWords(f)} (${f.rule}) ${f.eventId}${f.certainty === 'possible' ? ', possible' : ''}`;
    for (const f of r.removedFindings) lines.push(`    - ${finding(f)}`);
    for (const f of r.addedFindings) lines.push(`    + ${finding(f)}`);
    for (const c of r.phaseChanges) lines.push(`    ~ ${c.phase} phase: ${phaseLine(c.before, h)} -> ${phaseLine(c.after, h)}`);
    if (r.finalState.before !== r.finalState.after) lines.push(`    ~ final state: ${r.finalState.before} -> ${r.finalState.after}`);
    out.push(`  ${r.interpretation}: ${lines.length === 0 ? 'unchanged' : ''}`.trimEnd(), ...lines);
  }
  return out.join('\n') + '\n';
}

/**
 * `truce.diff/v1` (fields are only ever added within v1): per reading the findings added and removed, the
 * phases that changed, the final states, and (added) the window and every changed term with its old and
 * new value, as data and in words; the plan's and the rules' changed terms; the provenance of both sides.
 */
export function diffJson(
  d: RunDiff,
  zone: string,
  provenance?: { base: Provenance; variant: Provenance },
  parties: readonly { id: string; name: string }[] = [],
) {
  const t = (ms: number | null) => (ms === null ? null : formatInstant(ms, zone));
  const name = partyNames(parties);
  const phase = (p: PhaseRecord | null) =>
    p === null ? null : { enteredAt: t(p.enteredAt), dueBy: t(p.dueBy), met: p.met, respondedAt: t(p.respondedAt) };
  const finding = (f: { type: string; rule: string; eventId: string; certainty: string }) => ({
    type: f.type,
    rule: f.rule,
    eventId: f.eventId,
    certainty: f.certainty,
  });
  const win = (w: (Interval & { startInclusive: boolean; endInclusive: boolean }) | null) =>
    w === null ? null : { start: t(w.start), end: t(w.end), startInclusive: w.startInclusive, endInclusive: w.endInclusive };
  const value = (v: unknown) => (isWindow(v) ? win(v) : (v ?? null));
  const term = (c: TermChange) => ({
    term: c.term,
    before: value(c.before),
    after: value(c.after),
    text: { before: termWords(c, c.before, zone, name), after: termWords(c, c.after, zone, name) },
  });
  return {
    format: 'truce.diff/v1' as const,
    ...(provenance ? { provenance } : {}),
    base: d.base,
    variant: d.variant,
    same: d.same,
    readings: d.readings.map((r) => ({
      interpretation: r.interpretation,
      presence: r.presence,
      windowChanged: r.windowChanged,
      window: { before: win(r.window.before), after: win(r.window.after) },
      termChanges: r.termChanges.map(term),
      addedFindings: r.addedFindings.map(finding),
      removedFindings: r.removedFindings.map(finding),
      phaseChanges: r.phaseChanges.map((c) => ({ phase: c.phase, before: phase(c.before), after: phase(c.after) })),
      finalState: r.finalState,
    })),
    planChanges: d.planChanges.map(term),
    ruleChanges: d.ruleChanges.map(term),
    eventChanges: d.eventChanges.map(term),
  };
}
