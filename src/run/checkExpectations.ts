import type { ExpectCase } from '../schema/expect.js';
import type { RunReport } from './runScenario.js';
import type { Finding } from '../rules/finding.js';
import type { Problem } from '../problem.js';
import { toMillis, formatInstant } from '../time/interval.js';

export interface CaseResult {
  name: string;
  /** what differed; empty when the case passed */
  differences: string[];
}

const describeMatch = (m: { event: string; type?: string; rule?: string; certainty?: string }) =>
  [m.type ?? 'any finding', m.rule ? `(${m.rule})` : '', `about ${m.event}`, m.certainty ? `[${m.certainty}]` : '']
    .filter(Boolean)
    .join(' ');

const matches = (f: Finding, m: { event: string; type?: string; rule?: string; certainty?: string }) =>
  f.eventId === m.event &&
  (m.type === undefined || f.type === m.type) &&
  (m.rule === undefined || f.rule === m.rule) &&
  (m.certainty === undefined || f.certainty === m.certainty);

/** Checks the cases of a scenario that loaded, against its run. Pure. */
export function checkExpectations(cases: readonly ExpectCase[], report: RunReport): CaseResult[] {
  const zone = report.scenario.timeZone;
  return cases.map((c) => {
    const d: string[] = [];
    if (c.error !== undefined) {
      d.push(`expected the scenario to fail with ${c.error}, but it loaded`);
      return { name: c.name, differences: d };
    }
    const run = report.runs.find((r) => r.interpretation.id === c.interpretation);
    if (!run) {
      d.push(
        `no interpretation "${c.interpretation ?? '(none given)'}"; the scenario has ${report.runs.map((r) => r.interpretation.id).join(', ')}`,
      );
      return { name: c.name, differences: d };
    }
    const got = (fs: Finding[]) => (fs.length === 0 ? 'none' : fs.map((f) => `${f.type} (${f.rule})`).join(', '));
    for (const m of c.findings ?? []) {
      if (!run.findings.some((f) => matches(f, m)))
        d.push(`expected ${describeMatch(m)}; found ${got(run.findings.filter((f) => f.eventId === m.event))}`);
    }
    for (const m of c.noFindings ?? []) {
      const hit = run.findings.filter((f) => matches(f, m));
      if (hit.length > 0) d.push(`expected no ${describeMatch(m)}; found ${got(hit)}`);
    }
    for (const p of c.phases ?? []) {
      const rec = run.phases.find((x) => x.phase === p.phase);
      if (!rec) {
        d.push(`expected the ${p.phase} phase to be reached; reached ${run.phases.map((x) => x.phase).join(', ') || 'none'}`);
        continue;
      }
      if (p.enteredAt !== undefined && toMillis(p.enteredAt) !== rec.enteredAt)
        d.push(`${p.phase} entered at ${formatInstant(rec.enteredAt, zone)}, expected ${p.enteredAt}`);
      if (p.dueBy !== undefined && (p.dueBy === null ? rec.dueBy !== null : rec.dueBy !== toMillis(p.dueBy))) {
        d.push(
          `${p.phase} due by ${rec.dueBy === null ? 'no deadline' : formatInstant(rec.dueBy, zone)}, expected ${p.dueBy ?? 'no deadline'}`,
        );
      }
      if (p.met !== undefined && p.met !== rec.met) d.push(`${p.phase} met is ${String(rec.met)}, expected ${String(p.met)}`);
    }
    for (const phase of c.noPhases ?? []) {
      if (run.phases.some((x) => x.phase === phase)) d.push(`expected the ${phase} phase not to be reached, but it was`);
    }
    if (c.finalState !== undefined && c.finalState !== run.finalState) d.push(`final state is ${run.finalState}, expected ${c.finalState}`);
    return { name: c.name, differences: d };
  });
}

/** Checks the cases of a scenario that failed to load: only `error` cases can pass. */
export function checkLoadFailure(cases: readonly ExpectCase[], problems: readonly Problem[]): CaseResult[] {
  const codes = [...new Set(problems.map((p) => p.code))];
  const first = problems[0];
  const where = first ? `${first.file}:${first.line ?? '?'} ${first.message}` : '';
  return cases.map((c) => ({
    name: c.name,
    differences:
      c.error === undefined
        ? [`the scenario did not load (${codes.join(', ')}: ${where})`]
        : codes.includes(c.error)
          ? []
          : [`expected error ${c.error}, got ${codes.join(', ')} (${where})`],
  }));
}
