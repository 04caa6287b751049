import { isAttack } from '../schema/eventKinds.js';
import type { RunReport, ReadingRun, OrderedEvent } from '../run/runScenario.js';
import { divergences, FindingIndex } from '../run/divergence.js';
import { describeWindow } from '../run/explainVars.js';
import { readingZone } from '../time/window.js';
import { formatHuman, type Interval } from '../time/interval.js';
import type { Provenance } from '../provenance.js';
import {
  attributionWords,
  cite as fullCite,
  FINDING_HEAD,
  noFindingWhy,
  type LabelNotes,
  obligationSentence,
  partyNames,
  phaseStatus,
  dueWords,
  claimWords,
  windowPeriodLines,
} from './wording.js';
import { citeRecord } from '../sources/citeSource.js';

const LABEL = FINDING_HEAD;

/** A readable timeline per reading, then where the readings diverge. */
export function runText(report: RunReport, provenance: Provenance, notes: LabelNotes = {}): string {
  const zone = report.scenario.timeZone;
  const h = (ms: number) => formatHuman(ms, zone);
  const span = (i: Interval) => (i.end <= i.start ? h(i.start) : `${h(i.start)} - ${h(i.end)}`);
  const name = partyNames(report.scenario.parties);
  const out: string[] = [];
  out.push(`${report.scenario.title} [${report.scenario.id}]`);
  out.push(
    `times in ${zone}; truce ${provenance.version}, rules ${provenance.rulesHash}, scenario ${provenance.scenarioHash}${provenance.events === 'stream' ? ' (its terms; the events came from the stream)' : ''}`,
  );

  for (const run of report.runs) {
    const it = run.interpretation;
    out.push('', `== Reading "${it.id}": ${it.label}${notes[it.id] ? ` (${notes[it.id]})` : ''}`);
    out.push(`   window ${describeWindow(run.window, zone)}; agreement ${it.agreement.status}`);
    // a reading that counts in its own zone: its window's wall clock there too
    const own = readingZone(it, zone);
    if (own !== zone) out.push(`   in the reading's zone (${own}): ${describeWindow(run.window, own)}`);
    // a window that changed: its periods, the gaps between them and a party's declared end, with sources
    for (const l of windowPeriodLines(it, zone, h, name))
      out.push(`   ${l.words}${l.sources.length > 0 ? ` (${l.sources.map(cite).join(', ')})` : ''}`);
    // who accepted what, as the reading's sources say
    if (it.agreement.claims.length > 0)
      out.push(`   claims: ${it.agreement.claims.map((c) => `${claimWords(c, name, h)} (${c.sources.map(cite).join(', ')})`).join('; ')}`);
    out.push(`   held by ${it.heldBy.map((hb) => `${hb.who} (${hb.sources.map(cite).join(', ')})`).join('; ')}`);
    for (const o of it.obligations) {
      out.push(`   ${obligationSentence(o, name)}`);
    }
    out.push('   timeline:');
    for (const line of timeline(report.events, run, span, h, name)) out.push(line);
    out.push('   enforcement:');
    for (const line of enforcement(report, run, h)) out.push(line);
    out.push(`   statechart: ${path(run, h)}`);
    out.push(`   final state: ${run.finalState}`);
    if (!run.converged)
      out.push(
        '   note: who broke first does not settle under this reading (pledges that hang on each other, broken at the same moment); the findings are those of the last round',
      );
  }

  if (report.runs.length > 1) {
    out.push('', '== Where the readings diverge');
    const divs = divergences(report.events, report.runs);
    if (divs.length === 0) out.push('   every event is judged alike under every reading');
    for (const d of divs) {
      out.push(
        `   ${d.eventId}: ${Object.entries(d.verdicts)
          .map(([r, v]) => `${r} ${v}`)
          .join(', ')}`,
      );
    }
    out.push(`   final states: ${report.runs.map((r) => `${r.interpretation.id} ${r.finalState}`).join(', ')}`);
    out.push(
      `   phases reached: ${report.runs.map((r) => `${r.interpretation.id} ${r.phases.map((p) => p.phase).join('+') || 'none'}`).join(', ')}`,
    );
    for (const r of report.runs) {
      const first = r.firstViolations.map((v) => `${name(v.party)} by ${v.eventId} (${span(v.interval)})`).join('; ');
      out.push(`   first violation under ${r.interpretation.id}: ${first || 'none'}`);
    }
  }
  return out.join('\n') + '\n';
}

