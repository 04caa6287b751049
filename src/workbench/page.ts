/// <reference lib="dom" />
import { DateTime } from 'luxon';
import type { Change } from '../schema/overlay.js';
import type { Event, Place } from '../schema/event.js';
import { EventKind, PlaceKind, PlacePrecision } from '../schema/event.js';
import type { Interpretation } from '../schema/interpretation.js';
import type { Count } from '../schema/common.js';
import type { ScenarioInput, RunReport } from '../run/runScenario.js';
import { FindingIndex } from '../run/divergence.js';
import { formatHuman } from '../time/interval.js';
import { emptyTally, mergeTally, estimate, type Tally } from '../sample/tally.js';
import { sampleText } from '../report/sampleReport.js';
import type { Provenance } from '../provenance.js';
import { diffOf, evaluate, explainOf, newSession, provenanceOfInput, runJsonOf, type Session, type WorkbenchData } from './engine.js';
import {
  addedEvents,
  overlayOf,
  overlayYaml,
  recordAddEvent,
  recordAddReading,
  recordDropAdded,
  recordEventFields,
  recordRemoved,
  recordSet,
  recordShift,
  removedEvents,
  shiftOf,
} from './recorder.js';
import { parseOverlay } from './parseOverlay.js';
import { countFields, enumOptions, eventListOptions, scopeTerms } from './schemaTerms.js';
import type { SampleMessage, SampleRequest } from './sampleWorker.js';
import { STYLE } from './style.js';

/**
 * The workbench page: the analyst's edits become overlay changes (recorder.ts); after each, the scenario
 * with those changes is run again by the engine in the page, and every view is drawn from that run. The
 * edit controls are drawn from the scenario as changed, so what they show is what is run.
 */

interface State {
  data: WorkbenchData;
  changes: Change[];
  meta: { extends: string; id: string; title: string };
  baseReport: RunReport;
  /** the stamps `truce diff` prints: the scenario's, and the scenario's as changed */
  provenance: { base: Provenance; variant: Provenance };
  input: ScenarioInput;
  report: RunReport;
  problems: string[];
  /** what the explanation box shows: an event, and a reading or all */
  explain: { eventId: string; reading?: string } | null;
  lastMs: number;
  /** of lastMs, the engine's part (overlay applied, checked, run) */
  lastRunMs: number;
  /** the latest apply: an earlier one still running draws nothing */
  seq: number;
  worker: Worker | null;
  session: Session;
}

const LOCAL = "yyyy-MM-dd'T'HH:mm";
let st: State;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | number | undefined> = {},
  ...kids: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k === 'testid') el.setAttribute('data-testid', String(v));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const k of kids) if (k !== null && k !== undefined) el.append(k);
  return el;
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const zone = () => st.data.base.scenario.timeZone;
const toLocal = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(zone()).toFormat(LOCAL);
const msToLocal = (ms: number) => DateTime.fromMillis(ms, { zone: zone() }).toFormat(LOCAL);
const fromLocal = (v: string) => {
  const dt = DateTime.fromFormat(v, LOCAL, { zone: zone() });
  return dt.isValid ? dt.toISO({ suppressMilliseconds: true }) : null;
};
const human = (ms: number) => formatHuman(ms, zone());

export async function startPage(): Promise<void> {
  const t0 = performance.now();
  const data = JSON.parse(byId('truce-data').textContent ?? '{}') as WorkbenchData;
  const session = newSession();
  const base = await evaluate(data, [], undefined, session);
  if (!base.ok) throw new Error('the embedded scenario does not run');
  const meta = { extends: data.extends, id: `${data.base.scenario.id}-whatif`, title: `What if: ${data.base.scenario.title}` };
  const first = await evaluate(data, [], meta, session);
  if (!first.ok) throw new Error('the embedded scenario does not run');
  st = {
    data,
    changes: [],
    meta,
    baseReport: base.report,
    provenance: { base: base.provenance, variant: first.provenance },
    input: first.input,
    report: first.report,
    problems: [],
    explain: null,
    lastMs: 0,
    lastRunMs: 0,
    seq: 0,
    worker: null,
    session,
  };
  const style = h('style');
  style.textContent = STYLE;
  document.head.append(style);
  layout();
  drawControls();
  drawResults();
  const api = {
    ready: true,
    /** ms from the start of navigation to the page drawn and interactive */
    readyAt: performance.now(),
    /** of which the page's own start (engine run and first drawing) */
    readyMs: performance.now() - t0,
    get lastRecomputeMs() {
      return st.lastMs;
    },
    get lastRunMs() {
      return st.lastRunMs;
    },
    changes: () => structuredClone(st.changes),
    overlayYaml: () => overlayYaml(overlayOf(st.meta, st.changes)),
    runJson: () => runJsonOf(st.data, st.input, st.report),
    diffText: () => diffOf(st.data, st.input, st.baseReport, st.report, st.provenance).text,
    /** applies a list of changes as if made in the page (bench: time a recompute) */
    setChanges: (changes: Change[]) => apply(changes),
  };
  (window as unknown as { truceWorkbench: typeof api }).truceWorkbench = api;
  document.body.setAttribute('data-ready', 'true');
}

function layout(): void {
  const app = byId('app');
  app.replaceChildren(
    h(
      'header',
      {},
      h('h1', { text: `What if: ${st.data.base.scenario.title}` }),
      h('p', {
        class: 'sub',
        text: `${st.data.file}. Every change below is run at once by the truce engine in this page and recorded as an overlay (bottom left).`,
      }),
      h('div', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'status', testid: 'status' }),
      h('button', { type: 'button', id: 'reset', testid: 'reset', text: 'Undo all changes' }),
    ),
    h(
      'main',
      { class: 'grid' },
      h('section', { id: 'edit', class: 'edit', 'aria-label': 'What to change' }),
      h('section', { id: 'results', class: 'results', 'aria-label': 'Verdicts' }),
    ),
  );
  byId('reset').addEventListener('click', () => apply([]));
  const results = byId('results');
  results.append(
    h('h2', { text: 'Timeline' }),
    h('p', {
      class: 'hint',
      text: 'Click in the events lane to start a hypothetical event there. Drag a window or an event to move it (or use the dates under Readings and the shift under Events).',
    }),
    h('div', { id: 'timeline', class: 'timeline', testid: 'timeline' }),
    h('h2', { text: 'Final states' }),
    h('div', { id: 'finals', testid: 'final-states' }),
    h('h2', { text: 'Where the readings diverge' }),
    h('p', { class: 'hint', text: 'Each cell: what the event is under that reading. Click a cell for the explanation.' }),
    h('div', { id: 'matrix', class: 'scroll-x', testid: 'matrix' }),
    h('h2', { text: 'Phases of the plan' }),
    h('div', { id: 'phases', class: 'scroll-x', testid: 'phases' }),
    h('h2', { text: 'Findings' }),
    h('div', { id: 'findings', class: 'box findings', testid: 'findings', tabindex: '0' }),
    h('h2', { text: 'Explanation (truce explain)' }),
    h('pre', {
      id: 'explain',
      class: 'box explain',
      testid: 'explain',
      tabindex: '0',
      text: 'Click a finding or a cell of the table above.',
    }),
    h('h2', { text: 'Changes against the scenario (truce diff)' }),
    h('pre', { id: 'diff', class: 'box diff', testid: 'diff', tabindex: '0' }),
    h('h2', { text: 'Monte Carlo (truce sample)' }),
    sampleForm(),
  );
}

