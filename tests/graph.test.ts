import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { planSpec } from '../src/run/runScenario.js';
import { machineGraph, edgeLabel } from '../src/machine/graph.js';
import { machineInventory } from '../src/machine/inventory.js';
import { machineDot, machineMermaid, mermaidId } from '../src/report/mermaid.js';
import { type CliResult, runCliHere, scenario, withoutArticlesNote } from './helpers.js';

const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const plan = planSpec(loadScenario(SCENARIO).scenario);

/** "region.state" -> the Mermaid id the diagram gives it */
const mid = (state: string) => mermaidId(`st_${state.replace('.', '_')}`);
/** "region: from -> to" -> its parts */
const parse = (t: string) => {
  const m = /^(.+): (.+) -> (.+)$/.exec(t)!;
  return { region: m[1]!, from: m[2]!, to: m[3]! };
};

describe('machineGraph: the statechart read from the machine definition', () => {
  const graph = machineGraph(plan);
  const inv = machineInventory(plan);

  it('has every state of the definition, and only those', () => {
    expect(graph.regions.flatMap((r) => r.states.map((s) => s.id)).sort()).toEqual(inv.states);
  });

  it('has every transition of the definition, eventless and delayed ones included', () => {
    const ours = new Set(graph.edges.filter((e) => !e.targetless).map((e) => `${e.region}: ${e.from} -> ${e.to}`));
    expect([...ours].sort()).toEqual(inv.transitions);
    expect(graph.edges.filter((e) => e.kind === 'always').map((e) => `${e.from}->${e.to} [${e.guard ?? ''}]`)).toEqual([
      'start->agreed [isAgreed]',
      'start->claimed []',
    ]);
    expect(graph.edges.filter((e) => e.kind === 'after').map((e) => `${e.region} ${edgeLabel(e)}`)).toEqual([
      'diplomatic after 24 h / markMissed',
      'coalition after no deadline (never) / markMissed',
      'us-backed after 72 h / markMissed',
    ]);
    // a RESPONSE after the deadline stays in `missed` (a targetless transition that records the late answer)
    expect(graph.edges.filter((e) => e.targetless).map((e) => `${e.region}.${e.from} ${e.event}`)).toEqual([
      'diplomatic.missed RESPONSE',
      'coalition.missed RESPONSE',
      'us-backed.missed RESPONSE',
    ]);
  });

  it('follows the plan: a plan without a phase has no region for it', () => {
    const s = scenario();
    s.plan.phases = s.plan.phases.filter((p) => p.id === 'diplomatic');
    const g = machineGraph(planSpec(s));
    expect(g.regions.map((r) => r.id)).toEqual(['lifecycle', 'diplomatic']);
    expect(machineMermaid(g)).not.toContain('coalition');
  });
});

describe('truce graph --format mermaid', () => {
  let r: CliResult;
  let text: string;
  beforeAll(async () => {
    r = await runCliHere(['graph']);
    text = r.stdout;
  });

  it('draws the default scenario as a Mermaid state diagram', () => {
    expect(r.code).toBe(0);
    expect(withoutArticlesNote(r.stderr)).toBe('');
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toBe(machineMermaid(machineGraph(plan)));
  });

  it('shows every state and every transition of the machine definition', () => {
    const inv = machineInventory(plan);
    for (const s of inv.states) expect(text, s).toMatch(new RegExp(`state "${s.split('.')[1]}" as ${mid(s)}\\n`));
    for (const t of inv.transitions) {
      const { region, from, to } = parse(t);
      expect(text, t).toContain(`${mid(`${region}.${from}`)} --> ${mid(`${region}.${to}`)} : `);
    }
    for (const region of ['lifecycle', 'diplomatic', 'coalition', 'us_backed']) expect(text).toContain(`state ${region} {`);
  });

  it("labels edges in words, and draws no loop on start: no state id is one Mermaid gives a region's [*] marker", async () => {
    expect(text).toContain('st_lifecycle_start --> st_lifecycle_agreed : at once, when the reading counts the truce as agreed');
    expect(text).toContain('st_diplomatic_open --> st_diplomatic_missed : no response within 24 hours');
    expect(text).toContain('st_coalition_open --> st_coalition_missed : never (the sources give no deadline)');
    expect(text).not.toMatch(/TRIGGER|RESPONSE|WINDOW_|isViolation|markMissed|recordBreach/);
    for (const region of machineGraph(plan).regions) {
      expect(text).not.toMatch(new RegExp(`\\b${mermaidId(region.id)}_(start|end)\\b`));
    }
    const code = (await runCliHere(['graph', '--format', 'mermaid-code'])).stdout;
    expect(code).toContain('st_lifecycle_claimed --> st_lifecycle_breached : TRIGGER [isViolation] / recordBreach');
    expect((await runCliHere(['graph', '--format', 'dot-code'])).stdout).toContain('[label="after 72 h / markMissed", style=dashed]');
    expect((await runCliHere(['graph', '--format', 'dot'])).stdout).toContain('[label="no response within 72 hours", style=dashed]');
  });

  it('keeps to what Mermaid parses: plain ids, labels without : # ;', () => {
    for (const line of text.split('\n')) {
      const edge = /^\s*(\S+) --> (\S+) : (.*)$/.exec(line);
      if (!edge) continue;
      for (const id of [edge[1]!, edge[2]!]) expect(id === '[*]' || /^[A-Za-z][A-Za-z0-9_]*$/.test(id), id).toBe(true);
      expect(edge[3], line).not.toMatch(/[:#;]/);
    }
  });
});

describe('truce graph --format dot', () => {
  let r: CliResult;
  beforeAll(async () => {
    r = await runCliHere(['graph', SCENARIO, '--format', 'dot']);
  });

  it('draws a Graphviz digraph with a cluster per region and every state and transition', () => {
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('digraph "truce" {')).toBe(true);
    const inv = machineInventory(plan);
    for (const s of inv.states) expect(r.stdout, s).toContain(`"${s}" [label="${s.split('.')[1]}"`);
    for (const t of inv.transitions) {
      const { region, from, to } = parse(t);
      expect(r.stdout, t).toContain(`"${region}.${from}" -> "${region}.${to}" [label=`);
    }
    expect(r.stdout).toContain('subgraph "cluster_us-backed"');
    expect(r.stdout).toBe(machineDot(machineGraph(plan)));
  });

  it('is byte-identical from run to run', async () => {
    expect((await runCliHere(['graph', SCENARIO, '--format', 'dot'])).stdout).toBe(r.stdout);
  });
});
