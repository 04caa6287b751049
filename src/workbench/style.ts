/**
 * The page's style. Boxes whose content changes with the verdicts (findings, explanation, diff, sample)
 * have fixed heights and scroll, cells fixed widths: a change of verdict moves nothing on the page.
 */
export const STYLE = `
:root { --fg:#1d232b; --muted:#5a6472; --line:#d5dae1; --bg:#fff; --card:#f6f8fa; --viol:#c0262d; --poss:#d9822b; --esc:#7b3fb5; --ok:#2b7a3d; --win:#cfe3f7; --focus:#1565c0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 12px 16px; border-bottom: 1px solid var(--line); display: grid; grid-template-columns: 1fr auto; gap: 4px 12px; align-items: center; }
header h1 { font-size: 1.25rem; margin: 0; grid-column: 1; }
header .sub { margin: 0; color: var(--muted); grid-column: 1; }
header .status { grid-column: 1; min-height: 1.5em; }
header #reset { grid-column: 2; grid-row: 1 / span 3; }
.status.bad { color: var(--viol); font-weight: 600; }
.grid { display: grid; grid-template-columns: minmax(340px, 440px) minmax(0, 1fr); gap: 16px; padding: 12px 16px; }
.edit { order: 1; min-width: 0; }
.results { order: 2; min-width: 0; }
@media (max-width: 900px) { .grid { grid-template-columns: minmax(0, 1fr); padding: 8px; } .results { order: 1; } .edit { order: 2; } header { grid-template-columns: 1fr; } header #reset { grid-column: 1; grid-row: auto; justify-self: start; } }
h2 { font-size: 1.05rem; margin: 16px 0 6px; }
.hint { color: var(--muted); margin: 0 0 6px; font-size: .9rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; }
.card.out { opacity: .7; }
.card summary { cursor: pointer; overflow-wrap: anywhere; }
.row { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: flex-end; margin: 6px 0; }
.field { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); min-width: 0; }
.field > span { margin-bottom: 2px; }
.check { display: flex; flex-direction: row-reverse; gap: 6px; align-items: center; font-size: .85rem; }
fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 6px 0; padding: 4px 8px; min-width: 0; }
legend { font-size: .85rem; color: var(--muted); }
.chip { display: inline-flex; align-items: center; gap: 2px; margin: 2px 8px 2px 0; font-size: .88rem; }
button.chip.x { border: 1px solid var(--line); background: #fff; border-radius: 12px; padding: 2px 8px; }
input, select, button { font: inherit; max-width: 100%; }
input[type=text], input[type=datetime-local], select { padding: 3px 4px; border: 1px solid #9aa4b1; border-radius: 4px; background: #fff; }
input.num { width: 6em; }
input.short { width: 9em; }
button { padding: 4px 10px; border: 1px solid #8a94a3; border-radius: 4px; background: #fff; cursor: pointer; }
button:hover { background: #eef3f9; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
.scroll-x { overflow-x: auto; }
.matrix th .when { color: var(--muted); font-weight: normal; font-size: .8rem; }
.matrix .eid { overflow-wrap: anywhere; }
.matrix tr.diverge th { box-shadow: inset 3px 0 0 var(--poss); }
button.cell { width: 7.5em; text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap; }
.v-violation { color: var(--viol); font-weight: 600; }
.v-possible-violation { color: var(--poss); }
.v-escalation-trigger { color: var(--esc); }
td.state { width: 7em; font-weight: 600; }
.state-collapsed, .state-breached { color: var(--viol); }
.state-expired { color: var(--ok); }
td.label { color: var(--muted); }
td.ph { width: 7em; }
.ph-met { color: var(--ok); font-weight: 600; }
.ph-missed { color: var(--viol); font-weight: 600; }
.box { height: 14em; overflow: auto; border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; margin: 0; background: #fbfcfd; }
pre.box { font: 12.5px/1.4 ui-monospace, Menlo, Consolas, monospace; white-space: pre; }
.box.explain { height: 22em; }
.box.yaml { height: 16em; }
.findings ul { list-style: none; margin: 0; padding: 0; }
.findings li { margin: 0 0 4px; }
button.finding { display: block; width: 100%; text-align: left; border-color: var(--line); }
button.finding .why { color: var(--fg); font-weight: normal; }
.timeline { width: 100%; }
svg.tl { width: 100%; height: auto; display: block; background: #fff; border: 1px solid var(--line); border-radius: 4px; }
svg .tick { stroke: #e6e9ee; }
svg .ticklabel, svg .lanelabel { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg .lanelabel { font-size: 13px; fill: var(--fg); }
svg .lane-bg { fill: #fafbfc; stroke: #eceff3; }
svg .lane-bg.clickable { cursor: crosshair; }
svg .win { fill: var(--win); stroke: #7fb0e0; cursor: grab; }
svg .ev { fill: #8895a7; cursor: grab; }
svg .ev-strike { fill: #6b2f2f; }
svg .ev-response { fill: var(--ok); }
svg .mark.v-violation { fill: var(--viol); }
svg .mark.v-possible-violation { fill: var(--poss); }
svg .mark.v-escalation-trigger { fill: var(--esc); }
svg .phase { stroke-width: 4; stroke: #888; }
svg .phase.ph-met { stroke: var(--ok); }
svg .phase.ph-missed { stroke: var(--viol); }
.legend { font-size: .85rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 4px 0; }
.key::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 50%; vertical-align: -1px; }
.k-win::before { background: var(--win); border-radius: 2px; } .k-violation::before { background: var(--viol); } .k-possible::before { background: var(--poss); } .k-escalation::before { background: var(--esc); } .k-phase::before { background: #888; height: 4px; border-radius: 0; }
table.counts { margin-right: 8px; } table.counts caption { text-align: left; color: var(--muted); font-size: .85rem; }
table.counts input.num { width: 5em; }
.bars td.bar { width: 6.5em; background: linear-gradient(90deg, #cfe3f7 calc(var(--p) * 100%), transparent 0); font-variant-numeric: tabular-nums; }
.sample .status { min-width: 12em; display: inline-block; }
.msg { color: var(--viol); min-height: 1.2em; margin: 4px 0; }
.overlay h2 { margin-top: 4px; }
@media (max-width: 900px) { .timeline { overflow-x: auto; } svg.tl { min-width: 760px; } button.cell { width: 5.6em; padding: 4px 2px; } .matrix th[scope=row] { min-width: 10em; } .matrix .when { display: block; } td.label { min-width: 12em; } .box { height: 12em; } .box.explain { height: 18em; } table.counts input.num { width: 3.6em; } table.counts th, table.counts td { padding: 2px; } }
#phases td, #phases th, #finals th, #finals td.state { white-space: nowrap; }
`;
