import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { provenanceOf } from '../src/provenance.js';
import { runText } from '../src/report/runText.js';
import { runMarkdown } from '../src/report/runMarkdown.js';
import { runHtml } from '../src/report/runHtml.js';
import { explainEvent } from '../src/run/explainEvent.js';
import { explainText } from '../src/report/explainText.js';
import { CITE, input, scenario, strike } from './helpers.js';

const at = '2026-02-01T03:00:00+02:00';
const withEvidence = (evidence: unknown) => {
  const s = scenario();
  return scenario({ interpretations: [{ ...s.interpretations[0]!, evidence } as never] });
};
const kyiv = (id: string, over: object) => strike(id, { start: at, ...over });
const judged = async (events: ReturnType<typeof strike>[], evidence?: unknown) => {
  const r = await runScenario(input(events, evidence === undefined ? scenario() : withEvidence(evidence)));
  return r.runs[0]!.findings.map((f) => [f.eventId, f.type, f.certainty]);
};

describe('allegations and attribution', () => {
  it('by default a disputed act (claimed by one side, denied by the other) is only a possible violation', async () => {
    const e = kyiv('disputed', { reportedBy: ['ukraine'], deniedBy: ['russia'] });
    expect(await judged([e])).toEqual([['disputed', 'possible-violation', 'possible']]);
  });

  it('by default a claimed act counts as a violation, as a confirmed one does', async () => {
    expect(await judged([kyiv('claimed', { attribution: 'claimed', reportedBy: ['ukraine'] })])).toEqual([
      ['claimed', 'violation', 'certain'],
    ]);
  });

  it('a reading whose standard leaves disputed acts out finds nothing in them', async () => {
    expect(await judged([kyiv('disputed', { attribution: 'disputed', deniedBy: ['russia'] })], { disputed: 'exclude' })).toEqual([]);
  });

  it('a reading whose standard counts claimed acts as possible makes a claimed act a possible violation, and it starts no enforcement', async () => {
    const s = withEvidence({ claimed: 'possible' });
    const r = await runScenario(input([kyiv('claimed', { attribution: 'claimed', reportedBy: ['ukraine'] })], s));
    expect(r.runs[0]!.findings.map((f) => [f.type, f.rule])).toEqual([['possible-violation', 'alleged-violation']]);
    expect(r.runs[0]!.firstViolations).toEqual([]);
  });

  it('a confirmed act is a violation whatever the standard', async () => {
    expect(await judged([kyiv('confirmed', {})], { claimed: 'exclude', disputed: 'exclude' })).toEqual([
      ['confirmed', 'violation', 'certain'],
    ]);
  });

  it('a disputed act is visibly disputed in the text, Markdown and HTML reports', async () => {
    const e = kyiv('disputed', { reportedBy: ['ukraine'], deniedBy: ['russia'], sources: [CITE] });
    const inp = input([e]);
    const rep = await runScenario(inp);
    const p = provenanceOf(inp);
    const words = 'DISPUTED: reported by Ukraine, denied by Russia';
    expect(runText(rep, p)).toContain(words);
    expect(runMarkdown(rep, p)).toContain(`**${words}**`);
    expect(await runHtml(rep, p)).toContain(`<strong class="disputed">${words}</strong>`);
  });

  it('an explanation states the attribution and how the reading counts it', async () => {
    const e = kyiv('disputed', { reportedBy: ['ukraine'], deniedBy: ['russia'] });
    const inp = input([e]);
    const x = await explainEvent(inp, await runScenario(inp), 'disputed');
    expect(x.readings[0]!.evaluations[0]!.facts.evidence).toBe('possible');
    expect(explainText(x, provenanceOf(inp))).toContain(
      'attribution DISPUTED: reported by Ukraine, denied by Russia; this reading counts it as: possible',
    );
  });
});
