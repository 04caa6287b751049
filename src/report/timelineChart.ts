import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { RunReport } from '../run/runScenario.js';
import { isAttack } from '../schema/eventKinds.js';
import { munitionsLow, timelineEvents } from './mermaid.js';
import { colorLegend, laneAxis, laneView, sizeLegend, timeAxes } from './timelineEncoding.js';
import { fmt, timeFrame } from './timelineFrame.js';
import { findingMarks, laneBands, phaseDeadlines, REPORTED, strikeMarks, windowBand } from './timelineMarks.js';
import { escapeXml } from './wording.js';

export { COLORS, wallClock } from './timelineFrame.js';
export { spanLabel } from './timelineMarks.js';

/**
 * The timeline picture: a Vega-Lite spec built from a run, rendered to SVG in Node (no browser, no
 * network). One lane for the reported strikes, then one lane per reading: its window as a bar, what it
 * found about each strike (colour by type), the escalation triggers, and each enforcement phase from its
 * entry to its due time. Its parts: the time frame (timelineFrame.ts), the marks (timelineMarks.ts),
 * the axes, legends and layers (timelineEncoding.ts).
 */

const ROW = 22;

export interface TimelineOptions {
  /** drawing width in px before scaling (the SVG scales to its container) */
  width?: number;
  title?: string;
}

/** Each lane's name in lines: the reported strikes, then each reading with its agreement and final state. */
function laneLabels(report: RunReport): Map<string, string[]> {
  const laneLabel = new Map<string, string[]>([[REPORTED, ['reported', 'strikes']]]);
  for (const r of report.runs)
    laneLabel.set(r.interpretation.id, [r.interpretation.id, r.interpretation.agreement.status, `→ ${r.finalState}`]);
  return laneLabel;
}

/** The rows of a reading's lane: window, findings, their labels, then escalations and each phase any reading opened. */
function readingRows(report: RunReport, labelRows: number): string[] {
  const phaseIds = (report.scenario.plan?.phases ?? [])
    .map((p) => p.id)
    .filter((id) => report.runs.some((r) => r.phases.some((p) => p.phase === id)));
  const hasEscalation = report.runs.some((r) => r.findings.some((f) => f.type === 'escalation-trigger'));
  const rowsAfter = [...(hasEscalation ? ['escalations'] : []), ...phaseIds.map((p) => `phase-${p}`)];
  return ['r-top', 'r-main', ...Array.from({ length: labelRows }, (_, i) => `r-l${i}`), ...rowsAfter];
}

/** The Vega-Lite spec of the timeline (data inline; nothing fetched). */
export function timelineSpec(report: RunReport, opts: TimelineOptions = {}): Record<string, unknown> {
  const f = timeFrame(report, opts.width ?? 960);
  const { zone, from } = f;
  const events = timelineEvents(report).filter((o) => o.interval.end >= f.domainStart && o.interval.start <= f.domainEnd);
  const strikes = events.filter((o) => isAttack(o.event.kind));
  const reported = events.filter((o) => isAttack(o.event.kind) || o.event.kind === 'response');
  const lanes = report.runs.map((r) => r.interpretation.id);

  const data = laneBands(f, [REPORTED, ...lanes]);
  const reportedLane = strikeMarks(f, reported);
  data.push(...reportedLane.data);
  let labelRows = 1;
  for (const run of report.runs) {
    data.push(...windowBand(f, run));
    const findings = findingMarks(f, report, run, strikes);
    data.push(...findings.data);
    labelRows = Math.max(labelRows, findings.labelRows);
    data.push(...phaseDeadlines(f, report, run));
  }

  const { x, xTop } = timeAxes(f);
  const enc = {
    width: f.width,
    laneAxis: laneAxis(laneLabels(report)),
    color: colorLegend(),
    size: sizeLegend(Math.max(...reported.map((s) => munitionsLow(s.event)))),
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
    vconcat: [laneView(enc, [REPORTED], reportedLane.rows, 17, xTop), laneView(enc, lanes, readingRows(report, labelRows), ROW, x)],
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
