import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { machineGraph } from '../src/machine/graph.js';
import { planSpec } from '../src/machine/planSpec.js';
import { runMachine } from '../src/machine/simulateTruce.js';
import { InputError } from '../src/problem.js';
import { runJson } from '../src/report/runJson.js';
import { runText } from '../src/report/runText.js';
import { runScenario } from '../src/run/runScenario.js';
import { Event } from '../src/schema/event.js';
import { CITE, input, ROOT, scenario, scratch, strike } from './helpers.js';

const parties = [
  { id: 'russia', name: 'Russia' },
  { id: 'ukraine', name: 'Ukraine' },
  { id: 'monitor', name: 'Monitoring mechanism' },
];

/** Report within 48 hours of the violation; the mechanism rules within 7 days of the report. */
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
        countedFrom: { responseTo: 'report' },
        actors: ['the mechanism'],
        respondedBy: ['monitor'],
        respondsWith: ['statement'],
        sources: [CITE],
      },
    ],
  },
});

const statement = (id: string, actor: string, start: string, phase: string) =>
  Event.parse({
    id,
    kind: 'statement',
    actor,
    when: { start, end: start, precision: 'exact', evidence: 'test' },
    phase,
    sources: [CITE],
    note: 'test',
  });

const kyiv = strike('ru-kyiv', { start: '2026-02-01T02:00:00+02:00' });
const ruling = async (events: EventT[]) => (await runScenario(input(events, mechanism))).runs[0]!.phases.find((p) => p.phase === 'ruling');
type EventT = ReturnType<typeof Event.parse>;

describe('a deadline counted from the response to an earlier phase (countedFrom: { responseTo })', () => {
  it("the ruling's 7 days count from the report, not from the violation", async () => {
    const p = await ruling([
      kyiv,
      statement('ua-reports', 'ukraine', '2026-02-02T20:00:00+02:00', 'report'),
      statement('monitor-rules', 'monitor', '2026-02-09T12:00:00+02:00', 'ruling'),
    ]);
    // counted from the violation it would have been due on 8 February 02:00 and missed
    expect(p).toMatchObject({ dueBy: Date.parse('2026-02-09T20:00:00+02:00'), met: true, countedFromEventId: 'ua-reports' });
    expect(p!.awaiting).toBeUndefined();
  });

  it('with no report the ruling waits without a deadline, and says what it awaits (run JSON and text)', async () => {
    const report = await runScenario(input([kyiv], mechanism));
    const p = report.runs[0]!.phases.find((x) => x.phase === 'ruling');
    expect(p).toMatchObject({ dueBy: null, met: null, awaiting: 'report' });
    expect(report.runs[0]!.transitions.some((t) => t.region === 'ruling' && t.to === 'awaiting')).toBe(true);
    const json = runJson(report, { tool: 'truce', version: 'x', rulesHash: 'r', scenarioHash: 's' } as never) as {
      runs: { phases: { phase: string; awaiting?: unknown }[] }[];
    };
    expect(json.runs[0]!.phases.find((x) => x.phase === 'ruling')!.awaiting).toEqual({ responseTo: 'report' });
    expect(runText(report, { version: 'x', rulesHash: 'r', scenarioHash: 's' } as never)).toContain(
      'counts from a response to the report phase',
    );
  });

  it('a late report still starts the clock; a ruling past its 7 days misses the phase', async () => {
    const p = await ruling([
      kyiv,
      statement('ua-reports', 'ukraine', '2026-02-05T08:00:00+02:00', 'report'),
      statement('monitor-rules', 'monitor', '2026-02-13T08:00:00+02:00', 'ruling'),
    ]);
    expect(p).toMatchObject({ dueBy: Date.parse('2026-02-12T08:00:00+02:00'), met: false, responseEventId: 'monitor-rules' });
  });

  it('a report by a party the report phase does not accept starts nothing', async () => {
    const p = await ruling([kyiv, statement('monitor-reports', 'monitor', '2026-02-02T20:00:00+02:00', 'report')]);
    expect(p).toMatchObject({ dueBy: null, awaiting: 'report' });
  });

  it('the statechart and the memo agree: the deadline falls 7 days after the response, whichever path runs it', () => {
    const spec = planSpec(mechanism);
    const t0 = Date.parse('2026-02-01T00:00:00Z');
    const inputs = [
      { type: 'WINDOW_OPEN' as const, at: t0 },
      {
        type: 'TRIGGER' as const,
        at: t0 + 1,
        trigger: 'violation',
        party: 'russia',
        eventId: 'v',
        certainty: 'certain' as const,
        firstViolationAt: t0 + 1,
      },
      { type: 'RESPONSE' as const, at: t0 + 5, phase: 'report', eventId: 'r', actor: 'ukraine', target: 'russia', kind: 'statement' },
    ];
    const run = runMachine(spec, true, t0, inputs);
    const rec = run.phases.find((p) => p.phase === 'ruling')!;
    expect(rec.dueBy).toBe(t0 + 5 + 7 * 86_400_000);
    // nothing answers the ruling: the deadline passes, counted from the report
    expect(rec.met).toBe(false);
    expect(run.transitions.find((t) => t.region === 'ruling' && t.to === 'missed')!.at).toBe(t0 + 5 + 7 * 86_400_000);
  });

  // machine definitions are shared by plan shape: a plan alike but for countedFrom must not get the other's machine
  it('a plan with the same phases counted from the trigger runs its own machine, whichever ran first', async () => {
    // phase ids of their own, so that no earlier test has built a machine of this shape
    const renamed = (counted: boolean) =>
      scenario({
        ...mechanism,
        plan: {
          ...mechanism.plan!,
          phases: mechanism.plan!.phases.map((p) => ({
            ...p,
            id: `${p.id}-2`,
            requires: p.requires?.map((r) => `${r}-2`),
            countedFrom: counted && p.id === 'ruling' ? { responseTo: 'report-2' } : ('trigger' as const),
          })),
        },
      });
    const ruling2 = async (s: ReturnType<typeof renamed>) => {
      const run = (await runScenario(input([kyiv], s))).runs[0]!;
      const waited = run.transitions.some((t) => t.region === 'ruling-2' && t.to === 'awaiting');
      return { ...run.phases.find((p) => p.phase === 'ruling-2'), waited };
    };
    // counted from the violation, the ruling is due 7 days after it
    expect(await ruling2(renamed(false))).toMatchObject({ dueBy: Date.parse('2026-02-08T02:00:00+02:00'), met: false });
    const awaiting = await ruling2(renamed(true));
    expect(awaiting).toMatchObject({ dueBy: null, met: null, awaiting: 'report-2', waited: true });
    const again = await ruling2(renamed(false));
    expect(again.waited).toBe(false);
    expect(again.awaiting).toBeUndefined();
  });

  it('truce graph draws the awaiting state and what starts the deadline', () => {
    const words = machineGraph(planSpec(mechanism))
      .edges.filter((e) => e.region === 'ruling')
      .map((e) => e.words);
    expect(words).toContain('the first response to the report phase starts the deadline');
    expect(words).toContain('no response within 168 hours of the response to the report phase');
  });
});

