import { isAttack } from '../schema/eventKinds.js';
import type { Provenance } from '../provenance.js';
import type { Obligation } from '../schema/interpretation.js';
import { describeInterval, describeWindow } from '../run/explainVars.js';
import {
  asWrittenTime,
  attributionWords,
  coverageWords,
  cite,
  countWords,
  durationWords,
  FINDING_HEAD,
  FINDING_WORD,
  findingWords,
  listWords,
  obligationSentence,
  partyNames,
  protectedThings,
  targetWords,
  triggerWords,
  zoneWords,
  type LabelNotes,
  type PartyName,
} from './wording.js';
import { DateTime } from 'luxon';
import { formatHuman, offsetMinutes, type Interval } from '../time/interval.js';
import type {
  ConditionNode,
  EventExplanation,
  LeafNode,
  ObligationEvaluation,
  ReadingExplanation,
  RuleExplanation,
  Timing,
} from '../run/explainEvent.js';

/**
 * Renders an EventExplanation for people (`truce explain`); `explainJson.ts` renders it for programs
 * (`truce explain --format json`, the `truce.explain/v1` object), with the same sentences.
 */

const LABEL = FINDING_HEAD;

const STATUS: Record<string, string> = { passed: 'pass', failed: 'FAIL', 'not-evaluated': 'not evaluated' };

const TIMING: Record<Timing, string> = {
  inside: 'the event lies wholly inside the window',
  'partly-inside': 'the event only partly overlaps the window (it straddles a bound)',
  before: 'the event lies wholly before the window',
  after: 'the event lies wholly after the window',
};

export const isInterval = (v: unknown): v is Interval =>
  typeof v === 'object' && v !== null && typeof (v as Interval).start === 'number' && typeof (v as Interval).end === 'number';

export const isBounded = (v: unknown): v is { interval: unknown; min?: string; max?: string } =>
  typeof v === 'object' && v !== null && 'interval' in v;

const isFactRef = (v: unknown): v is { fact: string; params?: Record<string, unknown> } =>
  typeof v === 'object' && v !== null && typeof (v as { fact?: unknown }).fact === 'string';

