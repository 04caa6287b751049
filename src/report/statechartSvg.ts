import { type EdgeLabel, Graph, type GraphLabel, layout, type NodeLabel } from '@dagrejs/dagre';
import { edgeLabel, type GraphEdge, type GraphRegion, type MachineGraph } from '../machine/graph.js';
import type { ReadingRun } from '../run/runScenario.js';
import { esc, READING_COLORS } from './page.js';

/**
 * The statechart as inline SVG for the HTML reports: one panel per parallel region, each laid out left
 * to right by dagre (ranks, crossing reduction, edge routes and room for every label); only the
 * self-loops are drawn by hand, in the space dagre keeps for their labels. Every coordinate is rounded,
 * so the same graph gives the same bytes.
 */

// short edge labels for the drawing; the table under it says each in full
const SHORT_EVENT: Record<string, string> = {
  WINDOW_OPEN: 'window opens',
  WINDOW_CLOSE: 'window closes',
  TRIGGER: 'finding',
  RESPONSE: 'response',
  always: 'at once',
};

const NODE_W = 84;
const NODE_H = 40;
const DOT = 11;
const LABEL_H = 12;
const TITLE_H = 26;
const PANEL_GAP = 12;
// estimated advance widths of the fonts the picture uses (Helvetica 12 px for states, 9.5 px for labels)
const STATE_CHAR = 7;
const LABEL_CHAR = 5.6;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedState {
  key: string;
  id: string;
  terminal: boolean;
  box: Rect;
}

export interface PlacedEdge {
  edge: GraphEdge;
  label: string;
  /** where the label is written, its centre the box's centre */
  labelBox: Rect;
  /** the SVG path, starting and ending on the boxes of its states */
  path: string;
}

export interface RegionPanel {
  region: GraphRegion;
  /** the panel's place in the picture; states and edges are relative to it */
  x: number;
  y: number;
  width: number;
  height: number;
  states: PlacedState[];
  edges: PlacedEdge[];
}

export interface StatechartLayout {
  width: number;
  height: number;
  panels: RegionPanel[];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export function shortLabel(e: GraphEdge): string {
  return e.kind === 'after' ? edgeLabel({ ...e, guard: null, actions: [] }) : (SHORT_EVENT[e.event] ?? e.event);
}

const regionTitle = (r: GraphRegion) => (r.id === 'lifecycle' ? 'lifecycle' : `${r.id} phase`);

/**
 * A B-spline through dagre's route (the curve d3's curveBasis draws): it starts and ends on the first and
 * last points, on the state boxes, and bends smoothly through the others.
 */
function basisPath(pts: readonly { x: number; y: number }[]): string {
  const p = pts.map((q) => [r1(q.x), r1(q.y)] as const);
  const f = (n: number) => r1(n);
  if (p.length === 2) return `M${p[0]![0]},${p[0]![1]}L${p[1]![0]},${p[1]![1]}`;
  const out = [`M${p[0]![0]},${p[0]![1]}`, `L${f((5 * p[0]![0] + p[1]![0]) / 6)},${f((5 * p[0]![1] + p[1]![1]) / 6)}`];
  const curve = (a: readonly number[], b: readonly number[], c: readonly number[]) =>
    `C${f((2 * a[0]! + b[0]!) / 3)},${f((2 * a[1]! + b[1]!) / 3)} ${f((a[0]! + 2 * b[0]!) / 3)},${f((a[1]! + 2 * b[1]!) / 3)} ${f((a[0]! + 4 * b[0]! + c[0]!) / 6)},${f((a[1]! + 4 * b[1]! + c[1]!) / 6)}`;
  for (let i = 2; i < p.length; i++) out.push(curve(p[i - 2]!, p[i - 1]!, p[i]!));
  const n = p.length;
  out.push(curve(p[n - 2]!, p[n - 1]!, p[n - 1]!), `L${p[n - 1]![0]},${p[n - 1]![1]}`);
  return out.join('');
}

/** A loop from a state to itself, bending towards its label (dagre keeps the label's place beside the state). */
function loopPath(b: Rect, label: Rect): string {
  const cx = b.x + b.w / 2;
  const below = label.y + label.h / 2 >= b.y + b.h / 2;
  const edgeY = below ? b.y + b.h : b.y;
  const reach = below ? label.y - edgeY : label.y + label.h - edgeY;
  // the curve's deepest point lies at 3/4 of its controls' depth: just short of the label
  const bend = edgeY + reach;
  return `M${r1(cx + 14)},${r1(edgeY)}C${r1(cx + 34)},${r1(bend)} ${r1(cx - 34)},${r1(bend)} ${r1(cx - 14)},${r1(edgeY)}`;
}

function layoutRegion(region: GraphRegion, edges: GraphEdge[], readings: number) {
  const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 20, ranksep: 40, edgesep: 12, marginx: 20, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const s of region.states)
    g.setNode(s.key, { width: Math.max(NODE_W, s.key.length * STATE_CHAR + 20, 12 + readings * DOT), height: NODE_H });
  const labels = edges.map(shortLabel);
  edges.forEach((e, i) => {
    g.setEdge(e.from, e.to, { width: labels[i]!.length * LABEL_CHAR + 6, height: LABEL_H, labelpos: 'c' }, String(i));
  });
  layout(g);
  const boxOf = (k: string): Rect => {
    const n = g.node(k);
    return { x: r1(n.x! - n.width / 2), y: r1(n.y! - n.height / 2) + TITLE_H, w: n.width, h: n.height };
  };
  const states: PlacedState[] = region.states.map((s) => ({ key: s.key, id: s.id, terminal: s.terminal, box: boxOf(s.key) }));
  const placed: PlacedEdge[] = edges.map((e, i) => {
    const l = g.edge(e.from, e.to, String(i));
    const w = l.width ?? 0;
    const labelBox = { x: r1(l.x! - w / 2), y: r1(l.y! - LABEL_H / 2) + TITLE_H, w, h: LABEL_H };
    const path =
      e.from === e.to
        ? loopPath(boxOf(e.from), labelBox)
        : basisPath((l.points ?? []).map((q: { x: number; y: number }) => ({ x: q.x, y: q.y + TITLE_H })));
    return { edge: e, label: labels[i]!, labelBox, path };
  });
  const gl = g.graph();
  const width = Math.ceil(Math.max(gl.width ?? 0, regionTitle(region).length * 8 + 28));
  const height = Math.ceil((gl.height ?? 0) + TITLE_H);
  return { region, states, edges: placed, width, height };
}

