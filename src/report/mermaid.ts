import { isAttack } from '../schema/eventKinds.js';
import { DateTime } from 'luxon';
import type { RunReport, ReadingRun } from '../run/runScenario.js';
import type { Event } from '../schema/event.js';
import { FindingIndex } from '../run/divergence.js';
import { edgeLabel, type GraphEdge, type MachineGraph } from '../machine/graph.js';
import { phaseStatus } from './wording.js';

/**
 * Text diagram sources: Mermaid (rendered by GitHub in ```mermaid blocks) and Graphviz DOT.
 *
 * Mermaid's grammars are strict about a few characters, so every label goes through a sanitiser:
 * gantt task text stops at `:` `#` `;` (and `%` can open a comment), a state-diagram label stops at `:`
 * or `;` and `#` opens a comment, ids take no `-`, spaces or `:`; a line that starts with a keyword
 * (`section`, `title`, `click`, a date...) would be read as that keyword.
 */

/** A Mermaid id: letters, digits and `_` only, starting with a letter. */
export function mermaidId(s: string): string {
  const id = s.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(id) ? id : `x${id}`;
}

const GANTT_KEYWORDS =
  /^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|section|click|href|call|accdescr|acctitle|accdescription|vert)\b/i;

/** Label text safe in a Mermaid gantt task, section or state-diagram label. */
export function mermaidText(s: string): string {
  let t = s
    .replace(/[\r\n]+/g, ' ')
    .replace(/(\d):(\d)/g, '$1.$2') // times: 18:00 -> 18.00
    .replace(/[:;#%{}"`]/g, ' ')
    .replace(/-->/g, '->')
    .replace(/\bdirection\b/gi, 'dir.')
    .replace(/\s+/g, ' ')
    .trim();
  if (t === '') t = '-';
  if (GANTT_KEYWORDS.test(t) || /^\d{4}-\d{2}-\d{2}/.test(t)) t = `- ${t}`;
  return t;
}

/** Wall-clock time in the zone, for gantt data: `2026-02-03 18:00` (the dateFormat below). */
function ganttTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** A short human time for labels, without colons: `Tue 3 Feb 18.00`. */
export function labelTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL HH.mm');
}

function zoneNote(zone: string, ms: number): string {
  return `${zone}, ${DateTime.fromMillis(ms, { zone }).toFormat('ZZZZ')}`;
}

/** The events a timeline shows: strikes and responses that any reading's window, finding or phase comes near. */
export function timelineEvents(report: RunReport): RunReport['events'] {
  const [from, to] = timelineRange(report);
  const indexes = report.runs.map((r) => new FindingIndex(r));
  return report.events.filter(
    ({ event, interval }) =>
      (isAttack(event.kind) || event.kind === 'response') &&
      ((interval.end >= from && interval.start <= to) || indexes.some((x) => x.of(event.id).length > 0)),
  );
}

/** The span a timeline covers: the windows, the findings' events, the phases to their due times. */
export function timelineRange(report: RunReport): [number, number] {
  const times: number[] = [];
  const byId = new Map(report.events.map((e) => [e.event.id, e.interval]));
  for (const run of report.runs) {
    times.push(run.window.start, run.window.end);
    for (const f of run.findings) {
      const i = byId.get(f.eventId);
      if (i) times.push(i.start, i.end);
    }
    for (const p of run.phases) {
      times.push(p.enteredAt);
      if (p.dueBy !== null) times.push(p.dueBy);
      if (p.respondedAt !== null) times.push(p.respondedAt);
    }
  }
  // a loop, not Math.min(...times): spreading 100k arguments overflows the stack
  let min = Infinity;
  let max = -Infinity;
  for (const t of times) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return [min, max];
}

export function munitionsLow(e: Event): number {
  const m = e.munitions ?? {};
  return (m.drones?.low ?? 0) + (m.missiles?.low ?? m.ballisticMissiles?.low ?? 0);
}

const VERDICT_WORD: Record<string, string> = { violation: 'VIOLATION', 'possible-violation': 'possible violation', none: 'no finding' };

/**
 * The timeline as a Mermaid gantt chart: the reported strikes, then per reading its window, what it found
 * about each strike, and each phase from its entry to its due time. Times are wall-clock times in the
 * scenario's zone, given without offset, so the chart reads the same in any viewer's zone.
 */
export function ganttChart(report: RunReport, title: string): string {
  const zone = report.scenario.timeZone;
  const g = (ms: number) => ganttTime(ms, zone);
  const events = timelineEvents(report);
  const [from] = timelineRange(report);
  const lines = [
    'gantt',
    `    title ${mermaidText(`${title} (times ${zoneNote(zone, from)})`)}`,
    '    dateFormat YYYY-MM-DD HH:mm',
    '    axisFormat %d %b',
    '    todayMarker off',
    '    section Reported',
  ];
  const span = (start: number, end: number) => `${g(start)}, ${g(Math.max(end, start + 60_000))}`;
  for (const { event, interval } of events) {
    const n = munitionsLow(event);
    const what = isAttack(event.kind)
      ? `${event.id}${n > 0 ? ` ${n}+ drones and missiles` : ''}`
      : `${event.id} (${event.phase ?? 'response'})`;
    lines.push(`    ${mermaidText(what)} : ${mermaidId(`ev_${event.id}`)}, ${span(interval.start, interval.end)}`);
  }
  for (const run of report.runs) {
    const id = run.interpretation.id;
    lines.push(`    section ${mermaidText(`${id} (final ${run.finalState})`)}`);
    const w = run.window;
    const bounds = `${w.startInclusive ? '[' : '('}${labelTime(w.start, zone)}, ${labelTime(w.end, zone)}${w.endInclusive ? ']' : ')'}`;
    lines.push(`    ${mermaidText(`window ${bounds}`)} : done, ${mermaidId(`w_${id}`)}, ${span(w.start, w.end)}`);
    const index = new FindingIndex(run);
    for (const { event, interval } of events) {
      if (!isAttack(event.kind)) continue;
      const verdict = index.verdict(event.id);
      const esc = index
        .of(event.id)
        .filter((f) => f.type === 'escalation-trigger')
        .map((f) => f.trigger ?? 'escalation');
      const tag = verdict === 'violation' ? 'crit, ' : verdict === 'possible-violation' ? 'active, ' : '';
      const label = `${VERDICT_WORD[verdict]}${esc.length > 0 ? ` + ${esc.join(' + ')}` : ''} ${event.id}`;
      lines.push(`    ${mermaidText(label)} : ${tag}${mermaidId(`f_${id}_${event.id}`)}, ${span(interval.start, interval.end)}`);
    }
    for (const p of run.phases) {
      const status = phaseStatus(p);
      const end = p.dueBy ?? p.respondedAt ?? Math.max(p.enteredAt, timelineRange(report)[1]);
      const due = p.dueBy !== null ? `due ${labelTime(p.dueBy, zone)}` : 'no deadline';
      lines.push(
        `    ${mermaidText(`${p.phase} phase ${due}, ${status}`)} : ${p.met === false ? 'crit, ' : ''}${mermaidId(`p_${id}_${p.phase}`)}, ${span(p.enteredAt, end)}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * The path one reading took through the statechart: the lifecycle, and each phase region that moved, with
 * the time and cause of every step.
 */
export function readingStateDiagram(run: ReadingRun, zone: string): string {
  const lines = ['stateDiagram-v2', '    direction LR'];
  const regions = [...new Set(run.transitions.map((t) => t.region))];
  for (const region of regions) {
    const steps = run.transitions.filter((t) => t.region === region);
    const sid = (s: string) => mermaidId(`${region}_${s}`);
    const states = [...new Set(steps.flatMap((t) => [t.from, t.to]))];
    const inner = region === 'lifecycle' ? '    ' : '        ';
    if (region !== 'lifecycle') lines.push(`    state ${mermaidId(`${region}_phase`)} {`);
    for (const s of states) lines.push(`${inner}state "${mermaidText(s)}" as ${sid(s)}`);
    if (steps[0]) lines.push(`${inner}[*] --> ${sid(steps[0].from)}`);
    for (const t of steps) lines.push(`${inner}${sid(t.from)} --> ${sid(t.to)} : ${mermaidText(`${labelTime(t.at, zone)} ${t.cause}`)}`);
    if (region !== 'lifecycle') lines.push('    }');
  }
  return lines.join('\n') + '\n';
}

/** Edge labels for people (`words`: what takes the transition) or for developers (`code`: event [guard] / actions). */
export type EdgeNames = 'words' | 'code';

const edgeText = (e: GraphEdge, names: EdgeNames) => (names === 'code' ? edgeLabel(e) + (e.targetless ? ' (stays)' : '') : e.words);

/**
 * The machine definition as a Mermaid state diagram: parallel regions, every state and every transition.
 * State ids carry a `st_` prefix: Mermaid names a region's `[*]` start marker `<region>_start`, which
 * would otherwise be the id of the lifecycle's own `start` state and draw a loop on it.
 */
export function machineMermaid(graph: MachineGraph, names: EdgeNames = 'words'): string {
  const lines = [
    'stateDiagram-v2',
    "    %% one region for the truce's lifecycle and one per enforcement phase, all running in parallel;",
    '    %% [*] marks where each region starts',
    `    state ${mermaidId(graph.id)} {`,
  ];
  graph.regions.forEach((region, i) => {
    if (i > 0) lines.push('        --');
    const sid = (s: string) => mermaidId(`st_${region.id}_${s}`);
    lines.push(`        state ${mermaidId(region.id)} {`);
    for (const s of region.states) lines.push(`            state "${mermaidText(s.key)}" as ${sid(s.key)}`);
    lines.push(`            [*] --> ${sid(region.initial)}`);
    for (const e of graph.edges.filter((x) => x.region === region.id)) {
      lines.push(`            ${sid(e.from)} --> ${sid(e.to)} : ${mermaidText(edgeText(e, names))}`);
    }
    lines.push('        }');
  });
  lines.push('    }');
  return lines.join('\n') + '\n';
}

function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The machine definition in Graphviz DOT: one cluster per parallel region. */
export function machineDot(graph: MachineGraph, names: EdgeNames = 'words'): string {
  const lines = [
    `digraph ${dotString(graph.id)} {`,
    '  rankdir=LR;',
    '  compound=true;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const region of graph.regions) {
    lines.push(`  subgraph ${dotString(`cluster_${region.id}`)} {`, `    label=${dotString(region.id)};`);
    lines.push(`    ${dotString(`${region.id}.__initial`)} [shape=point, label=""];`);
    for (const s of region.states) lines.push(`    ${dotString(s.id)} [label=${dotString(s.key)}${s.terminal ? ', peripheries=2' : ''}];`);
    lines.push(`    ${dotString(`${region.id}.__initial`)} -> ${dotString(`${region.id}.${region.initial}`)};`);
    for (const e of graph.edges.filter((x) => x.region === region.id)) {
      const style = e.kind === 'after' ? ', style=dashed' : e.kind === 'always' ? ', style=dotted' : '';
      lines.push(
        `    ${dotString(`${e.region}.${e.from}`)} -> ${dotString(`${e.region}.${e.to}`)} [label=${dotString(edgeText(e, names))}${style}];`,
      );
    }
    lines.push('  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
