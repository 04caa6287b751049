import { COLORS, type Datum, fmt, type TimeFrame } from './timelineFrame.js';

/**
 * How the timeline's marks are drawn, in Vega-Lite: the axes (time along, lanes down), the legends
 * (colour by category, circle area by munitions) and the layers of one stack of lanes.
 */

/** The lane axis: each lane's name in bold, with the lines `laneLabel` gives it. */
export function laneAxis(laneLabel: ReadonlyMap<string, string[]>) {
  return {
    labelExpr: `${JSON.stringify(Object.fromEntries(laneLabel))}[datum.value]`,
    labelFontSize: 12,
    labelFontWeight: 'bold',
    labelLineHeight: 15,
    labelPadding: 8,
    ticks: false,
    domain: false,
  };
}

/** The time axes: `x` with day ticks and the zone in its title, `xTop` the same scale with no labels (the reported lane). */
export function timeAxes(f: TimeFrame) {
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
    title: `${f.zone} wall-clock time (${fmt(f.from, f.zone, 'ZZZZ')}): times are shifted to ${f.zone} and drawn as UTC`,
    axis: axisX,
  };
  const xTop = { ...x, title: null, axis: { ...axisX, labels: false, ticks: false, domain: false } };
  return { x, xTop };
}

/** Colour by category (window, verdicts, escalation, strike, phase), its legend under the picture. */
export function colorLegend() {
  return {
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
}

/** Circle area by drones and missiles (low figure), the scale reaching at least 500. */
export function sizeLegend(largest: number) {
  return {
    field: 'size',
    type: 'quantitative',
    scale: { type: 'sqrt', domain: [0, Math.max(500, largest)], range: [20, 520] },
    legend: {
      title: 'drones and missiles (low figure)',
      titleLimit: 400,
      orient: 'bottom',
      direction: 'horizontal',
      symbolFillColor: COLORS['reported strike'],
      values: [10, 100, 500],
    },
  };
}

export interface LaneEncodings {
  width: number;
  laneAxis: ReturnType<typeof laneAxis>;
  color: ReturnType<typeof colorLegend>;
  size: ReturnType<typeof sizeLegend>;
}

/**
 * One stack of lanes, each lane split into rows: the lane bands under everything, then the bars
 * (windows, findings, escalations, phases), deadline ticks, strike bars and circles, response diamonds,
 * and the labels on top.
 */
export function laneView(enc: LaneEncodings, laneIds: string[], rowIds: string[], rowHeight: number, xEnc: Record<string, unknown>) {
  const { color, size } = enc;
  const y = {
    field: 'lane',
    type: 'nominal',
    sort: laneIds,
    scale: { domain: laneIds, paddingInner: 0.08, paddingOuter: 0 },
    title: null,
  };
  const yAxis = { ...y, axis: enc.laneAxis };
  const yOffset = { field: 'row', type: 'nominal', scale: { domain: rowIds, paddingInner: 0.18, paddingOuter: 0.1 } };
  const only = (kind: Datum['kind']) => ({ filter: `datum.kind === '${kind}'` });
  return {
    width: enc.width,
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
}
