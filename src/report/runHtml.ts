import type { RunReport, ReadingRun } from '../run/runScenario.js';
import type { Provenance } from '../provenance.js';
import type { Event } from '../schema/event.js';
import type { Finding } from '../rules/finding.js';
import { compareReadings, type CompareReport } from '../run/compare.js';
import { describeWindow } from '../run/explainVars.js';
import { formatHuman } from '../time/interval.js';
import { planSpec } from '../run/runScenario.js';
import { machineGraph, edgeLabel, type GraphEdge, type GraphRegion, type MachineGraph } from '../machine/graph.js';
import { machineMermaid } from './mermaid.js';
import { timelineSvg } from './timelineChart.js';
import {
  attributionWords,
  escapeXml,
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

export { findingCounts };

/**
 * `truce run --format html`: one self-contained page. No script, no external font, stylesheet or image:
 * the timeline and the statechart are inline SVG, the CSS is inline, and a Content-Security-Policy forbids
 * every fetch. Readable on a narrow screen (the pictures scale, tables become cards) and in print.
 * Deterministic: the same report gives the same bytes.
 */
export async function runHtml(report: RunReport, provenance: Provenance, notes: LabelNotes = {}): Promise<string> {
  const cmp = compareReadings(report);
  const body = [
    header(report, provenance, 'Findings under each reading of the truce'),
    '<main>',
    summarySection(report, notes),
    await timelineSection(report),
    report.runs.length > 1 ? matrixSection(cmp) : '',
    ...report.runs.map((run, i) => readingSection(report, run, i, notes)),
    findingsSection(report),
    statechartSection(report),
    eventsSection(report),
    provenanceSection(provenance, report),
    '</main>',
  ];
  return page(report.scenario.title, provenance, body.filter(Boolean).join('\n'));
}

// ------------------------------------------------------------------------------------------ page

export const esc = escapeXml;

export const READING_COLORS = ['#1565c0', '#6d4c41', '#00897b', '#ad1457', '#5e35b1', '#ef6c00', '#2e7d32', '#546e7a'];

const CSS = `
:root { --fg: #1a1a1a; --muted: #595959; --line: #d9d9d9; --bg: #fff; --soft: #f6f7f9;
  --violation: #c62828; --possible: #f2a900; --escalation: #7b1fa2; --none: #9e9e9e; --window: #cfe0f3; --phase: #ffd8a8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 20px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 28px 0 8px; padding-top: 8px; border-top: 2px solid var(--fg); }
h3 { font-size: 1.05rem; margin: 18px 0 6px; }
p { margin: 6px 0; }
.lead { color: var(--muted); margin: 0 0 6px; }
.stamp { font-size: 0.85rem; color: var(--muted); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88em; overflow-wrap: anywhere; }
small, .muted { color: var(--muted); }
figure { margin: 8px 0 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 6px; }
.scroll-x { overflow-x: auto; -webkit-overflow-scrolling: touch; }
.scroll-hint { display: none; font-size: 0.85rem; color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; margin: 6px 0 10px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 0.8rem; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.badge.violation { background: var(--violation); color: #fff; }
.badge.possible-violation { background: var(--possible); color: #1a1a1a; }
.badge.escalation-trigger { background: var(--escalation); color: #fff; }
.badge.none { background: #eee; color: #333; border-color: #ccc; }
.badge.missed { background: #fde0e0; color: #b71c1c; border-color: #f3b4b4; }
.badge.met { background: #e3f3e4; color: #2e7d32; border-color: #b8dfba; }
.badge.open { background: #eee; color: #424242; border-color: #ccc; }
.dot { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; vertical-align: -0.05em; margin-right: 4px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--bg); }
.card h3 { margin-top: 0; }
dl.terms { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
dl.terms dt { font-weight: 600; }
dl.terms dd { margin: 0; }
ol.path { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 6px 4px; align-items: flex-start; }
ol.path li { display: flex; align-items: flex-start; gap: 4px; }
ol.path li + li::before { content: "\\2192"; color: var(--muted); padding-top: 2px; }
.state { display: inline-block; border: 1px solid #90a4ae; border-radius: 12px; padding: 1px 9px; background: #eceff1; font-weight: 600; }
.step { display: inline-flex; flex-direction: column; align-items: flex-start; max-width: 260px; }
.step small { font-size: 0.78rem; line-height: 1.3; }
details { margin: 8px 0; }
summary { cursor: pointer; color: var(--muted); }
pre { background: var(--soft); border: 1px solid var(--line); padding: 10px; overflow-x: auto; font-size: 0.8rem; line-height: 1.35; }
.diverges { font-weight: 700; color: var(--violation); }
footer { margin: 24px auto 32px; font-size: 0.85rem; color: var(--muted); }
@media (max-width: 720px) {
  body { font-size: 14px; }
  h1 { font-size: 1.3rem; }
  table.cards-sm thead { display: none; }
  table.cards-sm, table.cards-sm tbody, table.cards-sm tr, table.cards-sm td { display: block; width: 100%; }
  table.cards-sm tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 4px 0; }
  table.cards-sm td { border: 0; padding: 3px 10px; }
  table.cards-sm td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
  dl.terms { grid-template-columns: 1fr; }
  /* the pictures keep a readable size and scroll sideways inside their frame */
  .scroll-x svg[data-testid="timeline"] { min-width: 860px; }
  .scroll-x svg[data-testid="statechart-svg"] { min-width: 720px; }
  .scroll-hint { display: block; }
}
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10pt; color: #000; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure, .card, tr, ol.path { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap, .scroll-x { overflow: visible; }
  .scroll-x svg { min-width: 0 !important; }
  .scroll-hint { display: none !important; }
  details > summary { display: none; }
  details { display: none; }
  .badge, .dot, .state { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;

export function page(title: string, provenance: Provenance, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="truce ${esc(provenance.version)}">
<meta name="truce-provenance" content="${esc(JSON.stringify(provenance))}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
<footer>${esc(stampText(provenance))}</footer>
</body>
</html>
`;
}

