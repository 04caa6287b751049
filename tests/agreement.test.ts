import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { crossCheck } from '../src/validate/crossCheck.js';
import { CITE, input, scenario, strike } from './helpers.js';

const base = scenario().interpretations[0]!;
const joined = (effective: string) =>
  scenario({
    interpretations: [
      {
        ...base,
        agreement: {
          status: 'declared',
          claims: [
            { by: 'ukraine', claim: 'declared', sources: [CITE] },
            { by: 'russia', claim: 'joined', on: effective, sources: [CITE] },
          ],
        },
        obligations: [{ ...base.obligations[0]!, effective }],
      } as never,
    ],
  });

describe('how a truce comes about', () => {
  it('a party that joins later is bound only from its own date: an act before it is no violation, one after it is', async () => {
    const s = joined('2026-02-02T00:00:00+02:00');
    const r = await runScenario(
      input([strike('before', { start: '2026-02-01T03:00:00+02:00' }), strike('after', { start: '2026-02-03T03:00:00+02:00' })], s),
    );
    const v = r.runs[0]!.findings.filter((f) => f.type === 'violation').map((f) => f.eventId);
    expect([...new Set(v)]).toEqual(['after']);
  });

  it('an act straddling the joining date is only a possible violation', async () => {
    const s = joined('2026-02-02T00:00:00+02:00');
    const r = await runScenario(input([strike('edge', { start: '2026-02-01T22:00:00+02:00', end: '2026-02-02T02:00:00+02:00' })], s));
    expect(r.runs[0]!.findings.map((f) => f.type)).toContain('possible-violation');
    expect(r.runs[0]!.findings.map((f) => f.type)).not.toContain('violation');
  });

  it("an obligation's own start outside its reading's window is refused with its location", () => {
    const problems = crossCheck({
      scenarios: [{ file: 'x.yaml', scenario: joined('2026-03-01T00:00:00+02:00') }],
      seeds: [],
      rules: [],
      conditions: [],
    });
    expect(problems.map((p) => [p.file, p.path.join('.')])).toContainEqual(['x.yaml', 'interpretations.0.obligations.0.effective']);
  });

  it('unilateral declarations, rejections and acceptance with conditions are statements a reading can record', () => {
    const s = scenario({
      interpretations: [
        {
          ...base,
          agreement: {
            status: 'rejected',
            claims: [
              { by: 'russia', claim: 'declared', sources: [CITE] },
              { by: 'ukraine', claim: 'rejected', sources: [CITE] },
              { by: 'ukraine', claim: 'accepted-with-conditions', conditions: ['a 30-day term'], sources: [CITE] },
            ],
          },
        } as never,
      ],
    });
    expect(s.interpretations[0]!.agreement.claims.map((c) => c.claim)).toEqual(['declared', 'rejected', 'accepted-with-conditions']);
  });
});
