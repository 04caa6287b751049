import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { runScenario, type ScenarioInput } from '../src/run/runScenario.js';
import { explainEvent, type ConditionNode, type EventExplanation, type LeafNode, type NamedNode } from '../src/run/explainEvent.js';
import { explainJson } from '../src/report/explainJson.js';
import { explainText } from '../src/report/explainText.js';
import { provenanceOf } from '../src/provenance.js';
import { Rule } from '../src/schema/rule.js';
import { UsageError } from '../src/problem.js';
import { toMillis } from '../src/time/interval.js';
import { input, runCliHere, strike, withoutArticlesNote } from './helpers.js';

const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const MINERS = 'ru-strike-2026-02-01-miners';
const KYIV = 'ru-strike-2026-02-02-03';

const loaded = loadScenario(SCENARIO);
const report = await runScenario(loaded);
const explain = (id: string, opts = {}) => explainEvent(loaded, report, id, opts);

function reading(x: EventExplanation, id: string) {
  const r = x.readings.find((rr) => rr.interpretation.id === id);
  if (!r) throw new Error(`no reading ${id}`);
  return r;
}
function rule(x: EventExplanation, readingId: string, name: string, obligation = 0) {
  const r = reading(x, readingId).evaluations[obligation]!.rules.find((rr) => rr.rule.name === name);
  if (!r) throw new Error(`no rule ${name}`);
  return r;
}
function walk(n: ConditionNode, f: (n: ConditionNode) => void): void {
  f(n);
  if (n.op !== 'fact') n.conditions.forEach((c) => walk(c, f));
}
function named(n: ConditionNode, name: string): NamedNode | undefined {
  let found: NamedNode | undefined;
  walk(n, (c) => {
    if (!found && c.op === 'condition' && c.name === name) found = c;
  });
  return found;
}
function leaves(n: ConditionNode): LeafNode[] {
  const out: LeafNode[] = [];
  walk(n, (c) => {
    if (c.op === 'fact') out.push(c);
  });
  return out;
}

describe('the 1 February strike on the miners (ru-strike-2026-02-01-miners)', async () => {
  const x = await explain(MINERS);

  it('is a possible violation under washington: inside the window, and its region may hold a protected city or town', () => {
    const w = reading(x, 'washington');
    expect(w.verdict).toBe('possible-violation');
    expect(w.timing).toBe('inside');
    const ev = w.evaluations[0]!;
    expect(ev.context.places).toEqual({ scope: 'possible', matched: [], possible: ['Dnipropetrovsk region'] });
    expect(rule(x, 'washington', 'partial-scope').fired).toBe(true);
    // protected-place fails on the place only, not on time
    const pp = rule(x, 'washington', 'protected-place');
    expect(pp.fired).toBe(false);
    expect(pp.decisive.map((l) => `${l.fact} ${l.operator} ${String(l.value)} <- ${String(l.factValue)}`)).toEqual([
      'placeScope equal certain <- possible',
    ]);
  });

  it('is nothing under kremlin: the window ended 1 February 00:00 Moscow time, and only Kyiv is protected', () => {
    const k = reading(x, 'kremlin');
    expect(k.verdict).toBe('none');
    expect(k.findings).toEqual([]);
    expect(k.timing).toBe('after');
    expect(k.window.end).toBe(toMillis('2026-02-01T00:00:00+03:00'));
    expect(k.evaluations[0]!.rules.every((r) => !r.fired)).toBe(true);
    expect(k.evaluations[0]!.context.places.scope).toBe('none');
    const inside = named(rule(x, 'kremlin', 'protected-place').conditions, 'inside-window')!;
    expect(inside.status).toBe('failed');
    const leaf = leaves(inside)[0]!;
    expect(leaf).toMatchObject({ fact: 'eventTime', operator: 'during', value: { fact: 'window' }, status: 'failed' });
    expect(leaf.factValue).toEqual({ start: toMillis('2026-02-01T00:00:00+02:00'), end: toMillis('2026-02-02T00:00:00+02:00') });
    expect(leaf.valueResult).toMatchObject({ end: toMillis('2026-02-01T00:00:00+03:00'), endInclusive: false });
  });

  it('prints times in the scenario zone, and the window as the data wrote it', () => {
    const text = explainText(x, provenanceOf(loaded));
    // a000:14 dates the miners' strike to 1 February; the Kremlin's week ends at midnight Moscow time (a000:11)
    expect(text).toContain(
      'kremlin     NO FINDING: It came after the window closed at Sat 31 Jan 2026 23:00 (GMT+2) (written as Sun 1 Feb 2026 00:00 (GMT+3)). It hit civilians in Dnipropetrovsk region, which this reading does not protect (it protects Kyiv).',
    );
    expect(text).toContain(
      'washington  POSSIBLE VIOLATION (partial-scope): It came inside the window, which runs from Thu 29 Jan 2026 00:00 (GMT+2) to Thu 5 Feb 2026 00:00 (GMT+2), the closing moment not included. It may have hit what this reading protects (Kyiv, cities and towns): the sources name only Dnipropetrovsk region',
    );
    // one offset style, durations in words, no fact names in the sentences
    expect(text).not.toMatch(/UTC\+\d|\bP\d+D\b|PT\d+H/);
    const sentences = text
      .split('Condition trace')[0]!
      .split('\n')
      .filter((l) => !l.includes('Condition trace'));
    for (const l of sentences) expect(l).not.toMatch(/placeScope|targetScope|conditionStatus|eventTime|during window/);
    expect(text).toContain(
      'FAIL  eventTime during window: eventTime is [Sun 1 Feb 2026 00:00 (GMT+2), Mon 2 Feb 2026 00:00 (GMT+2)); window is [Sat 24 Jan 2026 23:00 (GMT+2), Sat 31 Jan 2026 23:00 (GMT+2))',
    );
    expect(text).not.toMatch(/17\d{11}/); // no raw epoch milliseconds
  });
});