export function stampText(p: Provenance): string {
  return `${p.tool} ${p.version} · rules ${p.rulesHash} · scenario ${p.scenarioHash}`;
}

export function header(report: RunReport, provenance: Provenance, lead: string): string {
  const zone = report.scenario.timeZone;
  return `<header>
<h1>${esc(report.scenario.title)}</h1>
<p class="lead">${esc(lead)}: scenario <code>${esc(report.scenario.id)}</code>, ${report.runs.length} reading${report.runs.length === 1 ? '' : 's'}, times in ${esc(zone)}.</p>
<p class="stamp" data-testid="stamp">${esc(stampText(provenance))}</p>
</header>`;
}

// ------------------------------------------------------------------------------------------ pieces

export const h = (report: RunReport) => (ms: number) => formatHuman(ms, report.scenario.timeZone);
export const partyName = (report: RunReport) => partyNames(report.scenario.parties);

export function cite(s: { file: string; line: number }): string {
  return citeRecord(s) ?? `${s.file}:${s.line}`;
}

/** An event's sources: article file and line, with what each line says when `says` (the events table). */
export function sourcesHtml(e: Event, says = true): string {
  // one line per citation, the first of repeats
  const items = [...new Map(e.sources.map((s) => [cite(s), s])).values()];
  if (!says) return items.map((s) => `<code>${esc(cite(s))}</code>`).join(', ');
  return items.map((s) => `<code>${esc(cite(s))}</code>${s.says ? ` <small>${esc(s.says)}</small>` : ''}`).join('<br>');
}

export function badge(kind: string, text: string): string {
  return `<span class="badge ${esc(kind)}">${esc(text)}</span>`;
}

const TYPE_TEXT = FINDING_WORD;

export function findingBadge(f: Finding): string {
  return badge(f.type, findingWords(f));
}

export { phaseStatus };

export function obligationsText(report: RunReport, run: ReadingRun): string[] {
  const name = partyName(report);
  return run.interpretation.obligations.map((o) => obligationSentence(o, name));
}

export function phasesText(report: RunReport, run: ReadingRun): string {
  const t = h(report);
  if (run.phases.length === 0) return 'none reached';
  return run.phases.map((p) => `${p.phase}: entered ${t(p.enteredAt)}, ${dueWords(p, t, 'no deadline')}, ${phaseStatus(p)}`).join('; ');
}

