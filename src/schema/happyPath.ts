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
  return generate(schema as unknown as Node, known as unknown as ReadonlyMap<Node, Test>);
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

/**
 * The same test as compile's, written out as the source of one function (as the rules are, in
 * compileRules.ts): objects, arrays, optional values and the plain types inline, so that a stream's
 * event is walked without a call per key. What is not inlined (a union, a check, a known test) is the
 * closure compile makes for it, called from the source. Keys and literals enter the source only through
 * JSON.stringify; nothing from a value or a format runs as code.
 */
function generate(root: Node, known: ReadonlyMap<Node, Test>): Test {
  const closures: Test[] = [];
  let vars = 0;
  const closure = (t: Test): string => `c[${closures.push(t) - 1}]`;
  /** statements that return false unless the value of variable v passes node's test */
  const emit = (node: Node, v: string): string => {
    const def = node._zod.def;
    const knownTest = known.get(node);
    const checks = knownTest !== undefined ? `if (!${closure(knownTest)}(${v})) return false;` : checkSource(def.checks ?? [], v);
    return `${typeSource(def, v)}${checks}`;
  };
  const checkSource = (checks: CheckNode[], v: string): string =>
    checks
      .map((c) => {
        const d = c._zod.def;
        if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp && !d.pattern.global && !d.pattern.sticky) {
          const pattern = d.pattern;
          return `if (!${closure((x) => pattern.test(x as string))}(${v})) return false;`;
        }
        return `if (!${closure(checkTest(c))}(${v})) return false;`;
      })
      .join('');
  const typeSource = (def: Def, v: string): string => {
    switch (def.type) {
      case 'string':
        return `if (typeof ${v} !== "string") return false;`;
      case 'number':
        return `if (typeof ${v} !== "number" || !Number.isFinite(${v})) return false;`;
      case 'boolean':
        return `if (typeof ${v} !== "boolean") return false;`;
      case 'optional':
        return `if (${v} !== undefined) {${emit(def.innerType!, v)}}`;
      case 'default':
        // a missing value gets the default: zod's output then differs from the value
        return `if (${v} === undefined) return false;${emit(def.innerType!, v)}`;
      case 'array': {
        const i = `i${vars++}`;
        const x = `x${vars++}`;
        return `if (!Array.isArray(${v})) return false;for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {const ${x} = ${v}[${i}];${emit(def.element!, x)}}`;
      }
      case 'object':
        return objectSource(def, v);
      default:
        // literal, enum, union and any other kind: compile's own test (NEVER for a kind it does not know)
        return `if (!${closure(typeTest(def, known))}(${v})) return false;`;
    }
  };
  /** as objectTest: a strict object, its keys in the shape's order, the optional ones possibly absent */
  const objectSource = (def: Def, v: string): string => {
    if (def.catchall?._zod.def.type !== 'never') return 'return false;';
    const shape = def.shape ?? {};
    const keys = Object.keys(shape);
    const optional = keys.map((k) => shape[k]!._zod.def.type === 'optional');
    // the least position a key at j may follow: the keys between it and j must all be optional
    const least = keys.map((_, j) => {
      let lo = j;
      while (lo > 0 && optional[lo - 1]) lo--;
      return lo;
    });
    let end = keys.length;
    while (end > 0 && optional[end - 1]) end--;
    const at = `p${vars++}`;
    const k = `k${vars++}`;
    const cases = keys
      .map((key, j) => {
        const x = `x${vars++}`;
        return `case ${JSON.stringify(key)}: {if (${at} < ${least[j]} || ${at} > ${j}) return false;${at} = ${j + 1};const ${x} = ${v}[${k}];${emit(shape[key]!, x)}break;}`;
      })
      .join('');
    return `if (typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})) return false;let ${at} = 0;for (const ${k} in ${v}) {if (!Object.hasOwn(${v}, ${k})) return false;switch (${k}) {${cases}default: return false;}}if (${at} < ${end}) return false;`;
  };
  const body = `${emit(root, 'v')}return true;`;
  return new Function('c', `return function happyPath(v) {${body}};`)(closures) as Test;
}