/** Every region laid out, the panels flowed into rows no wider than `maxWidth`. */
export function statechartLayout(graph: MachineGraph, readings: number, maxWidth = 1120): StatechartLayout {
  const panels = graph.regions.map((region) =>
    layoutRegion(
      region,
      graph.edges.filter((e) => e.region === region.id),
      readings,
    ),
  );
  let x = 0;
  let y = 0;
  let rowH = 0;
  let width = 0;
  const placed = panels.map((p) => {
    if (x > 0 && x + p.width > maxWidth) {
      x = 0;
      y += rowH + PANEL_GAP;
      rowH = 0;
    }
    const at = { ...p, x, y };
    x += p.width + PANEL_GAP;
    rowH = Math.max(rowH, p.height);
    width = Math.max(width, x - PANEL_GAP);
    return at;
  });
  return { width, height: y + rowH, panels: placed };
}

/** The statechart as SVG, a coloured dot in each state a reading entered. */
export function statechartSvg(graph: MachineGraph, runs: readonly ReadingRun[], maxWidth = 1120): string {
  const { width, height, panels } = statechartLayout(graph, runs.length, maxWidth);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" data-testid="statechart-svg" font-family="Helvetica, Arial, sans-serif">`,
    `<title>The truce statechart: ${graph.regions.map((r) => r.id).join(', ')} in parallel</title>`,
    '<defs><marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#455a64"/></marker></defs>',
  ];
  for (const p of panels) {
    out.push(`<g transform="translate(${p.x},${p.y})" data-region="${esc(p.region.id)}">`);
    out.push(`<rect x="0.5" y="0.5" width="${p.width - 1}" height="${p.height - 1}" rx="8" fill="#fafbfc" stroke="#b0bec5"/>`);
    out.push(`<text x="14" y="20" font-size="13" font-weight="bold" fill="#263238">${esc(regionTitle(p.region))}</text>`);
    const init = p.states.find((s) => s.key === p.region.initial)?.box;
    if (init) {
      const cy = r1(init.y + init.h / 2);
      out.push(`<circle cx="${r1(init.x - 12)}" cy="${cy}" r="4" fill="#263238"/>`);
      out.push(`<path d="M${r1(init.x - 8)},${cy}H${init.x}" stroke="#263238" stroke-width="1.2" marker-end="url(#sc-arrow)"/>`);
    }
    for (const e of p.edges) {
      const dash = e.edge.kind === 'after' ? ' stroke-dasharray="5 3"' : e.edge.kind === 'always' ? ' stroke-dasharray="1.5 2.5"' : '';
      const b = e.labelBox;
      out.push(
        `<g data-edge="${esc(`${e.edge.region}: ${e.edge.from} -> ${e.edge.to}`)}"><title>${esc(e.edge.words)}</title>` +
          `<path d="${e.path}" fill="none" stroke="#455a64" stroke-width="1.2"${dash} marker-end="url(#sc-arrow)"/>` +
          `<text x="${r1(b.x + b.w / 2)}" y="${r1(b.y + b.h - 2.5)}" font-size="9.5" text-anchor="middle" fill="#37474f" stroke="#fafbfc" stroke-width="3" paint-order="stroke">${esc(e.label)}</text></g>`,
      );
    }
    for (const s of p.states) {
      const b = s.box;
      const entered = runs.flatMap((run, i) => (run.transitions.some((tr) => tr.region === p.region.id && tr.to === s.key) ? [i] : []));
      // the name sits higher when a row of dots shares the box
      const ty = r1(b.y + (entered.length > 0 ? 17 : b.h / 2 + 4));
      out.push(
        `<g data-state="${esc(s.id)}"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="14" fill="${s.terminal ? '#e8eaf6' : '#eceff1'}" stroke="#546e7a" stroke-width="${s.terminal ? 2 : 1}"/>` +
          `<text x="${r1(b.x + b.w / 2)}" y="${ty}" font-size="12" text-anchor="middle" fill="#1a1a1a">${esc(s.key)}</text>` +
          entered
            .map(
              (i, j) =>
                `<circle cx="${r1(b.x + b.w / 2 + (j - (entered.length - 1) / 2) * DOT)}" cy="${r1(b.y + 29)}" r="4.5" fill="${READING_COLORS[i % READING_COLORS.length]}"><title>${esc(runs[i]!.interpretation.id)}</title></circle>`,
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