describe('countedFrom.responseTo: cross-checks', () => {
  const DIR = 'scenarios/other/israel-hezbollah-2024';
  const scenarioText = readFileSync(path.join(ROOT, DIR, 'scenario.yaml'), 'utf8');
  const overlayText = readFileSync(path.join(ROOT, DIR, 'whatif-mechanism-deadlines.yaml'), 'utf8');
  const problemsOf = (file: 'scenario.yaml' | 'whatif.yaml', yaml: string) => {
    const root = scratch({
      [`${DIR}/scenario.yaml`]: file === 'scenario.yaml' ? yaml : scenarioText,
      [`${DIR}/sources.md`]: readFileSync(path.join(ROOT, DIR, 'sources.md'), 'utf8'),
      [`${DIR}/whatif.yaml`]: file === 'whatif.yaml' ? yaml : overlayText,
    });
    try {
      loadScenario(path.join(root, DIR, file), { cwd: root, articlesDir: path.join(root, 'none') });
      return [];
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return e.problems;
    }
  };
  // the scenario's plan with a second phase counting from the response to `target`
  const withRuling = (target: string) =>
    scenarioText.replace(
      '      sources: [{ file: sources.md, line: 6 }]\n\nevents:',
      `      sources: [{ file: sources.md, line: 6 }]
    - id: ruling
      label: The committee rules
      trigger: violation
      deadline: P5D
      countedFrom: { responseTo: ${target} }
      actors: [United States]
      sources: [{ file: sources.md, line: 6 }]

events:`,
    );

  it('the what-if as written is valid, and so is a plan counting from an earlier phase', () => {
    expect(problemsOf('whatif.yaml', overlayText)).toEqual([]);
    expect(withRuling('diplomatic')).not.toBe(scenarioText);
    expect(problemsOf('scenario.yaml', withRuling('diplomatic'))).toEqual([]);
  });

  it('a phase counting from a phase the plan does not have is refused at countedFrom.responseTo, listing the phases', () => {
    const at = problemsOf('scenario.yaml', withRuling('complaint')).find((x) => x.path.at(-1) === 'responseTo');
    expect(at).toMatchObject({ code: 'E_SCHEMA', path: ['plan', 'phases', 1, 'countedFrom', 'responseTo'] });
    expect(at!.message).toContain('diplomatic, ruling');
  });

  it('a phase counting from itself (or a later phase) is refused at countedFrom.responseTo', () => {
    const at = problemsOf('scenario.yaml', withRuling('ruling')).find((x) => x.path.at(-1) === 'responseTo');
    expect(at).toMatchObject({ code: 'E_SCHEMA', path: ['plan', 'phases', 1, 'countedFrom', 'responseTo'] });
    expect(at!.message).toContain('is this phase itself');
  });

  it('in a what-if the same mistake is refused, the path named in the message', () => {
    const p = problemsOf('whatif.yaml', overlayText.replace('responseTo: report', 'responseTo: ruling'));
    expect(p.some((x) => x.code === 'E_SCHEMA' && x.message.includes('plan.phases.1.countedFrom.responseTo'))).toBe(true);
  });
});
