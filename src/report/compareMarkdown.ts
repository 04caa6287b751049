import type { CompareReport } from '../run/compare.js';
import type { Provenance } from '../provenance.js';
import { formatHuman } from '../time/interval.js';
import { code, findingMd, matrixMd, mdTable, mdText, provenanceMd, sourcesMd, stampLine, summaryMd, timelineMd } from './runMarkdown.js';

/**
 * `truce compare --format md`: the readings side by side in Markdown that renders on GitHub as is: the
 * event x reading table, a summary per reading, the timeline (Mermaid gantt), every finding with its
 * sources, and the provenance stamp.
 */
export function compareMarkdown(cmp: CompareReport, provenance: Provenance): string {
  const report = cmp.report;
  const zone = report.scenario.timeZone;
  const byId = new Map(report.events.map((e) => [e.event.id, e]));
  const findings = report.runs.flatMap((run) =>
    run.findings.map((f) => {
      const o = byId.get(f.eventId)!;
      return [
        code(run.interpretation.id),
        `${code(f.eventId)}<br>${mdText(formatHuman(o.interval.start, zone))}`,
        findingMd(f),
        code(f.rule),
        mdText(f.explanation),
        sourcesMd(o.event),
      ];
    }),
  );
  const out = [
    `# ${mdText(report.scenario.title)}: the readings compared`,
    '',
    stampLine(report, provenance),
    '',
    ...matrixMd(cmp),
    ...summaryMd(report),
    ...timelineMd(report),
    '## Findings and their sources',
    '',
    ...(findings.length > 0
      ? mdTable(['reading', 'event', 'finding', 'rule', 'why', 'sources (article file:line)'], findings)
      : ['No finding under any reading.']),
    '',
    ...provenanceMd(provenance, report),
  ];
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