export function summarySection(report: RunReport, notes: LabelNotes = {}): string {
  const zone = report.scenario.timeZone;
  const t = h(report);
  const rows = report.runs.map((run, i) => {
    const phases =
      run.phases.length === 0
        ? '<span class="muted">none reached</span>'
        : run.phases
            .map(
              (p) =>
                `${esc(p.phase)} ${badge(phaseStatus(p), phaseStatus(p))}<br><small>from ${esc(t(p.enteredAt))}, ${esc(dueWords(p, t, 'no deadline'))}</small>`,
            )
            .join('<br>');
    return `<tr>
<td data-label="reading"><span class="dot" style="background:${READING_COLORS[i % READING_COLORS.length]}"></span><strong>${esc(run.interpretation.id)}</strong><br><small>${esc(run.interpretation.label)}</small>${notes[run.interpretation.id] ? `<br><small class="label-note"><em>${esc(notes[run.interpretation.id]!)}</em></small>` : ''}</td>
<td data-label="window">${esc(describeWindow(run.window, zone))}</td>
<td data-label="terms">${obligationsText(report, run).map(esc).join('<br>')}<br><small>agreement: ${esc(run.interpretation.agreement.status)}</small></td>
<td data-label="findings">${esc(findingCounts(run))}</td>
<td data-label="phases">${phases}</td>
<td data-label="final state"><span class="state">${esc(run.finalState)}</span></td>
</tr>`;
  });
  return `<section id="summary" data-testid="summary">
<h2>Summary per reading</h2>
<div class="table-wrap"><table class="cards-sm">
<thead><tr><th>reading</th><th>window</th><th>terms</th><th>findings</th><th>phases</th><th>final state</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</section>`;
}

export async function timelineSection(report: RunReport): Promise<string> {
  const svg = await timelineSvg(report);
  const zone = report.scenario.timeZone;
  return `<section id="timeline-section">
<h2>Timeline</h2>
<figure>
<p class="scroll-hint">Scroll the picture sideways to see all of it.</p>
<div class="scroll-x">
${svg}
</div>
<figcaption>Top lane: the strikes as the sources report them (a bar spans every time the sources allow; circle area: drones and missiles, low figure).
Then one lane per reading: its window, what it found about each strike, escalation triggers, and each enforcement phase from its entry to its due time (a tick marks the deadline).
Times are wall-clock times in ${esc(zone)}.</figcaption>
</figure>
</section>`;
}

export function matrixSection(cmp: CompareReport): string {
  const t = h(cmp.report);
  const head = cmp.readings.map((r) => `<th>${esc(r)}</th>`).join('');
  const rows = cmp.rows.map((row) => {
    const cells = cmp.readings.map((r) => {
      const c = row.cells[r]!;
      const esc2 = c.findings
        .filter((f) => f.type === 'escalation-trigger')
        .map(findingBadge)
        .join(' ');
      return `<td data-label="${esc(r)}">${badge(c.verdict, TYPE_TEXT[c.verdict] ?? c.verdict)}${esc2 ? ` ${esc2}` : ''}${c.findings
        .filter((f) => f.type !== 'escalation-trigger')
        .map((f) => `<br><small>${esc(f.rule)}</small>`)
        .join('')}</td>`;
    });
    return `<tr><td data-label="event"><code>${esc(row.eventId)}</code>${row.diverges ? ' <span class="diverges" title="the readings differ">*</span>' : ''}<br><small>${esc(row.kind)}, from ${esc(t(row.interval.start))}</small></td>${cells.join('')}</tr>`;
  });
  const phases = cmp.report.runs.map(
    (run) =>
      `<td data-label="${esc(run.interpretation.id)}">${run.phases.map((p) => `${esc(p.phase)} ${badge(phaseStatus(p), phaseStatus(p))}`).join('<br>') || '<span class="muted">none</span>'}</td>`,
  );
  const finals = cmp.readings.map((r) => `<td data-label="${esc(r)}"><span class="state">${esc(cmp.finalStates[r] ?? '')}</span></td>`);
  return `<section id="matrix" data-testid="matrix">
<h2>Where the readings diverge</h2>
<p class="muted">Every strike, and every event any reading found something about, against each reading. <span class="diverges">*</span> the readings differ.</p>
<div class="table-wrap"><table class="cards-sm">
<thead><tr><th>event</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
<tr><td data-label="row"><strong>phases reached</strong></td>${phases.join('')}</tr>
<tr><td data-label="row"><strong>final state</strong></td>${finals.join('')}</tr>
</tbody></table></div>
</section>`;
}

