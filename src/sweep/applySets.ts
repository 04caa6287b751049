import type { ZodType } from 'zod';
import { Event as EventSchema } from '../schema/event.js';
import { Scenario as ScenarioSchema } from '../schema/scenario.js';
import { Rule as RuleSchema } from '../schema/rule.js';
import { applyChanges, type Resolved } from '../overlay/applyChanges.js';
import { getByPath, setByPath, splitPath } from '../overlay/paths.js';
import type { Problem } from '../problem.js';

export interface SetChange {
  path: string;
  value: unknown;
}

/**
 * `set` changes on a validated scenario, as `applyChanges` makes them, at the cost of what they touch:
 * only the part a path enters is copied (a top-level field of the scenario, or the one event or rule it
 * names) and only that part is validated again; everything else is shared with the base, which is valid
 * already. Any problem sends the changes through `applyChanges`, so that the problems (and their wording)
 * are exactly the overlay's.
 */
export function applySets(base: Resolved, sets: readonly SetChange[], file: string): { result: Resolved; problems: Problem[] } {
  const slow = () =>
    applyChanges(
      base,
      sets.map((s) => ({ set: { path: s.path, value: s.value } })),
      file,
    );
  const scenario: Record<string, unknown> = { ...base.scenario };
  let events: unknown[] = base.events;
  let rules: unknown[] = base.rules;
  /** the parts of the scenario to check again, as dotted paths */
  const parts = new Set<string>();
  const copied = new Set<unknown>();
  const touchedItems = { events: new Set<unknown>(), rules: new Set<unknown>() };
  for (const { path: text, value } of sets) {
    const path = splitPath(text);
    const top = path[0];
    if (top === undefined) return slow();
    if (top === 'events' || top === 'rules') {
      if (path.length < 3) return slow();
      const list = top === 'events' ? events : rules;
      const item = getByPath(list, [path[1]!]);
      if (!item.ok) return slow();
      const copy = touchedItems[top].has(item.value) ? list : [...list];
      if (copy !== list) {
        const k = list.indexOf(item.value);
        copy[k] = structuredClone(item.value);
        touchedItems[top].add(copy[k]);
        if (top === 'events') events = copy;
        else rules = copy;
      }
      if (!setByPath(top === 'events' ? events : rules, path.slice(1), structuredClone(value)).ok) return slow();
    } else {
      if (!Object.hasOwn(ScenarioSchema.shape, top)) return slow();
      if (!copyOnWrite(scenario, path, copied)) return slow();
      if (!setByPath(scenario, path, structuredClone(value)).ok) return slow();
      const at = checkedPart(path);
      if (at === undefined) return slow();
      parts.add(at.join('.'));
    }
  }
  // each part checked once, and none inside another that is checked anyway
  const chosen = [...parts]
    .sort((a, b) => a.length - b.length)
    .filter((p, i, all) => !all.slice(0, i).some((q) => p === q || p.startsWith(`${q}.`)));
  for (const p of chosen) {
    const at = p.split('.');
    const schema = schemaAt(at);
    const parent = at.length > 1 ? getByPath(scenario, at.slice(0, -1)) : { ok: true as const, value: scenario };
    const node = getByPath(scenario, at);
    if (!schema || !parent.ok || !node.ok) return slow();
    const checked = schema.safeParse(node.value);
    if (!checked.success) return slow();
    // the parent is this combination's copy (copyOnWrite): put the checked value (defaults filled) in its place
    const container = parent.value as Record<string, unknown> | unknown[];
    if (Array.isArray(container)) container[container.indexOf(node.value)] = checked.data;
    else container[at.at(-1)!] = checked.data;
  }
  for (const [list, schema] of [
    [events, EventSchema],
    [rules, RuleSchema],
  ] as const) {
    const touched = list === events ? touchedItems.events : touchedItems.rules;
    for (let k = 0; k < list.length; k++) {
      if (!touched.has(list[k])) continue;
      const checked = schema.safeParse(list[k]);
      if (!checked.success) return slow();
      list[k] = checked.data;
    }
  }
  return {
    result: {
      scenario: scenario as Resolved['scenario'],
      events: events as Resolved['events'],
      rules: rules as Resolved['rules'],
      conditions: base.conditions,
    },
    problems: [],
  };
}

/**
 * Copies the containers a path passes through (each once), so that setting its value changes the copy
 * only; false when a step is not a plain child (a path that jumps into a nested condition).
 */
function copyOnWrite(root: Record<string, unknown>, path: readonly string[], copied: Set<unknown>): boolean {
  let cur: unknown = root;
  for (const seg of path.slice(0, -1)) {
    const next = getByPath(cur, [seg]);
    if (!next.ok || next.value === null || typeof next.value !== 'object') return false;
    let child = next.value;
    if (!copied.has(child)) {
      const copy = Array.isArray(child) ? [...child] : { ...(child as object) };
      if (Array.isArray(cur)) {
        const k = cur.indexOf(child);
        if (k < 0) return false;
        cur[k] = copy;
      } else if ((cur as Record<string, unknown>)[seg] === child) (cur as Record<string, unknown>)[seg] = copy;
      else return false;
      copied.add(copy);
      child = copy;
    }
    cur = child;
  }
  return true;
}

type Schema = ZodType & {
  _zod: {
    def: {
      type: string;
      checks?: { _zod: { def: { check: string } } }[];
      innerType?: ZodType;
      shape?: Record<string, ZodType>;
      element?: ZodType;
    };
  };
};

/** Length checks of a list: a `set` inside an element never changes the length. */
const LENGTH_CHECKS = new Set(['min_length', 'max_length', 'length_equals']);

/** Optional, default and nullable wrappers off: the schema that says what the value is. */
function unwrap(s: Schema): Schema {
  let cur = s;
  while (cur._zod.def.innerType !== undefined && ['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(cur._zod.def.type))
    cur = cur._zod.def.innerType as Schema;
  return cur;
}

/** The schema of the value at `path` of a scenario (list segments name an element by id or index). */
function schemaAt(path: readonly string[]): Schema | undefined {
  let s: Schema | undefined = ScenarioSchema as unknown as Schema;
  for (const seg of path) {
    const u: Schema = unwrap(s);
    if (u._zod.def.type === 'object') s = u._zod.def.shape?.[seg] as Schema | undefined;
    else if (u._zod.def.type === 'array') s = u._zod.def.element as Schema | undefined;
    else return undefined;
    if (s === undefined) return undefined;
  }
  return s;
}

/**
 * The part of the scenario a `set` at `path` must be checked in: the value's parent (what holds it, so
 * that a key it may not have is refused) unless a schema above it checks across its fields (a plan's
 * phases, a window's end or duration): then the highest such. Undefined when the path leaves the schema.
 */
function checkedPart(path: readonly string[]): string[] | undefined {
  for (let depth = 1; depth < path.length; depth++) {
    const s = schemaAt(path.slice(0, depth));
    if (s === undefined) return undefined;
    const checks = [s, unwrap(s)].flatMap((x) => x._zod.def.checks ?? []).filter((c) => !LENGTH_CHECKS.has(c._zod.def.check));
    if (checks.length > 0) return path.slice(0, depth);
  }
  if (schemaAt(path) === undefined) return undefined;
  return path.length > 1 ? path.slice(0, -1) : [...path];
}
