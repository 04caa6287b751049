import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { machineGraph } from '../src/machine/graph.js';
import { planSpec } from '../src/machine/planSpec.js';
import { InputError } from '../src/problem.js';
import { runScenario } from '../src/run/runScenario.js';
import { Event } from '../src/schema/event.js';
import { CITE, input, ROOT, scenario, scratch, strike } from './helpers.js';

const parties = [
  { id: 'russia', name: 'Russia' },
  { id: 'ukraine', name: 'Ukraine' },
  { id: 'monitor', name: 'Monitoring mechanism' },
];

/**
 * A monitoring mechanism written as a plan: the victim reports a violation to the mechanism within 48
 * hours (a statement), and the mechanism rules within 7 days of the violation (its own statement).
 */
const mechanism = scenario({
  parties,
  plan: {
    id: 'mechanism',
    label: 'Monitoring mechanism',
    appliesTo: ['russia'],
    status: 'test',
    sources: [CITE],
    phases: [
      {
        id: 'report',
        label: 'The violation is reported to the mechanism',
        trigger: 'violation',
        deadline: 'PT48H',
        actors: ['the victim'],
        respondedBy: ['ukraine'],
        respondsWith: ['statement'],
        sources: [CITE],
      },
      {
        id: 'ruling',
        label: 'The mechanism rules on the report',
        trigger: 'violation',
        requires: ['report'],
        deadline: 'P7D',
        actors: ['the mechanism'],
        respondedBy: ['monitor'],
        respondsWith: ['statement'],
        sources: [CITE],
      },
    ],
  },
});

const statement = (id: string, actor: string, start: string, phase: string, kind: 'statement' | 'response' = 'statement') =>
  Event.parse({
    id,
    kind,
    actor,
    when: { start, end: start, precision: 'exact', evidence: 'test' },
    phase,
    sources: [CITE],
    note: 'test statement',
  });

const kyiv = strike('ru-kyiv', { start: '2026-02-01T02:00:00+02:00' });

describe('plans as data', () => {
  it('a plan may name its phases as it likes: a monitoring mechanism is a report phase and a ruling phase, each met by a statement of the party it names', async () => {
    const report = await runScenario(
      input(
        [
          kyiv,
          statement('ua-reports', 'ukraine', '2026-02-01T20:00:00+02:00', 'report'),
          statement('monitor-rules', 'monitor', '2026-02-05T12:00:00+02:00', 'ruling'),
        ],
        mechanism,
      ),
    );
    const phases = report.runs[0]!.phases;
    expect(phases.map((p) => [p.phase, p.met, p.responseEventId])).toEqual([
      ['report', true, 'ua-reports'],
      ['ruling', true, 'monitor-rules'],
    ]);
    // the ruling's 7 days count from the violation at 02:00 on 1 February
    expect(phases[1]!.dueBy).toBe(Date.parse('2026-02-08T02:00:00+02:00'));
  });

  it('a mechanism that rules after its M days misses its phase, and the late ruling is recorded', async () => {
    const report = await runScenario(
      input(
        [
          kyiv,
          statement('ua-reports', 'ukraine', '2026-02-01T20:00:00+02:00', 'report'),
          statement('monitor-rules', 'monitor', '2026-02-10T12:00:00+02:00', 'ruling'),
        ],
        mechanism,
      ),
    );
    expect(report.runs[0]!.phases.find((p) => p.phase === 'ruling')).toMatchObject({ met: false, responseEventId: 'monitor-rules' });
  });

  it('only the event kinds a phase lists count as its response, and only from the parties it names', async () => {
    const report = await runScenario(
      input(
        [
          kyiv,
          // a `response` event is not a statement; a statement by the mechanism is not the victim's report
          statement('ua-response', 'ukraine', '2026-02-01T10:00:00+02:00', 'report', 'response'),
          statement('monitor-speaks', 'monitor', '2026-02-01T12:00:00+02:00', 'report'),
        ],
        mechanism,
      ),
    );
    expect(report.runs[0]!.phases.find((p) => p.phase === 'report')).toMatchObject({ met: false, respondedAt: null });
  });

  it("a phase opens only once the phases it requires have opened: with no report phase in the plan's order, the ruling's requirement is checked by id", async () => {
    const noReport = scenario({
      ...mechanism,
      plan: { ...mechanism.plan!, phases: [{ ...mechanism.plan!.phases[1]!, requires: ['report'] }] },
    });
    // `report` is not in this plan: the cross-check refuses it (see below); the machine simply never opens `ruling`
    const report = await runScenario(input([kyiv], noReport));
    expect(report.runs[0]!.phases).toEqual([]);
  });

  it("the statechart is built from the plan's phases and drawn with them: one region per phase, its response in words", () => {
    const graph = machineGraph(planSpec(mechanism));
    expect(graph.regions.map((r) => r.id)).toEqual(['lifecycle', 'report', 'ruling']);
    const words = graph.edges.filter((e) => e.region === 'ruling').map((e) => e.words);
    expect(words).toContain('a statement event by monitor by the deadline');
    expect(words.some((w) => w.includes('once the report phase has opened'))).toBe(true);
  });

  it('the seed scenario keeps its three phases of the articles, now as data of its plan', () => {
    const loaded = loadScenario(path.join(ROOT, 'scenarios', 'jan-feb-2026.yaml'), { cwd: ROOT, articlesDir: path.join(ROOT, 'none') });
    expect(loaded.scenario.plan!.phases.map((p) => [p.id, p.trigger, p.requires])).toEqual([
      ['diplomatic', 'violation', []],
      ['coalition', 'hostilities-continued', ['diplomatic']],
      ['us-backed', 'broader-attack', ['diplomatic']],
    ]);
    expect(loaded.scenario.plan!.phases.every((p) => p.respondsWith.join() === 'response')).toBe(true);
  });
});