/** Records a new change list and redraws everything from the run of it. */
/** What to draw again of the controls: all, none, or the card of one reading, one event, or the plan. */
type Redraw = 'all' | 'none' | 'plan' | { reading: string } | { event: string };

async function apply(changes: Change[], redraw: Redraw = 'all'): Promise<void> {
  const t0 = performance.now();
  const seq = ++st.seq;
  st.changes = changes;
  let e: Awaited<ReturnType<typeof evaluate>>;
  try {
    e = await evaluate(st.data, changes, st.meta, st.session);
  } catch (err) {
    // a fault of the engine, not of the change: say so rather than leave the page half drawn
    e = {
      ok: false,
      problems: [{ code: 'E_SCHEMA', file: 'overlay', path: [], message: `internal error, please report it: ${String(err)}` }],
    };
  }
  // changes made while this one ran have their own run: only the latest is drawn
  if (seq !== st.seq) return;
  if (e.ok) {
    st.input = e.input;
    st.report = e.report;
    st.provenance = { base: st.provenance.base, variant: e.provenance };
    st.problems = [];
  } else {
    st.problems = e.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
  }
  st.lastRunMs = performance.now() - t0;
  stopSample('the scenario changed: run the sample again');
  // a change that does not run leaves the controls as the analyst set them, to be corrected
  if (st.problems.length === 0) redrawControls(redraw);
  else drawOverlay();
  drawResults();
  st.lastMs = performance.now() - t0;
  byId('status').textContent =
    st.problems.length > 0
      ? `Not run: ${st.problems.join('; ')}`
      : `Recomputed in ${st.lastMs.toFixed(0)} ms; ${st.changes.length} change${st.changes.length === 1 ? '' : 's'} from the scenario.`;
  byId('status').classList.toggle('bad', st.problems.length > 0);
}

// ---------------------------------------------------------------- results

function drawResults(): void {
  drawTimeline();
  drawFinals();
  drawMatrix();
  drawPhases();
  drawFindings();
  byId('diff').textContent = diffOf(st.data, st.input, st.baseReport, st.report, st.provenance).text;
  void drawExplain();
}

const VERDICT_LABEL: Record<string, string> = { violation: 'VIOLATION', 'possible-violation': 'possible', none: '-' };

function drawFinals(): void {
  const rows = st.report.runs.map((r) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row', text: r.interpretation.id }),
      h('td', { testid: `final-${r.interpretation.id}`, class: `state state-${r.finalState}`, text: r.finalState }),
      h('td', { class: 'label', text: r.interpretation.label }),
    ),
  );
  byId('finals').replaceChildren(
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { text: 'reading' }), h('th', { text: 'final state' }), h('th', { text: 'label' }))),
      h('tbody', {}, ...rows),
    ),
  );
}

function drawMatrix(): void {
  const runs = st.report.runs;
  const box = byId('matrix');
  // the same events and readings as drawn: only the verdicts change, in place (the usual case, and cheap)
  const shape = JSON.stringify([st.report.events.map((e) => [e.event.id, e.interval.start]), runs.map((r) => r.interpretation.id)]);
  const inPlace = box.dataset.shape === shape;
  box.dataset.shape = shape;
  const indexes = runs.map((r) => new FindingIndex(r));
  const rows = st.report.events.map(({ event, interval }, i) => {
    const verdicts = indexes.map((x) => x.verdict(event.id));
    const diverge = new Set(verdicts).size > 1;
    if (inPlace) {
      const tr = box.querySelectorAll('tbody tr')[i]!;
      tr.className = diverge ? 'diverge' : '';
      tr.querySelectorAll('button').forEach((b, k) => {
        b.className = `cell v-${verdicts[k]}`;
        b.textContent = VERDICT_LABEL[verdicts[k]!] ?? verdicts[k]!;
        b.setAttribute('aria-label', `${event.id} under ${runs[k]!.interpretation.id}: ${verdicts[k]}; explain`);
      });
      return null;
    }
    return h(
      'tr',
      { class: diverge ? 'diverge' : undefined },
      h(
        'th',
        { scope: 'row' },
        h('span', { class: 'eid', text: event.id }),
        h('span', { class: 'when', text: ` ${human(interval.start)}` }),
      ),
      ...runs.map((r, k) => {
        const b = h('button', {
          type: 'button',
          class: `cell v-${verdicts[k]}`,
          testid: `cell-${event.id}-${r.interpretation.id}`,
          'aria-label': `${event.id} under ${r.interpretation.id}: ${verdicts[k]}; explain`,
          text: VERDICT_LABEL[verdicts[k]!] ?? verdicts[k],
        });
        b.addEventListener('click', () => showExplain(event.id, r.interpretation.id));
        return h('td', {}, b);
      }),
    );
  });
  if (inPlace) return;
  const head = h('tr', {}, h('th', { text: 'event' }), ...runs.map((r) => h('th', { text: r.interpretation.id })));
  box.replaceChildren(
    h('table', { class: 'matrix' }, h('thead', {}, head), h('tbody', {}, ...rows.filter((r): r is HTMLTableRowElement => r !== null))),
  );
}

function drawPhases(): void {
  const phases = (st.data.base.scenario.plan?.phases ?? []).map((p) => p.id);
  for (const p of st.input.scenario.plan?.phases ?? []) if (!phases.includes(p.id)) phases.push(p.id);
  const rows = st.report.runs.flatMap((r) =>
    phases.map((ph) => {
      const rec = r.phases.find((p) => p.phase === ph);
      const status = !rec ? 'not reached' : rec.met === true ? 'met' : rec.met === false ? 'missed' : 'open';
      return h(
        'tr',
        {},
        h('th', { scope: 'row', text: r.interpretation.id }),
        h('td', { text: ph }),
        h('td', { testid: `phase-${r.interpretation.id}-${ph}`, class: `ph ph-${status.replace(' ', '-')}`, text: status }),
        h('td', { text: rec ? human(rec.enteredAt) : '' }),
        h('td', { text: rec ? (rec.dueBy === null ? 'no deadline' : human(rec.dueBy)) : '' }),
        h('td', { text: rec?.responseEventId ?? '' }),
      );
    }),
  );
  byId('phases').replaceChildren(
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, ...['reading', 'phase', 'status', 'entered', 'due', 'response'].map((t) => h('th', { text: t })))),
      h('tbody', {}, ...rows),
    ),
  );
}