export function readingSection(report: RunReport, run: ReadingRun, index: number, notes: LabelNotes = {}): string {
  const zone = report.scenario.timeZone;
  const t = h(report);
  const it = run.interpretation;
  const name = partyName(report);
  const claims = it.agreement.claims.map(
    (c) =>
      `${esc(claimWords(c, name, t))} <small>(${c.sources.map((s) => `<code>${esc(cite(s))}</code>`).join(', ')})${c.note ? ` ${esc(c.note)}` : ''}</small>`,
  );
  const obligations = it.obligations.map(
    (o, i) =>
      `${esc(obligationsText(report, run)[i]!)} <small>(${o.sources.map((s) => `<code>${esc(cite(s))}</code>`).join(', ')})</small>`,
  );
  const findings =
    run.findings.length === 0
      ? '<p class="muted">No finding under this reading.</p>'
      : `<ul>${run.findings.map((f) => `<li>${findingBadge(f)} <code>${esc(f.eventId)}</code> <small>(${esc(f.rule)}${f.certainty === 'possible' ? ', possible' : ''})</small>: ${esc(f.explanation)}</li>`).join('\n')}</ul>`;
  const phases = (report.scenario.plan?.phases ?? []).map((spec) => {
    const p = run.phases.find((x) => x.phase === spec.id);
    if (!p) return `<li><strong>${esc(spec.id)}</strong> <span class="muted">not reached (trigger: ${esc(spec.trigger)})</span></li>`;
    const resp = p.respondedAt !== null ? `; response ${esc(p.responseEventId ?? '')} at ${esc(t(p.respondedAt))}` : '';
    return `<li><strong>${esc(spec.id)}</strong> ${badge(phaseStatus(p), phaseStatus(p))} entered ${esc(t(p.enteredAt))} on ${esc(p.trigger)} (<code>${esc(p.triggerEventId)}</code>), ${esc(dueWords(p, t))}${resp}</li>`;
  });
  return `<section id="reading-${esc(it.id)}" data-testid="reading-${esc(it.id)}">
<h2><span class="dot" style="background:${READING_COLORS[index % READING_COLORS.length]}"></span>Reading <code>${esc(it.id)}</code>: ${esc(it.label)}</h2>${
    notes[it.id]
      ? `
<p class="label-note"><em>The ${esc(notes[it.id]!)}.</em></p>`
      : ''
  }
<dl class="terms">
<dt>held by</dt><dd>${it.heldBy.map((hb) => `${esc(hb.who)} <small>(${hb.sources.map((s) => `<code>${esc(cite(s))}</code>`).join(', ')})</small>`).join('; ')}</dd>
<dt>agreement</dt><dd>${esc(it.agreement.status)}${claims.length > 0 ? `<br>${claims.join('<br>')}` : ''}</dd>
<dt>window</dt><dd>${esc(describeWindow(run.window, zone))}<br><small>${esc(it.window.basis)}</small>${windowPeriodLines(it, zone, t, name)
    .map(
      (l) =>
        `<br>${esc(l.words)}${l.sources.length > 0 ? ` <small>(${l.sources.map((s) => `<code>${esc(cite(s))}</code>`).join(', ')})</small>` : ''}`,
    )
    .join('')}</dd>
<dt>terms</dt><dd>${obligations.join('<br>')}</dd>
<dt>final state</dt><dd><span class="state">${esc(run.finalState)}</span></dd>
</dl>
<h3>Findings</h3>
${findings}
<h3>Enforcement</h3>
${report.scenario.plan === undefined ? '<p class="muted">No enforcement plan.</p>' : `<ul>${phases.join('\n')}</ul>`}
<h3>Path through the statechart</h3>
${pathHtml(run, zone)}
</section>`;
}

export function pathHtml(run: ReadingRun, zone: string): string {
  const regions = [...new Set(run.transitions.map((tr) => tr.region))];
  return regions
    .map((region) => {
      const steps = run.transitions.filter((tr) => tr.region === region);
      const items = [
        `<li><span class="step"><span class="state">${esc(steps[0]?.from ?? '')}</span></span></li>`,
        ...steps.map(
          (s) =>
            `<li><span class="step"><span class="state">${esc(s.to)}</span><small>${esc(formatHuman(s.at, zone))}</small><small>${esc(s.cause)}</small></span></li>`,
        ),
      ];
      return `<p><strong>${esc(region)}</strong></p><ol class="path" data-region="${esc(region)}">${items.join('')}</ol>`;
    })
    .join('\n');
}

