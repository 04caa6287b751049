import { isAttack } from '../schema/event.js';
import { DateTime } from 'luxon';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { RunReport } from '../run/runScenario.js';
import type { Event } from '../schema/event.js';
import { FindingIndex } from '../run/divergence.js';
import { munitionsLow, timelineEvents, timelineRange } from './mermaid.js';
import {
  durationWords,
  escapeXml,
  FINDING_WORD,
  noFindingWhy,
  offsetWords,
  obligationSentence,
  partyNames,
  phaseStatus,
  triggerWords,
} from './wording.js';

/**
 * The timeline picture: a Vega-Lite spec built from a run, rendered to SVG in Node (no browser, no
 * network). One lane for the reported strikes, then one lane per reading: its window as a bar, what it
 * found about each strike (colour by type), the escalation triggers, and each enforcement phase from its
 * entry to its due time.
 *
 * Time zone: Vega draws times in UTC or in the machine's local zone, neither of which is the scenario's.
 * So every instant is pre-shifted to the scenario zone's wall-clock time and declared as UTC (the axis
 * title says so): the picture reads the same on any machine.
 */

const DAY = 86_400_000;
const ROW = 22;

export const COLORS = {
  window: '#cfe0f3',
  violation: '#c62828',
  'possible violation': '#f2a900',
  'escalation trigger': '#7b1fa2',
  'no finding': '#e6e6e6',
  'reported strike': '#37474f',
  'phase: entry to due time': '#ffd8a8',
} as const;
type Category = keyof typeof COLORS;

const VERDICT_CATEGORY: Record<string, Category> = {
  violation: 'violation',
  'possible-violation': 'possible violation',
  none: 'no finding',
};

const STATUS_COLOR = { missed: '#b71c1c', met: '#2e7d32', open: '#616161' } as const;

interface Datum {
  kind: 'lane' | 'window' | 'strike' | 'finding' | 'escalation' | 'phase' | 'due' | 'response' | 'label' | 'label-right';
  lane: string;
  row: string;
  start: number;
  end?: number;
  category?: Category;
  text?: string;
  size?: number;
  fill?: string;
  stroke?: string;
  description?: string;
  weight?: string;
}

/** When the data wrote the window in another offset (Moscow time), the bounds as written. */
function asWrittenNote(spec: { start: string; end?: string | undefined }, zone: string): string {
  const a = DateTime.fromISO(spec.start, { setZone: true });
  const ref = DateTime.fromMillis(a.toMillis(), { zone });
  if (a.offset === ref.offset) return '';
  const b = spec.end !== undefined ? DateTime.fromISO(spec.end, { setZone: true }) : undefined;
  return ` = ${a.toFormat('d LLL HH:mm')}${b ? ` to ${b.toFormat('d LLL HH:mm')}` : ''} ${offsetWords(a.offset)} as written`;
}

/** About how wide a label of 11 px type is drawn, in px (generous, so that a label never runs into the next). */
function textWidth(text: string, bold = false): number {
  return text.length * (bold ? 7 : 6.4) + 6;
}

/**
 * Label rows, packed first-fit: a label takes the first row where it overlaps no other, so every label
 * is drawn whole (never cut short) and none runs into another. Spans are in ms.
 */
class LabelRows {
  private rows: [number, number][][] = [];
  place(a: number, b: number): number {
    let i = this.rows.findIndex((row) => row.every(([x, y]) => b <= x || a >= y));
    if (i < 0) i = this.rows.push([]) - 1;
    this.rows[i]!.push([a, b]);
    return i;
  }
  get count(): number {
    return this.rows.length;
  }
}

const whyNone = noFindingWhy;

/** Shifts an instant to the wall-clock time of `zone`, as if that were UTC. */
export function wallClock(ms: number, zone: string): number {
  return ms + DateTime.fromMillis(ms, { zone }).offset * 60_000;
}

function fmt(ms: number, zone: string, f: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat(f);
}

