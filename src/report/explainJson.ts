import type { Provenance } from '../provenance.js';
import type { SourceRef } from '../schema/common.js';
import { formatInstant } from '../time/interval.js';
import { describeWindow } from '../run/explainVars.js';
import type { ConditionNode, EventExplanation } from '../run/explainEvent.js';
import { eventJson } from './runJson.js';
import { inShort, isBounded, isInterval, leafText, readingSentences, scopeTerms, whyNotText } from './explainText.js';
import type { LabelNotes } from './wording.js';

/** A value for JSON: intervals as ISO-8601 instants with the zone's offset, the rest as is. */
function jsonValue(v: unknown, zone: string): unknown {
  if (isInterval(v)) {
    return {
      start: formatInstant(v.start, zone),
      end: formatInstant(v.end, zone),
      ...(v.startInclusive !== undefined ? { startInclusive: v.startInclusive } : {}),
      ...(v.endInclusive !== undefined ? { endInclusive: v.endInclusive } : {}),
    };
  }
  if (isBounded(v))
    return {
      interval: jsonValue(v.interval, zone),
      ...(v.min !== undefined ? { min: v.min } : {}),
      ...(v.max !== undefined ? { max: v.max } : {}),
    };
  return v === undefined ? null : v;
}

export interface ExplainJsonNode {
  op: 'all' | 'any' | 'not' | 'condition' | 'fact';
  status: 'passed' | 'failed' | 'not-evaluated';
  name?: string;
  conditions?: ExplainJsonNode[];
  fact?: string;
  operator?: string;
  value?: unknown;
  params?: Record<string, unknown>;
  path?: string;
  factValue?: unknown;
  valueResult?: unknown;
  text?: string;
}

function nodeJson(node: ConditionNode, zone: string): ExplainJsonNode {
  if (node.op === 'fact') {
    return {
      op: 'fact',
      status: node.status,
      fact: node.fact,
      operator: node.operator,
      value: node.value,
      ...(node.params !== undefined ? { params: node.params } : {}),
      ...(node.path !== undefined ? { path: node.path } : {}),
      ...(node.status !== 'not-evaluated'
        ? { factValue: jsonValue(node.factValue, zone), valueResult: jsonValue(node.valueResult, zone) }
        : {}),
      text: leafText(node, zone),
    };
  }
  return {
    op: node.op,
    status: node.status,
    ...(node.op === 'condition' ? { name: node.name } : {}),
    conditions: node.conditions.map((c) => nodeJson(c, zone)),
  };
}

/**
 * `truce explain --format json` prints this object, `truce.explain/v1` (fields are only ever added
 * within v1). Times are ISO-8601 with the offset of the scenario's time zone; `text` fields say the same
 * in words.
 *
 * ```
 * { format: "truce.explain/v1", provenance, scenario: { id, title, timeZone },
 *   event: (as an event of truce.run/v1),
 *   readings: [ {
 *     interpretation, label, labelNote (set when an overlay moved the window the label was written for),
 *     agreement, verdict: "violation" | "possible-violation" | "none", summary, sentences: [ why, in words ],
 *     window: { start, end, startInclusive, endInclusive, text, asWritten: { start, end | duration }, basis },
 *     timing: "inside" | "partly-inside" | "before" | "after",      (the event's interval against the window)
 *     findings: [ { type, rule, certainty, trigger, explanation } ],   (what the run found about the event)
 *     firstViolations: [ { party, eventId, start, end } ],            (the state the rules were evaluated in)
 *     evaluations: [ {                                               (one per obligation of the actor)
 *       obligation: null | { index, party, towards, refrainFrom: { places, placeKinds, targets },
 *                            condition: { while, counterparty } | null, basis, sources: [ { file, line } ] },
 *       places:  { scope, certain: [], possible: [], not: [] },      (the event's places, as the obligation reads them)
 *       targets: { scope, certain: [], possible: [], not: [] },
 *       conditionStatus, counterpartyFirstViolation: { start, end } | null, enforcementApplies,
 *       facts: { <fact name>: value },
 *       rules: [ { rule, description, priority, concludes: { type, certainty, trigger }, fired,
 *                  explanation: string | null, why: [ why it did not fire: the deciding conditions ], conditions: Node } ] } ] } ] }
 * Node: { op: "all" | "any" | "not", status, conditions: [Node] }
 *     | { op: "condition", name, status, conditions: [Node] }         (a shared condition of rules/conditions.json)
 *     | { op: "fact", status, fact, operator, value, params?, path?, factValue?, valueResult?, text }
 * status: "passed" | "failed" | "not-evaluated" (json-rules-engine short-circuited before it)
 * ```
 */
