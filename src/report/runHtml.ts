import type { RunReport, ReadingRun } from '../run/runScenario.js';
import type { Provenance } from '../provenance.js';
import type { Event } from '../schema/event.js';
import type { Finding } from '../rules/finding.js';
import { compareReadings, type CompareReport } from '../run/compare.js';
import { describeWindow } from '../run/explainVars.js';
import { formatHuman } from '../time/interval.js';
import { planSpec } from '../run/runScenario.js';
import { edgeLabel, machineGraph } from '../machine/graph.js';
import { machineMermaid } from './mermaid.js';
import { timelineSvg } from './timelineChart.js';
import {
  attributionWords,
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
import { esc, header, page, READING_COLORS } from './page.js';
import { statechartSvg } from './statechartSvg.js';
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
A coloured dot in a state marks a reading that entered it.</p>
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
