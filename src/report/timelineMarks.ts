import { DateTime } from 'luxon';
import { FindingIndex } from '../run/divergence.js';
import type { ReadingRun, RunReport } from '../run/runScenario.js';
import type { Event } from '../schema/event.js';
import { isAttack } from '../schema/eventKinds.js';
import { munitionsLow } from './mermaid.js';
import { COLORS, type Category, DAY, type Datum, fmt, STATUS_COLOR, type TimeFrame } from './timelineFrame.js';
import {
  durationWords,
  FINDING_WORD,
  noFindingWhy,
  obligationSentence,
  offsetWords,
  partyNames,
  phaseStatus,
  triggerWords,
} from './wording.js';

/**
 * The marks of the timeline picture, as data: the lane bands, the reported strikes with their labels,
 * and per reading its window band, its finding marks and its phase deadlines. Each part returns the
 * Datum rows it draws, in drawing order.
 */

/** The lane of the strikes as the sources report them, above the readings' lanes. */
export const REPORTED = 'reported';

type TimelineEvent = RunReport['events'][number];

const VERDICT_CATEGORY: Record<string, Category> = {
  violation: 'violation',
  'possible-violation': 'possible violation',
  none: 'no finding',
};

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

/** When the data wrote the window in another offset (Moscow time), the bounds as written. */
function asWrittenNote(spec: { start: string; end?: string | undefined }, zone: string): string {
  const a = DateTime.fromISO(spec.start, { setZone: true });
  const ref = DateTime.fromMillis(a.toMillis(), { zone });
  if (a.offset === ref.offset) return '';
  const b = spec.end !== undefined ? DateTime.fromISO(spec.end, { setZone: true }) : undefined;
  return ` = ${a.toFormat('d LLL HH:mm')}${b ? ` to ${b.toFormat('d LLL HH:mm')}` : ''} ${offsetWords(a.offset)} as written`;
}

/** The background band of each lane across the whole time axis, alternately shaded. */
export function laneBands(f: TimeFrame, lanes: readonly string[]): Datum[] {
  return lanes.map((lane, i) => ({
    kind: 'lane',
    lane,
    row: 'r-top',
    start: f.w(f.domainStart),
    end: f.w(f.domainEnd),
    fill: lane === REPORTED ? '#fff6e0' : i % 2 === 0 ? '#f7f9fc' : '#ffffff',
    description: `lane:${lane}`,
  }));
}

/**
 * The reported lane: each strike (and response) takes a pair of rows, its counts and its places beside
 * it on the side with room; pairs are packed first-fit so that no two labels overlap. Returns the marks
 * and the lane's rows.
 */
export function strikeMarks(f: TimeFrame, reported: readonly TimelineEvent[]): { data: Datum[]; rows: string[] } {
  const { zone, domainStart, domainEnd, msPerPx, w } = f;
  const data: Datum[] = [];
  const pairEnds: number[] = [];
  const place = (x0: number, x1: number): number => {
    let p = pairEnds.findIndex((e) => e + 6 * msPerPx < x0);
    if (p < 0) p = pairEnds.push(x1) - 1;
    else pairEnds[p] = x1;
    return p;
  };
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
  return { data, rows: Array.from({ length: Math.max(2, pairEnds.length * 2) }, (_, i) => `s${i}`) };
}

/** A reading's window as a bar on its lane's top row, its bounds (and as written, if in another offset) beside it. */
export function windowBand(f: TimeFrame, run: ReadingRun): Datum[] {
  const { zone, w } = f;
  const lane = run.interpretation.id;
  const win = run.window;
  const bracket = `${win.startInclusive ? '[' : '('}${fmt(win.start, zone, 'ccc d LLL HH:mm')} to ${fmt(win.end, zone, 'ccc d LLL HH:mm')}${win.endInclusive ? ']' : ')'}`;
  const written = asWrittenNote(run.interpretation.window, zone);
  return [
    { kind: 'window', lane, row: 'r-top', start: w(win.start), end: w(win.end), category: 'window' },
    { kind: 'label', lane, row: 'r-top', start: w(win.start), text: `window ${bracket}${written}` },
  ];
}

/**
 * What a reading found about each strike: a bar coloured by verdict, its rules (or why none applies) in
 * a label, and any escalation trigger on its own row; the terms the plan enforces head the labels.
 * Returns the marks and how many label rows they took.
 */
export function findingMarks(
  f: TimeFrame,
  report: RunReport,
  run: ReadingRun,
  strikes: readonly TimelineEvent[],
): { data: Datum[]; labelRows: number } {
  const { domainStart, domainEnd, msPerPx, w } = f;
  const lane = run.interpretation.id;
  const data: Datum[] = [];
  const partyName = partyNames(report.scenario.parties);
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
          .filter((x) => x.type !== 'escalation-trigger')
          .map((x) => x.rule),
      ),
    ];
    const why = rules.length > 0 ? rules.join(', ') : noFindingWhy(interval, run.window);
    label(
      interval.start,
      end,
      `${FINDING_WORD[verdict]}: ${why}`,
      verdict === 'violation' ? COLORS.violation : '#333',
      verdict === 'violation',
    );
    const esc = index.of(event.id).filter((x) => x.type === 'escalation-trigger');
    if (esc.length > 0) {
      data.push({ kind: 'escalation', lane, row: 'escalations', start: w(interval.start), end: w(end), category: 'escalation trigger' });
      label(interval.start, end, `escalation: ${esc.map((x) => triggerWords(x.trigger)).join(', ')}`, COLORS['escalation trigger']);
    }
  }
  return { data, labelRows: labels.count };
}

/**
 * Each enforcement phase a reading opened, on its own row: a bar from entry to due time, its deadline
 * before it, the outcome after it, a tick at the deadline and a diamond at the response.
 */
export function phaseDeadlines(f: TimeFrame, report: RunReport, run: ReadingRun): Datum[] {
  const { zone, domainEnd, msPerPx, w } = f;
  const lane = run.interpretation.id;
  const data: Datum[] = [];
  for (const p of run.phases) {
    const status = phaseStatus(p);
    // a phase without a deadline runs to its response, or to the edge of the picture
    const end = p.dueBy ?? p.respondedAt ?? domainEnd;
    const spec = (report.scenario.plan?.phases ?? []).find((s) => s.id === p.phase);
    const within = spec?.deadline ? ` within ${durationWords(spec.deadline)}` : '';
    data.push({ kind: 'phase', lane, row: `phase-${p.phase}`, start: w(p.enteredAt), end: w(end), category: 'phase: entry to due time' });
    const due = p.dueBy !== null ? `due ${fmt(p.dueBy, zone, 'ccc d LLL HH:mm')}` : 'no deadline';
    data.push({ kind: 'label-right', lane, row: `phase-${p.phase}`, start: w(p.enteredAt), text: `${p.phase} phase${within}: ${due}` });
    // the outcome after the bar, or inside its end when the edge is near
    const outside = (domainEnd - end) / msPerPx - 8 >= status.length * 7.2;
    data.push({
      kind: outside ? 'label' : 'label-right',
      lane,
      row: `phase-${p.phase}`,
      start: w(end),
      text: status,
      fill: STATUS_COLOR[status],
      weight: 'bold',
    });
    if (p.dueBy !== null) data.push({ kind: 'due', lane, row: `phase-${p.phase}`, start: w(p.dueBy), stroke: STATUS_COLOR[status] });
    if (p.respondedAt !== null)
      data.push({ kind: 'response', lane, row: `phase-${p.phase}`, start: w(p.respondedAt), stroke: STATUS_COLOR.met });
  }
  return data;
}