function drawFindings(): void {
  const items = st.report.runs.flatMap((r) =>
    r.findings.map((f) => {
      const b = h(
        'button',
        { type: 'button', class: `finding v-${f.type}`, testid: `finding-${r.interpretation.id}-${f.eventId}-${f.rule}` },
        h('b', { text: `${r.interpretation.id}: ${f.type}` }),
        ` ${f.rule} ${f.eventId}${f.trigger ? ` (${f.trigger})` : ''}${f.certainty === 'possible' ? ', possible' : ''}. `,
        h('span', { class: 'why', text: f.explanation }),
      );
      b.addEventListener('click', () => showExplain(f.eventId, r.interpretation.id));
      return h('li', {}, b);
    }),
  );
  byId('findings').replaceChildren(items.length > 0 ? h('ul', {}, ...items) : h('p', { text: 'No findings under any reading.' }));
}

function showExplain(eventId: string, reading?: string): void {
  st.explain = reading !== undefined ? { eventId, reading } : { eventId };
  void drawExplain();
  byId('explain').focus({ preventScroll: false });
}

async function drawExplain(): Promise<void> {
  const x = st.explain;
  const box = byId('explain');
  if (!x) return;
  if (
    !st.report.events.some((e) => e.event.id === x.eventId) ||
    (x.reading !== undefined && !st.report.runs.some((r) => r.interpretation.id === x.reading))
  ) {
    box.textContent = `${x.eventId} is not in the scenario as changed.`;
    return;
  }
  const report = st.report;
  const text = await explainOf(st.data, st.input, report, x.eventId, x.reading, st.session);
  // a later change may have come in while json-rules-engine evaluated: show only the latest
  if (report === st.report && x === st.explain) box.textContent = text;
}

// ---------------------------------------------------------------- timeline (SVG)

const SVG = 'http://www.w3.org/2000/svg';
function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...kids: (Node | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const k of kids) el.append(k);
  return el;
}

const W = 1000;
const LEFT = 110;
const LANE = 46;

/**
 * The span drawn: the readings' windows (the base's and the changed ones, so that the axis moves only when
 * a change goes beyond it) and the events near them; events long before or after (context) are left to
 * the table.
 */
function timeRange(): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const rep of [st.baseReport, st.report]) {
    for (const r of rep.runs) {
      lo = Math.min(lo, r.window.start);
      hi = Math.max(hi, r.window.end);
    }
  }
  // events that start near the windows widen the span to their start (a month-long interval does not)
  const near = 3 * 86400_000;
  const [wlo, whi] = [lo, hi];
  for (const rep of [st.baseReport, st.report]) {
    for (const { interval } of rep.events) {
      if (interval.start < wlo - near || interval.start > whi + near) continue;
      lo = Math.min(lo, interval.start);
      hi = Math.max(hi, interval.start);
    }
  }
  const pad = 24 * 3600_000;
  return [lo - pad, hi + pad];
}

