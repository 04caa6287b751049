import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { runJson } from '../src/report/runJson.js';
import { runText } from '../src/report/runText.js';
import { provenanceOf } from '../src/provenance.js';
import { FastSlots, ReferenceSlots, type Slots } from '../src/run/slots.js';
import type { Obligation } from '../src/schema/interpretation.js';
import type { Rule } from '../src/schema/rule.js';
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

// the fixed point's bookkeeping sits behind src/run/slots.ts: parallel arrays for speed, and a plain
// reference beside them; they must never tell the fixed point different things
describe('the fixed point bookkeeping: fast slots and reference slots agree', () => {
  it('answer the same after the same random writes (200 random layouts), fresh or laid out again over another run', () => {
    const o1 = { party: 'russia' } as Obligation;
    const o2 = { party: 'ukraine' } as Obligation;
    // of every kind the fixed point tells apart by what fired (VIOLATION_CERTAIN, VIOLATION_ANY)
    const kinds = [
      { type: 'violation', params: { certainty: 'certain' } },
      { type: 'violation', params: { certainty: 'possible' } },
      { type: 'possible-violation', params: { certainty: 'possible' } },
      { type: 'escalation-trigger', params: { certainty: 'certain' } },
    ];
    const rule = (n: string, k: number) => ({ name: n, event: kinds[k % kinds.length] }) as unknown as Rule;
    const iv = (k: number) => (k === 0 ? null : { start: k, end: k + 1 });
    const reaches = ['certain', 'possible', 'none'] as const;
    const statuses = ['none', 'holds', 'lapsed', 'uncertain'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom<Obligation | undefined>(undefined, o1, o2), { minLength: 1, maxLength: 3 }), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.nat(3), fc.nat(5), fc.boolean()), { maxLength: 40 }),
        fc.array(fc.array(fc.constantFrom<Obligation | undefined>(undefined, o1, o2), { minLength: 1, maxLength: 3 }), { maxLength: 12 }),
        (layout, writes, before) => {
          // a FastSlots that held another run (written all over) and is laid out afresh, as RunContext reuses them
          const reused = new FastSlots(before.length, (i) => before[i]!);
          const beforeTotal = before.reduce((n, l) => n + l.length, 0);
          for (let s = 0; s < beforeTotal; s++) {
            reused.setStatic(s, 'certain', 'possible', 3);
            reused.record(s, 'lapsed', iv(1), iv(2), [rule('x', 0)]);
          }
          for (let i = 0; i < before.length; i++) reused.setActorFirst(i, iv(1));
          reused.reset(layout.length, (i) => layout[i]!);
          const both: Slots[] = [
            new FastSlots(layout.length, (i) => layout[i]!),
            new ReferenceSlots(layout.length, (i) => layout[i]!),
            reused,
          ];
          const total = layout.reduce((n, l) => n + l.length, 0);
          for (const [at, r, st, k, flag] of writes) {
            for (const slots of both) {
              if (layout.length > 0) slots.setActorFirst(at % layout.length, iv(k));
              if (total === 0) continue;
              const s = at % total;
              if (flag) slots.setStatic(s, reaches[r]!, reaches[(r + 1) % 3]!, k);
              else slots.record(s, statuses[st]!, iv(k), iv(k + 1), k === 5 ? [rule('a', 0), rule('b', 2)] : [rule(`r${k}`, k)]);
            }
          }
          const read = (slots: Slots) => ({
            starts: Array.from({ length: layout.length + 1 }, (_, i) => slots.start(i)),
            actorFirst: layout.map((_, i) => slots.actorFirst(i)),
            slots: Array.from({ length: total }, (_, s) => [
              slots.obligation(s),
              slots.placeReach(s),
              slots.targetReach(s),
              slots.regions(s),
              slots.status(s),
              slots.counterparty(s),
              slots.counterpartyPossible(s),
              slots.fired(s),
              slots.violations(s),
            ]),
          });
          expect(read(both[0]!)).toEqual(read(both[1]!));
          expect(read(both[2]!)).toEqual(read(both[1]!));
        },
      ),
      { numRuns: 200, seed: 21 },
    );
  });

  it('give the same runs on 150 random scenarios of pledges that hang on each other', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ actor: fc.constantFrom('russia' as const, 'ukraine' as const), h: fc.integer({ min: -2, max: 12 }) }), {
          minLength: 1,
          maxLength: 7,
        }),
        async (evs) => {
          const data = input(
            evs.map((e, i) => energy(`e${i}`, e.actor, e.h)),
            mutual(),
          );
          const fast = await runScenario(data);
          const reference = await runScenario(data, { referenceSlots: true });
          expect(runJson(reference, provenanceOf(data))).toEqual(runJson(fast, provenanceOf(data)));
        },
      ),
      { numRuns: 150, seed: 22 },
    );
  }, 60_000);
});