describe('the 2-3 February strike on Kyiv (ru-strike-2026-02-02-03)', async () => {
  const x = await explain(KYIV);

  it('is a violation under washington and kyiv, by place (and by target under kyiv)', () => {
    expect(reading(x, 'washington').verdict).toBe('violation');
    expect(reading(x, 'kyiv').verdict).toBe('violation');
    expect(rule(x, 'washington', 'protected-place').fired).toBe(true);
    expect(rule(x, 'washington', 'protected-target').fired).toBe(false);
    expect(rule(x, 'kyiv', 'protected-target').fired).toBe(true);
    expect(reading(x, 'kyiv').evaluations[0]!.context.targets.matched).toEqual(['energy']);
    expect(rule(x, 'washington', 'protected-place').explanation).toContain('Russia struck Kyiv, protected under the washington reading');
  });

  it('is nothing under kremlin although Kyiv is protected there: the strike came after its window', () => {
    const k = reading(x, 'kremlin');
    expect(k.verdict).toBe('none');
    expect(k.evaluations[0]!.context.places.matched).toEqual(['Kyiv']);
    const pp = rule(x, 'kremlin', 'protected-place');
    expect(pp.fired).toBe(false);
    expect(pp.decisive.map((l) => l.fact)).toEqual(['eventTime']);
  });
});

