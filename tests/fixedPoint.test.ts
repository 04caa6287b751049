import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { runJson } from '../src/report/runJson.js';
import { runText } from '../src/report/runText.js';
import { provenanceOf } from '../src/provenance.js';
import { input, scenario, strike } from './helpers.js';

const T = Date.UTC(2026, 0, 30, 10);
const at = (h: number) => new Date(T + h * 3_600_000).toISOString();
const energy = (id: string, actor: 'russia' | 'ukraine', h: number) =>
  strike(id, { start: at(h), actor, target: actor === 'russia' ? 'ukraine' : 'russia', places: [{ name: 'Sumy Oblast', region: 'Sumy Oblast', kind: 'region', precision: 'region' }], targets: ['energy'] });

/** The test scenario with both pledges hanging on each other. */
function mutual() {
  const s = scenario();
  s.interpretations[0]!.obligations[0]!.condition = { while: 'counterparty-complies', counterparty: 'ukraine' };
  return s;
}

describe('who broke first, under pledges that hang on each other', () => {
  // each side's strike at the same moment excuses the other's: the rounds alternate and never settle
  it('does not settle when both break at the same moment, and the reports say so', async () => {
    const events = [energy('r', 'russia', 0), energy('u', 'ukraine', 0)];
    const data = input(events, mutual());
    const report = await runScenario(data);
    expect(report.runs[0]!.converged).toBe(false);
    expect(runJson(report, provenanceOf(data)).runs[0]!.firstViolationsSettled).toBe(false);
    expect(runText(report, provenanceOf(data))).toContain('who broke first does not settle');
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
