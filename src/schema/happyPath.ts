import type { z } from 'zod';

/**
 * A validator compiled once from a zod format for the happy path of a long stream: true only when zod
 * would accept the value and give back an equal one, keys in the same order (no default to fill in, no
 * key to drop), so that the value itself can stand for zod's output. False means "ask zod", which then
 * decides and words the error: the fast path never judges a bad value itself. Types are checked here;
 * every check a schema carries (lengths, patterns, refinements) is zod's own, run on the value, except
 * the commonest (lengths, patterns, integers, minimums), which are done inline where they certainly pass.
 * A kind of schema it does not know always answers false.
 */
export function happyPath(schema: z.ZodType, known: KnownChecks = new Map()): (value: unknown) => boolean {
  return compile(schema as unknown as Node, known as unknown as ReadonlyMap<Node, Test>);
}

/**
 * Tests that stand for all the checks (refinements) of a sub-schema, by the schema: each true only
 * where every one of them passes (its type is still tested here). A refinement run through zod makes
 * its payload's closures and the refinement's own regular expressions per value; a stream runs the
 * event's instants and counts through them millions of times.
 */
export type KnownChecks = ReadonlyMap<z.ZodType, Test>;

/** What is read of a zod 4 schema: its definition. */
interface Node {
  _zod: { def: Def };
}
interface Def {
  type: string;
  checks?: CheckNode[];
  shape?: Record<string, Node>;
  catchall?: Node;
  innerType?: Node;
  element?: Node;
  options?: Node[];
  entries?: Record<string, unknown>;
  values?: unknown[];
}
interface CheckNode {
  _zod: {
    def: { check: string; minimum?: number; format?: string; pattern?: RegExp; value?: unknown; inclusive?: boolean };
    check(payload: { value: unknown; issues: unknown[] }): unknown;
  };
}

export type Test = (v: unknown) => boolean;
const NEVER: Test = () => false;

function compile(node: Node, known: ReadonlyMap<Node, Test>): Test {
  const def = node._zod.def;
  const checks = known.get(node) ?? checksOf(def.checks ?? []);
  const typed = typeTest(def, known);
  if (checks === undefined) return typed;
  return (v) => typed(v) && checks(v);
}

function typeTest(def: Def, known: ReadonlyMap<Node, Test>): Test {
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'literal': {
      const values = def.values ?? [];
      return (v) => values.includes(v);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) => values.has(v);
    }
    case 'optional': {
      const inner = compile(def.innerType!, known);
      return (v) => v === undefined || inner(v);
    }
    case 'default': {
      // a missing value gets the default: zod's output then differs from the value
      const inner = compile(def.innerType!, known);
      return (v) => v !== undefined && inner(v);
    }
    case 'array': {
      const element = compile(def.element!, known);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'union': {
      // zod takes the first option that accepts the value
      const options = (def.options ?? []).map((o) => compile(o, known));
      return (v) => options.some((o) => o(v));
    }
    case 'object':
      return objectTest(def, known);
    default:
      return NEVER;
  }
}

/** A strict object whose keys come in the shape's order (zod writes its output in that order). */
function objectTest(def: Def, known: ReadonlyMap<Node, Test>): Test {
  // only a strict object: another drops unknown keys or keeps them where zod would not
  if (def.catchall?._zod.def.type !== 'never') return NEVER;
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const tests = keys.map((k) => compile(shape[k]!, known));
  const mayBeAbsent = keys.map((k) => shape[k]!._zod.def.type === 'optional');
  const n = keys.length;
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    let i = 0;
    for (const k in o) {
      while (i < n && keys[i] !== k) {
        if (!mayBeAbsent[i]) return false;
        i++;
      }
      // an unknown key, or one out of the shape's order
      if (i === n || !Object.hasOwn(o, k) || !tests[i]!(o[k])) return false;
      i++;
    }
    for (; i < n; i++) if (!mayBeAbsent[i]) return false;
    return true;
  };
}

/** The checks of a schema as one test, or undefined when it has none. */
function checksOf(checks: CheckNode[]): Test | undefined {
  if (checks.length === 0) return undefined;
  const tests = checks.map(checkTest);
  return (v) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false;
    return true;
  };
}

function checkTest(c: CheckNode): Test {
  const d = c._zod.def;
  // one payload per check, reused (the check reads it, and writes to it only what it finds wrong)
  const payload: { value: unknown; issues: unknown[] } = { value: undefined, issues: [] };
  const zods: Test = (v) => {
    payload.value = v;
    payload.issues.length = 0;
    try {
      c._zod.check(payload);
    } catch {
      return false;
    }
    return payload.issues.length === 0;
  };
  if (d.check === 'min_length' && typeof d.minimum === 'number') {
    const min = d.minimum;
    // twice the minimum in UTF-16 units is certainly that many characters; in between, zod counts
    return (v) => (v as { length: number }).length >= 2 * min || zods(v);
  }
  if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp && !d.pattern.global && !d.pattern.sticky) {
    const pattern = d.pattern;
    return (v) => pattern.test(v as string);
  }
  if (d.check === 'number_format' && d.format === 'safeint') return (v) => Number.isSafeInteger(v) || zods(v);
  if (d.check === 'greater_than' && typeof d.value === 'number') {
    const min = d.value;
    return d.inclusive === true ? (v) => (v as number) >= min || zods(v) : (v) => (v as number) > min || zods(v);
  }
  return zods;
}
