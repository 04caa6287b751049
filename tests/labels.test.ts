import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadScenario } from '../src/load/loadScenario.js';
import { runScenario } from '../src/run/runScenario.js';
import { timelineSpec, timelineSvg } from '../src/report/timelineChart.js';
import { ganttChart } from '../src/report/mermaid.js';
import { FINDING_WORD, LABEL_NOTE, labelNotes } from '../src/report/wording.js';
import { runText } from '../src/report/runText.js';
import { runJson } from '../src/report/runJson.js';
import { runMarkdown } from '../src/report/runMarkdown.js';
import { runHtml } from '../src/report/runHtml.js';
import { provenanceOf } from '../src/provenance.js';
import { ROOT, runCliHere } from './helpers.js';

/** Every shipped scenario and what-if. */
const shipped = readdirSync(path.join(ROOT, 'scenarios'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join('scenarios', f));

type Datum = { kind: string; lane: string; row: string; text?: string };

describe('report labels are drawn whole, never cut short', () => {
  it('finds the shipped scenario and what-ifs', () => {
    expect(shipped).toContain(path.join('scenarios', 'jan-feb-2026.yaml'));
    expect(shipped.filter((f) => f.includes('whatif')).length).toBeGreaterThanOrEqual(6);
  });

  for (const file of shipped) {
    it(`${file}: no label of the timeline or the gantt chart is truncated, and every finding is labelled`, async () => {
      const report = await runScenario(loadScenario(path.join(ROOT, file)));
      const svg = await timelineSvg(report);
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
      expect(texts.length).toBeGreaterThan(0);
      for (const t of texts) expect(t, `${file}: "${t}"`).not.toMatch(/…|\.\.\.$/);
      expect(ganttChart(report, 'timeline')).not.toContain('…');

      const data = (timelineSpec(report) as { data: { values: Datum[] } }).data.values;
      for (const run of report.runs) {
        const labels = data.filter((d) => d.lane === run.interpretation.id && d.kind.startsWith('label')).map((d) => d.text ?? '');
        // each finding's rule appears whole in the lane's labels
        for (const f of run.findings.filter((x) => x.type !== 'escalation-trigger')) {
          expect(
            labels.some((l) => l.startsWith(`${FINDING_WORD[f.type]}: `) && l.includes(f.rule)),
            `${file} ${run.interpretation.id} ${f.rule}`,
          ).toBe(true);
        }
      }
    });
  }
});

describe('a label written for a window an overlay moved says so', () => {
  it('the Kremlin\'s "until 1 February" label, its window read through 1 February: run, JSON, Markdown and HTML note it', async () => {
    const loaded = loadScenario(path.join(ROOT, 'scenarios/whatif/kremlin-through-feb-1.yaml'));
    const notes = labelNotes(loaded);
    expect(notes).toEqual({ kremlin: LABEL_NOTE });
    const report = await runScenario(loaded);
    const p = provenanceOf(loaded);
    expect(runText(report, p, notes)).toContain(
      `== Reading "kremlin": Peskov's account - no strikes on Kyiv, for a week until 1 February (${LABEL_NOTE})`,
    );
    expect(runJson(report, p, notes).runs.map((r) => r.labelNote)).toEqual([null, LABEL_NOTE, null]);
    expect(runMarkdown(report, p, notes)).toContain(`_The ${LABEL_NOTE}._`);
    expect(await runHtml(report, p, notes)).toContain(`<em>The ${LABEL_NOTE}.</em>`);
  });

  it('says nothing for the scenario as published, nor for a reading the overlay wrote anew', () => {
    expect(labelNotes(loadScenario(path.join(ROOT, 'scenarios/jan-feb-2026.yaml')))).toEqual({});
    const w = { start: '2026-01-29T00:00:00+02:00', duration: 'P7D' };
    // an overlay that replaced the reading (a new label) leaves no label window behind
    expect(labelNotes({ scenario: { interpretations: [{ id: 'a', window: { ...w, duration: 'P14D' } }] } })).toEqual({});
    expect(labelNotes({ scenario: { interpretations: [{ id: 'a', window: w }] }, labelWindows: { a: w } })).toEqual({});
    expect(
      labelNotes({ scenario: { interpretations: [{ id: 'a', window: { ...w, endInclusive: true } }] }, labelWindows: { a: w } }),
    ).toEqual({ a: LABEL_NOTE });
  });

  it('the CLI shows it', async () => {
    const r = await runCliHere(['run', 'scenarios/whatif/week-from-monday-26.yaml']);
    expect(r.stdout).toContain(
      `== Reading "washington": Trump's account - no strikes on Kyiv and on cities and towns for a week (${LABEL_NOTE})`,
    );
  });
});