function drawTimeline(): void {
  const [t0, t1] = timeRange();
  const x = (t: number) => LEFT + ((t - t0) / (t1 - t0)) * (W - LEFT - 10);
  const runs = st.report.runs;
  const height = 30 + LANE * (runs.length + 1);
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${height}`,
    role: 'img',
    'aria-label': 'Timeline: events on top, one lane per reading with its window, findings and phases',
    class: 'tl',
  });
  // day ticks
  for (let d = DateTime.fromMillis(t0, { zone: zone() }).startOf('day').plus({ days: 1 }); d.toMillis() < t1; d = d.plus({ days: 1 })) {
    const xx = x(d.toMillis());
    svg.append(s('line', { x1: xx, x2: xx, y1: 14, y2: height, class: 'tick' }));
    if (d.day % (t1 - t0 > 20 * 86400_000 ? 3 : 1) === 0)
      svg.append(s('text', { x: xx + 2, y: 11, class: 'ticklabel' }, d.toFormat('d LLL')));
  }
  // events lane: a click there starts a hypothetical event at that time
  const evY = 20;
  const evLane = s('rect', { x: LEFT, y: evY, width: W - LEFT - 10, height: LANE - 8, class: 'lane-bg clickable', testid: 'events-lane' });
  evLane.setAttribute('data-testid', 'events-lane');
  evLane.addEventListener('click', (ev) => {
    const pt = svgPoint(svg, ev);
    const t = t0 + ((pt - LEFT) / (W - LEFT - 10)) * (t1 - t0);
    const when = DateTime.fromMillis(Math.round(t / 3600_000) * 3600_000, { zone: zone() }).toFormat(LOCAL);
    byId<HTMLInputElement>('new-start').value = when;
    byId<HTMLInputElement>('new-end').value = when;
    byId('add-event-box').setAttribute('open', '');
    byId('new-start').focus();
  });
  svg.append(evLane, s('text', { x: 4, y: evY + 22, class: 'lanelabel' }, 'events'));
  // strikes drawn last and taller, over talks and statements, which often span days
  const shown = st.report.events.filter(({ interval }) => interval.end >= t0 && interval.start <= t1);
  for (const { event, interval } of [
    ...shown.filter((e) => e.event.kind !== 'strike'),
    ...shown.filter((e) => e.event.kind === 'strike'),
  ]) {
    const x1 = Math.max(LEFT, x(interval.start));
    const w = Math.max(4, Math.min(W - 10, x(interval.end)) - x1);
    const strike = event.kind === 'strike';
    const r = s(
      'rect',
      {
        x: x1,
        y: evY + (strike ? 4 : 18),
        width: w,
        height: strike ? LANE - 16 : 12,
        class: `ev ev-${event.kind}`,
        'data-testid': `tl-event-${event.id}`,
      },
      s('title', {}, `${event.id} (${event.kind}): ${human(interval.start)} to ${human(interval.end)}; drag to shift it`),
    );
    dragEvent(svg, r, event, t0, t1);
    svg.append(r);
  }
  runs.forEach((run, k) => {
    const y = evY + LANE * (k + 1);
    const id = run.interpretation.id;
    svg.append(
      s('rect', { x: LEFT, y, width: W - LEFT - 10, height: LANE - 8, class: 'lane-bg' }),
      s('text', { x: 4, y: y + 22, class: 'lanelabel' }, id),
    );
    const win = s(
      'rect',
      {
        x: x(run.window.start),
        y: y + 2,
        width: Math.max(2, x(run.window.end) - x(run.window.start)),
        height: LANE - 12,
        class: 'win',
        'data-testid': `window-${id}`,
      },
      s('title', {}, `${id}: window ${human(run.window.start)} to ${human(run.window.end)}; drag to move`),
    );
    dragWindow(svg, win, run.interpretation, t0, t1);
    svg.append(win);
    for (const p of run.phases) {
      const end = p.respondedAt ?? p.dueBy ?? p.enteredAt;
      svg.append(
        s(
          'line',
          {
            x1: x(p.enteredAt),
            x2: x(end),
            y1: y + LANE - 12,
            y2: y + LANE - 12,
            class: `phase ph-${p.met === true ? 'met' : p.met === false ? 'missed' : 'open'}`,
          },
          s('title', {}, `${p.phase}: ${p.met === true ? 'met' : p.met === false ? 'missed' : 'open'}`),
        ),
      );
    }
    for (const f of run.findings) {
      const ev = st.report.events.find((e) => e.event.id === f.eventId);
      if (!ev || ev.interval.start < t0 || ev.interval.start > t1) continue;
      const cx = x(ev.interval.start);
      svg.append(
        s(
          'circle',
          { cx, cy: y + 14 + (f.type === 'escalation-trigger' ? 12 : 0), r: 6, class: `mark v-${f.type}` },
          s('title', {}, `${f.type} ${f.rule} ${f.eventId}`),
        ),
      );
    }
  });
  byId('timeline').replaceChildren(svg, legend());
}

function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend' },
    h('span', { class: 'key k-win', text: 'window' }),
    h('span', { class: 'key k-violation', text: 'violation' }),
    h('span', { class: 'key k-possible', text: 'possible' }),
    h('span', { class: 'key k-escalation', text: 'escalation' }),
    h('span', { class: 'key k-phase', text: 'phase (to due or response)' }),
  );
}

function svgPoint(svg: SVGSVGElement, ev: MouseEvent): number {
  const r = svg.getBoundingClientRect();
  return ((ev.clientX - r.left) / r.width) * W;
}

/** Dragging an element sideways: on release, `done` gets how many whole hours it was moved. */
function dragHours(svg: SVGSVGElement, el: SVGElement, t0: number, t1: number, done: (hours: number) => void): void {
  let startX: number | null = null;
  el.addEventListener('pointerdown', (ev) => {
    startX = svgPoint(svg, ev);
    el.setPointerCapture(ev.pointerId);
  });
  el.addEventListener('pointermove', (ev) => {
    if (startX !== null) el.setAttribute('transform', `translate(${svgPoint(svg, ev) - startX},0)`);
  });
  el.addEventListener('pointerup', (ev) => {
    if (startX === null) return;
    const dx = svgPoint(svg, ev) - startX;
    startX = null;
    const hours = Math.round(((dx / (W - LEFT - 10)) * (t1 - t0)) / 3600_000);
    if (hours === 0) el.removeAttribute('transform');
    else done(hours);
  });
}

/** Dragging a window moves its start (and a stated end) by whole hours. */
function dragWindow(svg: SVGSVGElement, win: SVGRectElement, reading: Interpretation, t0: number, t1: number): void {
  dragHours(svg, win, t0, t1, (hours) => {
    const w = reading.window;
    const move = (iso: string) => DateTime.fromISO(iso, { setZone: true }).plus({ hours }).toISO({ suppressMilliseconds: true })!;
    const next = { ...w, start: move(w.start), ...(w.end !== undefined ? { end: move(w.end) } : {}) };
    void apply(recordSet(st.changes, `interpretations.${reading.id}.window`, next, baseReading(reading.id)?.window), {
      reading: reading.id,
    });
  });
}

/** Dragging an event shifts it in time by whole hours (a shiftEvent; a hypothetical event moves itself). */
function dragEvent(svg: SVGSVGElement, rect: SVGRectElement, e: Event, t0: number, t1: number): void {
  dragHours(svg, rect, t0, t1, (hours) => {
    const added = addedEvents(st.changes).some((x) => x.id === e.id);
    const changes = added
      ? recordEventFields(st.changes, st.data.base.events, e.id, { when: shiftedWhen(e, hours) })
      : recordShift(st.changes, e.id, shiftOf(st.changes, e.id) + hours * 60);
    void apply(changes, { event: e.id });
  });
}

// ---------------------------------------------------------------- controls

const baseReading = (id: string) => st.data.base.scenario.interpretations.find((i) => i.id === id);

function field(label: string, control: HTMLElement, cls = 'field'): HTMLElement {
  return h('label', { class: cls }, h('span', { text: label }), control);
}

function drawControls(): void {
  const edit = byId('edit');
  edit.replaceChildren(
    h('h2', { text: 'Readings' }),
    h('p', { class: 'hint', text: `Dates and times are in ${zone()}, the scenario's time zone.` }),
    ...st.input.scenario.interpretations.map(readingControls),
    h('h2', { text: 'Events' }),
    ...eventControls(),
    addEventForm(),
    h('h2', { text: 'Plan' }),
    planControls(),
    overlayBox(),
  );
  drawOverlay();
}

/** Sets a scenario path; the base's value there (if any) is what "no change" means. */
function setPath(path: string, value: unknown, baseValue: unknown, redraw: Redraw): void {
  void apply(recordSet(st.changes, path, value, baseValue), redraw);
}

function readingControls(r: Interpretation): HTMLElement {
  const id = r.id;
  const baseR = baseReading(id);
  const w = r.window;
  const endMs = st.report.runs.find((x) => x.interpretation.id === id)?.window.end;
  const start = h('input', { type: 'datetime-local', value: toLocal(w.start), testid: `window-start-${id}`, step: 60 });
  start.addEventListener('change', () => {
    const iso = fromLocal(start.value);
    if (iso) setPath(`interpretations.${id}.window.start`, iso, baseR?.window.start, { reading: id });
  });
  const end = h('input', {
    type: 'datetime-local',
    value: w.end !== undefined ? toLocal(w.end) : endMs !== undefined ? msToLocal(endMs) : '',
    testid: `window-end-${id}`,
    step: 60,
  });
  end.addEventListener('change', () => {
    const iso = fromLocal(end.value);
    if (!iso) return;
    const { duration: _d, ...rest } = w;
    setPath(`interpretations.${id}.window`, { ...rest, end: iso }, baseR?.window, { reading: id });
  });
  const incl = (key: 'startInclusive' | 'endInclusive', label: string) => {
    const c = h('input', { type: 'checkbox', checked: w[key], testid: `${key}-${id}` });
    c.addEventListener('change', () => setPath(`interpretations.${id}.window.${key}`, c.checked, baseR?.window[key], { reading: id }));
    return field(label, c, 'check');
  };
  const status = h(
    'select',
    { testid: `agreement-${id}` },
    ...['agreed', 'claimed', 'disputed'].map((v) => h('option', { value: v, selected: v === r.agreement.status, text: v })),
  );
  status.addEventListener('change', () =>
    setPath(`interpretations.${id}.agreement.status`, status.value, baseR?.agreement.status, { reading: id }),
  );
  const copy = h('button', { type: 'button', testid: `copy-${id}`, text: 'Copy this reading' });
  copy.addEventListener('click', () => {
    const ids = new Set(st.input.scenario.interpretations.map((i) => i.id));
    let n = 2;
    while (ids.has(`${id}-${n}`)) n++;
    void apply(recordAddReading(st.changes, { ...structuredClone(r), id: `${id}-${n}`, label: `${r.label} (copy ${n})` }));
  });
  const remove = !baseR
    ? (() => {
        const b = h('button', { type: 'button', text: 'Remove this copy' });
        b.addEventListener(
          'click',
          () =>
            void apply(
              st.changes.filter(
                (c) =>
                  !('setInterpretation' in c && c.setInterpretation.id === id) &&
                  !('set' in c && c.set.path.startsWith(`interpretations.${id}.`)),
              ),
            ),
        );
        return b;
      })()
    : null;
  return h(
    'details',
    { class: 'card', open: true, testid: `reading-${id}` },
    h('summary', {}, h('b', { text: id }), ` ${r.label}`),
    h(
      'div',
      { class: 'row' },
      field('window start', start),
      field(w.end !== undefined ? 'window end' : `window end (start + ${w.duration})`, end),
    ),
    h(
      'div',
      { class: 'row' },
      incl('startInclusive', 'start inclusive'),
      incl('endInclusive', 'end inclusive'),
      field('agreement', status),
    ),
    ...r.obligations.map((_o, k) => obligationControls(r, k)),
    h('div', { class: 'row' }, copy, remove),
  );
}