describe('faithfulness to the run', () => {
  it('fires exactly the rules the run found, for every event and reading of jan-feb-2026', async () => {
    for (const { event } of report.events) {
      const x = await explain(event.id);
      for (const r of x.readings) {
        const fired = [...new Set(r.evaluations.flatMap((ev) => ev.rules.filter((rr) => rr.fired).map((rr) => rr.rule.name)))].sort();
        expect(fired, `${event.id} under ${r.interpretation.id}`).toEqual([...new Set(r.findings.map((f) => f.rule))].sort());
      }
    }
  });

  it("evaluates a reciprocal pledge with the counterparty's first violation from the finished run", async () => {
    // Russia breaks the truce on Kyiv; Ukraine then hits Russian energy: its pledge has lapsed
    const events = [
      strike('ru', { start: '2026-01-31T10:00:00+02:00' }),
      strike('ua', {
        start: '2026-02-01T10:00:00+02:00',
        actor: 'ukraine',
        target: 'russia',
        targets: ['energy'],
        places: [{ name: 'Belgorod', kind: 'city', precision: 'settlement' }],
      }),
    ];
    const inp = input(events);
    const rep = await runScenario(inp);
    const x = await explainEvent(inp, rep, 'ua');
    const ev = x.readings[0]!.evaluations[0]!;
    expect(ev.obligation?.party).toBe('ukraine');
    expect(ev.facts.conditionStatus).toBe('lapsed');
    expect(ev.context.counterpartyFirstViolation).toEqual({
      start: toMillis('2026-01-31T10:00:00+02:00'),
      end: toMillis('2026-01-31T10:00:00+02:00'),
    });
    expect(ev.rules.find((r) => r.rule.name === 'reciprocal-breach')!.fired).toBe(false);
    expect(rep.runs[0]!.findings.filter((f) => f.eventId === 'ua')).toEqual([]);
    const text = explainText(x, provenanceOf(inp));
    expect(text).toContain("condition while Russia complies: lapsed (Russia's first violation: at Sat 31 Jan 2026 10:00 (GMT+2))");
    expect(text).toContain(
      "Ukraine's pledge held only while Russia complied; Russia's first violation came at Sat 31 Jan 2026 10:00 (GMT+2), before this strike, so the pledge no longer bound Ukraine.",
    );
  });

  it("explains an event under each of the actor's obligations, and says when none binds the actor", async () => {
    const x = await explain('ua-statement-2026-02-03');
    expect(reading(x, 'washington').evaluations.map((e) => e.obligation)).toEqual([null]);
    expect(reading(x, 'kyiv').evaluations.map((e) => e.obligationIndex)).toEqual([1]);
    expect(explainText(x, provenanceOf(loaded))).toContain('obligation: none; this reading puts no obligation on Ukraine');
    expect(explainText(x, provenanceOf(loaded))).toContain('It is a statement, not an attack: no rule judges it.');
  });
});

describe('the condition trace', () => {
  it('keeps shared conditions by name, with their own parts', async () => {
    const x = await explain(MINERS);
    const ba = rule(x, 'washington', 'broader-attack');
    const cv = named(ba.conditions, 'certain-violation')!;
    expect(cv.status).toBe('failed');
    // certain-violation refers to further named conditions, all shown by name
    expect(['is-attack', 'inside-window', 'obligation-binds'].every((n) => named(cv, n) !== undefined)).toBe(true);
    expect(explainText(x, provenanceOf(loaded))).toContain('FAIL  certain-violation (shared condition)');
  });

  it('marks what the engine left unevaluated (short-circuit) as not evaluated', async () => {
    // a higher-priority part fails first; json-rules-engine then skips the rest, a named condition included
    const r = Rule.parse({
      name: 'short-circuit',
      description: 'test',
      encodes: [{ file: 'x.txt', line: 1, clause: 'test' }],
      conditions: {
        all: [
          { fact: 'kind', operator: 'equal', value: 'response', priority: 10 },
          { fact: 'munitionsLow', operator: 'greaterThan', value: 0 },
          { condition: 'inside-window' },
        ],
      },
      event: { type: 'violation', params: { certainty: 'certain', explain: 'x' } },
    });
    const base = input([strike('a', { start: '2026-02-02T23:00:00+02:00' })]);
    const inp: ScenarioInput = { ...base, rules: [r] };
    const x = await explainEvent(inp, await runScenario(inp), 'a');
    const sc = x.readings[0]!.evaluations[0]!.rules[0]!;
    expect(sc.fired).toBe(false);
    const [first, second, third] = (sc.conditions as { conditions: ConditionNode[] }).conditions;
    expect(first).toMatchObject({ status: 'failed', factValue: 'strike' });
    expect(second).toMatchObject({ status: 'not-evaluated' });
    expect(second).not.toHaveProperty('factValue');
    expect(third).toMatchObject({ op: 'condition', name: 'inside-window', status: 'not-evaluated' });
    expect(sc.decisive.map((l) => l.fact)).toEqual(['kind']);
    const text = explainText(x, provenanceOf(inp));
    expect(text).toContain('not evaluated  munitionsLow greaterThan 0');
    expect(text).toContain('not evaluated  inside-window (shared condition)');
    const json = explainJson(x, provenanceOf(inp));
    expect(json.readings[0]!.evaluations[0]!.rules[0]!.conditions.conditions![2]).toMatchObject({
      op: 'condition',
      status: 'not-evaluated',
    });
  });
});

