import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { Window } from '../src/schema/interpretation.js';
import { resolveWindow } from '../src/time/window.js';
import { crossCheck } from '../src/validate/crossCheck.js';
import { CITE, input, runCliHere, scenario, strike } from './helpers.js';

const base = { start: '2022-04-02T19:00:00+03:00', duration: 'P2M', basis: 'two months', timeZone: 'Asia/Aden' };
const renewed = {
  ...base,
  renewals: [
    { duration: 'P2M', basis: 'first renewal', sources: [CITE] },
    { end: '2022-10-02T19:00:00+03:00', basis: 'second renewal', sources: [CITE] },
  ],
};

describe('windows that change', () => {
  it('a window renewed twice runs from its start to the end of its last renewal, each renewal counted from the end of the one before', () => {
    const w = resolveWindow(Window.parse(renewed), 'UTC');
    expect(w.start).toBe(Date.parse('2022-04-02T19:00:00+03:00'));
    expect(w.end).toBe(Date.parse('2022-10-02T19:00:00+03:00'));
    const once = resolveWindow(Window.parse({ ...base, renewals: [renewed.renewals[0]] }), 'UTC');
    // two calendar months from 2 June 19:00 Aden time
    expect(once.end).toBe(Date.parse('2022-08-02T19:00:00+03:00'));
  });

  it('a renewal counts its duration and day end in its own time zone', () => {
    const w = Window.parse({
      start: '2022-03-20T00:00:00+02:00',
      end: '2022-03-25T00:00:00+02:00',
      basis: 'b',
      timeZone: 'Europe/Kyiv',
      renewals: [{ duration: 'P1D', endInclusive: 'day', timeZone: 'Asia/Tokyo', basis: 'r', sources: [CITE] }],
    });
    // 25 March 00:00 Kyiv is 07:00 Tokyo; a day later, through that Tokyo day: 27 March 00:00 Tokyo
    expect(resolveWindow(w, 'UTC').end).toBe(Date.parse('2022-03-27T00:00:00+09:00'));
  });

  it('a truce a party declares over before its term ends at that instant, and a strike after it breaks nothing', async () => {
    const declared = {
      start: '2026-01-30T00:00:00+02:00',
      end: '2026-02-06T00:00:00+02:00',
      basis: 'a week',
      endedBy: { party: 'russia', at: '2026-02-02T00:00:00+02:00', basis: 'Russia said the pause was over', sources: [CITE] },
    };
    expect(resolveWindow(Window.parse(declared), 'UTC').end).toBe(Date.parse('2026-02-02T00:00:00+02:00'));
    const base = scenario();
    const s = scenario({ interpretations: [{ ...base.interpretations[0]!, window: declared }] });
    const report = await runScenario(
      input([strike('before', { start: '2026-02-01T03:00:00+02:00' }), strike('after', { start: '2026-02-03T03:00:00+02:00' })], s),
    );
    const violated = report.runs[0]!.findings.filter((f) => f.type === 'violation').map((f) => f.eventId);
    expect([...new Set(violated)]).toEqual(['before']);
  });

  it('a declared end after the stated end changes nothing: the truce had already lapsed', () => {
    const w = Window.parse({ ...base, endedBy: { party: 'x', at: '2023-01-01T00:00:00+03:00', basis: 'late', sources: [CITE] } });
    expect(resolveWindow(w, 'UTC').end).toBe(Date.parse('2022-06-02T19:00:00+03:00'));
  });

  it('the single-window form keeps its meaning', () => {
    expect(resolveWindow(Window.parse(base), 'UTC')).toEqual({
      start: Date.parse('2022-04-02T19:00:00+03:00'),
      end: Date.parse('2022-06-02T19:00:00+03:00'),
      startInclusive: true,
      endInclusive: false,
    });
  });

  it('a period that gives neither an end nor a duration is refused', () => {
    expect(Window.safeParse({ ...base, renewals: [{ basis: 'r', sources: [CITE] }] }).success).toBe(false);
  });

  it('a renewal that ends before the period it continues, or a declared end by an unknown party, is refused where it is written', () => {
    const base0 = scenario();
    const window = {
      start: '2026-01-30T00:00:00+02:00',
      end: '2026-02-06T00:00:00+02:00',
      basis: 'a week',
      renewals: [{ end: '2026-02-05T00:00:00+02:00', basis: 'shorter', sources: [CITE] }],
      endedBy: { party: 'nobody', at: '2026-02-02T00:00:00+02:00', basis: 'b', sources: [CITE] },
    };
    const s = scenario({ interpretations: [{ ...base0.interpretations[0]!, window }] });
    const problems = crossCheck({ scenarios: [{ file: 's.yaml', scenario: s }], seeds: [], rules: [], conditions: [] });
    expect(problems.map((p) => [p.code, p.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['E_WINDOW_ORDER', 'interpretations.0.window.renewals.0.end'],
        ['E_UNKNOWN_PARTY', 'interpretations.0.window.endedBy.party'],
      ]),
    );
  });

  it("the text report lists a window's renewals and a declared end with their sources", async () => {
    const r = await runCliHere(['run', 'scenarios/other/yemen-2022/scenario.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('renewed 2 time(s): for P2M (sou:5); to Sun 2 Oct 2022 19:00 (GMT+3) (sou:9)');
    expect(r.stdout).toContain('declared over by Houthis (Ansar Allah) from Sat 1 Oct 2022 18:00 (GMT+3) (sou:10)');
  });
});
