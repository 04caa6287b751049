import type { IngestResult } from './ingestArticle.js';
import type { SourceProposal } from './matchExisting.js';

/** The ingest report as text: what was found, with line and words for each field, and what was not. */
export function formatIngestReport(result: IngestResult, proposals: SourceProposal[], notes: string[] = []): string {
  const r = result.report;
  const out: string[] = [
    `ingest ${r.file} (published ${r.published}, zone ${r.zone}): ${result.events.length} draft event${result.events.length === 1 ? '' : 's'}`,
  ];
  for (const n of notes) out.push(`  note: ${n}`);
  if (r.olderThanDateline) out.push(`  WARNING content older than the dateline: ${r.olderThanDateline}`);
  for (const d of r.drafts) {
    const e = result.events.find((x) => x.id === d.id)!;
    out.push('', `${d.id}  ${d.kind}, lines ${d.lines.join(', ')}`);
    out.push(`  when      ${e.when.start} .. ${e.when.end} (${e.when.precision})`);
    for (const f of d.fields)
      out.push(
        f.field === 'when'
          ? `            <- line ${f.line} "${f.words}" [${f.confidence}]`
          : `  ${f.field.padEnd(9)} ${f.value}  <- line ${f.line} "${f.words}" [${f.confidence}]`,
      );
    out.push(
      `  attribution ${e.attribution ?? 'confirmed'}${e.reportedBy ? `, reported by ${e.reportedBy.join(', ')}` : ''}${e.deniedBy ? `, denied by ${e.deniedBy.join(', ')}` : ''}`,
    );
    for (const c of d.claims)
      out.push(`  ${c.stance === 'denies' ? 'denial' : 'claim'.padEnd(6)}    by ${c.by}, line ${c.line} "${c.words}"`);
    for (const p of d.problems) out.push(`  doubt     ${p}`);
    for (const p of proposals.filter((x) => x.draft === d.id)) {
      out.push(`  matches   existing event ${p.event}: propose this article as a new source of it`);
      for (const a of p.agree) out.push(`    agrees  ${a}`);
      for (const x of p.differ) out.push(`    differs ${x}`);
    }
  }
  if (r.undated.length > 0) out.push('', 'could not date:', ...r.undated.map((u) => `  line ${u.line}: ${u.why}`));
  if (r.unplaced.length > 0) out.push('', 'could not place:', ...r.unplaced.map((u) => `  line ${u.line}: ${u.why}`));
  out.push('', 'Every draft carries `draft: true` and counts in no run until an analyst checks it and removes the mark.');
  return `${out.join('\n')}\n`;
}
