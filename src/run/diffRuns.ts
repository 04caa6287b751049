import type { RunReport, ReadingRun } from './runScenario.js';
import type { Finding } from '../rules/finding.js';
import type { PhaseRecord } from '../machine/truceMachine.js';
import type { Condition, Rule } from '../schema/rule.js';
import { canonicalJson } from '../canonicalJson.js';

/**
 * One term that differs between the base and the variant, old and new value as data (the reports put
 * them in words). `term` names it: `window`, `label`, `agreement`, `obligation 2`; in the plan
 * `phase diplomatic deadline`, `appliesTo`, `triggerCertainty`; in the rules `rule broader-attack`.
 * A value is null when the term exists on one side only.
 */
export interface TermChange {
  term: string;
  before: unknown;
  after: unknown;
}

export interface PhaseChange {
  phase: string;
  before: PhaseRecord | null;
  after: PhaseRecord | null;
}

export interface ReadingDiff {
  interpretation: string;
  /** only in the base, only in the variant, or in both */
  presence: 'both' | 'base-only' | 'variant-only';
  windowChanged: boolean;
  /** the reading's window, as run, in each (null where the reading is absent) */
  window: { before: ReadingRun['window'] | null; after: ReadingRun['window'] | null };
  /** the reading's terms that changed: window, label, agreement, each obligation */
  termChanges: TermChange[];
  addedFindings: Finding[];
  removedFindings: Finding[];
  phaseChanges: PhaseChange[];
  finalState: { before: string | null; after: string | null };
}

export interface RunDiff {
  base: string;
  variant: string;
  readings: ReadingDiff[];
  /** the enforcement plan's terms that changed: each phase's deadline, trigger, count; who it applies to */
  planChanges: TermChange[];
  /** rules that changed: each leaf condition that differs (`munitionsLow greaterThanInclusive 300`), or the whole rule */
  ruleChanges: TermChange[];
  /** events added (`before` null), removed (`after` null), or changed, field by field: `event X places` */
  eventChanges: TermChange[];
  /** nothing differs */
  same: boolean;
}

const key = (f: Finding) => `${f.eventId}|${f.rule}|${f.type}|${f.certainty}`;
const phaseKey = (p: PhaseRecord | undefined) => (p ? `${p.enteredAt}|${p.dueBy}|${p.met}|${p.respondedAt}` : '');

/** What changed between a baseline run and a what-if run: findings, phases and deadlines, final states. */
export function diffRuns(base: RunReport, variant: RunReport, rules?: { base: readonly Rule[]; variant: readonly Rule[] }): RunDiff {
  const ids = [...new Set([...base.runs, ...variant.runs].map((r) => r.interpretation.id))];
  const find = (rep: RunReport, id: string) => rep.runs.find((r) => r.interpretation.id === id);
  const readings = ids.map((id): ReadingDiff => {
    const a = find(base, id);
    const b = find(variant, id);
    const fa = new Map((a?.findings ?? []).map((f) => [key(f), f]));
    const fb = new Map((b?.findings ?? []).map((f) => [key(f), f]));
    return {
      interpretation: id,
      presence: a && b ? 'both' : a ? 'base-only' : 'variant-only',
      windowChanged: !!a && !!b && windowKey(a) !== windowKey(b),
      window: { before: a?.window ?? null, after: b?.window ?? null },
      termChanges: a && b ? readingTerms(a, b) : [],
      addedFindings: [...fb.entries()].filter(([k]) => !fa.has(k)).map(([, f]) => f),
      removedFindings: [...fa.entries()].filter(([k]) => !fb.has(k)).map(([, f]) => f),
      phaseChanges: phaseChanges(a, b),
      finalState: { before: a?.finalState ?? null, after: b?.finalState ?? null },
    };
  });
  const planChanges = planTerms(base.scenario.plan, variant.scenario.plan);
  const ruleChanges = rules ? ruleTerms(rules.base, rules.variant) : [];
  const eventChanges = eventTerms(base, variant);
  const same =
    eventChanges.length === 0 &&
    planChanges.length === 0 &&
    ruleChanges.length === 0 &&
    readings.every(
      (r) =>
        r.presence === 'both' &&
        !r.windowChanged &&
        r.termChanges.length === 0 &&
        r.addedFindings.length === 0 &&
        r.removedFindings.length === 0 &&
        r.phaseChanges.length === 0 &&
        r.finalState.before === r.finalState.after,
    );
  return { base: base.scenario.id, variant: variant.scenario.id, readings, planChanges, ruleChanges, eventChanges, same };
}

function phaseChanges(a: ReadingRun | undefined, b: ReadingRun | undefined): PhaseChange[] {
  const phases = [...new Set([...(a?.phases ?? []), ...(b?.phases ?? [])].map((p) => p.phase))];
  return phases
    .map((phase) => ({
      phase,
      before: a?.phases.find((p) => p.phase === phase) ?? null,
      after: b?.phases.find((p) => p.phase === phase) ?? null,
    }))
    .filter((c) => phaseKey(c.before ?? undefined) !== phaseKey(c.after ?? undefined));
}

// the gaps too: moving a renewal's start changes what the window covers without moving its ends
const windowKey = (r: ReadingRun) =>
  `${r.window.start}|${r.window.end}|${r.window.startInclusive}|${r.window.endInclusive}|${canonicalJson(r.window.gaps ?? [])}`;
const differs = (x: unknown, y: unknown) => canonicalJson(x ?? null) !== canonicalJson(y ?? null);