describe('errors', () => {
  it('an unknown event or reading is a usage error naming the valid ids', async () => {
    await expect(explain('no-such-event')).rejects.toThrow(UsageError);
    await expect(explain('no-such-event')).rejects.toThrow(/choose one of .*ru-strike-2026-02-02-03/);
    await expect(explain(KYIV, { interpretation: 'paris' })).rejects.toThrow(/choose one of washington, kremlin, kyiv/);
  });
});

describe('truce explain (CLI)', () => {
  it('explains in text, every reading and every rule', async () => {
    const r = await runCliHere(['explain', SCENARIO, '--event', KYIV]);
    expect(r.code).toBe(0);
    expect(withoutArticlesNote(r.stderr)).toBe('');
    expect(r.stdout).toContain('In short:');
    expect(r.stdout).toContain(
      'washington  VIOLATION (protected-place, broader-attack): It came inside the window, which runs from Thu 29 Jan 2026 00:00 (GMT+2) to Thu 5 Feb 2026 00:00 (GMT+2), the closing moment not included. It hit Kyiv, which this reading protects.',
    );
    expect(r.stdout).toContain('kyiv        VIOLATION (protected-place, protected-target, broader-attack)');
    expect(r.stdout).toContain(
      'kremlin     NO FINDING: It came after the window closed at Sat 31 Jan 2026 23:00 (GMT+2) (written as Sun 1 Feb 2026 00:00 (GMT+3)). It hit Kyiv, which this reading protects.',
    );
    for (const name of loaded.rules.map((x) => x.name)) expect(r.stdout).toContain(`       ${name} -> `);
  });

  it('--interpretation keeps one reading; --format json prints the truce.explain/v1 object', async () => {
    const r = await runCliHere(['explain', SCENARIO, '--event', MINERS, '--interpretation', 'kremlin', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe('truce.explain/v1');
    expect(j.provenance).toMatchObject({ tool: 'truce', rulesHash: expect.stringMatching(/^sha256:/) });
    expect(j.event.id).toBe(MINERS);
    expect(j.readings.map((x: { interpretation: string }) => x.interpretation)).toEqual(['kremlin']);
    const k = j.readings[0];
    expect(k).toMatchObject({
      verdict: 'none',
      timing: 'after',
      window: { end: '2026-01-31T23:00:00+02:00', endInclusive: false, asWritten: { end: '2026-02-01T00:00:00+03:00' } },
    });
    const ev = k.evaluations[0];
    expect(ev.places).toEqual({ scope: 'none', certain: [], possible: [], not: ['Dnipropetrovsk region'] });
    expect(ev.facts.eventTime).toEqual({ start: '2026-02-01T00:00:00+02:00', end: '2026-02-02T00:00:00+02:00' });
    const pp = ev.rules.find((x: { rule: string }) => x.rule === 'protected-place');
    expect(pp).toMatchObject({ fired: false, concludes: { type: 'violation', certainty: 'certain' } });
    expect(pp.conditions.conditions[1]).toMatchObject({ op: 'condition', name: 'inside-window', status: 'failed' });
    expect(pp.conditions.conditions[1].conditions[0].conditions[0]).toMatchObject({
      op: 'fact',
      fact: 'eventTime',
      operator: 'during',
      status: 'failed',
      factValue: { start: '2026-02-01T00:00:00+02:00' },
    });
  });

  it('is byte-identical from run to run', async () => {
    const a = (await runCliHere(['explain', SCENARIO, '--event', KYIV, '--format', 'json'])).stdout;
    expect((await runCliHere(['explain', SCENARIO, '--event', KYIV, '--format', 'json'])).stdout).toBe(a);
  });

  it('an unknown event or interpretation exits 2 and lists the valid ids', async () => {
    const bad = await runCliHere(['explain', SCENARIO, '--event', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no event "nope"');
    expect(bad.stderr).toContain('ru-strike-2026-02-01-miners');
    expect(bad.stdout).toBe('');
    const badI = await runCliHere(['explain', SCENARIO, '--event', KYIV, '-i', 'paris']);
    expect(badI.code).toBe(2);
    expect(badI.stderr).toContain('choose one of washington, kremlin, kyiv');
  });
});