export function explainJson(x: EventExplanation, provenance: Provenance, notes: LabelNotes = {}) {
  const zone = x.scenario.timeZone;
  return {
    format: 'truce.explain/v1' as const,
    provenance,
    scenario: x.scenario,
    event: eventJson(x.event, zone),
    readings: x.readings.map((r) => ({
      interpretation: r.interpretation.id,
      label: r.interpretation.label,
      labelNote: notes[r.interpretation.id] ?? null,
      agreement: r.interpretation.agreement.status,
      verdict: r.verdict,
      sentences: readingSentences(x, r),
      summary: inShort(x, r),
      window: {
        start: formatInstant(r.window.start, zone),
        end: formatInstant(r.window.end, zone),
        startInclusive: r.window.startInclusive,
        endInclusive: r.window.endInclusive,
        text: describeWindow(r.window, zone),
        asWritten: {
          start: r.interpretation.window.start,
          ...(r.interpretation.window.end !== undefined
            ? { end: r.interpretation.window.end }
            : { duration: r.interpretation.window.duration ?? null }),
        },
        basis: r.interpretation.window.basis,
      },
      timing: r.timing,
      findings: r.findings.map((f) => ({
        type: f.type,
        rule: f.rule,
        certainty: f.certainty,
        trigger: f.trigger ?? null,
        explanation: f.explanation,
      })),
      firstViolations: r.firstViolations.map((v) => ({
        party: v.party,
        eventId: v.eventId,
        start: formatInstant(v.interval.start, zone),
        end: formatInstant(v.interval.end, zone),
      })),
      evaluations: r.evaluations.map((ev) => {
        const s = scopeTerms(x, ev);
        const o = ev.obligation;
        return {
          obligation:
            o === null
              ? null
              : {
                  index: ev.obligationIndex,
                  party: o.party,
                  towards: o.towards,
                  refrainFrom: o.refrainFrom,
                  condition: o.condition ?? null,
                  basis: o.basis,
                  sources: o.sources.map((c: SourceRef) => ({ file: c.file, line: c.line })),
                },
          places: { scope: ev.context.places.scope, ...s.places },
          targets: { scope: ev.context.targets.scope, ...s.targets },
          conditionStatus: ev.facts.conditionStatus,
          counterpartyFirstViolation: jsonValue(ev.context.counterpartyFirstViolation, zone),
          enforcementApplies: ev.facts.enforcementApplies,
          facts: Object.fromEntries(Object.entries(ev.facts).map(([k, v]) => [k, jsonValue(v, zone)])),
          rules: ev.rules.map((rule) => ({
            rule: rule.rule.name,
            description: rule.rule.description,
            priority: rule.rule.priority,
            concludes: {
              type: rule.rule.event.type,
              certainty: rule.rule.event.params.certainty,
              trigger: rule.rule.event.params.trigger ?? null,
            },
            fired: rule.fired,
            explanation: rule.explanation,
            why: rule.fired ? [] : rule.decisive.map((l) => whyNotText(l, zone)),
            conditions: nodeJson(rule.conditions, zone),
          })),
        };
      }),
    })),
  };
}

export type ExplainJson = ReturnType<typeof explainJson>;
