import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { streamRun, type StreamRecord } from '../src/run/streamRun.js';
import { CITE, input, scenario, strike } from './helpers.js';

const reading = (id: string, start: string) => ({
  id,
  label: id,
  heldBy: [{ party: 'ukraine', who: 'test', sources: [CITE] }],
  agreement: { status: 'agreed' as const },
  window: { start, duration: 'P7D', basis: 'test' },
  obligations: [{ party: 'russia', towards: 'ukraine', refrainFrom: { places: ['Kyiv'] }, sources: [CITE] }],
});

describe('lifecycle transitions are stamped consistently and say what moved them', () => {
  // issue 19: start -> agreed was stamped at a strike before the window under one reading, at the window's opening under another
  it('every reading stamps start -> agreed at the same instant, the start of the record, whatever its window', async () => {
    const s = scenario({ interpretations: [reading('early', '2026-01-26T00:00:00+02:00'), reading('late', '2026-01-30T00:00:00+02:00')] });
    const events = [
      strike('before', {
        start: '2026-01-28T03:00:00+02:00',
        places: [{ name: 'Sumy', region: 'Sumy Oblast', kind: 'city', precision: 'settlement' }],
      }),
    ];
    const r = await runScenario(input(events, s));
    const firsts = r.runs.map((run) => run.transitions[0]!);
    expect(firsts.map((t) => [t.from, t.to, t.at])).toEqual([
      ['start', 'agreed', Date.parse('2026-01-26T00:00:00+02:00')],
      ['start', 'agreed', Date.parse('2026-01-26T00:00:00+02:00')],
    ]);
    for (const t of firsts) expect(t.cause).toMatch(/as of the start of the record/);
    // and every later lifecycle transition names its cause
    for (const run of r.runs)
      for (const t of run.transitions.filter((x) => x.region === 'lifecycle')) expect(t.cause.length).toBeGreaterThan(0);
  });

  it('a stream stamps it at the same instant as a whole run', async () => {
    const s = scenario({ interpretations: [reading('early', '2026-01-26T00:00:00+02:00'), reading('late', '2026-01-30T00:00:00+02:00')] });
    const events = [strike('k', { start: '2026-01-31T03:00:00+02:00' })];
    const whole = await runScenario(input(events, s));
    const records: StreamRecord[] = [];
    async function* one() {
      yield { event: events[0]!, line: 1 };
    }
    await streamRun(input(events, s), one(), (x) => records.push(x), { minBatch: 1 });
    const streamed = records
      .filter((x) => x.record === 'transition')
      .map((x) => x as { interpretation: string; transition: { at: number; to: string } });
    for (const run of whole.runs) {
      const first = streamed.find((x) => x.interpretation === run.interpretation.id)!;
      expect(first.transition.at).toBe(run.transitions[0]!.at);
    }
  });
});