function obligationControls(r: Interpretation, k: number): HTMLElement {
  const o = r.obligations[k]!;
  const path = `interpretations.${r.id}.obligations.${k}`;
  const baseO = baseReading(r.id)?.obligations[k];
  const terms = scopeTerms().map((t) => {
    const current = ((o.refrainFrom as unknown as Record<string, string[] | undefined>)[t.key] ?? []) as string[];
    const baseValue = (baseO?.refrainFrom as unknown as Record<string, string[] | undefined> | undefined)?.[t.key];
    if (t.options === null) {
      const input = h('input', { type: 'text', value: current.join(', '), testid: `scope-${r.id}-${k}-${t.key}` });
      input.addEventListener('change', () =>
        setPath(
          `${path}.refrainFrom.${t.key}`,
          input.value
            .split(',')
            .map((x) => x.trim())
            .filter((x) => x.length > 0),
          baseValue,
          { reading: r.id },
        ),
      );
      return field(t.key, input);
    }
    const boxes = t.options.map((opt) => {
      const c = h('input', { type: 'checkbox', checked: current.includes(opt), value: opt, testid: `scope-${r.id}-${k}-${t.key}-${opt}` });
      c.addEventListener('change', () => {
        const next = t.options!.filter((x) => (x === opt ? c.checked : current.includes(x)));
        setPath(`${path}.refrainFrom.${t.key}`, next, baseValue, { reading: r.id });
      });
      return h('label', { class: 'chip' }, c, ` ${opt}`);
    });
    return h('fieldset', { class: 'terms' }, h('legend', { text: t.key }), ...boxes);
  });
  const parties = st.input.scenario.parties.map((p) => p.id).filter((p) => p !== o.party);
  const cond = h(
    'select',
    { testid: `condition-${r.id}-${k}` },
    h('option', { value: '', text: 'unconditional', selected: !o.condition }),
    ...parties.map((p) => h('option', { value: p, selected: o.condition?.counterparty === p, text: `while ${p} complies` })),
  );
  cond.addEventListener('change', () => {
    const { condition: _c, ...rest } = o;
    const next = cond.value === '' ? rest : { ...rest, condition: { while: 'counterparty-complies' as const, counterparty: cond.value } };
    setPath(path, next, baseO, { reading: r.id });
  });
  return h(
    'fieldset',
    { class: 'obligation' },
    h('legend', { text: `${o.party} towards ${o.towards} (${o.basis})` }),
    ...terms,
    field('condition', cond),
  );
}

function eventControls(): HTMLElement[] {
  const removed = new Set(removedEvents(st.changes));
  const added = new Set(addedEvents(st.changes).map((e) => e.id));
  const shown = [...st.data.base.events.filter((e) => removed.has(e.id)), ...st.input.events];
  const events = [...new Map(shown.map((e) => [e.id, e])).values()].sort(
    (a, b) => a.when.start.localeCompare(b.when.start) || a.id.localeCompare(b.id),
  );
  return events.map((e) => eventCard(e, removed, added));
}

function eventCard(e: Event, removed: Set<string>, added: Set<string>): HTMLElement {
  {
    const out = removed.has(e.id);
    const leave = h('input', { type: 'checkbox', checked: out, testid: `leave-out-${e.id}` });
    leave.addEventListener('change', () => void apply(recordRemoved(st.changes, e.id, leave.checked), { event: e.id }));
    const summary = h(
      'summary',
      {},
      h('b', { text: e.id }),
      ` ${e.kind}, ${e.actor}, ${toLocal(e.when.start).replace('T', ' ')}${out ? ' (left out)' : ''}`,
    );
    if (out) return h('details', { class: 'card out', testid: `event-${e.id}` }, summary, field('leave out', leave, 'check'));
    const kids: (HTMLElement | null)[] = [
      h('div', { class: 'row' }, field('leave out', leave, 'check'), added.has(e.id) ? dropAdded(e.id) : null),
    ];
    const shift = h('input', {
      type: 'number',
      step: '0.5',
      value: String(shiftOf(st.changes, e.id) / 60),
      testid: `shift-${e.id}`,
      class: 'num',
    });
    shift.addEventListener('change', () => {
      const hours = Number(shift.value);
      if (Number.isFinite(hours))
        void apply(
          added.has(e.id)
            ? recordEventFields(st.changes, st.data.base.events, e.id, { when: shiftedWhen(e, hours - shiftOf(st.changes, e.id) / 60) })
            : recordShift(st.changes, e.id, Math.round(hours * 60)),
          { event: e.id },
        );
    });
    const actor = h(
      'select',
      { testid: `actor-${e.id}` },
      ...st.input.scenario.parties.map((p) => h('option', { value: p.id, selected: p.id === e.actor, text: p.id })),
    );
    actor.addEventListener(
      'change',
      () => void apply(recordEventFields(st.changes, st.data.base.events, e.id, { actor: actor.value }), { event: e.id }),
    );
    kids.push(h('div', { class: 'row' }, field('shift (hours)', shift), field('attributed to', actor)));
    kids.push(placesControls(e));
    const targets = eventListOptions('targets').map((t) => {
      const c = h('input', { type: 'checkbox', checked: e.targets.includes(t as never), testid: `target-${e.id}-${t}` });
      c.addEventListener('change', () => {
        const next = eventListOptions('targets').filter((x) => (x === t ? c.checked : e.targets.includes(x as never)));
        void apply(recordEventFields(st.changes, st.data.base.events, e.id, { targets: next }), { event: e.id });
      });
      return h('label', { class: 'chip' }, c, ` ${t}`);
    });
    kids.push(h('fieldset', { class: 'terms' }, h('legend', { text: 'targets hit' }), ...targets));
    kids.push(countControls(e));
    return h('details', { class: 'card', testid: `event-${e.id}` }, summary, ...kids);
  }
}

