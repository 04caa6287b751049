import type { CompareReport } from '../run/compare.js';
import type { Provenance } from '../provenance.js';
import { header, page } from './page.js';
import {
  eventsSection,
  findingsSection,
  matrixSection,
  provenanceSection,
  statechartSection,
  summarySection,
  timelineSection,
} from './runHtml.js';

/**
 * `truce compare --format html`: one self-contained page (no network, inline SVG and CSS) with the
 * readings side by side: the event x reading table first, then the summary, the timeline, every finding
 * with its sources, the statechart and the events.
 */
export async function compareHtml(cmp: CompareReport, provenance: Provenance): Promise<string> {
  const report = cmp.report;
  const body = [
    header(report, provenance, 'The readings of the truce compared'),
    '<main>',
    matrixSection(cmp),
    summarySection(report),
    await timelineSection(report),
    findingsSection(report),
    statechartSection(report),
    eventsSection(report),
    provenanceSection(provenance, report),
    '</main>',
  ];
  return page(`${report.scenario.title}: the readings compared`, provenance, body.join('\n'));
}
