import type { RunReport, ReadingRun } from '../run/runScenario.js';
import type { Provenance } from '../provenance.js';
import type { Event } from '../schema/event.js';
import type { Finding } from '../rules/finding.js';
import { compareReadings, type CompareReport } from '../run/compare.js';
import { describeWindow } from '../run/explainVars.js';
import { formatHuman } from '../time/interval.js';
import { ganttChart, readingStateDiagram } from './mermaid.js';
import {
  attributionWords,
  countWords,
  findingWords,
  type LabelNotes,
  FINDING_WORD,
  obligationSentence,
  partyNames,
  phaseStatus,
  dueWords,
  claimWords,
  windowPeriodLines,
} from './wording.js';
import { findingCounts } from './findingCounts.js';
import { citeRecord } from '../sources/citeSource.js';

/**
 * `truce run --format md`: a Markdown report that renders on GitHub as is (tables, and Mermaid blocks
 * for the timeline and each reading's path through the statechart), with the provenance stamp.
 */
export function runMarkdown(report: RunReport, provenance: Provenance, notes: LabelNotes = {}): string {
  const out: string[] = [];
  out.push(`# ${mdText(report.scenario.title)}`, '');
  out.push(stampLine(report, provenance), '');
  out.push(...summaryMd(report, notes));
  if (report.runs.length > 1) out.push(...matrixMd(compareReadings(report)));
  out.push(...timelineMd(report));
  for (const run of report.runs) out.push(...readingMd(report, run, notes));
  out.push(...eventsMd(report));
  out.push(...provenanceMd(provenance, report));
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

// ------------------------------------------------------------------------------------------ helpers

/** Text safe in Markdown running text and table cells: no stray `|`, HTML or line breaks. */
export function mdText(s: string): string {
  return s
    .replace(/([*_[\]`\\])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/** An inline code span that survives backticks in the text. */
export function code(s: string): string {
  const t = s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
}

export function mdTable(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function stampLine(report: RunReport, p: Provenance): string {
  return `> ${p.tool} ${p.version} · rules ${code(p.rulesHash)} · scenario ${code(p.scenarioHash)} · ${code(report.scenario.id)} · times in ${mdText(report.scenario.timeZone)}`;
}

// a violation stands out in bold; the words are the report vocabulary's
const TYPE: Record<string, string> = { ...FINDING_WORD, violation: `**${FINDING_WORD.violation}**` };

export function findingMd(f: Finding): string {
  return f.type === 'escalation-trigger' ? mdText(findingWords(f)) : (TYPE[f.type] ?? f.type);
}

export function sourcesMd(e: Event): string {
  return [...new Set(e.sources.map((s) => citeRecord(s) ?? `${s.file}:${s.line}`))].map(code).join(', ');
}

function status(p: { met: boolean | null }): string {
  const s = phaseStatus(p);
  return s === 'missed' ? `**${s}**` : s;
}

function terms(report: RunReport, run: ReadingRun): string[] {
  const name = partyNames(report.scenario.parties);
  return run.interpretation.obligations.map((o) => mdText(obligationSentence(o, name)));
}

// ------------------------------------------------------------------------------------------ sections

export function summaryMd(report: RunReport, notes: LabelNotes = {}): string[] {
  const zone = report.scenario.timeZone;
  const h = (ms: number) => formatHuman(ms, zone);
  const rows = report.runs.map((run) => [
    `**${code(run.interpretation.id)}**<br>${mdText(run.interpretation.label)}${notes[run.interpretation.id] ? `<br>_${mdText(notes[run.interpretation.id]!)}_` : ''}`,
    mdText(describeWindow(run.window, zone)),
    `${terms(report, run).join('<br>')}<br>agreement: ${mdText(run.interpretation.agreement.status)}`,
    findingCounts(run),
    run.phases.length === 0
      ? 'none reached'
      : run.phases
          .map((p) => `${mdText(p.phase)}: from ${mdText(h(p.enteredAt))}, ${mdText(dueWords(p, h, 'no deadline'))}, ${status(p)}`)
          .join('<br>'),
    `**${mdText(run.finalState)}**`,
  ]);
  return ['## Summary per reading', '', ...mdTable(['reading', 'window', 'terms', 'findings', 'phases', 'final state'], rows), ''];
}

export function matrixMd(cmp: CompareReport): string[] {
  const zone = cmp.report.scenario.timeZone;
  const rows = cmp.rows.map((row) => [
    `${code(row.eventId)}${row.diverges ? ' \\*' : ''}<br>${mdText(row.kind)}, from ${mdText(formatHuman(row.interval.start, zone))}`,
    ...cmp.readings.map((r) => {
      const c = row.cells[r]!;
      const escs = c.findings.filter((f) => f.type === 'escalation-trigger').map(findingMd);
      const rules = [...new Set(c.findings.filter((f) => f.type !== 'escalation-trigger').map((f) => f.rule))];
      return [TYPE[c.verdict] ?? c.verdict, ...escs].join(' + ') + (rules.length > 0 ? `<br>${rules.map(code).join(', ')}` : '');
    }),
  ]);
  rows.push([
    '**phases reached**',
    ...cmp.report.runs.map((run) => run.phases.map((p) => `${mdText(p.phase)} ${status(p)}`).join(', ') || 'none'),
  ]);
  rows.push(['**final state**', ...cmp.readings.map((r) => `**${mdText(cmp.finalStates[r] ?? '')}**`)]);
  return [
    '## Where the readings diverge',
    '',
    'Every strike, and every event any reading found something about, under each reading. \\* the readings differ on it.',
    '',
    ...mdTable(['event', ...cmp.readings.map(code)], rows),
    '',
  ];
}

export function timelineMd(report: RunReport): string[] {
  return [
    '## Timeline',
    '',
    `The reported strikes, then per reading its window, what it found about each strike (red, crit: a violation or a missed deadline; active: a possible violation; plain: no finding), and each enforcement phase from entry to due time. Times are wall-clock times in ${mdText(report.scenario.timeZone)}.`,
    '',
    '```mermaid',
    ganttChart(report, 'Readings, strikes and enforcement deadlines').trimEnd(),
    '```',
    '',
  ];
}

export function readingMd(report: RunReport, run: ReadingRun, notes: LabelNotes = {}): string[] {
  const zone = report.scenario.timeZone;
  const h = (ms: number) => formatHuman(ms, zone);
  const it = run.interpretation;
  const byId = new Map(report.events.map((e) => [e.event.id, e]));
  const cite = (s: { file: string; line: number }) => code(`${s.file}:${s.line}`);
  const out = [`## Reading ${code(it.id)}: ${mdText(it.label)}`, ''];
  if (notes[it.id]) out.push(`_${mdText(`The ${notes[it.id]}.`)}_`, '');
  out.push(`- **Held by:** ${it.heldBy.map((hb) => `${mdText(hb.who)} (${hb.sources.map(cite).join(', ')})`).join('; ')}`);
  const name = partyNames(report.scenario.parties);
  out.push(
    `- **Agreement:** ${mdText(it.agreement.status)}${it.agreement.claims.map((c) => `; ${mdText(claimWords(c, name, h))} (${c.sources.map(cite).join(', ')})`).join('')}`,
  );
  out.push(`- **Window:** ${mdText(describeWindow(run.window, zone))}: ${mdText(it.window.basis)}`);
  for (const l of windowPeriodLines(it, zone, h, name))
    out.push(`  - ${mdText(l.words)}${l.sources.length > 0 ? ` (${l.sources.map(cite).join(', ')})` : ''}`);
  terms(report, run).forEach((t, i) => out.push(`- **Terms:** ${t} (${it.obligations[i]!.sources.map(cite).join(', ')})`));
  out.push(`- **Final state:** **${mdText(run.finalState)}**`, '');
  out.push('### Findings', '');
  if (run.findings.length === 0) out.push('No finding under this reading.', '');
  else {
    const rows = run.findings.map((f) => {
      const o = byId.get(f.eventId)!;
      const alleged = attributionWords(o.event, name);
      return [
        `${code(f.eventId)}<br>${mdText(h(o.interval.start))}${alleged ? `<br>**${mdText(alleged)}**` : ''}`,
        findingMd(f),
        code(f.rule),
        mdText(f.certainty),
        mdText(f.explanation),
        sourcesMd(o.event),
      ];
    });
    out.push(...mdTable(['event', 'finding', 'rule', 'certainty', 'why', 'sources (article file:line)'], rows), '');
  }
  out.push('### Enforcement', '');
  const rows = (report.scenario.plan?.phases ?? []).map((spec) => {
    const p = run.phases.find((x) => x.phase === spec.id);
    if (!p) return [code(spec.id), 'not reached', '', '', `trigger: ${mdText(spec.trigger)}`];
    return [
      code(spec.id),
      mdText(h(p.enteredAt)),
      p.dueBy !== null ? mdText(h(p.dueBy)) : mdText(dueWords(p, h)),
      status(p) + (p.respondedAt !== null ? ` (response ${code(p.responseEventId ?? '')} at ${mdText(h(p.respondedAt))})` : ''),
      `${mdText(p.trigger)} by ${code(p.triggerEventId)}`,
    ];
  });
  if (report.scenario.plan === undefined) out.push('No enforcement plan.', '');
  else out.push(...mdTable(['phase', 'entered', 'due', 'status', 'trigger'], rows), '');
  out.push('### Path through the statechart', '', '```mermaid', readingStateDiagram(run, zone).trimEnd(), '```', '');
  return out;
}

export function eventsMd(report: RunReport): string[] {
  const zone = report.scenario.timeZone;
  const h = (ms: number) => formatHuman(ms, zone);
  const name = partyNames(report.scenario.parties);
  const count = countWords;
  const rows = report.events.map(({ event: e, interval }) => {
    const m = e.munitions ?? {};
    const counts = [
      m.drones ? `drones ${count(m.drones)}` : '',
      m.missiles ? `missiles ${count(m.missiles)}` : '',
      e.casualties?.killed ? `killed ${count(e.casualties.killed)}` : '',
      e.casualties?.injured ? `injured ${count(e.casualties.injured)}` : '',
    ].filter(Boolean);
    return [
      `${mdText(h(interval.start))}<br>to ${mdText(h(interval.end))} (${mdText(e.when.precision)})`,
      `${code(e.id)}<br>${mdText(e.kind)}, ${mdText(name(e.actor))}${e.target ? ` → ${mdText(name(e.target))}` : ''}`,
      mdText(e.places.map((p) => p.name).join(', ') || 'not stated') +
        (e.placesExcluded.length > 0 ? `<br>not: ${mdText(e.placesExcluded.join(', '))}` : ''),
      mdText([e.targets.join(', '), counts.join(', ')].filter(Boolean).join('; ')),
      sourcesMd(e),
    ];
  });
  return ['## Events', '', ...mdTable(['when', 'event', 'places', 'hit, counts', 'sources (article file:line)'], rows), ''];
}

export function provenanceMd(p: Provenance, report: RunReport): string[] {
  return [
    '## Provenance',
    '',
    ...mdTable(
      ['tool', 'version', 'rules', 'scenario'],
      [[mdText(p.tool), mdText(p.version), code(p.rulesHash), `${code(p.scenarioHash)} (${code(report.scenario.id)})`]],
    ),
    '',
    'Two reports with the same stamp came from the same tool version, rules and scenario (seed events included).',
    '',
  ];
}
