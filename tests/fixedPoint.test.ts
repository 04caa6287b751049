import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { runJson } from '../src/report/runJson.js';
import { runText } from '../src/report/runText.js';
import { provenanceOf } from '../src/provenance.js';
import { input, scenario, strike } from './helpers.js';

const T = Date.UTC(2026, 0, 30, 10);
const at = (h: number) => new Date(T + h * 3_600_000).toISOString();
const energy = (id: string, actor: 'russia' | 'ukraine', h: number) =>
  strike(id, {
    start: at(h),
    actor,
    target: actor === 'russia' ? 'ukraine' : 'russia',
    places: [{ name: 'Sumy Oblast', region: 'Sumy Oblast', kind: 'region', precision: 'region' }],
    targets: ['energy'],
  });

/** The test scenario with both pledges hanging on each other. */
function mutual() {
  const s = scenario();
  s.interpretations[0]!.obligations[0]!.condition = { while: 'counterparty-complies', counterparty: 'ukraine' };
  return s;
}

describe('who broke first, under pledges that hang on each other', () => {
  // issue 12: each side's strike at the same moment may have excused the other's; who broke first cannot
  // be known, so both are possible violations, and the run settles on that (it used to alternate)
  it('settles when both break at the same moment: both acts are possible violations, neither a certain one', async () => {
    const events = [energy('r', 'russia', 0), energy('u', 'ukraine', 0)];
    const data = input(events, mutual());
    const report = await runScenario(data);
    const run = report.runs[0]!;
    expect(run.converged).toBe(true);
    expect(runJson(report, provenanceOf(data)).runs[0]!.firstViolationsSettled).toBe(true);
    expect(run.findings.map((f) => `${f.eventId}:${f.type}:${f.certainty}`)).toEqual([
      'r:possible-violation:possible',
      'u:possible-violation:possible',
    ]);
    expect(run.firstViolations).toEqual([]);
    expect(runText(report, provenanceOf(data))).not.toContain('who broke first does not settle');
  });

  it('settles when one side broke first: the other pledge lapsed', async () => {
    const events = [energy('r', 'russia', 0), energy('u', 'ukraine', 2)];
    const report = await runScenario(input(events, mutual()));
    const run = report.runs[0]!;
    expect(run.converged).toBe(true);
    expect(run.firstViolations.map((v) => `${v.party}:${v.eventId}`)).toEqual(['russia:r']);
    expect(run.findings.filter((f) => f.eventId === 'u' && f.type === 'violation')).toEqual([]);
  });
});
