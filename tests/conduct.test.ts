import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { crossCheck } from '../src/validate/crossCheck.js';
import { obligationSentence } from '../src/report/wording.js';
import { CITE, input, scenario, strike } from './helpers.js';

// Ukraine spares Russia's energy only while Russia spares Ukraine's (by conduct); Russia pledged nothing
const reading = {
  id: 'conduct',
  label: 'energy restraint by conduct',
  heldBy: [{ party: 'ukraine', who: 'test', sources: [CITE] }],
  agreement: { status: 'agreed' as const },
  window: { start: '2026-01-30T00:00:00+02:00', end: '2026-02-06T00:00:00+02:00', basis: 'test' },
  obligations: [
    {
      party: 'ukraine',
      towards: 'russia',
      refrainFrom: { targets: ['energy' as const] },
      condition: { while: 'counterparty-refrains' as const, counterparty: 'russia', from: { targets: ['energy' as const] } },
      sources: [CITE],
    },
  ],
};
const s = scenario({ interpretations: [reading] });
const ua = (id: string, start: string) =>
  strike(id, {
    start,
    actor: 'ukraine',
    target: 'russia',
    places: [{ name: 'Belgorod', kind: 'city', precision: 'settlement' }],
    targets: ['energy'],
  });

describe('reciprocity by conduct', () => {
  it('a pledge that hangs on the other side doing the same binds until that side first acts within the scope, though it pledged nothing', async () => {
    const events = [
      ua('ua-before', '2026-01-31T03:00:00+02:00'),
      strike('ru-energy', { start: '2026-02-01T03:00:00+02:00', targets: ['energy'] }),
      ua('ua-after', '2026-02-02T03:00:00+02:00'),
    ];
    const r = await runScenario(input(events, s));
    expect(r.runs[0]!.findings.map((f) => [f.eventId, f.type, f.certainty])).toEqual([['ua-before', 'violation', 'certain']]);
  });

  it("the other side's acts outside the condition's scope do not release the pledge", async () => {
    const events = [
      strike('ru-flats', { start: '2026-02-01T03:00:00+02:00', targets: ['residential'] }),
      ua('ua-after', '2026-02-02T03:00:00+02:00'),
    ];
    const r = await runScenario(input(events, s));
    expect(r.runs[0]!.findings.map((f) => [f.eventId, f.type])).toEqual([['ua-after', 'violation']]);
  });

  it("an act of the other side that only may have been within the scope makes the pledge's later breach only possible", async () => {
    // Russia's strike names no target: it may have hit energy
    const events = [strike('ru-unknown', { start: '2026-02-01T03:00:00+02:00', targets: [] }), ua('ua-after', '2026-02-02T03:00:00+02:00')];
    const r = await runScenario(input(events, s));
    expect(r.runs[0]!.findings.map((f) => [f.eventId, f.type, f.certainty])).toEqual([['ua-after', 'possible-violation', 'possible']]);
  });

  it('a report says the pledge holds only while the other side spares the same', () => {
    const name = (p: string) => (p === 'russia' ? 'Russia' : 'Ukraine');
    expect(obligationSentence(s.interpretations[0]!.obligations[0]!, name)).toBe(
      'Ukraine spares energy infrastructure of Russia, only while Russia spares energy infrastructure of Ukraine (by conduct)',
    );
  });

  it('a pledge cannot hang on its own party: validation names the condition', () => {
    const bad = scenario({
      interpretations: [
        {
          ...reading,
          obligations: [{ ...reading.obligations[0]!, condition: { ...reading.obligations[0]!.condition, counterparty: 'ukraine' } }],
        },
      ],
    });
    const problems = crossCheck({ scenarios: [{ file: 'x.yaml', scenario: bad }], seeds: [], rules: [], conditions: [] });
    expect(problems.some((p) => p.path.join('.') === 'interpretations.0.obligations.0.condition.counterparty')).toBe(true);
  });
});
