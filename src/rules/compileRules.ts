import type { Condition, Rule } from '../schema/rule.js';
import type { Facts } from './deriveFacts.js';
import { temporalOperators, type TemporalValue } from './operators.js';

/** A rule compiled to a plain closure over precomputed facts. */
export interface CompiledRule {
  rule: Rule;
  test: (facts: Facts) => boolean;
}

type Test = (facts: Facts) => boolean;
type Get = (facts: Facts) => unknown;

/** Raised while compiling a construct the fast path does not support; the rule then falls back. */
class Unsupported extends Error {}

const num = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

/** json-rules-engine's built-in operators, with its semantics (numeric ones need numbers on the left). */
const ENGINE: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => Array.isArray(b) && b.includes(a),
  notIn: (a, b) => Array.isArray(b) && !b.includes(a),
  contains: (a, b) => Array.isArray(a) && a.includes(b),
  doesNotContain: (a, b) => Array.isArray(a) && !a.includes(b),
  lessThan: (a, b) => num(a) && a < (b as number),
  lessThanInclusive: (a, b) => num(a) && a <= (b as number),
  greaterThan: (a, b) => num(a) && a > (b as number),
  greaterThanInclusive: (a, b) => num(a) && a >= (b as number),
};

/** Facts whose value carries a condition's params (bounds): see RuleEvaluator's anchor facts. */
const ANCHORS = new Set(['actorFirstViolation']);

function factGetter(fact: string, params: Record<string, unknown> | undefined): Get {
  if (ANCHORS.has(fact) && params && (params.min !== undefined || params.max !== undefined)) {
    const { min, max } = params;
    return (f) => ({ interval: f[fact as keyof Facts], min, max });
  }
  return (f) => f[fact as keyof Facts];
}

function compileCondition(c: Condition, named: Readonly<Record<string, Condition>>, seen: string[], m: Memo): Test {
  if ('all' in c) {
    const parts = c.all.map((x) => compileCondition(x, named, seen, m));
    if (parts.length === 1) return parts[0]!;
    return (f) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i]!(f)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map((x) => compileCondition(x, named, seen, m));
    if (parts.length === 1) return parts[0]!;
    return (f) => {
      for (let i = 0; i < parts.length; i++) if (parts[i]!(f)) return true;
      return false;
    };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not, named, seen, m);
    return (f) => !inner(f);
  }
  if ('condition' in c) {
    const ref = named[c.condition];
    if (ref === undefined || seen.includes(c.condition)) throw new Unsupported(`condition ${c.condition}`);
    return shared(m, c.condition, compileCondition(ref, named, [...seen, c.condition], m));
  }
  if (c.path !== undefined) throw new Unsupported('path');
  const op = ENGINE[c.operator] ?? (temporalOperators[c.operator] as ((a: unknown, b: TemporalValue) => boolean) | undefined);
  if (!op) throw new Unsupported(`operator ${c.operator}`);
  const left = factGetter(c.fact, c.params);
  const v = c.value;
  const plainLeft = !(ANCHORS.has(c.fact) && c.params);
  // the common leaf `fact equal literal`, without the getter and operator calls
  if (c.operator === 'equal' && plainLeft && (v === null || typeof v !== 'object')) {
    const fact = c.fact as keyof Facts;
    return (f) => f[fact] === v;
  }
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v) {
    const ref = v as { fact: string; params?: Record<string, unknown>; path?: string };
    if (ref.path !== undefined) throw new Unsupported('path');
    const right = factGetter(ref.fact, ref.params);
    return (f) => op(left(f), right(f) as TemporalValue);
  }
  return (f) => op(left(f), v as TemporalValue);
}

/**
 * A shared condition (rules/conditions.json) is read by several rules: evaluate it once per set of
 * facts. Evaluation is synchronous, so "the facts last seen" is all the memo needs.
 */
interface Memo {
  slots: Map<string, number>;
  facts: Facts | undefined;
  values: (boolean | undefined)[];
}

function shared(m: Memo, name: string, test: Test): Test {
  let slot = m.slots.get(name);
  if (slot === undefined) {
    slot = m.slots.size;
    m.slots.set(name, slot);
  }
  const i = slot;
  return (f) => {
    if (m.facts !== f) {
      m.facts = f;
      m.values = [];
    }
    const hit = m.values[i];
    if (hit !== undefined) return hit;
    const r = test(f);
    m.values[i] = r;
    return r;
  };
}

/**
 * Compiles what it can; a rule it cannot compile is returned in `fallback`, to be evaluated by
 * json-rules-engine, never guessed.
 */
export function compileRules(rules: readonly Rule[], named: Readonly<Record<string, Condition>>): { compiled: CompiledRule[]; fallback: Rule[] } {
  const compiled: CompiledRule[] = [];
  const fallback: Rule[] = [];
  // one memo per rule set: shared conditions mean one thing within it
  const m: Memo = { slots: new Map(), facts: undefined, values: [] };
  for (const rule of rules) {
    try {
      compiled.push({ rule, test: compileCondition(rule.conditions, named, [], m) });
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      fallback.push(rule);
    }
  }
  return { compiled, fallback };
}
