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
  const slow = () => applyChanges(base, sets.map((s) => ({ set: { path: s.path, value: s.value } })), file);
  const scenario: Record<string, unknown> = { ...base.scenario };
  let events: unknown[] = base.events;
  let rules: unknown[] = base.rules;
  const touchedFields = new Set<string>();
  const touchedElements = new Map<unknown, string>();
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
      if (!Object.prototype.hasOwnProperty.call(ScenarioSchema.shape, top)) return slow();
      if (!copyOnWrite(scenario, path, copied)) return slow();
      if (!setByPath(scenario, path, structuredClone(value)).ok) return slow();
      const field = scenario[top];
      // in a list (the readings), only the element the path names is checked again, and only it is new:
      // the others keep their identity, and with it what runs worked out from them (resolved windows)
      const element = Array.isArray(field) && path.length > 2 ? getByPath(field, [path[1]!]) : undefined;
      if (element?.ok) touchedElements.set(element.value, top);
      else touchedFields.add(top);
    }
  }
  for (const [element, top] of touchedElements) {
    if (touchedFields.has(top)) continue;
    const list = scenario[top] as unknown[];
    const schema = ScenarioSchema.shape[top as keyof typeof ScenarioSchema.shape];
    const elementSchema = (schema as unknown as { element?: ZodType }).element;
    if (elementSchema === undefined) {
      touchedFields.add(top);
      continue;
    }
    const checked = elementSchema.safeParse(element);
    if (!checked.success) return slow();
    list[list.indexOf(element)] = checked.data;
  }
  for (const top of touchedFields) {
    const checked = ScenarioSchema.shape[top as keyof typeof ScenarioSchema.shape].safeParse(scenario[top]);
    if (!checked.success) return slow();
    scenario[top] = checked.data;
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
  return { result: { scenario: scenario as Resolved['scenario'], events: events as Resolved['events'], rules: rules as Resolved['rules'], conditions: base.conditions }, problems: [] };
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
