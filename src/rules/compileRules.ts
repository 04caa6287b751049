import type { Condition, Rule } from '../schema/rule.js';
import type { Facts } from './deriveFacts.js';
import { boundedOperators, boundsFrom, temporalOperators } from './operators.js';

/** The rules compiled to one plain function over precomputed facts, and those left to the engine. */
export interface CompiledRules {
  /** the compiled rules that fire on these facts, in the order given (a shared list: do not change it) */
  fire: (facts: Facts) => Rule[];
  fallback: Rule[];
}

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

/**
 * Writes a rule set as the source of one JavaScript function, as ajv does for JSON Schemas: each
 * rule's conditions become one boolean expression over `f` (the facts), each shared condition
 * (rules/conditions.json) a local computed at most once per call. Nothing from the rule files is
 * pasted as code: fact names and literals go in through JSON.stringify, operators and other values
 * through the `env` array. A construct it cannot write raises Unsupported.
 */
class Writer {
  readonly env: unknown[] = [];
  readonly shared = new Map<string, number>();
  constructor(private readonly named: Readonly<Record<string, Condition>>) {}

  ref(v: unknown): string {
    let i = this.env.indexOf(v);
    if (i < 0) i = this.env.push(v) - 1;
    return `e[${i}]`;
  }

  literal(v: unknown): string {
    return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
      ? JSON.stringify(v)
      : this.ref(v);
  }

  fact(name: string, params: Record<string, unknown> | undefined): string {
    const read = `f[${JSON.stringify(name)}]`;
    if (ANCHORS.has(name) && params && (params.min !== undefined || params.max !== undefined)) {
      return `{ interval: ${read}, min: ${this.literal(params.min)}, max: ${this.literal(params.max)} }`;
    }
    return read;
  }

  /** The anchor fact a value names with bounds (`{ fact, params: { min?, max? } }`), whose value `fact` writes as `{ interval, min, max }`. */
  anchorOf(v: unknown): { fact: string; min: string | undefined; max: string | undefined } | undefined {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !('fact' in v)) return undefined;
    const ref = v as { fact: string; params?: Record<string, unknown>; path?: string };
    const p = ref.params;
    if (ref.path !== undefined || !ANCHORS.has(ref.fact) || !p || (p.min === undefined && p.max === undefined)) return undefined;
    if ((p.min !== undefined && typeof p.min !== 'string') || (p.max !== undefined && typeof p.max !== 'string')) return undefined;
    return { fact: ref.fact, min: p.min as string | undefined, max: p.max as string | undefined };
  }

  condition(c: Condition, seen: readonly string[]): string {
    if ('all' in c) return c.all.length === 0 ? 'true' : `(${c.all.map((x) => this.condition(x, seen)).join(' && ')})`;
    if ('any' in c) return c.any.length === 0 ? 'false' : `(${c.any.map((x) => this.condition(x, seen)).join(' || ')})`;
    if ('not' in c) return `!${this.condition(c.not, seen)}`;
    if ('condition' in c) {
      const ref = this.named[c.condition];
      if (ref === undefined || seen.includes(c.condition)) throw new Unsupported(`condition ${c.condition}`);
      let slot = this.shared.get(c.condition);
      if (slot === undefined) {
        slot = this.shared.size;
        this.shared.set(c.condition, slot);
      }
      return `(s${slot} ??= ${this.condition(ref, [...seen, c.condition])})`;
    }
    if (c.path !== undefined) throw new Unsupported('path');
    const op = ENGINE[c.operator] ?? temporalOperators[c.operator];
    if (!op) throw new Unsupported(`operator ${c.operator}`);
    const left = this.fact(c.fact, c.params);
    const v = c.value;
    const anchor = this.anchorOf(v);
    const bounded = boundedOperators[c.operator];
    if (anchor && bounded) {
      // a temporal operator against an anchor fact: its bounds worked out now, not an object per call
      let bounds: ReturnType<typeof boundsFrom>;
      try {
        bounds = boundsFrom(anchor.min, anchor.max);
      } catch {
        // a duration it cannot read fails where it did, in the evaluation
        throw new Unsupported('bounds');
      }
      return `${this.ref(bounded)}(${left}, f[${JSON.stringify(anchor.fact)}], ${this.ref(bounds)})`;
    }
    let right: string;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v) {
      const ref = v as { fact: string; params?: Record<string, unknown>; path?: string };
      if (ref.path !== undefined) throw new Unsupported('path');
      right = this.fact(ref.fact, ref.params);
    } else {
      right = this.literal(v);
    }
    // the common leaf `fact equal literal`, without the operator call
    if (c.operator === 'equal' && left.startsWith('f[') && !right.startsWith('e[') && !right.startsWith('f[') && !right.startsWith('{'))
      return `(${left} === ${right})`;
    return `${this.ref(op)}(${left}, ${right})`;
  }
}

/**
 * Compiles what it can; a rule it cannot compile is returned in `fallback`, to be evaluated by
 * json-rules-engine, never guessed.
 */
export function compileRules(rules: readonly Rule[], named: Readonly<Record<string, Condition>>): CompiledRules {
  const w = new Writer(named);
  const fallback: Rule[] = [];
  const tests: string[] = [];
  const compiled: Rule[] = [];
  for (const rule of rules) {
    const mark = { env: w.env.length, shared: new Map(w.shared) };
    try {
      const test = w.condition(rule.conditions, []);
      // each compiled rule is one bit of a mask; the rules that fire together are one shared, frozen list
      tests.push(compiled.length < 31 ? `  if (${test}) mask |= ${1 << compiled.length};` : `  if (${test}) extra.push(${w.ref(rule)});`);
      compiled.push(rule);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      // forget what the failed rule registered
      w.env.length = mark.env;
      w.shared.clear();
      for (const [k, v] of mark.shared) w.shared.set(k, v);
      fallback.push(rule);
    }
  }
  const locals = [...w.shared.values()].map((i) => `s${i}`);
  const source = [
    '"use strict";',
    'return function fire(f) {',
    ...(locals.length > 0 ? [`  let ${locals.join(', ')};`] : []),
    '  let mask = 0;',
    ...(compiled.length > 31 ? ['  const extra = [];'] : []),
    ...tests,
    `  const fired = list(mask);`,
    ...(compiled.length > 31 ? ['  return extra.length === 0 ? fired : Object.freeze([...fired, ...extra]);'] : ['  return fired;']),
    '};',
  ].join('\n');
  const lists = new Map<number, Rule[]>();
  /**
   * the rules of a mask, in the order given: made once per combination that occurs (rulesOf, apart: a
   * closure over `mask` here, even one made only on a miss, gave every call a context of its own, 40 bytes
   * of garbage per evaluation and most of what a draw's rules allocated)
   */
  const list = (mask: number): Rule[] => {
    let l = lists.get(mask);
    if (!l) lists.set(mask, (l = rulesOf(compiled, mask)));
    return l;
  };
  // a generated function: the source above is written from validated rules only (names and literals through JSON.stringify)
  const fire = new Function('e', 'list', source)(w.env, list) as (facts: Facts) => Rule[];
  return { fire, fallback };
}

/** The compiled rules a mask names (its first 31 bits), in order, frozen: what `list` keeps per mask. */
function rulesOf(compiled: readonly Rule[], mask: number): Rule[] {
  const out: Rule[] = [];
  for (let i = 0; i < compiled.length && i < 31; i++) if ((mask & (1 << i)) !== 0) out.push(compiled[i]!);
  return Object.freeze(out) as Rule[];
}