// the article's number stands for its file in this compact listing: `000:14`
function cite(s: { file: string; line: number }): string {
  return citeRecord(s) ?? fullCite({ file: s.file.slice(0, 3), line: s.line });
}

function timeline(
  events: readonly OrderedEvent[],
  run: ReadingRun,
  span: (i: Interval) => string,
  h: (ms: number) => string,
  name: (id: string) => string,
): string[] {
  const out: string[] = [];
  let context = 0;
  const index = new FindingIndex(run);
  for (const { event, interval } of events) {
    const fs = index.of(event.id);
    const near = interval.end >= run.window.start - 7 * 86_400_000 && interval.start <= run.window.end + 7 * 86_400_000;
    if (fs.length === 0 && !near) {
      context++;
      continue;
    }
    const who = event.target ? `${name(event.actor)} -> ${name(event.target)}` : name(event.actor);
    out.push(
      `     ${span(interval)}  ${event.id}  ${event.kind}, ${who}  [${event.sources
        .map(cite)
        .filter((c, i, a) => a.indexOf(c) === i)
        .join(' ')}]`,
    );
    const alleged = attributionWords(event, name);
    if (alleged) out.push(`        ${alleged}`);
    if (fs.length === 0 && isAttack(event.kind)) out.push(`        no finding: ${whyNot(run, interval)}`);
    for (const f of fs)
      out.push(`        ${LABEL[f.type] ?? f.type} (${f.rule}${f.certainty === 'possible' ? ', possible' : ''}): ${f.explanation}`);
    for (const p of run.phases.filter((p) => p.triggerEventId === event.id)) {
      out.push(`        -> ${p.phase} phase opens ${h(p.enteredAt)}, ${dueWords(p, (ms) => `by ${h(ms)}`, 'no deadline given')}`);
    }
  }
  if (context > 0) out.push(`     (${context} more event(s) months away from this window, none with a finding: see --format json)`);
  return out;
}

function whyNot(run: ReadingRun, i: Interval): string {
  return noFindingWhy(i, run.window);
}

function enforcement(report: RunReport, run: ReadingRun, h: (ms: number) => string): string[] {
  const plan = report.scenario.plan;
  if (plan === undefined) return ['     no enforcement plan'];
  return plan.phases.map((spec) => {
    const p = run.phases.find((x) => x.phase === spec.id);
    if (!p) return `     ${spec.id.padEnd(10)} not reached (trigger: ${spec.trigger})`;
    const due = dueWords(p, h);
    const st = phaseStatus(p);
    const status =
      st === 'met'
        ? `MET by ${p.responseEventId} at ${h(p.respondedAt!)}`
        : st === 'missed'
          ? `MISSED: no response event by the deadline${p.respondedAt !== null ? ` (late response ${p.responseEventId} at ${h(p.respondedAt)})` : ''}`
          : p.respondedAt !== null
            ? `answered by ${p.responseEventId} at ${h(p.respondedAt)}`
            : 'open: no response event';
    return `     ${spec.id.padEnd(10)} entered ${h(p.enteredAt)} on ${p.trigger} (${p.triggerEventId}), ${due}: ${status}`;
  });
}

function path(run: ReadingRun, h: (ms: number) => string): string {
  const steps = run.transitions.filter((t) => t.region === 'lifecycle');
  return steps.map((t, i) => (i === 0 ? t.to : `${t.to} (${h(t.at)})`)).join(' -> ');
}
