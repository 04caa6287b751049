import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadScenario } from '../src/load/loadScenario.js';
import { runScenario } from '../src/run/runScenario.js';
import { timelineSpec, timelineSvg } from '../src/report/timelineChart.js';
import { ganttChart } from '../src/report/mermaid.js';
import { FINDING_WORD } from '../src/report/wording.js';
import { ROOT } from './helpers.js';

/** Every shipped scenario and what-if. */
const shipped = readdirSync(path.join(ROOT, 'scenarios'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join('scenarios', f));

type Datum = { kind: string; lane: string; row: string; text?: string };

describe('report labels are drawn whole, never cut short', () => {
  it('ships the scenario and its six what-ifs', () => {
    expect(shipped.length).toBe(7);
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
          expect(labels.some((l) => l.startsWith(`${FINDING_WORD[f.type]}: `) && l.includes(f.rule)), `${file} ${run.interpretation.id} ${f.rule}`).toBe(true);
        }
      }
    });
  }
});