/** `night 29-30 Jan`, `Sun 1 Feb`, `2 Feb 18:00 - 3 Feb 12:00`. */
export function spanLabel(start: number, end: number, zone: string): string {
  const a = DateTime.fromMillis(start, { zone });
  const b = DateTime.fromMillis(end, { zone });
  const wholeDay = a.hour === 0 && a.minute === 0 && end - start === DAY;
  if (wholeDay) return a.toFormat('ccc d LLL');
  if (end - start <= DAY && a.hour >= 12 && b.hour <= 12 && b.startOf('day').diff(a.startOf('day'), 'days').days === 1) {
    return `night ${a.toFormat('d')}-${b.toFormat('d LLL')}`;
  }
  return `${a.toFormat('d LLL HH:mm')} - ${b.toFormat('d LLL HH:mm')}`;
}

function placesLabel(e: Event): string {
  const named = e.places.filter((p) => p.precision === 'settlement').map((p) => p.name);
  const regions = e.places.filter((p) => p.precision === 'region');
  const vague = e.places.filter((p) => p.precision !== 'settlement' && p.precision !== 'region').map((p) => p.name);
  const parts = [...named];
  if (regions.length > 0) parts.push(named.length === 0 && regions.length === 1 ? regions[0]!.name : `${regions.length} regions`);
  parts.push(...vague);
  const not = e.placesExcluded.length > 0 ? `, not ${e.placesExcluded[e.placesExcluded.length - 1]}` : '';
  return `${parts.join(' + ') || 'places not stated'}${not}`;
}

function strikeLines(e: Event): [string, string] {
  const n = munitionsLow(e);
  const killed = e.casualties?.killed?.low ?? 0;
  const counts = [n > 0 ? `${n}+ drones/missiles` : '', killed > 0 ? `${killed} killed` : ''].filter(Boolean).join(', ');
  return [counts, placesLabel(e)];
}

export interface TimelineOptions {
  /** drawing width in px before scaling (the SVG scales to its container) */
  width?: number;
  title?: string;
}