describe('plans as data: cross-checks', () => {
  const DIR = 'scenarios/other/india-pakistan-2025';
  const text = readFileSync(path.join(ROOT, DIR, 'scenario.yaml'), 'utf8');
  const problemsOf = (yaml: string) => {
    const root = scratch({
      [`${DIR}/scenario.yaml`]: yaml,
      [`${DIR}/sources.md`]: readFileSync(path.join(ROOT, DIR, 'sources.md'), 'utf8'),
    });
    try {
      loadScenario(path.join(root, DIR, 'scenario.yaml'), { cwd: root, articlesDir: path.join(root, 'none') });
      return [];
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return e.problems;
    }
  };

  it("an event naming a phase the scenario's plan does not have is refused at its phase, naming the plan's phases", () => {
    const yaml = text.replace(
      '\nexpect:\n',
      `  - id: us-calls-2025-05-11
    kind: response
    actor: united-states
    when: { start: "2025-05-11T09:00:00+05:30", end: "2025-05-11T09:00:00+05:30", precision: exact, evidence: test }
    phase: mediation
    sources: [{ file: sources.md, line: 7 }]
    note: test
\nexpect:\n`,
    );
    const p = problemsOf(yaml).find((x) => x.path.at(-1) === 'phase');
    expect(p).toMatchObject({ code: 'E_SCHEMA', path: ['events', 3, 'phase'] });
    expect(p!.message).toContain('its phases are diplomatic');
  });

  it('a phase opened by a trigger no rule declares is refused at its trigger', () => {
    const yaml = text.replace('      trigger: violation\n', '      trigger: long-range-strike\n');
    const p = problemsOf(yaml).find((x) => x.path.at(-1) === 'trigger');
    expect(p).toMatchObject({ code: 'E_SCHEMA', path: ['plan', 'phases', 0, 'trigger'] });
    expect(p!.message).toContain('broader-attack');
  });

  it('a plan with any phase id and its response events naming it is valid', () => {
    const yaml = text.replace('    - id: diplomatic\n', '    - id: appropriate-steps\n');
    expect(problemsOf(yaml)).toEqual([]);
  });
});