function redrawControls(redraw: Redraw): void {
  // the control in use keeps the focus across the redraw (a keyboard user stays where they were)
  const focused = document.activeElement?.getAttribute('data-testid');
  swapControls(redraw);
  drawOverlay();
  if (focused && document.activeElement === document.body)
    document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
}

function swapControls(redraw: Redraw): void {
  if (redraw === 'all') {
    drawControls();
    return;
  }
  const swap = (testid: string, make: () => HTMLElement | null) => {
    const old = document.querySelector(`[data-testid="${testid}"]`);
    const made = old ? make() : null;
    if (!old || !made) return drawControls();
    if (old.hasAttribute('open')) made.setAttribute('open', '');
    else made.removeAttribute('open');
    old.replaceWith(made);
  };
  if (redraw === 'plan') swap('plan', planControls);
  else if (redraw !== 'none' && 'reading' in redraw) {
    const r = st.input.scenario.interpretations.find((i) => i.id === redraw.reading);
    swap(`reading-${redraw.reading}`, () => (r ? readingControls(r) : null));
  } else if (redraw !== 'none') {
    const removed = new Set(removedEvents(st.changes));
    const e = st.input.events.find((x) => x.id === redraw.event) ?? st.data.base.events.find((x) => x.id === redraw.event);
    swap(`event-${redraw.event}`, () => (e ? eventCard(e, removed, new Set(addedEvents(st.changes).map((x) => x.id))) : null));
  }
}

function shiftedWhen(e: Event, hours: number): Event['when'] {
  const mv = (iso: string) =>
    DateTime.fromISO(iso, { setZone: true })
      .plus({ minutes: Math.round(hours * 60) })
      .toISO({ suppressMilliseconds: true })!;
  return { ...e.when, start: mv(e.when.start), end: mv(e.when.end) };
}

function dropAdded(id: string): HTMLElement {
  const b = h('button', { type: 'button', text: 'Delete this hypothetical event' });
  b.addEventListener('click', () => void apply(recordDropAdded(st.changes, id)));
  return b;
}

function placesControls(e: Event): HTMLElement {
  const chips = e.places.map((p, k) => {
    const b = h('button', {
      type: 'button',
      class: 'chip x',
      testid: `remove-place-${e.id}-${p.name}`,
      'aria-label': `remove ${p.name} from ${e.id}`,
      text: `${p.name} (${p.kind}) ×`,
    });
    b.addEventListener(
      'click',
      () =>
        void apply(recordEventFields(st.changes, st.data.base.events, e.id, { places: e.places.filter((_, j) => j !== k) }), {
          event: e.id,
        }),
    );
    return b;
  });
  const name = h('input', { type: 'text', placeholder: 'place', testid: `new-place-${e.id}`, class: 'short' });
  const kind = h('select', { testid: `new-place-kind-${e.id}` }, ...enumOptions(PlaceKind).map((k) => h('option', { value: k, text: k })));
  const prec = h(
    'select',
    { testid: `new-place-precision-${e.id}` },
    ...enumOptions(PlacePrecision).map((k) => h('option', { value: k, text: k })),
  );
  const add = h('button', { type: 'button', testid: `add-place-${e.id}`, text: 'Add place' });
  add.addEventListener('click', () => {
    if (name.value.trim() === '') return;
    const place = knownPlace(name.value.trim()) ?? {
      name: name.value.trim(),
      kind: kind.value as Place['kind'],
      precision: prec.value as Place['precision'],
    };
    void apply(recordEventFields(st.changes, st.data.base.events, e.id, { places: [...e.places, place] }), { event: e.id });
  });
  const excluded = h('input', { type: 'text', value: e.placesExcluded.join(', '), testid: `excluded-${e.id}` });
  excluded.addEventListener(
    'change',
    () =>
      void apply(
        recordEventFields(st.changes, st.data.base.events, e.id, {
          placesExcluded: excluded.value
            .split(',')
            .map((x) => x.trim())
            .filter((x) => x.length > 0),
        }),
        { event: e.id },
      ),
  );
  return h(
    'fieldset',
    { class: 'terms' },
    h('legend', { text: 'places hit' }),
    ...chips,
    h('div', { class: 'row' }, name, kind, prec, add),
    field('not hit, as the text says (comma-separated)', excluded),
  );
}

/** A place some event already names, reused whole (its region and precision come with it). */
function knownPlace(name: string): Place | undefined {
  for (const e of [...st.input.events, ...st.data.base.events]) {
    const p = e.places.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (p) return structuredClone(p);
  }
  return undefined;
}

function countControls(e: Event): HTMLElement {
  const groups = countFields().map(({ group, keys }) => {
    const current = (e[group] ?? {}) as Record<string, Count | undefined>;
    const rows = keys.map((key) => {
      const c = current[key];
      const inputs = (['low', 'best', 'high'] as const).map((part) => {
        const i = h('input', {
          type: 'number',
          min: '0',
          step: '1',
          class: 'num',
          value: c?.[part] !== undefined ? String(c[part]) : '',
          testid: `count-${e.id}-${group}-${key}-${part}`,
          'aria-label': `${key} ${part}`,
        });
        i.addEventListener('change', () => {
          const next: Record<string, Count | undefined> = { ...current };
          const read = (p: 'low' | 'best' | 'high') => {
            const el = byId<HTMLInputElement>(`count-${e.id}-${group}-${key}-${p}`);
            return el.value === '' ? undefined : Math.max(0, Math.floor(Number(el.value)));
          };
          const low = read('low');
          if (low === undefined) delete next[key];
          else {
            const best = read('best');
            const high = read('high');
            next[key] = { low, ...(best !== undefined ? { best } : {}), ...(high !== undefined ? { high } : {}) };
          }
          const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
          void apply(recordEventFields(st.changes, st.data.base.events, e.id, { [group]: clean }), { event: e.id });
        });
        i.id = `count-${e.id}-${group}-${key}-${part}`;
        return i;
      });
      return h('tr', {}, h('th', { scope: 'row', text: key }), ...inputs.map((i) => h('td', {}, i)));
    });
    return h(
      'table',
      { class: 'counts' },
      h('caption', { text: group }),
      h('thead', {}, h('tr', {}, h('th', {}), h('th', { text: 'low' }), h('th', { text: 'best' }), h('th', { text: 'high' }))),
      h('tbody', {}, ...rows),
    );
  });
  return h('div', { class: 'row' }, ...groups);
}

