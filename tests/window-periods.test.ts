import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadScenario } from '../src/load/loadScenario.js';
import { diffRuns } from '../src/run/diffRuns.js';
import { runScenario } from '../src/run/runScenario.js';
import { Window } from '../src/schema/interpretation.js';
import { resolveWindow } from '../src/time/window.js';
import { crossCheck } from '../src/validate/crossCheck.js';
import { CITE, input, ROOT, runCliHere, scenario, strike } from './helpers.js';

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

  it("the text report lists a window's periods and a declared end with their sources", async () => {
    const r = await runCliHere(['run', 'scenarios/other/yemen-2022/scenario.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('renewal 1: Thu 2 Jun 2022 19:00 (GMT+3) to Tue 2 Aug 2022 19:00 (GMT+3) (sou:5)');
    expect(r.stdout).toContain('renewal 2: Tue 2 Aug 2022 19:00 (GMT+3) to Sun 2 Oct 2022 19:00 (GMT+3) (sou:9)');
    expect(r.stdout).toContain('declared over by Houthis (Ansar Allah) from Sat 1 Oct 2022 18:00 (GMT+3) (sou:10)');
  });
});

describe('windows with gaps, an open end, and no overlaps', () => {
  const week = { start: '2026-01-30T00:00:00+02:00', end: '2026-02-02T00:00:00+02:00', basis: 'three days' };
  // a second period from 4 February: 2-4 February is a gap
  const gapped = { ...week, renewals: [{ start: '2026-02-04T00:00:00+02:00', duration: 'P2D', basis: 'resumed', sources: [CITE] }] };
  const checked = (window: object) => {
    const base0 = scenario();
    const s = scenario({ interpretations: [{ ...base0.interpretations[0]!, window: Window.parse(window) }] });
    return crossCheck({ scenarios: [{ file: 's.yaml', scenario: s }], seeds: [], rules: [], conditions: [] }).map((p) => [
      p.code,
      p.path.join('.'),
    ]);
  };

  it('a renewal with its own later start leaves a gap: the window runs on to its end, the gap is covered by no period', () => {
    const w = resolveWindow(Window.parse(gapped), 'UTC');
    expect(w.end).toBe(Date.parse('2026-02-06T00:00:00+02:00'));
    expect(w.gaps).toEqual([
      {
        start: Date.parse('2026-02-02T00:00:00+02:00'),
        end: Date.parse('2026-02-04T00:00:00+02:00'),
        startInclusive: true,
        endInclusive: false,
      },
    ]);
  });

  it('a strike in the gap breaks nothing; one before it and one after it do; one straddling its edge is only possible', async () => {
    const base0 = scenario();
    const s = scenario({ interpretations: [{ ...base0.interpretations[0]!, window: Window.parse(gapped) }] });
    const report = await runScenario(
      input(
        [
          strike('before-gap', { start: '2026-02-01T03:00:00+02:00' }),
          strike('in-gap', { start: '2026-02-03T03:00:00+02:00' }),
          strike('after-gap', { start: '2026-02-05T03:00:00+02:00' }),
          strike('straddles', { start: '2026-02-03T22:00:00+02:00', end: '2026-02-04T02:00:00+02:00' }),
        ],
        s,
      ),
    );
    const types = (id: string) => [...new Set(report.runs[0]!.findings.filter((f) => f.eventId === id).map((f) => f.type))];
    expect(types('before-gap')).toContain('violation');
    expect(types('after-gap')).toContain('violation');
    expect(types('in-gap')).toEqual([]);
    expect(types('straddles')).toEqual(['possible-violation']);
  });

  it("the other side's act in a gap releases no pledge that hangs on its conduct; the same act inside a period does", async () => {
    const reading = {
      id: 'conduct',
      label: 'energy restraint by conduct, in two periods',
      heldBy: [{ party: 'ukraine', who: 'test', sources: [CITE] }],
      agreement: { status: 'agreed' as const },
      window: gapped,
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
    const ua = strike('ua-energy', {
      start: '2026-02-05T03:00:00+02:00',
      actor: 'ukraine',
      target: 'russia',
      places: [{ name: 'Belgorod', kind: 'city', precision: 'settlement' }],
      targets: ['energy'],
    });
    const verdict = async (russianAt: string) => {
      const report = await runScenario(input([strike('ru-energy', { start: russianAt, targets: ['energy'] }), ua], s));
      return report.runs[0]!.findings.filter((f) => f.eventId === 'ua-energy').map((f) => f.type);
    };
    // Russia's energy strike on 3 February falls in the gap: Ukraine's pledge still binds on 5 February
    expect(await verdict('2026-02-03T03:00:00+02:00')).toContain('violation');
    // on 1 February, inside the first period, it releases the pledge
    expect(await verdict('2026-02-01T03:00:00+02:00')).toEqual([]);
  });

  it('periods may not overlap: a renewal starting before the period before it ends is refused at its start', () => {
    const overlapping = { ...week, renewals: [{ start: '2026-02-01T00:00:00+02:00', duration: 'P2D', basis: 'early', sources: [CITE] }] };
    expect(checked(overlapping)).toContainEqual(['E_WINDOW_ORDER', 'interpretations.0.window.renewals.0.start']);
    // starting exactly at the end is a plain renewal, no gap and no problem
    const contiguous = { ...week, renewals: [{ start: week.end, duration: 'P2D', basis: 'on time', sources: [CITE] }] };
    expect(checked(contiguous)).toEqual([]);
    expect(resolveWindow(Window.parse(contiguous), 'UTC').gaps).toBeUndefined();
  });

  it('an open end runs to the declared end; without `endedBy` it is refused where it is written', () => {
    const ended = { party: 'russia', at: '2026-02-10T00:00:00+02:00', basis: 'declared over', sources: [CITE] };
    const open = { start: week.start, open: true, basis: 'until further notice', endedBy: ended };
    expect(resolveWindow(Window.parse(open), 'UTC').end).toBe(Date.parse('2026-02-10T00:00:00+02:00'));
    expect(checked(open)).toEqual([]);
    expect(checked({ start: week.start, open: true, basis: 'until further notice' })).toEqual([
      ['E_SCHEMA', 'interpretations.0.window.open'],
    ]);
    const openRenewal = { ...week, renewals: [{ open: true, basis: 'extended indefinitely', sources: [CITE] }] };
    expect(checked(openRenewal)).toEqual([['E_SCHEMA', 'interpretations.0.window.renewals.0.open']]);
    expect(resolveWindow(Window.parse({ ...openRenewal, endedBy: ended }), 'UTC').end).toBe(Date.parse('2026-02-10T00:00:00+02:00'));
    // only the last period may be open
    const openThenMore = {
      ...week,
      endedBy: ended,
      renewals: [openRenewal.renewals[0]!, { duration: 'P1D', basis: 'b', sources: [CITE] }],
    };
    expect(checked(openThenMore)).toContainEqual(['E_WINDOW_ORDER', 'interpretations.0.window.renewals.1']);
  });

  it('an open end together with an end or a duration is refused by the format', () => {
    expect(Window.safeParse({ ...week, open: true }).success).toBe(false);
    expect(Window.safeParse({ ...week, renewals: [{ open: true, end: week.end, basis: 'r', sources: [CITE] }] }).success).toBe(false);
  });
});

// a renewal moved later opens a gap while the window's ends stay put: diff must still call the window changed
describe('truce diff and a gap', () => {
  it("moving a renewal's start later changes the reading's window in the diff", async () => {
    const base = loadScenario(path.join(ROOT, 'scenarios/other/yemen-2022/scenario.yaml'));
    const reading = base.scenario.interpretations[0]!;
    const [first, ...rest] = reading.window.renewals!;
    const moved = {
      ...reading,
      window: { ...reading.window, renewals: [{ ...first!, start: '2022-06-05T19:00:00+03:00' }, ...rest] },
    };
    const variant = { ...base, scenario: { ...base.scenario, interpretations: [moved, ...base.scenario.interpretations.slice(1)] } };
    const a = await runScenario(base);
    const b = await runScenario(variant);
    expect(b.runs[0]!.window.gaps).toBeDefined();
    const d = diffRuns(a, b).readings.find((r) => r.interpretation === reading.id)!;
    expect(d.windowChanged).toBe(true);
    expect(d.termChanges.map((c) => c.term)).toContain('window');
  });
});