/** The Vega-Lite spec of the timeline (data inline; nothing fetched). */
export function timelineSpec(report: RunReport, opts: TimelineOptions = {}): Record<string, unknown> {
  const zone = report.scenario.timeZone;
  // one zone lookup per quarter hour, not per bar: luxon's offset lookup dominated charts of many strikes
  // (offsets change only on quarter hours)
  const offsets = new Map<number, number>();
  const w = (ms: number) => {
    const q = Math.floor(ms / 900_000);
    let wall = offsets.get(q);
    if (wall === undefined) {
      wall = wallClock(q * 900_000, zone) - q * 900_000;
      offsets.set(q, wall);
    }
    return ms + wall;
  };
  const [from, to] = timelineRange(report);
  const domainStart = DateTime.fromMillis(from, { zone }).startOf('day').toMillis();
  const domainEnd = DateTime.fromMillis(to, { zone }).plus({ hours: 12 }).endOf('day').plus({ milliseconds: 1 }).toMillis();
  const events = timelineEvents(report).filter((o) => o.interval.end >= domainStart && o.interval.start <= domainEnd);
  const strikes = events.filter((o) => isAttack(o.event.kind));
  const phaseIds = (report.scenario.plan?.phases ?? [])
    .map((p) => p.id)
    .filter((id) => report.runs.some((r) => r.phases.some((p) => p.phase === id)));
  const hasEscalation = report.runs.some((r) => r.findings.some((f) => f.type === 'escalation-trigger'));
  const rowsAfter = [...(hasEscalation ? ['escalations'] : []), ...phaseIds.map((p) => `phase-${p}`)];
  const REPORTED = 'reported';
  const width = opts.width ?? 960;
  const msPerPx = (domainEnd - domainStart) / width;
  const partyName = partyNames(report.scenario.parties);
  const laneLabel = new Map<string, string[]>([[REPORTED, ['reported', 'strikes']]]);
  const lanes = report.runs.map((r) => r.interpretation.id);
  for (const r of report.runs)
    laneLabel.set(r.interpretation.id, [r.interpretation.id, r.interpretation.agreement.status, `→ ${r.finalState}`]);

  const data: Datum[] = [];
  [REPORTED, ...lanes].forEach((lane, i) => {
    data.push({
      kind: 'lane',
      lane,
      row: 'r-top',
      start: w(domainStart),
      end: w(domainEnd),
      fill: lane === REPORTED ? '#fff6e0' : i % 2 === 0 ? '#f7f9fc' : '#ffffff',
      description: `lane:${lane}`,
    });
  });

  // The reported lane: each strike (and response) takes a pair of rows, its counts and its places beside
  // it on the side with room; pairs are packed first-fit so that no two labels overlap.
  const pairEnds: number[] = [];
  const place = (x0: number, x1: number): number => {
    let p = pairEnds.findIndex((e) => e + 6 * msPerPx < x0);
    if (p < 0) p = pairEnds.push(x1) - 1;
    else pairEnds[p] = x1;
    return p;
  };
  const reported = events.filter((o) => isAttack(o.event.kind) || o.event.kind === 'response');
  for (const { event, interval } of reported) {
    const end = Math.max(interval.end, interval.start + 3_600_000);
    const [counts, places] = isAttack(event.kind) ? strikeLines(event) : ['', ''];
    const head = isAttack(event.kind)
      ? `${spanLabel(interval.start, interval.end, zone)}${counts ? `: ${counts}` : ''}`
      : `${fmt(interval.start, zone, 'ccc d LLL HH:mm')}: response to the ${event.phase ?? ''} phase`;
    const second = isAttack(event.kind) ? places : event.id;
    const need = Math.max(head.length * 7.2, second.length * 6.6) * msPerPx;
    const right = end + need <= domainEnd || end - domainStart < domainEnd - interval.start;
    const p = right ? place(interval.start, end + need) : place(interval.start - need, end);
    const row = `s${2 * p}`;
    const row2 = `s${2 * p + 1}`;
    const at = w(right ? end : interval.start);
    if (isAttack(event.kind)) {
      const mid = interval.start + (interval.end - interval.start) / 2;
      data.push({ kind: 'strike', lane: REPORTED, row, start: w(interval.start), end: w(end), category: 'reported strike' });
      data.push({ kind: 'strike', lane: REPORTED, row, start: w(mid), size: munitionsLow(event), category: 'reported strike' });
    } else {
      data.push({ kind: 'response', lane: REPORTED, row, start: w(interval.start), stroke: STATUS_COLOR.met });
    }
    data.push({
      kind: right ? 'label' : 'label-right',
      lane: REPORTED,
      row,
      start: at,
      text: head,
      weight: 'bold',
      ...(event.kind === 'response' ? { fill: STATUS_COLOR.met } : {}),
    });
    data.push({ kind: right ? 'label' : 'label-right', lane: REPORTED, row: row2, start: at, text: second, fill: '#333' });
  }
  const reportedRows = Array.from({ length: Math.max(2, pairEnds.length * 2) }, (_, i) => `s${i}`);

  let labelRows = 1;
  for (const run of report.runs) {
    const lane = run.interpretation.id;
    const win = run.window;
    const bracket = `${win.startInclusive ? '[' : '('}${fmt(win.start, zone, 'ccc d LLL HH:mm')} to ${fmt(win.end, zone, 'ccc d LLL HH:mm')}${win.endInclusive ? ']' : ')'}`;
    data.push({ kind: 'window', lane, row: 'r-top', start: w(win.start), end: w(win.end), category: 'window' });
    const written = asWrittenNote(run.interpretation.window, zone);
    data.push({ kind: 'label', lane, row: 'r-top', start: w(win.start), text: `window ${bracket}${written}` });
    const spares = run.interpretation.obligations
      .filter((o) => report.scenario.plan?.appliesTo.includes(o.party) ?? false)
      .map((o) => obligationSentence(o, partyName));
    const labels = new LabelRows();
    // a label starts at its strike and runs right; near the right edge it ends at the strike instead
    const label = (start: number, end: number, text: string, fill: string, bold = false) => {
      const span = textWidth(text, bold) * msPerPx;
      const right = start + span > domainEnd;
      const [a, b] = right ? [end - span, end] : [start, start + span];
      const row = `r-l${labels.place(a, b)}`;
      data.push({
        kind: right ? 'label-right' : 'label',
        lane,
        row,
        start: w(right ? end : start),
        text,
        fill,
        weight: bold ? 'bold' : 'normal',
      });
    };
    if (spares.length > 0) label(domainStart, domainStart, spares.join('; '), '#333', true);
    const index = new FindingIndex(run);
    for (const { event, interval } of strikes) {
      const verdict = index.verdict(event.id);
      const category = VERDICT_CATEGORY[verdict]!;
      const end = Math.max(interval.end, interval.start + 3_600_000);
      data.push({
        kind: 'finding',
        lane,
        row: 'r-main',
        start: w(interval.start),
        end: w(end),
        category,
        stroke: verdict === 'none' ? '#9e9e9e' : '#00000000',
      });
      const rules = [
        ...new Set(
          index
            .of(event.id)
            .filter((f) => f.type !== 'escalation-trigger')
            .map((f) => f.rule),
        ),
      ];
      const why = rules.length > 0 ? rules.join(', ') : whyNone(interval, win);
      label(
        interval.start,
        end,
        `${FINDING_WORD[verdict]}: ${why}`,
        verdict === 'violation' ? COLORS.violation : '#333',
        verdict === 'violation',
      );
      const esc = index.of(event.id).filter((f) => f.type === 'escalation-trigger');
      if (esc.length > 0) {
        data.push({ kind: 'escalation', lane, row: 'escalations', start: w(interval.start), end: w(end), category: 'escalation trigger' });
        label(interval.start, end, `escalation: ${esc.map((f) => triggerWords(f.trigger)).join(', ')}`, COLORS['escalation trigger']);
      }
    }
    labelRows = Math.max(labelRows, labels.count);
    for (const p of run.phases) {
      const status = phaseStatus(p);
      // a phase without a deadline runs to its response, or to the edge of the picture
      const end = p.dueBy ?? p.respondedAt ?? domainEnd;
      const spec = (report.scenario.plan?.phases ?? []).find((s) => s.id === p.phase);
      const within = spec?.deadline ? ` within ${durationWords(spec.deadline)}` : '';
      data.push({ kind: 'phase', lane, row: `phase-${p.phase}`, start: w(p.enteredAt), end: w(end), category: 'phase: entry to due time' });
      const due = p.dueBy !== null ? `due ${fmt(p.dueBy, zone, 'ccc d LLL HH:mm')}` : 'no deadline';
      const verdict = status;
      data.push({ kind: 'label-right', lane, row: `phase-${p.phase}`, start: w(p.enteredAt), text: `${p.phase} phase${within}: ${due}` });
      // the outcome after the bar, or inside its end when the edge is near
      const outside = (domainEnd - end) / msPerPx - 8 >= verdict.length * 7.2;
      data.push({
        kind: outside ? 'label' : 'label-right',
        lane,
        row: `phase-${p.phase}`,
        start: w(end),
        text: verdict,
        fill: STATUS_COLOR[status],
        weight: 'bold',
      });
      if (p.dueBy !== null) data.push({ kind: 'due', lane, row: `phase-${p.phase}`, start: w(p.dueBy), stroke: STATUS_COLOR[status] });
      if (p.respondedAt !== null)
        data.push({ kind: 'response', lane, row: `phase-${p.phase}`, start: w(p.respondedAt), stroke: STATUS_COLOR.met });
    }
  }

  const rows = ['r-top', 'r-main', ...Array.from({ length: labelRows }, (_, i) => `r-l${i}`), ...rowsAfter];

  const laneAxis = {
    labelExpr: `${JSON.stringify(Object.fromEntries(laneLabel))}[datum.value]`,
    labelFontSize: 12,
    labelFontWeight: 'bold',
    labelLineHeight: 15,
    labelPadding: 8,
    ticks: false,
    domain: false,
  };
  const axisX = {
    format: '%a %-d %b',
    tickCount: { interval: 'day', step: 1 },
    labelAngle: 0,
    grid: true,
    gridColor: '#d9d9d9',
    gridDash: [2, 3],
    orient: 'bottom',
  };
  const x = {
    field: 'start',
    type: 'temporal',
    scale: { type: 'utc' },
    title: `${zone} wall-clock time (${fmt(from, zone, 'ZZZZ')}): times are shifted to ${zone} and drawn as UTC`,
    axis: axisX,
  };
  const xTop = { ...x, title: null, axis: { ...axisX, labels: false, ticks: false, domain: false } };
  const color = {
    field: 'category',
    type: 'nominal',
    scale: { domain: Object.keys(COLORS), range: Object.values(COLORS) },
    legend: {
      title: null,
      orient: 'bottom',
      direction: 'horizontal',
      columns: 4,
      symbolType: 'square',
      labelFontSize: 12,
      symbolSize: 160,
      labelLimit: 400,
      columnPadding: 14,
      symbolStrokeColor: '#888',
      symbolStrokeWidth: 1,
    },
  };
  const size = {
    field: 'size',
    type: 'quantitative',
    scale: { type: 'sqrt', domain: [0, Math.max(500, ...reported.map((s) => munitionsLow(s.event)))], range: [20, 520] },
    legend: {
      title: 'drones and missiles (low figure)',
      titleLimit: 400,
      orient: 'bottom',
      direction: 'horizontal',
      symbolFillColor: COLORS['reported strike'],
      values: [10, 100, 500],
    },
  };

  const view = (laneIds: string[], rowIds: string[], rowHeight: number, xEnc: Record<string, unknown>) => {
    const y = {
      field: 'lane',
      type: 'nominal',
      sort: laneIds,
      scale: { domain: laneIds, paddingInner: 0.08, paddingOuter: 0 },
      title: null,
    };
    const yAxis = { ...y, axis: laneAxis };
    const yOffset = { field: 'row', type: 'nominal', scale: { domain: rowIds, paddingInner: 0.18, paddingOuter: 0.1 } };
    const only = (kind: Datum['kind']) => ({ filter: `datum.kind === '${kind}'` });
    return {
      width,
      height: laneIds.length * rowIds.length * rowHeight,
      transform: [{ filter: { field: 'lane', oneOf: laneIds } }],
      layer: [
        {
          transform: [only('lane')],
          mark: { type: 'rect', aria: true },
          encoding: {
            y: yAxis,
            x: xEnc,
            x2: { field: 'end' },
            fill: { field: 'fill', type: 'nominal', scale: null },
            description: { field: 'description' },
          },
        },
        ...(['window', 'finding', 'escalation', 'phase'] as const).map((kind) => ({
          transform: [only(kind)],
          mark: {
            type: 'rect',
            cornerRadius: 2,
            ...(kind === 'window'
              ? { stroke: '#5b8cc4', strokeWidth: 1 }
              : kind === 'phase'
                ? { stroke: '#e8590c', strokeWidth: 1 }
                : { strokeWidth: 1 }),
          },
          encoding: {
            y,
            yOffset,
            x: xEnc,
            x2: { field: 'end' },
            fill: color,
            ...(kind === 'finding' ? { stroke: { field: 'stroke', type: 'nominal', scale: null } } : {}),
          },
        })),
        {
          transform: [only('due')],
          mark: { type: 'tick', thickness: 3, bandSize: rowHeight },
          encoding: { y, yOffset, x: xEnc, color: { field: 'stroke', type: 'nominal', scale: null } },
        },
        {
          transform: [only('strike'), { filter: 'datum.end != null' }],
          mark: { type: 'rect', height: 4, opacity: 0.8 },
          encoding: { y, yOffset, x: xEnc, x2: { field: 'end' }, fill: color },
        },
        {
          transform: [only('strike'), { filter: 'datum.end == null' }],
          mark: { type: 'circle', opacity: 0.85, stroke: 'white', strokeWidth: 1 },
          encoding: { y, yOffset, x: xEnc, fill: color, size },
        },
        {
          transform: [only('response')],
          mark: { type: 'point', shape: 'diamond', filled: true, size: 90 },
          encoding: { y, yOffset, x: xEnc, color: { field: 'stroke', type: 'nominal', scale: null } },
        },
        ...(['label', 'label-right'] as const).flatMap((kind) =>
          (['normal', 'bold'] as const).map((weight) => ({
            transform: [only(kind), { filter: weight === 'bold' ? "datum.weight === 'bold'" : "datum.weight !== 'bold'" }],
            mark: {
              type: 'text',
              align: kind === 'label' ? 'left' : 'right',
              baseline: 'middle',
              dx: kind === 'label' ? 4 : -5,
              fontSize: 11,
              fontWeight: weight,
            },
            encoding: {
              y,
              yOffset,
              x: xEnc,
              text: { field: 'text' },
              color: { condition: { test: 'datum.fill == null', value: '#1a1a1a' }, field: 'fill', type: 'nominal', scale: null },
            },
          })),
        ),
      ],
    };
  };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: opts.title ?? report.scenario.title,
      subtitle: [
        `One lane per reading: its window, what it found about each reported strike,`,
        `and the enforcement phases it opened, from entry to due time (a tick marks the deadline).`,
        `Strike bars span every time the sources allow; circle area: drones and missiles (low figure).`,
        `Window bounds: [ ] included, ( ) excluded. All times ${zone} (${fmt(from, zone, 'ZZZZ')}).`,
      ],
      anchor: 'start',
      fontSize: 16,
      subtitleFontSize: 12,
      subtitleColor: '#444',
    },
    background: 'white',
    padding: 8,
    spacing: 0,
    config: {
      aria: false,
      font: 'Helvetica, Arial, sans-serif',
      view: { stroke: '#bdbdbd' },
      axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#333' },
    },
    data: { values: data },
    resolve: { scale: { x: 'shared', color: 'shared', size: 'shared', y: 'independent', yOffset: 'independent' } },
    vconcat: [view([REPORTED], reportedRows, 17, xTop), view(lanes, rows, ROW, x)],
  };
}