function addEventForm(): HTMLElement {
  const parties = st.input.scenario.parties.map((p) => p.id);
  const kind = h(
    'select',
    { id: 'new-kind', testid: 'new-kind' },
    ...enumOptions(EventKind).map((k) => h('option', { value: k, text: k, selected: k === 'response' })),
  );
  const actor = h('select', { id: 'new-actor', testid: 'new-actor' }, ...parties.map((p) => h('option', { value: p, text: p })));
  const target = h(
    'select',
    { id: 'new-target', testid: 'new-target' },
    h('option', { value: '', text: '(none)' }),
    ...parties.map((p) => h('option', { value: p, text: p })),
  );
  const phase = h(
    'select',
    { id: 'new-phase', testid: 'new-phase' },
    h('option', { value: '', text: '(none)' }),
    ...(st.input.scenario.plan?.phases ?? []).map((p) => h('option', { value: p.id, text: p.id })),
  );
  const start = h('input', { type: 'datetime-local', id: 'new-start', testid: 'new-start', step: 60 });
  const end = h('input', { type: 'datetime-local', id: 'new-end', testid: 'new-end', step: 60 });
  const places = h('input', { type: 'text', id: 'new-places', testid: 'new-places', placeholder: 'Kyiv, Odesa region' });
  const msg = h('p', { class: 'msg', role: 'alert', id: 'new-msg' });
  const add = h('button', { type: 'button', testid: 'add-event', text: 'Add this hypothetical event' });
  add.addEventListener('click', () => {
    const s0 = fromLocal(start.value);
    const e0 = end.value === '' ? s0 : fromLocal(end.value);
    if (!s0 || !e0) {
      msg.textContent = 'Give the time it starts (and ends, if not at once).';
      return;
    }
    const ids = new Set([...st.input.events, ...st.data.base.events].map((e) => e.id));
    const stem = `hypothetical-${kind.value}-${s0.slice(0, 10)}`;
    let id = stem;
    for (let n = 2; ids.has(id); n++) id = `${stem}-${n}`;
    const phaseSpec = st.input.scenario.plan?.phases.find((p) => p.id === phase.value);
    // a hypothetical event still cites a line: the plan's phase it answers, or an event of the same actor
    const sources =
      phaseSpec?.sources.slice(0, 1) ??
      st.input.events.find((e) => e.actor === actor.value)?.sources.slice(0, 1) ??
      st.input.scenario.plan?.sources.slice(0, 1) ??
      [];
    const event: Event = {
      id,
      kind: kind.value as Event['kind'],
      actor: actor.value,
      ...(target.value !== '' ? { target: target.value } : {}),
      when: { start: s0, end: e0, precision: s0 === e0 ? 'exact' : 'hour', evidence: 'hypothetical, added in the workbench' },
      places: places.value
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0)
        .map((n) => knownPlace(n) ?? { name: n, kind: 'unknown', precision: 'unknown' }),
      placesExcluded: [],
      targets: [],
      ...(phase.value !== '' ? { phase: phase.value as Event['phase'] } : {}),
      sources: sources.map((x) => ({ file: x.file, line: x.line })),
      note: 'A hypothetical event added in the workbench.',
    };
    msg.textContent = '';
    void apply(recordAddEvent(st.changes, event));
  });
  return h(
    'details',
    { class: 'card add', id: 'add-event-box', testid: 'add-event-box' },
    h('summary', {}, h('b', { text: 'Add a hypothetical event' }), ' (or click in the events lane of the timeline)'),
    h('div', { class: 'row' }, field('kind', kind), field('by', actor), field('against', target), field('answers phase', phase)),
    h('div', { class: 'row' }, field('starts', start), field('ends', end)),
    field('places (comma-separated)', places),
    add,
    msg,
  );
}

function planControls(): HTMLElement {
  const plan = st.input.scenario.plan;
  const basePlan = st.data.base.scenario.plan;
  if (plan === undefined || basePlan === undefined)
    return h('div', { class: 'card', testid: 'plan' }, h('p', { class: 'muted', text: 'No enforcement plan.' }));
  const present = new Set(plan.phases.map((p) => p.id));
  const rows = basePlan.phases.map((bp) => {
    const p = plan.phases.find((x) => x.id === bp.id);
    const applies = h('input', { type: 'checkbox', checked: present.has(bp.id), testid: `phase-applies-${bp.id}` });
    applies.addEventListener('change', () => {
      const next = basePlan.phases
        .filter((x) => (x.id === bp.id ? applies.checked : present.has(x.id)))
        .map((x) => plan.phases.find((y) => y.id === x.id) ?? x);
      setPath('plan.phases', next, basePlan.phases, 'plan');
    });
    const deadline = h('input', {
      type: 'text',
      value: p ? (p.deadline ?? '') : '',
      placeholder: 'none',
      disabled: !p,
      testid: `deadline-${bp.id}`,
      class: 'short',
      'aria-label': `${bp.id} deadline (ISO duration, e.g. PT24H; empty: none)`,
    });
    deadline.addEventListener('change', () =>
      setPath(`plan.phases.${bp.id}.deadline`, deadline.value.trim() === '' ? null : deadline.value.trim(), bp.deadline, 'plan'),
    );
    // A deadline may also count from the response to an earlier phase (a monitoring mechanism's ruling).
    const from = (p ?? bp).countedFrom;
    const fromValue = typeof from === 'object' && from !== null ? `responseTo:${from.responseTo}` : from;
    const earlier = basePlan.phases
      .slice(
        0,
        basePlan.phases.findIndex((x) => x.id === bp.id),
      )
      .map((x) => x.id);
    const counted = h(
      'select',
      { disabled: !p, testid: `counted-${bp.id}` },
      ...['trigger', 'first-violation'].map((v) => h('option', { value: v, selected: fromValue === v, text: v })),
      ...earlier.map((id) =>
        h('option', { value: `responseTo:${id}`, selected: fromValue === `responseTo:${id}`, text: `response to ${id}` }),
      ),
    );
    counted.addEventListener('change', () => {
      const v = counted.value;
      const next = v.startsWith('responseTo:') ? { responseTo: v.slice('responseTo:'.length) } : v;
      setPath(`plan.phases.${bp.id}.countedFrom`, next, bp.countedFrom, 'plan');
    });
    return h(
      'tr',
      {},
      h('th', { scope: 'row', text: bp.id }),
      h('td', {}, applies),
      h('td', {}, deadline),
      h('td', {}, counted),
      h('td', { text: bp.trigger }),
    );
  });
  const parties = st.input.scenario.parties.map((p) => {
    const c = h('input', { type: 'checkbox', checked: plan.appliesTo.includes(p.id), testid: `applies-to-${p.id}` });
    c.addEventListener('change', () => {
      const next = st.input.scenario.parties.map((x) => x.id).filter((x) => (x === p.id ? c.checked : plan.appliesTo.includes(x)));
      setPath('plan.appliesTo', next, basePlan.appliesTo, 'plan');
    });
    return h('label', { class: 'chip' }, c, ` ${p.id}`);
  });
  const certainty = h(
    'select',
    { testid: 'trigger-certainty' },
    ...['certain', 'possible'].map((v) => h('option', { value: v, selected: plan.triggerCertainty === v, text: v })),
  );
  certainty.addEventListener('change', () => setPath('plan.triggerCertainty', certainty.value, basePlan.triggerCertainty, 'plan'));
  return h(
    'div',
    { class: 'card', testid: 'plan' },
    h(
      'div',
      { class: 'scroll-x' },
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, ...['phase', 'applies', 'deadline', 'counted from', 'trigger'].map((t) => h('th', { text: t })))),
        h('tbody', {}, ...rows),
      ),
    ),
    h('fieldset', { class: 'terms' }, h('legend', { text: 'violations by these parties set the plan in motion' }), ...parties),
    field('findings that move phases', certainty),
  );
}

