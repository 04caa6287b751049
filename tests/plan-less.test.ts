import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCliHere, scratch, withoutArticlesNote } from './helpers.js';

/**
 * The India-Pakistan scenario with its plan taken out and its expect cases replaced: most truces have no
 * enforcement plan, and every command must still judge them.
 */
const DIR = 'scenarios/other/india-pakistan-2025';
const withPlan = readFileSync(path.join(ROOT, DIR, 'scenario.yaml'), 'utf8');
const planLess = (() => {
  const a = withPlan.indexOf('\nplan:\n');
  const b = withPlan.indexOf('\nevents:\n');
  const e = withPlan.indexOf('\nexpect:\n');
  return `${withPlan.slice(0, a)}\n${withPlan.slice(b, e)}
expect:
  - name: Without a plan, Pakistan's drones are still a certain violation under the DGMO reading, no phase opens and the truce collapses
    interpretation: dgmo
    findings: [{ event: pk-drones-jk-2025-05-10, type: violation, certainty: certain }]
    noPhases: [diplomatic]
    finalState: collapsed
`;
})();
const root = scratch({
  [`${DIR}/scenario.yaml`]: planLess,
  [`${DIR}/with-plan.yaml`]: withPlan,
  [`${DIR}/sources.md`]: readFileSync(path.join(ROOT, DIR, 'sources.md'), 'utf8'),
});
const S = `${DIR}/scenario.yaml`;
const cli = async (args: string[]) => await runCliHere(args, { cwd: root });

describe('a scenario without an enforcement plan', () => {
  it('a scenario without a plan is valid', async () => {
    expect(planLess).not.toMatch(/\nplan:/);
    const r = await cli(['validate', S]);
    expect(withoutArticlesNote(r.stderr)).toBe('');
    expect(r.code).toBe(0);
  });

  it('a run without a plan still finds the violations and says "no enforcement plan" where the phases would be', async () => {
    const r = await cli(['run', S]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('VIOLATION');
    expect(r.stdout).toContain('no enforcement plan');
    expect(r.stdout).toContain('final state: collapsed');
    const json = JSON.parse((await cli(['run', S, '--format', 'json'])).stdout) as { runs: { phases: unknown[] }[] };
    expect(json.runs.every((run) => run.phases.length === 0)).toBe(true);
    expect((await cli(['run', S, '--format', 'md'])).stdout).toContain('No enforcement plan.');
    const out = path.join(root, 'report.html');
    expect((await cli(['run', S, '--format', 'html', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('No enforcement plan.');
  });

  it('compare, explain, graph, sample, sweep, workbench and test work without a plan', async () => {
    const compare = await cli(['compare', S]);
    expect(compare.code).toBe(0);
    expect(compare.stdout).toMatch(/phases reached\s+none\s+none\s+none/);
    const explain = await cli(['explain', S, '--event', 'pk-drones-jk-2025-05-10']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('VIOLATION');
    const graph = await cli(['graph', S]);
    expect(graph.code).toBe(0);
    expect(graph.stdout).toContain('state lifecycle');
    expect(graph.stdout).not.toContain('diplomatic');
    const sample = await cli(['sample', S, '-n', '20', '--seed', '1']);
    expect(sample.code).toBe(0);
    expect(sample.stdout).toContain('final state collapsed');
    const sweep = await cli([
      'sweep',
      S,
      '--vary',
      'interpretations.dgmo.window.start=2025-05-10T17:00:00+05:30..2025-05-10T21:00:00+05:30:PT4H',
    ]);
    expect(sweep.code).toBe(0);
    expect(sweep.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(6);
    const page = path.join(root, 'wb.html');
    expect((await cli(['workbench', S, '--out', page])).code).toBe(0);
    expect(readFileSync(page, 'utf8').length).toBeGreaterThan(1000);
    const test = await cli(['test', S]);
    expect(test.stdout).toContain('1 passed, 0 failed');
    expect(test.code).toBe(0);
  });

  it('a diff between a scenario with a plan and one without names the plan as a term that changed, and the phases no longer reached', async () => {
    const r = await cli(['diff', `${DIR}/with-plan.yaml`, S]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('plan: india-response -> no enforcement plan');
    expect(r.stdout).toMatch(/diplomatic phase: .* -> not reached/);
  });
});