export function findingsSection(report: RunReport): string {
  const t = h(report);
  const byId = new Map(report.events.map((e) => [e.event.id, e]));
  const rows = report.runs.flatMap((run) =>
    run.findings.map((f) => {
      const o = byId.get(f.eventId)!;
      const alleged = attributionWords(o.event, partyName(report));
      return `<tr>
<td data-label="reading">${esc(run.interpretation.id)}</td>
<td data-label="event"><code>${esc(f.eventId)}</code><br><small>${esc(t(o.interval.start))} to ${esc(t(o.interval.end))}</small>${alleged ? `<br><strong class="disputed">${esc(alleged)}</strong>` : ''}</td>
<td data-label="finding">${findingBadge(f)}<br><small>${esc(f.rule)}, ${esc(f.certainty)}</small></td>
<td data-label="why">${esc(f.explanation)}</td>
<td data-label="sources">${sourcesHtml(o.event, false)}</td>
</tr>`;
    }),
  );
  return `<section id="findings">
<h2>Findings and their sources</h2>
<div class="table-wrap"><table class="cards-sm" data-testid="findings">
<thead><tr><th>reading</th><th>event</th><th>finding</th><th>why</th><th>sources (article file:line)</th></tr></thead>
<tbody>
${rows.length > 0 ? rows.join('\n') : '<tr><td colspan="5">No finding under any reading.</td></tr>'}
</tbody></table></div>
</section>`;
}

