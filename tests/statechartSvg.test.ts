import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { machineGraph, type GraphEdge, type MachineGraph } from '../src/machine/graph.js';
import { planSpec } from '../src/machine/planSpec.js';
import { runScenario } from '../src/run/runScenario.js';
import { statechartLayout, statechartSvg, type Rect } from '../src/report/statechartSvg.js';
import { scenario } from './helpers.js';

const loaded = loadScenario('scenarios/jan-feb-2026.yaml');
const report = await runScenario(loaded);
const graph = machineGraph(planSpec(loaded.scenario));
const svg = statechartSvg(graph, report.runs);

const onePhase = (() => {
  const s = scenario();
  s.plan.phases = s.plan.phases.filter((p) => p.id === 'diplomatic');
  return machineGraph(planSpec(s));
})();

const unescapeXml = (s: string) =>
  s
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const edgeKey = (e: GraphEdge) => `${e.region}: ${e.from} -> ${e.to}`;
const disjoint = (a: Rect, b: Rect) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
const inside = (a: Rect, outer: { width: number; height: number }) =>
  a.x >= 0 && a.y >= 0 && a.x + a.w <= outer.width && a.y + a.h <= outer.height;
/** (x, y) lies on the border of the box, within a pixel */
const onBorder = ([x, y]: [number, number], b: Rect) => {
  const within = x >= b.x - 1 && x <= b.x + b.w + 1 && y >= b.y - 1 && y <= b.y + b.h + 1;
  const near = Math.min(Math.abs(x - b.x), Math.abs(x - b.x - b.w), Math.abs(y - b.y), Math.abs(y - b.y - b.h)) <= 1;
  return within && near;
};

/** The drawn edges in order: key, title, label, path; and the drawn states: id, rect. */
function parse(s: string) {
  const edges = [
    ...s.matchAll(/<g data-edge="([^"]*)"><title>([^<]*)<\/title><path d="([^"]*)"[^>]*\/><text[^>]*>([^<]*)<\/text><\/g>/g),
  ].map((m) => ({ key: unescapeXml(m[1]!), title: unescapeXml(m[2]!), path: m[3]!, label: unescapeXml(m[4]!) }));
  const states = [...s.matchAll(/<g data-state="([^"]*)"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map(
    (m) => ({ id: m[1]!, box: { x: +m[2]!, y: +m[3]!, w: +m[4]!, h: +m[5]! } }),
  );
  return { edges, states };
}

describe('the statechart drawing (dagre layout)', () => {
  for (const [name, g] of [
    ['jan-feb-2026 (three phases)', graph],
    ['a plan with one phase', onePhase],
  ] as [string, MachineGraph][]) {
    describe(name, () => {
      const drawn = parse(statechartSvg(g, report.runs));
      const lay = statechartLayout(g, report.runs.length);

      it('draws every state once and every transition once, in the machine definition order', () => {
        expect(drawn.states.map((s) => s.id).sort()).toEqual(g.regions.flatMap((r) => r.states.map((s) => s.id)).sort());
        expect(drawn.edges.map((e) => e.key)).toEqual(g.edges.map(edgeKey));
        expect(lay.panels.map((p) => p.region.id)).toEqual(g.regions.map((r) => r.id));
      });

      it('labels every transition: a short label on the picture, the full words in its tooltip', () => {
        const short: Record<string, string> = {
          WINDOW_OPEN: 'window opens',
          WINDOW_CLOSE: 'window closes',
          TRIGGER: 'finding',
          RESPONSE: 'response',
        };
        drawn.edges.forEach((d, i) => {
          const e = g.edges[i]!;
          expect(d.title).toBe(e.words);
          if (e.kind === 'after') expect(d.label).toMatch(/^after (\d+ h|no deadline \(never\))$/);
          else if (e.kind === 'always') expect(d.label).toBe('at once');
          else expect(d.label).toBe(short[e.event]);
        });
      });

      it('no two state boxes overlap, and no label overlaps a state or another label', () => {
        for (const p of lay.panels) {
          const boxes = p.states.map((s) => s.box);
          const labels = p.edges.map((e) => e.labelBox);
          for (const [i, a] of boxes.entries())
            for (const b of boxes.slice(i + 1)) expect(disjoint(a, b), `${p.region.id} states`).toBe(true);
          for (const [i, a] of labels.entries()) {
            for (const b of boxes) expect(disjoint(a, b), `${p.region.id} label ${p.edges[i]!.label} on a state`).toBe(true);
            for (const b of labels.slice(i + 1)) expect(disjoint(a, b), `${p.region.id} labels`).toBe(true);
          }
          for (const r of [...boxes, ...labels]) expect(inside(r, p), `${p.region.id} inside its panel`).toBe(true);
        }
        for (const [i, a] of lay.panels.entries()) {
          const ra = { x: a.x, y: a.y, w: a.width, h: a.height };
          expect(inside(ra, lay)).toBe(true);
          for (const b of lay.panels.slice(i + 1)) expect(disjoint(ra, { x: b.x, y: b.y, w: b.width, h: b.height })).toBe(true);
        }
      });

      it('draws each state where the layout put it, and each arrow from its state to its state', () => {
        const byId = new Map(lay.panels.flatMap((p) => p.states.map((s) => [s.id, s.box] as const)));
        for (const s of drawn.states) expect(s.box).toEqual(byId.get(s.id));
        const boxOf = (region: string, key: string) => byId.get(`${region}.${key}`)!;
        drawn.edges.forEach((d, i) => {
          const e = g.edges[i]!;
          const nums = d.path.match(/-?[\d.]+/g)!.map(Number);
          const start: [number, number] = [nums[0]!, nums[1]!];
          const end: [number, number] = [nums.at(-2)!, nums.at(-1)!];
          expect(onBorder(start, boxOf(e.region, e.from)), `${d.key} starts on ${e.from}`).toBe(true);
          expect(onBorder(end, boxOf(e.region, e.to)), `${d.key} ends on ${e.to}`).toBe(true);
        });
      });
    });
  }

  it('marks the states each reading entered, with its colour and name', () => {
    const inForce = /<g data-state="lifecycle.inForce">.*?<\/g>/.exec(svg)![0];
    const entered = report.runs.filter((r) => r.transitions.some((t) => t.region === 'lifecycle' && t.to === 'inForce'));
    expect(entered.length).toBeGreaterThan(0);
    expect([...inForce.matchAll(/<circle[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1])).toEqual(
      entered.map((r) => r.interpretation.id),
    );
    const start = /<g data-state="lifecycle.start">.*?<\/g>/.exec(svg)![0];
    expect(start).not.toContain('<circle'); // the start state is left at once, by a transition no reading records
  });

  it('flows the panels into rows no wider than asked', () => {
    const wide = statechartLayout(graph, 3, 100_000);
    expect(new Set(wide.panels.map((p) => p.y)).size).toBe(1);
    const narrow = statechartLayout(graph, 3, 10);
    expect(new Set(narrow.panels.map((p) => p.y)).size).toBe(narrow.panels.length);
    const usual = statechartLayout(graph, 3);
    expect(usual.width).toBeLessThanOrEqual(Math.max(1120, ...usual.panels.map((p) => p.width)));
  });

  it('is deterministic: the same graph gives the same bytes, whatever was drawn before', () => {
    statechartSvg(onePhase, report.runs.slice(0, 1), 300);
    expect(statechartSvg(machineGraph(planSpec(loaded.scenario)), report.runs)).toBe(svg);
  });
});