/**
 * The timeline as a standalone SVG string: scales to its container (viewBox, width 100%), with
 * data-testid="timeline" on the root and data-testid="lane-<reading>" on each lane's band. Deterministic:
 * the same report gives the same bytes.
 */
export async function timelineSvg(report: RunReport, opts: TimelineOptions = {}): Promise<string> {
  const spec = timelineSpec(report, opts);
  const view = new vega.View(vega.parse(vl.compile(spec as unknown as vl.TopLevelSpec).spec), { renderer: 'none' });
  let svg = await view.toSVG();
  view.finalize();
  const title = `Timeline of ${report.scenario.title}: ${report.runs.map((r) => `${r.interpretation.id} ${r.finalState}`).join(', ')}`;
  svg = svg.replace(/^<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"([^>]*)>/, (_m, a: string, wd: string, ht: string, b: string) => {
    return `<svg${a} width="100%" data-width="${wd}" data-height="${ht}"${b} preserveAspectRatio="xMinYMin meet" role="img" data-testid="timeline"><title>${escapeXml(title)}</title>`;
  });
  svg = svg.replace(
    /aria-label="lane:([a-z0-9-]+)" role="graphics-symbol" aria-roledescription="rect mark"/g,
    'data-testid="lane-$1" data-lane="$1"',
  );
  // vega numbers clip paths and gradients from a counter: make any such ids stable and local to this picture
  let n = 0;
  const ids = new Map<string, string>();
  svg = svg.replace(/ id="([^"]+)"/g, (_m, id: string) => {
    if (!ids.has(id)) ids.set(id, `tl-${++n}`);
    return ` id="${ids.get(id)}"`;
  });
  for (const [from, to] of ids) svg = svg.split(`url(#${from})`).join(`url(#${to})`);
  return svg;
}
