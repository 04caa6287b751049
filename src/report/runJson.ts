import type { Event } from '../schema/event.js';
import type { RunReport, ReadingRun } from '../run/runScenario.js';
import { divergences } from '../run/divergence.js';
import { formatInstant, toMillis, type Interval } from '../time/interval.js';
import type { Provenance } from '../provenance.js';
import type { LabelNotes } from './wording.js';
import type { Finding } from '../rules/finding.js';
import type { PhaseRecord } from '../machine/truceMachine.js';
import type { TransitionRecord } from '../machine/simulateTruce.js';
import { recordFields } from '../sources/citeSource.js';

/**
 * The `truce.run/v1` JSON contract (documented in the README). Every time is ISO-8601 with the offset
 * of the scenario's time zone, whatever offset the input files used.
 */
export function runJson(report: RunReport, provenance: Provenance, notes: LabelNotes = {}) {
  const zone = report.scenario.timeZone;
  const t = (ms: number) => formatInstant(ms, zone);
  const tn = (ms: number | null) => (ms === null ? null : t(ms));
  return {
    format: 'truce.run/v1' as const,
    provenance,
    scenario: { id: report.scenario.id, title: report.scenario.title, timeZone: zone },
    events: report.events.map(({ event }) => eventJson(event, zone)),
    runs: report.runs.map((run) => runOf(run, t, tn, notes[run.interpretation.id] ?? null)),
    divergences: divergences(report.events, report.runs),
  };
}

export type RunJson = ReturnType<typeof runJson>;

export function eventJson(e: Event, zone: string) {
  const t = (iso: string) => formatInstant(toMillis(iso), zone);
  return {
    id: e.id,
    kind: e.kind,
    actor: e.actor,
    target: e.target ?? null,
    when: { start: t(e.when.start), end: t(e.when.end), precision: e.when.precision },
    places: e.places,
    placesExcluded: e.placesExcluded,
    targets: e.targets,
    munitions: e.munitions ?? {},
    casualties: e.casualties ?? {},
    ...(e.phase !== undefined ? { phase: e.phase } : {}),
    ...(e.means !== undefined ? { means: e.means } : {}),
    sources: e.sources.map((s) => ({ file: s.file, line: s.line, ...recordFields(s) })),
  };
}

// a finding, a phase and a transition as every JSON output writes them (`truce.run/v1` and the stream's records)
export const findingJson = (f: Finding) => ({
  type: f.type,
  rule: f.rule,
  eventId: f.eventId,
  party: f.party,
  certainty: f.certainty,
  trigger: f.trigger ?? null,
  explanation: f.explanation,
});

export const phaseJson = (p: PhaseRecord, tn: (ms: number | null) => string | null) => ({
  phase: p.phase,
  enteredAt: tn(p.enteredAt),
  dueBy: tn(p.dueBy),
  trigger: p.trigger,
  triggerEventId: p.triggerEventId,
  party: p.party,
  met: p.met,
  respondedAt: tn(p.respondedAt),
  responseEventId: p.responseEventId,
  // a deadline counted from the response to an earlier phase: what it still waits for, or the response it counts from
  ...(p.awaiting !== undefined ? { awaiting: { responseTo: p.awaiting } } : {}),
  ...(p.countedFromEventId !== undefined ? { countedFromEventId: p.countedFromEventId } : {}),
});

export const transitionJson = (tr: TransitionRecord, t: (ms: number) => string) => ({
  at: t(tr.at),
  region: tr.region,
  from: tr.from,
  to: tr.to,
  cause: tr.cause,
});

function runOf(run: ReadingRun, t: (ms: number) => string, tn: (ms: number | null) => string | null, labelNote: string | null) {
  const interval = (i: Interval) => ({ start: t(i.start), end: t(i.end) });
  return {
    interpretation: run.interpretation.id,
    label: run.interpretation.label,
    /** set when the label was written for a window this run changed (an overlay kept the label) */
    labelNote,
    agreement: run.interpretation.agreement.status,
    window: {
      ...interval(run.window),
      startInclusive: run.window.startInclusive,
      endInclusive: run.window.endInclusive,
      // spans between the window's periods that no period covers (a renewal that started after a lapse)
      ...(run.window.gaps !== undefined ? { gaps: run.window.gaps.map((g) => interval(g)) } : {}),
    },
    findings: run.findings.map(findingJson),
    phases: run.phases.map((p) => phaseJson(p, tn)),
    transitions: run.transitions.map((tr) => transitionJson(tr, t)),
    finalState: run.finalState,
    finalRegions: run.regions,
    firstViolations: run.firstViolations.map((v) => ({ party: v.party, eventId: v.eventId, ...interval(v.interval) })),
    firstViolationsSettled: run.converged,
    // issue 12, added within v1: each party's earliest act that may have broken the truce, and whether
    // the final state holds in every Monte Carlo draw (else the events it hangs on)
    firstPossibleViolations: (run.firstPossibleViolations ?? []).map((v) => ({
      party: v.party,
      eventId: v.eventId,
      ...interval(v.interval),
    })),
    finalStateCertain: run.finalStateCertain ?? null,
    finalStateDependsOn: run.finalStateDependsOn ?? [],
  };
}
