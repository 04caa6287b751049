import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenario } from '../src/load/loadScenario.js';
import { runScenario } from '../src/run/runScenario.js';
import { runText } from '../src/report/runText.js';
import { mdText, runMarkdown } from '../src/report/runMarkdown.js';
import { runHtml } from '../src/report/runHtml.js';
import { provenanceOf } from '../src/provenance.js';
import {
  escapeXml,
  findingWords,
  FINDING_HEAD,
  obligationSentence,
  partyNames,
  phaseStatus,
  durationWords,
  listWords,
  claimWords,
  windowPeriodLines,
  noFindingWhy,
} from '../src/report/wording.js';
import { formatHuman } from '../src/time/interval.js';
import { ROOT } from './helpers.js';

describe('text, Markdown and HTML say the same thing about the same finding', () => {
  // jan-feb-2026: the three readings; ukraine-strikes-first: a pledge that hangs on the other side's
  for (const file of ['scenarios/jan-feb-2026.yaml', 'scenarios/whatif/ukraine-strikes-first.yaml']) {
    it(file, async () => {
      const loaded = loadScenario(path.join(ROOT, file));
      const report = await runScenario(loaded);
      const p = provenanceOf(loaded);
      const text = runText(report, p);
      const md = runMarkdown(report, p);
      const html = await runHtml(report, p);
      const name = partyNames(report.scenario.parties);
      const lines = (doc: string, needle: string) => doc.split('\n').filter((l) => l.includes(needle));
      for (const run of report.runs) {
        for (const o of run.interpretation.obligations) {
          const s = obligationSentence(o, name);
          expect(text, s).toContain(s);
          expect(md, s).toContain(mdText(s));
          expect(html, s).toContain(escapeXml(s));
        }
        for (const f of run.findings) {
          const t = lines(text, f.explanation);
          expect(t.length, f.explanation).toBeGreaterThan(0);
          for (const l of t) expect(l).toContain(FINDING_HEAD[f.type]!);
          const words = findingWords(f);
          expect(
            lines(md, mdText(f.explanation)).some((l) => l.includes(mdText(words)) || l.includes(`**${words}**`)),
            `md: ${f.explanation}`,
          ).toBe(true);
          expect(
            lines(html, escapeXml(f.explanation)).some((l) => l.includes(`>${escapeXml(words)}</span>`)),
            `html: ${f.explanation}`,
          ).toBe(true);
        }
        for (const ph of run.phases) {
          const status = phaseStatus(ph);
          expect(text.toLowerCase()).toMatch(new RegExp(`${ph.phase} +entered .*: (${status}|answered)`));
          expect(md).toMatch(new RegExp(`${ph.phase}: from .*, (\\*\\*)?${status}`));
          expect(html).toContain(`${escapeXml(ph.phase)} <span class="badge ${status}">${status}</span>`);
        }
      }
    });
  }
});

describe("text, Markdown and HTML show a window's periods, its gaps, a declared end, and who accepted what, in the same words", () => {
  // yemen-2022: renewals and a declared end; jan-feb-2026: Kyiv's claims (joined, accepted with conditions)
  for (const file of ['scenarios/other/yemen-2022/scenario.yaml', 'scenarios/jan-feb-2026.yaml']) {
    it(file, async () => {
      const loaded = loadScenario(path.join(ROOT, file));
      const report = await runScenario(loaded);
      const p = provenanceOf(loaded);
      const text = runText(report, p);
      const md = runMarkdown(report, p);
      const html = await runHtml(report, p);
      const zone = report.scenario.timeZone;
      const h = (ms: number) => formatHuman(ms, zone);
      const name = partyNames(report.scenario.parties);
      let said = 0;
      for (const run of report.runs) {
        const it = run.interpretation;
        const words = [
          ...windowPeriodLines(it, zone, h, name).map((l) => l.words),
          ...it.agreement.claims.map((c) => claimWords(c, name, h)),
        ];
        for (const w of words) {
          said++;
          expect(text, w).toContain(w);
          expect(md, w).toContain(mdText(w));
          expect(html, w).toContain(escapeXml(w));
        }
      }
      expect(said).toBeGreaterThan(2);
    });
  }

  it('a gap between two periods is said as a gap, with its bounds', () => {
    const w = {
      start: '2026-01-30T00:00:00+02:00',
      end: '2026-02-02T00:00:00+02:00',
      basis: 'b',
      startInclusive: true,
      endInclusive: false as const,
      renewals: [
        {
          start: '2026-02-04T00:00:00+02:00',
          duration: 'P2D',
          basis: 'r',
          endInclusive: false as const,
          sources: [{ file: 'a.txt', line: 3 }],
        },
      ],
    };
    const lines = windowPeriodLines(
      { window: w },
      'Europe/Kyiv',
      (ms) => formatHuman(ms, 'Europe/Kyiv'),
      (id) => id,
    );
    expect(lines.map((l) => l.kind)).toEqual(['period', 'gap', 'period']);
    expect(lines[1]!.words).toBe(
      'gap: Mon 2 Feb 2026 00:00 (GMT+2) to Wed 4 Feb 2026 00:00 (GMT+2), covered by no period (the truce did not bind)',
    );
    expect(lines[2]!.sources).toEqual([{ file: 'a.txt', line: 3 }]);
  });

  it('a claim says its conditions and its date', () => {
    const words = claimWords(
      { by: 'ukraine', claim: 'accepted-with-conditions', conditions: ['only while the ceasefire holds'] },
      (id) => id,
      String,
    );
    expect(words).toBe('ukraine accepted with conditions: only while the ceasefire holds');
    expect(claimWords({ by: 'ukraine', claim: 'joined', on: '1970-01-01T00:00:00Z' }, (id) => id, String)).toBe('ukraine joined on 0');
  });
});