// ---------------------------------------------------------------- overlay

function overlayBox(): HTMLElement {
  const meta = (key: 'id' | 'title' | 'extends', label: string) => {
    const i = h('input', { type: 'text', value: st.meta[key], testid: `overlay-${key}` });
    i.addEventListener('change', () => {
      st.meta[key] = i.value.trim() || st.meta[key];
      // the overlay's id and title are the scenario's as run (as truce diff shows them)
      void apply(st.changes, 'none');
    });
    return field(label, i);
  };
  const download = h('button', { type: 'button', testid: 'download', text: 'Download the overlay' });
  download.addEventListener('click', () => {
    const blob = new Blob([overlayYaml(overlayOf(st.meta, st.changes))], { type: 'application/yaml' });
    const a = h('a', { href: URL.createObjectURL(blob), download: `${st.meta.id}.yaml` });
    document.body.append(a);
    a.click();
    a.remove();
  });
  const load = h('input', { type: 'file', accept: '.yaml,.yml,.json', testid: 'load-overlay', 'aria-label': 'Load an overlay file' });
  const msg = h('p', { class: 'msg', role: 'alert', testid: 'load-message' });
  load.addEventListener('change', async () => {
    const f = load.files?.[0];
    if (!f) return;
    const r = parseOverlay(await f.text());
    if (!r.ok) {
      msg.textContent = `${f.name}: ${r.message}`;
      return;
    }
    st.meta = { ...st.meta, id: r.overlay.id, title: r.overlay.title };
    msg.textContent = `${f.name}: ${r.overlay.changes.length} changes loaded (applied to ${st.data.file}).`;
    await apply(r.overlay.changes);
  });
  return h(
    'div',
    { class: 'card overlay' },
    h('h2', { text: 'The overlay (truce.overlay/v1)' }),
    h('p', {
      class: 'hint',
      text: 'Save it beside this page and run: truce diff SCENARIO OVERLAY. "extends" is the scenario, relative to where the overlay is saved.',
    }),
    h('div', { class: 'row' }, meta('id', 'id'), meta('title', 'title'), meta('extends', 'extends')),
    h('pre', { id: 'overlay-yaml', class: 'box yaml', testid: 'overlay-yaml', tabindex: '0' }),
    h('div', { class: 'row' }, download, field('load an overlay', load)),
    msg,
  );
}

function drawOverlay(): void {
  const el = document.getElementById('overlay-yaml');
  if (el) el.textContent = overlayYaml(overlayOf(st.meta, st.changes));
}

// ---------------------------------------------------------------- Monte Carlo

function sampleForm(): HTMLElement {
  const draws = h('input', { type: 'number', min: '1', step: '1', value: '2000', testid: 'sample-draws', class: 'num' });
  const seed = h('input', { type: 'number', step: '1', value: '1', testid: 'sample-seed', class: 'num' });
  const run = h('button', { type: 'button', testid: 'sample-run', text: 'Run the draws' });
  const stop = h('button', { type: 'button', testid: 'sample-stop', text: 'Stop' });
  const progress = h('progress', { max: '1', value: '0', id: 'sample-progress', testid: 'sample-progress', 'aria-label': 'draws done' });
  run.addEventListener('click', () => startSample(Math.max(1, Math.floor(Number(draws.value))), Math.floor(Number(seed.value))));
  stop.addEventListener('click', () => stopSample('stopped'));
  return h(
    'div',
    { class: 'card sample' },
    h('p', {
      class: 'hint',
      text: "Each draw takes every event's time within its interval and each count within its range, as truce sample does; the same seed gives the same result.",
    }),
    h(
      'div',
      { class: 'row' },
      field('draws', draws),
      field('seed', seed),
      run,
      stop,
      progress,
      h('span', { id: 'sample-status', testid: 'sample-status', class: 'status' }),
    ),
    h('div', { id: 'sample-bars', class: 'scroll-x', testid: 'sample-bars' }),
    h('pre', { id: 'sample-text', class: 'box sampletext', testid: 'sample-text', tabindex: '0' }),
  );
}

function stopSample(why: string): void {
  if (st.worker) {
    st.worker.terminate();
    st.worker = null;
    const el = document.getElementById('sample-status');
    if (el) el.textContent = why;
  }
}

function startSample(draws: number, seed: number): void {
  stopSample('');
  const input = st.input;
  const tally: Tally = emptyTally();
  const status = byId('sample-status');
  const progress = byId<HTMLProgressElement>('sample-progress');
  const code = byId('truce-engine').textContent ?? '';
  const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  st.worker = worker;
  const t0 = performance.now();
  status.textContent = `0 of ${draws}`;
  worker.onmessage = async (ev: MessageEvent<SampleMessage>) => {
    const m = ev.data;
    if (m.kind === 'error') {
      status.textContent = `failed: ${m.message}`;
      stopSample(`failed: ${m.message}`);
      return;
    }
    mergeTally(tally, m.tally);
    progress.value = m.done / draws;
    status.textContent = `${m.done} of ${draws} draws`;
    drawSampleBars(tally);
    if (m.done >= draws) {
      worker.terminate();
      if (st.worker === worker) st.worker = null;
      status.textContent = `${draws} draws in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
      byId('sample-text').textContent = sampleText({
        scenario: { id: input.scenario.id, title: input.scenario.title },
        draws,
        seed,
        tally,
        provenance: await provenanceOfInput(input),
        readingOrder: input.scenario.interpretations.map((i) => i.id),
      });
    }
  };
  const req: SampleRequest = {
    input: { scenario: input.scenario, events: input.events, rules: input.rules, conditions: input.conditions },
    seed,
    draws,
    chunk: Math.max(50, Math.min(500, Math.ceil(draws / 20))),
  };
  worker.postMessage(req);
}

/** Per reading, how often each final state came out so far (fixed rows: nothing jumps as draws come in). */
function drawSampleBars(t: Tally): void {
  const states = ['claimed', 'agreed', 'inForce', 'breached', 'collapsed', 'expired'];
  const rows = Object.entries(t.readings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, r]) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: id }),
        ...states.map((s0) => {
          const e = estimate(r.finalStates[s0] ?? 0, t.draws);
          return h('td', { testid: `sample-${id}-${s0}`, style: `--p:${e.p}`, class: 'bar', text: `${(e.p * 100).toFixed(1)}%` });
        }),
      ),
    );
  byId('sample-bars').replaceChildren(
    h(
      'table',
      { class: 'bars' },
      h('thead', {}, h('tr', {}, h('th', { text: 'final state' }), ...states.map((s0) => h('th', { text: s0 })))),
      h('tbody', {}, ...rows),
    ),
  );
}
