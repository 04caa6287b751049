import type { z } from 'zod';
import { Obligation } from '../schema/interpretation.js';
import { Event, Munitions, Casualties } from '../schema/event.js';

/**
 * What the page offers to edit, read from the zod formats themselves: a scope term, target type or count
 * added to a format appears in the workbench without a change here.
 */
export interface ListTerm {
  key: string;
  /** the allowed values of an enum list; null: free text */
  options: readonly string[] | null;
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, string>; options?: z.ZodType[] };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwraps default and optional. */
function core(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let d = defOf(cur); (d.type === 'default' || d.type === 'optional') && d.innerType; d = defOf(cur)) cur = d.innerType;
  return cur;
}

function listTerm(key: string, s: z.ZodType): ListTerm | null {
  const list = core(s);
  const d = defOf(list);
  if (d.type !== 'array' || !d.element) return null;
  const el = core(d.element);
  const ed = defOf(el);
  if (ed.type === 'enum' && ed.entries) return { key, options: Object.values(ed.entries) };
  if (ed.type === 'string') return { key, options: null };
  return null;
}

/** An object's fields; for a union (a shorthand such as `refrainFrom: all` beside the full form), its object branch's. */
function shapeOf(s: z.ZodType): Record<string, z.ZodType> {
  const c = core(s);
  const d = defOf(c);
  const obj = d.type === 'union' && d.options ? (d.options.map(core).find((o) => defOf(o).type === 'object') ?? c) : c;
  return (obj as unknown as { shape: Record<string, z.ZodType> }).shape;
}

/** An obligation's scope terms (`refrainFrom`): places, placeKinds, targets, and whatever comes. */
export function scopeTerms(): ListTerm[] {
  return Object.entries(shapeOf(Obligation.shape.refrainFrom)).flatMap(([k, s]) => listTerm(k, s) ?? []);
}

/** The enum values of an event field that is a list of one (targets). */
export function eventListOptions(key: string): readonly string[] {
  return listTerm(key, Event.shape[key as keyof typeof Event.shape] as z.ZodType)?.options ?? [];
}

/** An enum's values, by the event field that holds it (kind, phase) or a place's field (kind, precision). */
export function enumOptions(s: z.ZodType): readonly string[] {
  const d = defOf(core(s));
  return d.type === 'enum' && d.entries ? Object.values(d.entries) : [];
}

/** The counts an event can carry, by group: munitions (drones, missiles...) and casualties. */
export function countFields(): { group: 'munitions' | 'casualties'; keys: string[] }[] {
  return [
    { group: 'munitions', keys: Object.keys(Munitions.shape) },
    { group: 'casualties', keys: Object.keys(Casualties.shape) },
  ];
}
