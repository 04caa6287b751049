import { Duration, DateTime } from 'luxon';
import type { Change } from '../schema/overlay.js';
import type { Event } from '../schema/event.js';
import { Event as EventSchema } from '../schema/event.js';
import { Scenario as ScenarioSchema, type Scenario } from '../schema/scenario.js';
import { Rule as RuleSchema, type Condition, type Rule } from '../schema/rule.js';
import type { PathSegment, Problem } from '../problem.js';
import { zodProblems } from '../schema/zodProblems.js';
import { getByPath, setByPath, splitPath } from './paths.js';

/** A scenario with its seeds and rules resolved: what overlays change and runs consume. */
export interface Resolved {
  scenario: Scenario;
  events: Event[];
  rules: Rule[];
  conditions: Record<string, Condition>;
}

/** The scenario as overlays see it: every event (seeds included) and the rule set under `rules`. */
type Doc = Omit<Scenario, 'rules' | 'events'> & { rules: Rule[]; events: Event[] };

/** The path of a change in the overlay file. */
const at = (i: number, ...rest: PathSegment[]): PathSegment[] => ['changes', i, ...rest];

/**
 * Applies an overlay's changes, in order, to a copy of the base. Each change is checked as it is
 * applied, so a problem points at the change (and so at the overlay's own line) that caused it.
 */
export function applyChanges(base: Resolved, changes: readonly Change[], file: string): { result: Resolved; problems: Problem[] } {
  const doc: Doc = structuredClone({ ...base.scenario, events: base.events, rules: base.rules });
  const problems: Problem[] = [];
  const fail = (path: PathSegment[], message: string, code: Problem['code'] = 'E_SCHEMA') => problems.push({ code, file, path, message });
  const eventIndex = (id: string) => doc.events.findIndex((e) => e.id === id);

  changes.forEach((change, i) => {
    if ('addEvents' in change) {
      change.addEvents.forEach((e, j) => {
        if (eventIndex(e.id) >= 0)
          fail(
            at(i, 'addEvents', j, 'id'),
            `event "${e.id}" already exists; use updateEvent to change it, or another id`,
            'E_DUPLICATE_ID',
          );
        else doc.events.push(structuredClone(e));
      });
    } else if ('removeEvents' in change) {
      change.removeEvents.forEach((id, j) => {
        const k = eventIndex(id);
        if (k < 0) fail(at(i, 'removeEvents', j), `no event "${id}" to remove; check the id against the base scenario`, 'E_UNKNOWN_EVENT');
        else doc.events.splice(k, 1);
      });
    } else if ('updateEvent' in change) {
      const k = eventIndex(change.updateEvent.id);
      if (k < 0) {
        fail(at(i, 'updateEvent', 'id'), `no event "${change.updateEvent.id}" to update`, 'E_UNKNOWN_EVENT');
        return;
      }
      for (const [p, value] of Object.entries(change.updateEvent.set)) {
        const r = setByPath(doc.events[k], splitPath(p), structuredClone(value));
        if (!r.ok) fail(at(i, 'updateEvent', 'set', p), r.message);
      }
      const checked = EventSchema.safeParse(doc.events[k]);
      if (!checked.success)
        problems.push(...zodProblems(file, checked.error.issues).map((p) => ({ ...p, path: at(i, 'updateEvent', 'set', ...p.path) })));
      else doc.events[k] = checked.data;
    } else if ('shiftEvent' in change) {
      const k = eventIndex(change.shiftEvent.id);
      if (k < 0) {
        fail(at(i, 'shiftEvent', 'id'), `no event "${change.shiftEvent.id}" to shift`, 'E_UNKNOWN_EVENT');
        return;
      }
      const e = doc.events[k]!;
      const by = change.shiftEvent.by;
      const d = Duration.fromISO(by.replace(/^-/, ''));
      const shift = (iso: string) => {
        const dt = DateTime.fromISO(iso, { setZone: true });
        return (by.startsWith('-') ? dt.minus(d) : dt.plus(d)).toISO({ suppressMilliseconds: true })!;
      };
      const when = { ...e.when, start: shift(e.when.start), end: shift(e.when.end) };
      // checked here, where the analyst wrote the shift, not later in a merged scenario they never wrote
      const checked = EventSchema.safeParse({ ...e, when });
      if (!checked.success) {
        for (const p of zodProblems(file, checked.error.issues)) {
          fail(
            at(i, 'shiftEvent', 'by'),
            `shifting event "${e.id}" by ${by}: ${p.path.join('.')}: ${p.message.replace(/; fix the year$/, '')}; shift it by less`,
          );
        }
        return;
      }
      e.when = when;
    } else if ('setInterpretation' in change) {
      const k = doc.interpretations.findIndex((x) => x.id === change.setInterpretation.id);
      if (k >= 0) doc.interpretations[k] = structuredClone(change.setInterpretation);
      else doc.interpretations.push(structuredClone(change.setInterpretation));
    } else if ('removeInterpretations' in change) {
      change.removeInterpretations.forEach((id, j) => {
        const k = doc.interpretations.findIndex((x) => x.id === id);
        if (k < 0) fail(at(i, 'removeInterpretations', j), `no interpretation "${id}" to remove`, 'E_UNKNOWN_INTERPRETATION');
        else doc.interpretations.splice(k, 1);
      });
    } else {
      const path = splitPath(change.set.path);
      const r = setByPath(doc, path, structuredClone(change.set.value));
      if (!r.ok) {
        fail(at(i, 'set', 'path'), `${r.message}; fix the path`);
        return;
      }
      problems.push(...checkAfterSet(doc, path, file, at(i, 'set', 'value')));
    }
  });

  const parsed = ScenarioSchema.safeParse({ ...doc, rules: base.scenario.rules, events: doc.events });
  if (!parsed.success && problems.length === 0) {
    // a path in the merged scenario means nothing to the analyst: say which event or reading, at `changes`
    problems.push(
      ...zodProblems(file, parsed.error.issues).map((p) => {
        const [head, index, ...rest] = p.path;
        const item =
          typeof index === 'number'
            ? head === 'events'
              ? doc.events[index]?.id
              : head === 'interpretations'
                ? doc.interpretations[index]?.id
                : undefined
            : undefined;
        const where =
          item !== undefined
            ? `${head === 'events' ? 'event' : 'reading'} "${item}"${rest.length > 0 ? `, ${rest.join('.')}` : ''}`
            : p.path.join('.');
        return { ...p, path: ['changes'], message: `after the changes, ${where}: ${p.message}` };
      }),
    );
  }
  if (!parsed.success || problems.length > 0) return { result: base, problems };
  const rules = doc.rules.map((r) => RuleSchema.parse(r));
  const { events, ...scenario } = parsed.data;
  return { result: { scenario: { ...scenario, events: [] }, events, rules, conditions: base.conditions }, problems };
}

/** After a `set`, the part it touched must still be valid; problems point at the change's value. */
function checkAfterSet(doc: Doc, path: string[], file: string, where: PathSegment[]): Problem[] {
  if (path[0] === 'rules') {
    const rule = getByPath(doc, path.slice(0, 2));
    if (!rule.ok) return [];
    const r = RuleSchema.safeParse(rule.value);
    return r.success ? [] : zodProblems(file, r.error.issues).map((p) => ({ ...p, path: where, message: `rule ${path[1]}: ${p.message}` }));
  }
  const r = ScenarioSchema.safeParse({ ...doc, rules: '.' });
  return r.success
    ? []
    : zodProblems(file, r.error.issues).map((p) => ({ ...p, path: where, message: `${p.path.join('.')}: ${p.message}` }));
}
