import type { Change, Overlay } from '../schema/overlay.js';
import type { Source } from '../schema/source.js';
import type { Problem } from '../problem.js';
import { applyChanges, type Resolved } from '../overlay/applyChanges.js';
import { crossCheck } from '../validate/crossCheck.js';
import { RunsMemo, runScenario, type RunReport, type ScenarioInput } from '../run/runScenario.js';
import { runJson, type RunJson } from '../report/runJson.js';
import { diffRuns } from '../run/diffRuns.js';
import { diffJson, diffText } from '../report/diffText.js';
import { explainEvent } from '../run/explainEvent.js';
import { explainText } from '../report/explainText.js';
import { RuleEvaluator } from '../rules/ruleEngine.js';
import { canonicalJson } from '../canonicalJson.js';
import { VERSION } from '../version.js';
import type { Provenance } from '../provenance.js';
import { labelNotes, type LabelNotes } from '../report/wording.js';
import type { WindowSpec } from '../schema/interpretation.js';

/**
 * The engine as the workbench page runs it: the same pure modules the CLI runs (overlay changes, cross
 * checks, the runner, diff and explain), nothing that reads files or needs Node. What the page embeds is
 * a `WorkbenchData`: the scenario as `truce workbench` loaded and validated it.
 */
export interface WorkbenchData {
  format: 'truce.workbench/v1';
  /** the scenario file as the CLI named it, and the path an overlay saved beside the page extends */
  file: string;
  extends: string;
  base: Resolved;
  sources: Source[];
  /** for a page made of an overlay file: the windows its kept labels were written for (as loadScenario gives them) */
  labelWindows?: Record<string, WindowSpec>;
}

/** The overlay's own fields that become the scenario's as run. */
export type OverlayMeta = Pick<Overlay, 'id' | 'title'> & Partial<Pick<Overlay, 'expect'>>;

/** What the page shows: the scenario as changed, or the problems that stop it. */
export type Evaluated = { ok: true; input: ScenarioInput; report: RunReport; provenance: Provenance } | { ok: false; problems: Problem[] };

/**
 * The base with an overlay's changes, as `loadScenario` makes it of an overlay file: the changes applied
 * in order, the result cross-checked (articles are not there: citations were checked when the page was
 * made), the overlay's id and title. `meta` absent: the base itself.
 */
export function applyOverlay(
  data: WorkbenchData,
  changes: readonly Change[],
  meta?: OverlayMeta,
): { ok: true; input: Resolved } | { ok: false; problems: Problem[] } {
  if (!meta && changes.length === 0) return { ok: true, input: data.base };
  const file = 'overlay';
  const { result, problems } = applyChanges(data.base, changes, file);
  if (problems.length > 0) return { ok: false, problems };
  const id = meta?.id ?? data.base.scenario.id;
  const title = meta?.title ?? data.base.scenario.title;
  const merged = { ...result.scenario, id, title, events: result.events, expect: meta?.expect ?? [] };
  const cross = crossCheck({
    scenarios: [{ file, scenario: merged }],
    seeds: [{ file: '(sources)', seed: { format: 'truce.seed/v1', sources: data.sources, events: [] } }],
    rules: result.rules.map((rule) => ({ file, path: ['rules', rule.name], rule })),
    conditions: Object.entries(result.conditions).map(([name, condition]) => ({ file: '(conditions)', name, condition })),
  });
  if (cross.length > 0) return { ok: false, problems: cross };
  return { ok: true, input: { ...result, scenario: { ...result.scenario, id, title, expect: meta?.expect ?? [] } } };
}

/**
 * What one page keeps between recomputes: the compiled rules per rule set, the runs' memo (the
 * statechart's, keyed by what the plan says; each event's scope matches), and the last input run, so
 * that the parts a change left equal stay the same objects and the memo's matches still hold for them.
 */
export interface Session {
  evaluators: Map<string, RuleEvaluator>;
  memo: RunsMemo;
  last: Resolved | null;
}

export const newSession = (): Session => ({ evaluators: new Map(), memo: new RunsMemo(), last: null });

export function evaluatorFor(input: ScenarioInput, session: Session = newSession()): RuleEvaluator {
  const key = JSON.stringify([input.rules, input.conditions]);
  let e = session.evaluators.get(key);
  if (!e) {
    e = new RuleEvaluator(input.rules, input.conditions);
    session.evaluators.set(key, e);
  }
  return e;
}