export function eventsSection(report: RunReport): string {
  const t = h(report);
  const name = partyName(report);
  const count = (c: { low: number; high?: number | undefined } | undefined) =>
    c === undefined ? '' : `${c.low}${c.high === undefined ? '+' : c.high !== c.low ? `-${c.high}` : ''}`;
  const rows = report.events.map(({ event: e, interval }) => {
    const m = e.munitions ?? {};
    const counts = [
      m.drones ? `drones ${count(m.drones)}` : '',
      m.missiles ? `missiles ${count(m.missiles)}` : '',
      e.casualties?.killed ? `killed ${count(e.casualties.killed)}` : '',
      e.casualties?.injured ? `injured ${count(e.casualties.injured)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `<tr>
<td data-label="when">${esc(t(interval.start))}<br><small>to ${esc(t(interval.end))} (${esc(e.when.precision)})</small></td>
<td data-label="event"><code>${esc(e.id)}</code><br><small>${esc(e.kind)}, ${esc(name(e.actor))}${e.target ? ` &#8594; ${esc(name(e.target))}` : ''}</small>${attributionWords(e, name) ? `<br><strong class="disputed">${esc(attributionWords(e, name))}</strong>` : ''}</td>
<td data-label="places">${esc(e.places.map((p) => p.name).join(', ') || 'not stated')}${e.placesExcluded.length > 0 ? `<br><small>not: ${esc(e.placesExcluded.join(', '))}</small>` : ''}</td>
<td data-label="hit / counts">${esc(e.targets.join(', '))}${counts ? `<br><small>${esc(counts)}</small>` : ''}</td>
<td data-label="sources">${sourcesHtml(e)}</td>
</tr>`;
  });
  return `<section id="events">
<h2>Events</h2>
<div class="table-wrap"><table class="cards-sm" data-testid="events">
<thead><tr><th>when</th><th>event</th><th>places</th><th>hit / counts</th><th>sources (article file:line)</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</section>`;
}

export function provenanceSection(p: Provenance, report: RunReport): string {
  return `<section id="provenance" data-testid="provenance">
<h2>Provenance</h2>
<dl class="terms">
<dt>tool</dt><dd>${esc(p.tool)} ${esc(p.version)}</dd>
<dt>rules</dt><dd><code>${esc(p.rulesHash)}</code> <small>(sha256 of the rules and shared conditions)</small></dd>
<dt>scenario</dt><dd><code>${esc(p.scenarioHash)}</code> <small>(sha256 of <code>${esc(report.scenario.id)}</code> as run, seed events included)</small></dd>
</dl>
<p class="muted">Two reports with the same stamp came from the same tool version, rules and scenario.</p>
</section>`;
}

// ------------------------------------------------------------------------------------------ statechart

// short edge labels for the drawing; the table under it says each in full
const SHORT_EVENT: Record<string, string> = {
  WINDOW_OPEN: 'window opens',
  WINDOW_CLOSE: 'window closes',
  TRIGGER: 'finding',
  RESPONSE: 'response',
  always: 'at once',
};

export function statechartSection(report: RunReport): string {
  const graph = machineGraph(planSpec(report.scenario));
  const svg = statechartSvg(graph, report.runs);
  const rows = graph.edges.map(
    (e) =>
      `<tr><td data-label="region">${esc(e.region)}</td><td data-label="from"><span class="state">${esc(e.from)}</span></td><td data-label="to"><span class="state">${esc(e.to)}</span>${e.targetless ? ' <small>(stays)</small>' : ''}</td><td data-label="on">${esc(e.words)}<br><small><code>${esc(edgeLabel(e))}</code></small></td></tr>`,
  );
  return `<section id="statechart" data-testid="statechart">
<h2>The statechart</h2>
<p class="muted">Drawn from the machine definition itself (the same code that ran): the truce's lifecycle and one region per enforcement phase, all running in parallel.
A coloured dot under a state marks a reading that entered it.</p>
<figure>
<div class="scroll-x">
${svg}
</div>
<figcaption>${report.runs.map((r, i) => `<span class="dot" style="background:${READING_COLORS[i % READING_COLORS.length]}"></span>${esc(r.interpretation.id)}`).join(' &#160; ')}. Solid arrows: events; dashed: deadlines (delayed transitions); dotted: taken at once on entry.</figcaption>
</figure>
<details>
<summary>Every transition (${graph.edges.length})</summary>
<div class="table-wrap"><table class="cards-sm"><thead><tr><th>region</th><th>from</th><th>to</th><th>on [guard] / actions</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>
</details>
<details>
<summary>Mermaid source (<code>truce graph</code>)</summary>
<pre>${esc(machineMermaid(graph))}</pre>
</details>
</section>`;
}

interface Box {
  x: number;
  y: number;
}

const NODE_W = 84;
const NODE_H = 30;
const COL_GAP = 74;
const ROW_GAP = 26;
const PAD = 14;
const TITLE_H = 22;

function layoutRegion(region: GraphRegion, edges: GraphEdge[]) {
  const rank = new Map<string, number>([[region.initial, 0]]);
  const queue = [region.initial];
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const e of edges) {
      if (e.from === s && e.to !== s && !rank.has(e.to)) {
        rank.set(e.to, rank.get(s)! + 1);
        queue.push(e.to);
      }
    }
  }
  const maxRank = Math.max(0, ...rank.values());
  for (const s of region.states) if (!rank.has(s.key)) rank.set(s.key, maxRank + 1);
  const ranks: string[][] = [];
  for (const s of region.states) (ranks[rank.get(s.key)!] ??= []).push(s.key);
  // order each rank by the mean position of its predecessors (one barycenter pass)
  const pos = new Map<string, number>();
  ranks.forEach((keys, r) => {
    if (r > 0) {
      const bary = (k: string) => {
        const preds = edges
          .filter((e) => e.to === k && e.from !== k && pos.has(e.from) && rank.get(e.from)! < r)
          .map((e) => pos.get(e.from)!);
        return preds.length === 0 ? Number.POSITIVE_INFINITY : preds.reduce((a, b) => a + b, 0) / preds.length;
      };
      keys.sort((a, b) => bary(a) - bary(b) || region.states.findIndex((s) => s.key === a) - region.states.findIndex((s) => s.key === b));
    }
    keys.forEach((k, i) => pos.set(k, i));
  });
  const rows = Math.max(...ranks.map((k) => k?.length ?? 0));
  const boxes = new Map<string, Box>();
  ranks.forEach((keys, r) => {
    const offset = ((rows - keys.length) * (NODE_H + ROW_GAP)) / 2;
    keys.forEach((k, i) => boxes.set(k, { x: PAD + r * (NODE_W + COL_GAP), y: PAD + TITLE_H + offset + i * (NODE_H + ROW_GAP) }));
  });
  // room on the right for a self-loop and its label on the last rank
  const loopLast = edges.some((e) => e.from === e.to && rank.get(e.from) === ranks.length - 1);
  const width = PAD * 2 + ranks.length * NODE_W + (ranks.length - 1) * COL_GAP + (loopLast ? 90 : 0);
  const height = PAD * 2 + TITLE_H + rows * NODE_H + (rows - 1) * ROW_GAP + 12;
  return { boxes, rank, width, height };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The statechart as SVG: one panel per parallel region, states by rank from the initial state. */
export function statechartSvg(graph: MachineGraph, runs: readonly ReadingRun[], maxWidth = 1120): string {
  const panels = graph.regions.map((region) => ({
    region,
    edges: graph.edges.filter((e) => e.region === region.id),
    ...layoutRegion(
      region,
      graph.edges.filter((e) => e.region === region.id),
    ),
  }));
  // flow the panels into rows no wider than maxWidth
  let x = 0;
  let y = 0;
  let rowH = 0;
  let width = 0;
  const placed = panels.map((p) => {
    if (x > 0 && x + p.width > maxWidth) {
      x = 0;
      y += rowH + 12;
      rowH = 0;
    }
    const at = { ...p, ox: x, oy: y };
    x += p.width + 12;
    rowH = Math.max(rowH, p.height);
    width = Math.max(width, x - 12);
    return at;
  });
  const height = y + rowH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" data-testid="statechart-svg" font-family="Helvetica, Arial, sans-serif">`,
    `<title>The truce statechart: ${graph.regions.map((r) => r.id).join(', ')} in parallel</title>`,
    '<defs><marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#455a64"/></marker></defs>',
  );
  for (const p of placed) {
    const ox = p.ox;
    const oy = p.oy;
    out.push(`<g transform="translate(${ox},${oy})" data-region="${esc(p.region.id)}">`);
    out.push(`<rect x="0.5" y="0.5" width="${p.width - 1}" height="${p.height - 1}" rx="8" fill="#fafbfc" stroke="#b0bec5"/>`);
    out.push(
      `<text x="${PAD}" y="${PAD + 10}" font-size="13" font-weight="bold" fill="#263238">${esc(p.region.id === 'lifecycle' ? 'lifecycle' : `${p.region.id} phase`)}</text>`,
    );
    const box = (k: string) => p.boxes.get(k)!;
    // initial marker
    const init = box(p.region.initial);
    out.push(`<circle cx="${init.x - 10}" cy="${init.y + NODE_H / 2}" r="4" fill="#263238"/>`);
    out.push(`<path d="M${init.x - 6},${init.y + NODE_H / 2}H${init.x}" stroke="#263238" stroke-width="1.2" marker-end="url(#sc-arrow)"/>`);
    out.push(...edgesSvg(p.edges, box, p.rank, p.width));
    for (const s of p.region.states) {
      const b = box(s.key);
      const entered = runs
        .map((run, i) => ({ i, hit: run.transitions.some((tr) => tr.region === p.region.id && tr.to === s.key) }))
        .filter((v) => v.hit);
      out.push(
        `<g data-state="${esc(s.id)}"><rect x="${b.x}" y="${b.y}" width="${NODE_W}" height="${NODE_H}" rx="14" fill="${s.terminal ? '#e8eaf6' : '#eceff1'}" stroke="#546e7a" stroke-width="${s.terminal ? 2 : 1}"/>` +
          `<text x="${b.x + NODE_W / 2}" y="${b.y + NODE_H / 2 + 4}" font-size="12" text-anchor="middle" fill="#1a1a1a">${esc(s.key)}</text>` +
          entered
            .map(
              (v, j) =>
                `<circle cx="${b.x + 12 + j * 11}" cy="${b.y + NODE_H + 7}" r="4.5" fill="${READING_COLORS[v.i % READING_COLORS.length]}"><title>${esc(runs[v.i]!.interpretation.id)}</title></circle>`,
            )
            .join('') +
          '</g>',
      );
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

type Pt = [number, number];
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The edge as one cubic Bézier (a straight line is a cubic with collinear controls). */
function edgeCurve(e: GraphEdge, a: Box, b: Box, ra: number, rb: number): [Pt, Pt, Pt, Pt] {
  if (e.from === e.to) {
    // a loop on the node's right side
    const x = a.x + NODE_W;
    return [
      [x, a.y + 7],
      [x + 30, a.y - 2],
      [x + 30, a.y + NODE_H + 2],
      [x, a.y + NODE_H - 7],
    ];
  }
  if (rb > ra) {
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const mx = (x1 + x2) / 2;
    return [
      [x1, y1],
      [mx, y1],
      [mx, y2],
      [x2, y2],
    ];
  }
  if (rb === ra) {
    const down = b.y > a.y;
    const cx = a.x + NODE_W / 2;
    const y1 = down ? a.y + NODE_H : a.y;
    const y2 = down ? b.y : b.y + NODE_H;
    return [
      [cx, y1],
      [cx, y1 + (y2 - y1) / 3],
      [cx, y1 + (2 * (y2 - y1)) / 3],
      [cx, y2],
    ];
  }
  // backwards: leave from the left, arrive on the right, bowed out of the way
  const x1 = a.x;
  const y1 = a.y + NODE_H / 2;
  const x2 = b.x + NODE_W;
  const y2 = b.y + NODE_H / 2;
  const bow = y2 >= y1 ? 18 : -18;
  return [
    [x1, y1],
    [x1 - 20, y1 + bow],
    [x2 + 20, y2 - bow],
    [x2, y2],
  ];
}

function at(c: [Pt, Pt, Pt, Pt], t: number): Pt {
  const f = (i: 0 | 1) => (1 - t) ** 3 * c[0][i] + 3 * (1 - t) ** 2 * t * c[1][i] + 3 * (1 - t) * t ** 2 * c[2][i] + t ** 3 * c[3][i];
  return [f(0), f(1)];
}

const overlapsRect = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Draws a region's edges, each label placed greedily at the first spot along its edge that overlaps
 * neither a state nor a label placed before it.
 */
function edgesSvg(edges: GraphEdge[], box: (k: string) => Box, rank: Map<string, number>, width: number): string[] {
  const taken: Rect[] = [];
  for (const k of rank.keys()) {
    const b = box(k);
    taken.push({ x: b.x - 2, y: b.y - 2, w: NODE_W + 4, h: NODE_H + 4 });
  }
  // self-loops first claim their own space
  for (const e of edges.filter((x) => x.from === x.to)) {
    const b = box(e.from);
    taken.push({ x: b.x + NODE_W, y: b.y, w: 24, h: NODE_H });
  }
  return edges.map((e) => {
    const c = edgeCurve(e, box(e.from), box(e.to), rank.get(e.from)!, rank.get(e.to)!);
    const d = `M${r1(c[0][0])},${r1(c[0][1])}C${r1(c[1][0])},${r1(c[1][1])} ${r1(c[2][0])},${r1(c[2][1])} ${r1(c[3][0])},${r1(c[3][1])}`;
    const dash = e.kind === 'after' ? ' stroke-dasharray="5 3"' : e.kind === 'always' ? ' stroke-dasharray="1.5 2.5"' : '';
    const label = e.kind === 'after' ? edgeLabel({ ...e, guard: null, actions: [] }) : (SHORT_EVENT[e.event] ?? e.event);
    const w = label.length * 5.6 + 4;
    const hgt = 11;
    let best: Rect | undefined;
    const ts = e.from === e.to ? [0.5] : [0.5, 0.35, 0.65, 0.22, 0.78];
    for (const t of ts) {
      const [px, py] = at(c, t);
      const loop = e.from === e.to ? [{ x: px + 4, y: py - hgt / 2, w, h: hgt }] : [];
      for (const rect of [
        ...loop,
        { x: px - w / 2, y: py - hgt - 3, w, h: hgt },
        { x: px - w / 2, y: py + 3, w, h: hgt },
        { x: px + 4, y: py - hgt / 2, w, h: hgt },
        { x: px - w - 4, y: py - hgt / 2, w, h: hgt },
      ]) {
        if (rect.x < 2 || rect.x + rect.w > width - 2) continue;
        if (!taken.some((r) => overlapsRect(r, rect))) {
          best = rect;
          break;
        }
      }
      if (best) break;
    }
    if (!best) {
      const [px, py] = at(c, 0.5);
      best = { x: px - w / 2, y: py - hgt - 3, w, h: hgt };
    }
    taken.push(best);
    return (
      `<g data-edge="${esc(`${e.region}: ${e.from} -> ${e.to}`)}"><title>${esc(e.words)}</title>` +
      `<path d="${d}" fill="none" stroke="#455a64" stroke-width="1.2"${dash} marker-end="url(#sc-arrow)"/>` +
      `<text x="${r1(best.x + best.w / 2)}" y="${r1(best.y + best.h - 2)}" font-size="9.5" text-anchor="middle" fill="#37474f" stroke="#fafbfc" stroke-width="3" paint-order="stroke">${esc(label)}</text></g>`
    );
  });
}