function readingTerms(a: ReadingRun, b: ReadingRun): TermChange[] {
  const out: TermChange[] = [];
  if (windowKey(a) !== windowKey(b)) out.push({ term: 'window', before: a.window, after: b.window });
  const ia = a.interpretation;
  const ib = b.interpretation;
  if (ia.label !== ib.label) out.push({ term: 'label', before: ia.label, after: ib.label });
  if (ia.agreement.status !== ib.agreement.status) out.push({ term: 'agreement', before: ia.agreement.status, after: ib.agreement.status });
  const n = Math.max(ia.obligations.length, ib.obligations.length);
  for (let i = 0; i < n; i++) {
    const oa = ia.obligations[i];
    const ob = ib.obligations[i];
    // what an obligation means, not where it is cited from
    const terms = (o: typeof oa) =>
      o ? { party: o.party, towards: o.towards, refrainFrom: o.refrainFrom, condition: o.condition ?? null, basis: o.basis } : null;
    if (differs(terms(oa), terms(ob))) out.push({ term: `obligation ${i + 1}`, before: oa ?? null, after: ob ?? null });
  }
  return out;
}

function planTerms(a: RunReport['scenario']['plan'], b: RunReport['scenario']['plan']): TermChange[] {
  const out: TermChange[] = [];
  if (a === undefined || b === undefined) {
    if (a !== b) out.push({ term: 'plan', before: a ? a.id : 'no enforcement plan', after: b ? b.id : 'no enforcement plan' });
    return out;
  }
  if (differs(a.appliesTo, b.appliesTo)) out.push({ term: 'appliesTo', before: a.appliesTo, after: b.appliesTo });
  if (a.triggerCertainty !== b.triggerCertainty)
    out.push({ term: 'triggerCertainty', before: a.triggerCertainty, after: b.triggerCertainty });
  const ids = [...new Set([...a.phases, ...b.phases].map((p) => p.id))];
  for (const id of ids) {
    const pa = a.phases.find((p) => p.id === id);
    const pb = b.phases.find((p) => p.id === id);
    if (!pa || !pb) {
      out.push({ term: `phase ${id}`, before: pa ? id : null, after: pb ? id : null });
      continue;
    }
    for (const k of ['deadline', 'countedFrom', 'trigger', 'requires', 'respondedBy', 'respondsWith'] as const) {
      if (differs(pa[k], pb[k])) out.push({ term: `phase ${id} ${k}`, before: pa[k], after: pb[k] });
    }
  }
  return out;
}

/** Every leaf of a condition tree in order, as `fact [path] operator value` (named conditions by name). */
function leaves(c: Condition): string[] {
  if ('condition' in c) return [`condition ${c.condition}`];
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not).map((l) => `not ${l}`);
  return [`${c.fact}${c.path ? ` ${c.path}` : ''} ${c.operator} ${typeof c.value === 'string' ? c.value : JSON.stringify(c.value)}`];
}

function ruleTerms(a: readonly Rule[], b: readonly Rule[]): TermChange[] {
  const out: TermChange[] = [];
  const names = [...new Set([...a, ...b].map((r) => r.name))].sort();
  for (const name of names) {
    const ra = a.find((r) => r.name === name);
    const rb = b.find((r) => r.name === name);
    if (!ra || !rb) {
      out.push({ term: `rule ${name}`, before: ra ? name : null, after: rb ? name : null });
      continue;
    }
    if (!differs(ra, rb)) continue;
    const la = leaves(ra.conditions);
    const lb = leaves(rb.conditions);
    const pairs = la.length === lb.length ? la.map((l, i) => [l, lb[i]!] as const).filter(([x, y]) => x !== y) : [];
    for (const [x, y] of pairs) out.push({ term: `rule ${name}`, before: x, after: y });
    if (la.length !== lb.length) out.push({ term: `rule ${name}`, before: la.join('; '), after: lb.join('; ') });
    const head = (r: Rule) =>
      `priority ${r.priority}, concludes ${r.event.type} (${r.event.params.certainty}${r.event.params.trigger ? `, ${r.event.params.trigger}` : ''})`;
    if (head(ra) !== head(rb)) out.push({ term: `rule ${name}`, before: head(ra), after: head(rb) });
    if (ra.event.params.explain !== rb.event.params.explain)
      out.push({ term: `rule ${name} explanation`, before: ra.event.params.explain, after: rb.event.params.explain });
  }
  return out;
}

function eventTerms(a: RunReport, b: RunReport): TermChange[] {
  const out: TermChange[] = [];
  const ea = new Map(a.events.map((o) => [o.event.id, o.event]));
  const eb = new Map(b.events.map((o) => [o.event.id, o.event]));
  // in time order: the base's events, then those only the variant has
  const ids = [...new Set([...a.events, ...b.events].map((o) => o.event.id))];
  for (const id of ids) {
    const x = ea.get(id);
    const y = eb.get(id);
    if (!x || !y) {
      out.push({ term: `event ${id}`, before: x ? id : null, after: y ? id : null });
      continue;
    }
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => k !== 'note' && k !== 'sources');
    for (const k of keys) {
      const vx = (x as Record<string, unknown>)[k];
      const vy = (y as Record<string, unknown>)[k];
      if (differs(vx, vy)) out.push({ term: `event ${id} ${k}`, before: vx ?? null, after: vy ?? null });
    }
  }
  return out;
}