/** `next` with every part equal to the same part of `prev` replaced by prev's object. */
function keepEqualParts(prev: Resolved | null, next: Resolved): Resolved {
  if (!prev) return next;
  const same = <T>(a: T, b: T) => (JSON.stringify(a) === JSON.stringify(b) ? a : b);
  const byId = <T extends { id: string }>(olds: readonly T[], news: readonly T[]) => {
    const m = new Map(olds.map((o) => [o.id, o]));
    return news.map((n) => {
      const o = m.get(n.id);
      return o ? same(o, n) : n;
    });
  };
  const scenario = {
    ...next.scenario,
    plan: same(prev.scenario.plan, next.scenario.plan),
    interpretations: byId(prev.scenario.interpretations, next.scenario.interpretations),
    parties: same(prev.scenario.parties, next.scenario.parties),
    // the place index, and the facts and scope terms memoised against it, are kept per places array
    places: same(prev.scenario.places, next.scenario.places),
  };
  return {
    scenario,
    events: byId(prev.events, next.events),
    rules: same(prev.rules, next.rules),
    conditions: same(prev.conditions, next.conditions),
  };
}

export async function evaluate(
  data: WorkbenchData,
  changes: readonly Change[],
  meta?: OverlayMeta,
  session: Session = newSession(),
): Promise<Evaluated> {
  const applied = applyOverlay(data, changes, meta);
  if (!applied.ok) return applied;
  const input = keepEqualParts(session.last, applied.input);
  session.last = input;
  return {
    ok: true,
    input,
    report: await runScenario(input, { evaluator: evaluatorFor(input, session), memo: session.memo }),
    provenance: await provenanceOfInput(input),
  };
}

/** sha256 through Web Crypto (the browser's, or Node's global one): the CLI's stamp, without node:crypto. */
async function hash(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return (
    'sha256:' +
    Array.from(digest, (b) => b.toString(16).padStart(2, '0'))
      .join('')
      .slice(0, 16)
  );
}

/** The same stamp as `provenanceOf` (src/provenance.ts). */
export async function provenanceOfInput(input: ScenarioInput): Promise<Provenance> {
  return {
    tool: 'truce',
    version: VERSION,
    rulesHash: await hash({ rules: input.rules, conditions: input.conditions }),
    scenarioHash: await hash({ scenario: input.scenario, events: [...input.events].sort((a, b) => a.id.localeCompare(b.id)) }),
  };
}

/**
 * The windows the labels of the readings as run were written for, as `loadScenario` gives an overlay file:
 * a reading whose label the changes kept still describes the base's window.
 */
export function labelWindowsOf(data: WorkbenchData, input: ScenarioInput): Record<string, WindowSpec> {
  const out: Record<string, WindowSpec> = {};
  for (const r of input.scenario.interpretations) {
    const before = data.base.scenario.interpretations.find((b) => b.id === r.id);
    if (before && before.label === r.label) out[r.id] = data.labelWindows?.[r.id] ?? before.window;
  }
  return out;
}

export const notesOf = (data: WorkbenchData, input: ScenarioInput): LabelNotes =>
  labelNotes({ scenario: input.scenario, labelWindows: labelWindowsOf(data, input) });

/** `truce run --format json` of what the page shows. */
export async function runJsonOf(data: WorkbenchData, input: ScenarioInput, report: RunReport): Promise<RunJson> {
  return runJson(report, await provenanceOfInput(input), notesOf(data, input));
}

/** `truce diff BASE VARIANT` (text and JSON) of the page's changes, stamped as the CLI stamps it. */
export function diffOf(
  data: WorkbenchData,
  input: ScenarioInput,
  baseReport: RunReport,
  report: RunReport,
  provenance?: { base: Provenance; variant: Provenance },
) {
  const d = diffRuns(baseReport, report, { base: data.base.rules, variant: input.rules });
  const zone = baseReport.scenario.timeZone;
  // a party renamed or added by the variant is named as the variant names it
  const parties = [...input.scenario.parties, ...data.base.scenario.parties];
  return { text: diffText(d, zone, parties, provenance), json: diffJson(d, zone, provenance, parties) };
}

/** `truce explain SCENARIO --event ID [--interpretation R]` as text. */
export async function explainOf(
  data: WorkbenchData,
  input: ScenarioInput,
  report: RunReport,
  eventId: string,
  interpretation?: string,
  session?: Session,
): Promise<string> {
  const evaluator = evaluatorFor(input, session);
  const opts = interpretation !== undefined ? { interpretation, evaluator } : { evaluator };
  return explainText(await explainEvent(input, report, eventId, opts), await provenanceOfInput(input), notesOf(data, input));
}