/** A fact value for people: intervals as human times in the zone, `[` `)` for inclusive and exclusive bounds. */
export function showValue(v: unknown, zone: string): string {
  if (v === null || v === undefined) return 'none';
  if (isInterval(v)) {
    if ('startInclusive' in v || 'endInclusive' in v) return describeWindow(v, zone);
    if (v.end <= v.start) return `at ${formatHuman(v.start, zone)}`;
    return `[${formatHuman(v.start, zone)}, ${formatHuman(v.end, zone)})`;
  }
  if (isBounded(v)) return `${showValue(v.interval, zone)}${boundsText(v)}`;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function boundsText(b: { min?: unknown; max?: unknown }): string {
  if (b.min === undefined && b.max === undefined) return '';
  return ` (gap from ${durationWords(String(b.min ?? 'PT0S'))} to ${b.max === undefined ? 'unbounded' : durationWords(String(b.max))})`;
}

/** The expected value as written: a literal, or the other fact it names. */
function expectedText(leaf: LeafNode): string {
  const v = leaf.value;
  if (isFactRef(v)) return `${v.fact}${v.params ? boundsText(v.params) : ''}`;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** One leaf: `placeScope equal certain: placeScope is possible`. */
export function leafText(leaf: LeafNode, zone: string): string {
  const head = `${leaf.fact}${leaf.path ? ` ${leaf.path}` : ''} ${leaf.operator} ${expectedText(leaf)}`;
  if (leaf.status === 'not-evaluated') return head;
  const got = `${leaf.fact} is ${showValue(leaf.factValue, zone)}`;
  const other = isFactRef(leaf.value) ? `; ${leaf.value.fact} is ${showValue(leaf.valueResult, zone)}` : '';
  return `${head}: ${got}${other}`;
}

const PRECISION: Record<string, string> = {
  settlement: 'the settlement is named',
  region: 'only its region is named',
  country: 'only the country is named',
  unknown: 'not named',
};

function obligationText(o: Obligation, name: PartyName): string {
  return `${obligationSentence(o, name)} (${o.basis}; ${o.sources.map(cite).join(', ')})`;
}

/** `from Thu 29 Jan 2026 00:00 (GMT+2) to Thu 5 Feb 2026 00:00 (GMT+2), the closing moment not included`. */
function windowWords(w: ReadingExplanation['window'], zone: string): string {
  const incl = [
    w.startInclusive ? '' : 'the opening moment not included',
    w.endInclusive ? 'the closing moment included' : 'the closing moment not included',
  ].filter(Boolean);
  return `from ${formatHuman(w.start, zone)} to ${formatHuman(w.end, zone)}, ${incl.join(', ')}`;
}

/** The window as the reading wrote it, when that differs from the zone's own times or gives a duration. */
function windowAsWritten(r: ReadingExplanation): string {
  const w = r.interpretation.window;
  return `from ${asWrittenTime(w.start)}${w.end !== undefined ? ` to ${asWrittenTime(w.end)}` : ` for ${durationWords(w.duration ?? '')}`}`;
}

/** ` (written as Sun 1 Feb 2026 00:00 (GMT+3))` when the data wrote the bound in another offset; else ''. */
function writtenAs(iso: string | undefined, ms: number, zone: string): string {
  if (iso === undefined) return '';
  const dt = DateTime.fromISO(iso, { setZone: true });
  return dt.offset === offsetMinutes(ms, zone) ? '' : ` (written as ${asWrittenTime(iso)})`;
}

/** When the event came against the window, in a sentence. */
function timingSentence(x: EventExplanation, r: ReadingExplanation): string {
  const zone = x.scenario.timeZone;
  const w = r.window;
  const spec = r.interpretation.window;
  const open = `${formatHuman(w.start, zone)}${writtenAs(spec.start, w.start, zone)}`;
  const close = `${formatHuman(w.end, zone)}${writtenAs(spec.end, w.end, zone)}${spec.duration !== undefined ? `, ${durationWords(spec.duration)} after it opened` : ''}`;
  switch (r.timing) {
    case 'inside':
      return `It came inside the window, which runs ${windowWords(w, zone)}.`;
    case 'partly-inside':
      return x.interval.start < w.start
        ? `The sources date it only ${describeInterval(x.interval, zone)}, across the window's opening at ${open}: it may have come before the window or inside it.`
        : `The sources date it only ${describeInterval(x.interval, zone)}, across the window's close at ${close}: it may have come inside the window or after it.`;
    case 'before':
      return `It came before the window opened at ${open}.`;
    case 'after':
      return `It came after the window closed at ${close}${w.endInclusive ? ' (that moment itself still inside)' : ''}.`;
  }
}

/** What the event hit against what one obligation protects, and whether the obligation bound, in sentences. */
function scopeSentences(x: EventExplanation, ev: ObligationEvaluation, name: PartyName): string[] {
  const zone = x.scenario.timeZone;
  if (ev.obligation === null) return [`This reading puts no obligation on ${name(ev.facts.actor)}, so nothing it does can break it.`];
  const o = ev.obligation;
  const s = scopeTerms(x, ev);
  const certain = [...s.places.certain, ...s.targets.certain.map(targetWords)];
  const possible = [...s.places.possible, ...s.targets.possible.map(targetWords)];
  const protects = listWords(protectedThings(o));
  const out: string[] = [];
  if (certain.length > 0) out.push(`It hit ${listWords(certain)}, which this reading protects.`);
  else if (possible.length > 0)
    out.push(
      `It may have hit what this reading protects (${protects}): the sources name only ${listWords(possible)}, which may or may not include it.`,
    );
  else {
    const where = s.places.not.length > 0 ? listWords(s.places.not) : '';
    const what = s.targets.not.length > 0 ? listWords(s.targets.not) : '';
    const hit = where && what ? `${what} in ${where}` : where || what;
    out.push(
      hit
        ? `It hit ${hit}, which this reading does not protect (it protects ${protects}).`
        : `The sources name nothing it hit that this reading protects (it protects ${protects}).`,
    );
  }
  if (o.towards !== ev.facts.target) out.push(`It was not aimed at ${name(o.towards)}, whom the pledge protects.`);
  if (o.condition) {
    const party = name(o.party);
    const cp = name(o.condition.counterparty);
    const breach = ev.context.counterpartyFirstViolation;
    const when = breach ? describeInterval(breach, zone) : '';
    if (ev.facts.conditionStatus === 'holds')
      out.push(`${party}'s pledge holds only while ${cp} complies, and ${cp} had not broken the truce before this strike.`);
    else if (ev.facts.conditionStatus === 'lapsed')
      out.push(
        `${party}'s pledge held only while ${cp} complied; ${cp}'s first violation came ${when}, before this strike, so the pledge no longer bound ${party}.`,
      );
    else if (ev.facts.conditionStatus === 'uncertain')
      out.push(
        `${party}'s pledge holds only while ${cp} complies; ${cp}'s first violation (${when}) overlaps this strike in time, so whether the pledge still bound ${party} is uncertain.`,
      );
  }
  if (!ev.facts.enforcementApplies) out.push(`The enforcement plan does not apply to ${name(ev.facts.actor)}.`);
  return out;
}

/** The verdict in a sentence: `Under this reading it is a violation (rules protected-place, broader-attack).` */
function verdictSentence(x: EventExplanation, r: ReadingExplanation): string {
  const rules = [...new Set(r.findings.map((f) => f.rule))];
  const by = rules.length > 0 ? ` (rule${rules.length > 1 ? 's' : ''} ${rules.join(', ')})` : '';
  if (!isAttack(x.event.kind)) return `It is a ${x.event.kind}, not an attack: no rule judges it.`;
  const escalations = r.findings.filter((f) => f.type === 'escalation-trigger').map((f) => triggerWords(f.trigger));
  const esc = escalations.length > 0 ? `, and an escalation (${listWords(escalations)})` : '';
  if (r.verdict === 'none')
    return escalations.length > 0
      ? `Under this reading it breaks no pledge but is an escalation (${listWords(escalations)})${by}.`
      : 'Under this reading it breaks nothing.';
  return `Under this reading it is a ${FINDING_WORD[r.verdict]}${esc}${by}.`;
}

/** Why the reading found what it found, in analysts' words: when the event came, what it hit, whether the pledge bound. */
export function readingSentences(x: EventExplanation, r: ReadingExplanation): string[] {
  const name = partyNames(x.parties);
  if (!isAttack(x.event.kind)) return [verdictSentence(x, r), timingSentence(x, r)];
  return [verdictSentence(x, r), timingSentence(x, r), ...r.evaluations.flatMap((ev) => scopeSentences(x, ev, name))];
}

/** One line per reading: the verdict, then when the event came and what it hit, in sentences. */
export function inShort(x: EventExplanation, r: ReadingExplanation): string {
  const all = readingSentences(x, r);
  // the head says the verdict; a non-strike keeps its sentence saying no rule judges it
  const why = isAttack(x.event.kind) ? all.slice(1) : all;
  const rules = [...new Set(r.findings.map((f) => f.rule))];
  return `${LABEL[r.verdict]}${rules.length > 0 ? ` (${rules.join(', ')})` : ''}: ${why.join(' ')}`;
}

function inclusivity(w: { startInclusive: boolean; endInclusive: boolean }): string {
  return `start ${w.startInclusive ? 'inclusive' : 'exclusive'}, end ${w.endInclusive ? 'inclusive' : 'exclusive'}`;
}

/** `truce explain` as text: the event, then per reading why it found what it found in sentences, then the condition trace. */
export function explainText(x: EventExplanation, provenance: Provenance, notes: LabelNotes = {}): string {
  const zone = x.scenario.timeZone;
  const name = partyNames(x.parties);
  const e = x.event;
  const out: string[] = [];
  const instants = [x.interval.start, x.interval.end, ...x.readings.flatMap((r) => [r.window.start, r.window.end])];
  out.push(`Why ${e.id}? ${x.scenario.title} [${x.scenario.id}]`);
  out.push(
    `times in ${zoneWords(zone, instants)}; truce ${provenance.version}, rules ${provenance.rulesHash}, scenario ${provenance.scenarioHash}`,
  );
  out.push('');
  out.push(
    `Event ${e.id}: ${e.kind}${e.means ? ` (${e.means.join(' or ')})` : ''}, ${name(e.actor)}${e.target ? ` -> ${name(e.target)}` : ''}`,
  );
  out.push(`  when      ${describeInterval(x.interval, zone)} (known to the ${e.when.precision}: ${e.when.evidence})`);
  out.push(
    `  places    ${e.places.map((p) => `${p.name} (${p.kind}; ${PRECISION[p.precision] ?? p.precision})`).join('; ') || 'not stated'}`,
  );
  if (e.placesExcluded.length > 0) out.push(`  not hit   ${e.placesExcluded.join(', ')} (the text excludes them)`);
  out.push(`  targets   ${e.targets.join(', ') || 'not stated'}`);
  const counts = [...Object.entries(e.munitions ?? {}), ...Object.entries(e.casualties ?? {})].map(([k, c]) => `${k} ${countWords(c)}`);
  if (counts.length > 0) out.push(`  counts    ${counts.join(', ')} (low figures; + when the text sets no ceiling)`);
  out.push(`  sources   ${e.sources.map(cite).join(', ')}`);
  out.push('', 'In short:');
  const width = Math.max(...x.readings.map((r) => r.interpretation.id.length));
  for (const r of x.readings) out.push(`  ${r.interpretation.id.padEnd(width)}  ${inShort(x, r)}`);

  for (const r of x.readings) {
    out.push('', `== Reading "${r.interpretation.id}": ${LABEL[r.verdict]}`);
    out.push(`   ${r.interpretation.label}${notes[r.interpretation.id] ? ` (${notes[r.interpretation.id]})` : ''}`);
    out.push(...readingSentences(x, r).map((s) => `   ${s}`));
    for (const f of r.findings)
      out.push(`   Finding, ${findingWords(f)} (${f.rule}${f.certainty === 'possible' ? ', possible' : ''}): ${f.explanation}`);
    if (r.findings.length === 0) out.push('   No rule fired under any of its obligations.');
    out.push(`   The window runs ${windowWords(r.window, zone)}; the reading wrote it ${windowAsWritten(r)}.`);
    const fv = r.firstViolations.map((v) => `${name(v.party)} by ${v.eventId} ${describeInterval(v.interval, zone)}`);
    out.push(`   First violations under this reading: ${fv.join('; ') || 'none'}.`);
    out.push('', "   Condition trace (the rule engine's own names for facts and operators):");
    out.push(`   window    ${describeWindow(r.window, zone)}, ${inclusivity(r.window)}`);
    out.push(`             ${TIMING[r.timing]}`);
    r.evaluations.forEach((ev) => out.push(...evaluationText(x, r, ev, zone, name)));
  }
  return out.join('\n') + '\n';
}

function evaluationText(
  x: EventExplanation,
  r: ReadingExplanation,
  ev: ObligationEvaluation,
  zone: string,
  name: (id: string) => string,
): string[] {
  const out: string[] = [];
  if (ev.obligation === null) {
    out.push(`   obligation: none; this reading puts no obligation on ${name(ev.facts.actor)}`);
  } else {
    out.push(
      `   obligation ${(ev.obligationIndex ?? 0) + 1} of ${r.interpretation.obligations.length}: ${obligationText(ev.obligation, name)}`,
    );
    const s = scopeTerms(x, ev);
    out.push(
      `     places    certainly protected: ${list(s.places.certain)}; possibly: ${list(s.places.possible)}; not protected: ${list(s.places.not)} (placeScope ${ev.context.places.scope})`,
    );
    out.push(
      `     targets   certainly protected: ${list(s.targets.certain)}; possibly: ${list(s.targets.possible)}; not protected: ${list(s.targets.not)} (targetScope ${ev.context.targets.scope})`,
    );
    if (ev.obligation.refrainFrom.means !== undefined || ev.obligation.refrainFrom.area !== undefined)
      out.push(
        `     limited to${coverageWords(ev.obligation).replace(/^,/, '')} (meansScope ${String(ev.facts.meansScope)}, areaScope ${String(ev.facts.areaScope)})`,
      );
    if (ev.obligation.towards !== ev.facts.target)
      out.push(`     the event is not aimed at ${name(ev.obligation.towards)}, whom the obligation protects`);
    if (ev.obligation.condition) {
      const cp = ev.context.counterpartyFirstViolation;
      const who = name(ev.obligation.condition.counterparty);
      const conduct = ev.obligation.condition.while === 'counterparty-refrains';
      out.push(
        `     condition while ${who} ${conduct ? 'refrains (by conduct)' : 'complies'}: ${ev.facts.conditionStatus} (${who}'s first ${conduct ? 'act in scope' : 'violation'}: ${cp ? showValue(cp, zone) : 'none'})`,
      );
    } else {
      out.push('     condition none: the obligation is unconditional');
    }
  }
  const alleged = attributionWords(x.event, name);
  if (alleged) out.push(`     attribution ${alleged}; this reading counts it as: ${String(ev.facts.evidence)}`);
  if (ev.facts.aggregate === true)
    out.push(`     aggregate report of at least ${String(ev.facts.incidentsLow)} incidents over the period, not one act`);
  out.push(`     enforcement applies to ${name(ev.facts.actor)}: ${ev.facts.enforcementApplies ? 'yes' : 'no'}`);
  out.push('     rules (by priority):');
  for (const rule of ev.rules) out.push(...ruleText(rule, zone));
  return out;
}

const list = (xs: string[]) => (xs.length === 0 ? 'none' : xs.join(', '));

/** Which of the event's places and targets the obligation protects: certainly, possibly, or not. */
export function scopeTerms(x: EventExplanation, ev: ObligationEvaluation) {
  const { places, targets } = ev.context;
  const placeNames = x.event.places.map((p) => p.name);
  return {
    places: {
      certain: places.matched,
      possible: places.possible,
      not: placeNames.filter((p) => !places.matched.includes(p) && !places.possible.includes(p)),
    },
    targets: {
      certain: targets.matched,
      possible: targets.possible,
      not: x.event.targets.filter((t) => !targets.matched.includes(t)),
    },
  };
}

/** A deciding condition of a rule that did not fire; one that holds can only have failed the rule through a `not`. */
export function whyNotText(leaf: LeafNode, zone: string): string {
  return `${leafText(leaf, zone)}${leaf.status === 'passed' ? ' (true, where the rule needs it false)' : ''}`;
}

function ruleText(r: RuleExplanation, zone: string): string[] {
  const p = r.rule.event.params;
  const head = `       ${r.rule.name} -> ${r.rule.event.type}${p.trigger ? ` (${p.trigger})` : ''}, ${p.certainty}; priority ${r.rule.priority}: ${r.fired ? 'FIRED' : 'not fired'}`;
  const out = [head];
  if (r.fired && r.explanation) out.push(`         finding: ${r.explanation}`);
  if (!r.fired) {
    const why = r.decisive.map((l) => whyNotText(l, zone));
    out.push(`         why not: ${why.length > 0 ? why.join('; ') : 'no condition was evaluated'}`);
  }
  out.push(...nodeText(r.conditions, zone, 9));
  return out;
}

function nodeText(node: ConditionNode, zone: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const status = STATUS[node.status]!.padEnd(4);
  if (node.op === 'fact') return [`${pad}${status}  ${leafText(node, zone)}`];
  if (node.op === 'condition') {
    const body = node.conditions[0];
    // a named condition: its name, then its parts
    return [
      `${pad}${status}  ${node.name} (shared condition)`,
      ...(body.op === 'fact' ? nodeText(body, zone, indent + 2) : childrenText(body, zone, indent + 2)),
    ];
  }
  return [
    `${pad}${status}  ${node.op === 'not' ? 'not' : `${node.op} of`}:`,
    ...node.conditions.flatMap((c) => nodeText(c, zone, indent + 2)),
  ];
}

// the parts of a named condition's body, with its `all`/`any` shown only when it has more than one part
function childrenText(node: ConditionNode, zone: string, indent: number): string[] {
  if (node.op !== 'fact' && node.op !== 'condition' && node.op !== 'not' && node.conditions.length === 1)
    return nodeText(node.conditions[0]!, zone, indent);
  return nodeText(node, zone, indent);
}
