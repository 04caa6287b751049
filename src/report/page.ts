import type { Provenance } from '../provenance.js';
import type { RunReport } from '../run/runScenario.js';
import { escapeXml } from './wording.js';

/**
 * The page every HTML report shares (`truce run` and `truce compare --format html`): the document shell
 * with its Content-Security-Policy and provenance stamp, the inline stylesheet, the header, and the
 * colour of each reading.
 */

export const esc = escapeXml;

export const READING_COLORS = ['#1565c0', '#6d4c41', '#00897b', '#ad1457', '#5e35b1', '#ef6c00', '#2e7d32', '#546e7a'];

const CSS = `
:root { --fg: #1a1a1a; --muted: #595959; --line: #d9d9d9; --bg: #fff; --soft: #f6f7f9;
  --violation: #c62828; --possible: #f2a900; --escalation: #7b1fa2; --none: #9e9e9e; --window: #cfe0f3; --phase: #ffd8a8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 20px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 28px 0 8px; padding-top: 8px; border-top: 2px solid var(--fg); }
h3 { font-size: 1.05rem; margin: 18px 0 6px; }
p { margin: 6px 0; }
.lead { color: var(--muted); margin: 0 0 6px; }
.stamp { font-size: 0.85rem; color: var(--muted); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88em; overflow-wrap: anywhere; }
small, .muted { color: var(--muted); }
figure { margin: 8px 0 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 6px; }
.scroll-x { overflow-x: auto; -webkit-overflow-scrolling: touch; }
.scroll-hint { display: none; font-size: 0.85rem; color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; margin: 6px 0 10px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 0.8rem; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.badge.violation { background: var(--violation); color: #fff; }
.badge.possible-violation { background: var(--possible); color: #1a1a1a; }
.badge.escalation-trigger { background: var(--escalation); color: #fff; }
.badge.none { background: #eee; color: #333; border-color: #ccc; }
.badge.missed { background: #fde0e0; color: #b71c1c; border-color: #f3b4b4; }
.badge.met { background: #e3f3e4; color: #2e7d32; border-color: #b8dfba; }
.badge.open { background: #eee; color: #424242; border-color: #ccc; }
.dot { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; vertical-align: -0.05em; margin-right: 4px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--bg); }
.card h3 { margin-top: 0; }
dl.terms { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
dl.terms dt { font-weight: 600; }
dl.terms dd { margin: 0; }
ol.path { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 6px 4px; align-items: flex-start; }
ol.path li { display: flex; align-items: flex-start; gap: 4px; }
ol.path li + li::before { content: "\\2192"; color: var(--muted); padding-top: 2px; }
.state { display: inline-block; border: 1px solid #90a4ae; border-radius: 12px; padding: 1px 9px; background: #eceff1; font-weight: 600; }
.step { display: inline-flex; flex-direction: column; align-items: flex-start; max-width: 260px; }
.step small { font-size: 0.78rem; line-height: 1.3; }
details { margin: 8px 0; }
summary { cursor: pointer; color: var(--muted); }
pre { background: var(--soft); border: 1px solid var(--line); padding: 10px; overflow-x: auto; font-size: 0.8rem; line-height: 1.35; }
.diverges { font-weight: 700; color: var(--violation); }
footer { margin: 24px auto 32px; font-size: 0.85rem; color: var(--muted); }
@media (max-width: 720px) {
  body { font-size: 14px; }
  h1 { font-size: 1.3rem; }
  table.cards-sm thead { display: none; }
  table.cards-sm, table.cards-sm tbody, table.cards-sm tr, table.cards-sm td { display: block; width: 100%; }
  table.cards-sm tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 4px 0; }
  table.cards-sm td { border: 0; padding: 3px 10px; }
  table.cards-sm td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
  dl.terms { grid-template-columns: 1fr; }
  /* the pictures keep a readable size and scroll sideways inside their frame */
  .scroll-x svg[data-testid="timeline"] { min-width: 860px; }
  .scroll-x svg[data-testid="statechart-svg"] { min-width: 720px; }
  .scroll-hint { display: block; }
}
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10pt; color: #000; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure, .card, tr, ol.path { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap, .scroll-x { overflow: visible; }
  .scroll-x svg { min-width: 0 !important; }
  .scroll-hint { display: none !important; }
  details > summary { display: none; }
  details { display: none; }
  .badge, .dot, .state { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;

export function page(title: string, provenance: Provenance, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="truce ${esc(provenance.version)}">
<meta name="truce-provenance" content="${esc(JSON.stringify(provenance))}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
<footer>${esc(stampText(provenance))}</footer>
</body>
</html>
`;
}

export function stampText(p: Provenance): string {
  return `${p.tool} ${p.version} · rules ${p.rulesHash} · scenario ${p.scenarioHash}`;
}

export function header(report: RunReport, provenance: Provenance, lead: string): string {
  const zone = report.scenario.timeZone;
  return `<header>
<h1>${esc(report.scenario.title)}</h1>
<p class="lead">${esc(lead)}: scenario <code>${esc(report.scenario.id)}</code>, ${report.runs.length} reading${report.runs.length === 1 ? '' : 's'}, times in ${esc(zone)}.</p>
<p class="stamp" data-testid="stamp">${esc(stampText(provenance))}</p>
</header>`;
}