describe('the report vocabulary', () => {
  it('writes durations, lists and phase outcomes in words', () => {
    expect(durationWords('P7D')).toBe('7 days');
    expect(durationWords('PT24H')).toBe('24 hours');
    expect(durationWords('PT1H')).toBe('1 hour');
    expect(durationWords('P1DT12H')).toBe('1 day 12 hours');
    expect(durationWords('-PT12H')).toBe('minus 12 hours');
    expect(listWords(['Kyiv', 'cities', 'towns'])).toBe('Kyiv, cities and towns');
    expect([true, false, null].map((met) => phaseStatus({ met }))).toEqual(['met', 'missed', 'open']);
  });

  it('lets text and Markdown reports pluralise without loading the chart libraries', () => {
    // follow the relative imports of the light reports: none may reach vega
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^import (?!type)[^;]*? from '([^']+)';/gm)) {
        const spec = m[1]!;
        expect(spec, `${path.relative(ROOT, file)} imports ${spec}`).not.toMatch(/^vega/);
        if (spec.startsWith('.')) walk(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      }
    };
    for (const f of ['runMarkdown.ts', 'runText.ts', 'explainText.ts', 'explainJson.ts', 'diffText.ts', 'sweepReport.ts'])
      walk(path.join(ROOT, 'src/report', f));
    expect(seen.size).toBeGreaterThan(5);
  });
});

describe("explain speaks in analysts' words before its condition trace", () => {
  it("no sentence of any event's explanation names a fact, an operator or an ISO duration", async () => {
    const { explainEvent } = await import('../src/run/explainEvent.js');
    const { readingSentences, inShort } = await import('../src/report/explainText.js');
    for (const file of [
      'scenarios/jan-feb-2026.yaml',
      'scenarios/whatif/ukraine-strikes-first.yaml',
      'scenarios/whatif/kremlin-through-feb-1.yaml',
    ]) {
      const loaded = loadScenario(path.join(ROOT, file));
      const report = await runScenario(loaded);
      for (const { event } of report.events) {
        const x = await explainEvent(loaded, report, event.id);
        for (const r of x.readings) {
          for (const s of [...readingSentences(x, r), inShort(x, r)]) {
            expect(s, `${file} ${event.id} ${r.interpretation.id}`).not.toMatch(
              /placeScope|targetScope|conditionStatus|eventTime|during window|enforcementApplies|\bP(T\d|\d+[DWMY])|UTC[+-]/,
            );
          }
        }
      }
    }
  });
});

// the gap's edges are the rules' own: a period that ends inclusively still holds its last instant
describe('why a strike gave no finding, at the edge of a gap between two periods', () => {
  const end = Date.parse('2026-01-10T00:00:00Z');
  const renewal = Date.parse('2026-01-12T00:00:00Z');
  const window = {
    start: Date.parse('2026-01-01T00:00:00Z'),
    end: Date.parse('2026-02-01T00:00:00Z'),
    gaps: [{ start: end, end: renewal, startInclusive: false, endInclusive: false }],
  };
  it('an instant at the inclusive end of the first period is not in the gap', () => {
    expect(noFindingWhy({ start: end, end }, window)).toBe('nothing it protects was hit');
  });
  it('an act wholly between the periods is in the gap', () => {
    expect(noFindingWhy({ start: end + 3_600_000, end: end + 7_200_000 }, window)).toMatch(/^in a gap between two periods/);
  });
});
