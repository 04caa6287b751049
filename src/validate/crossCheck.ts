import type { Problem, PathSegment } from '../problem.js';
import type { Scenario } from '../schema/scenario.js';
import type { SeedFile } from '../schema/seedFile.js';
import type { Rule, Condition } from '../schema/rule.js';
import type { SourceRef } from '../schema/common.js';
import { toMillis } from '../time/interval.js';
import { resolveWindow } from '../time/window.js';
import { KNOWN_FACTS } from '../rules/factNames.js';
import { KNOWN_OPERATORS } from '../rules/operatorNames.js';
import { SAFE_PATH } from '../rules/safePath.js';

/** Everything `validate` or a scenario load has read, already schema-checked. */
export interface Pool {
  scenarios: { file: string; scenario: Scenario }[];
  seeds: { file: string; seed: SeedFile }[];
  rules: { file: string; path: PathSegment[]; rule: Rule }[];
  conditions: { file: string; name: string; condition: Condition }[];
  /** article file name -> its lines; absent when ../shared/seeds is not there */
  articles?: Map<string, string[]>;
  /** `articles` holds only a scenario's own source notes (the article folder is not there): other files are not checked */
  articlesPartial?: boolean;
}

/** Cross-file checks: ids, references, citations, time order. Pure; problems carry file and path. */
export function crossCheck(pool: Pool): Problem[] {
  const problems: Problem[] = [];
  const push = (code: Problem['code'], file: string, path: PathSegment[], message: string) => problems.push({ code, file, path, message });

  // sources: unique ids and files
  const sourceFiles = new Set<string>();
  const sourceIds = new Map<string, string>();
  for (const { file, seed } of pool.seeds) {
    seed.sources.forEach((s, i) => {
      if (sourceIds.has(s.id)) push('E_DUPLICATE_ID', file, ['sources', i, 'id'], `source id "${s.id}" is already used in ${sourceIds.get(s.id)}; give each article one entry`);
      sourceIds.set(s.id, file);
      sourceFiles.add(s.file);
      checkLine(s.file, s.headline.line, undefined, file, ['sources', i, 'headline', 'line']);
      s.statedDates.forEach((d, j) => checkLine(s.file, d.line, undefined, file, ['sources', i, 'statedDates', j, 'line']));
      s.describedDates.forEach((d, j) => {
        if (d.to < d.from) push('E_INTERVAL_ORDER', file, ['sources', i, 'describedDates', j, 'to'], `"to" (${d.to}) is before "from" (${d.from}); swap them`);
        d.evidence.forEach((e, k) => checkLine(s.file, e.line, undefined, file, ['sources', i, 'describedDates', j, 'evidence', k, 'line']));
      });
    });
  }
  const haveSources = sourceFiles.size > 0;

  // events: unique ids across every seed file and every scenario's inline events
  const eventIds = new Map<string, string>();
  const checkEvents = (file: string, events: SeedFile['events'], parties?: Set<string>) => {
    events.forEach((e, i) => {
      const at: PathSegment[] = ['events', i];
      if (eventIds.has(e.id) && eventIds.get(e.id) !== file + '#' + i) {
        push('E_DUPLICATE_ID', file, [...at, 'id'], `event id "${e.id}" is already used in ${eventIds.get(e.id)?.split('#')[0]}; one real-world occurrence is one event`);
      }
      eventIds.set(e.id, file + '#' + i);
      if (toMillis(e.when.end) < toMillis(e.when.start)) {
        push('E_INTERVAL_ORDER', file, [...at, 'when', 'end'], `the event ends (${e.when.end}) before it starts (${e.when.start}); swap start and end`);
      }
      const m = e.munitions;
      if (m?.ballisticMissiles && m.missiles?.high !== undefined && m.ballisticMissiles.low > m.missiles.high) {
        push('E_COUNT_ORDER', file, [...at, 'munitions', 'ballisticMissiles', 'low'], `more ballistic missiles (${m.ballisticMissiles.low}) than missiles in all (at most ${m.missiles.high}); ballistic ones are counted among the missiles`);
      }
      if (e.kind === 'response' && e.phase === undefined) {
        push('E_SCHEMA', file, [...at, 'phase'], 'a response event names the enforcement phase it answers (diplomatic, coalition or us-backed)');
      }
      if (parties) {
        if (!parties.has(e.actor)) push('E_UNKNOWN_PARTY', file, [...at, 'actor'], `unknown party "${e.actor}"; add it to the scenario's parties or fix the id`);
        if (e.target !== undefined && !parties.has(e.target)) push('E_UNKNOWN_PARTY', file, [...at, 'target'], `unknown party "${e.target}"; add it to the scenario's parties or fix the id`);
      }
      e.sources.forEach((s, j) => checkRef(s, file, [...at, 'sources', j]));
    });
  };
  function checkRef(ref: SourceRef, file: string, path: PathSegment[]) {
    if (haveSources && !sourceFiles.has(ref.file)) {
      push('E_UNKNOWN_SOURCE', file, [...path, 'file'], `no source describes "${ref.file}"; add it to seeds/sources.yaml or fix the file name`);
      return;
    }
    checkLine(ref.file, ref.line, ref.figures, file, path);
  }
  function checkLine(article: string, line: number, figures: string[] | undefined, file: string, path: PathSegment[]) {
    const lines = pool.articles?.get(article);
    if (!pool.articles) return;
    if (!lines) {
      if (pool.articlesPartial === true) return;
      push('E_UNKNOWN_SOURCE', file, path, `the article "${article}" is not in the articles folder; fix the file name`);
      return;
    }
    const text = lines[line - 1];
    if (text === undefined || text.trim() === '') {
      push('E_CITED_LINE_MISSING', file, path.at(-1) === 'line' ? path : [...path, 'line'], `${article} has no text on line ${line} (it has ${lines.length} lines); cite the line that says it`);
      return;
    }
    for (const fig of figures ?? []) {
      if (!normalise(text).includes(normalise(fig))) {
        push('E_FIGURE_NOT_ON_LINE', file, [...path, 'figures'], `line ${line} of ${article} does not contain "${fig}"; cite the line that gives this figure`);
      }
    }
  }

  for (const { file, seed } of pool.seeds) checkEvents(file, seed.events);

  for (const { file, scenario } of pool.scenarios) {
    const parties = new Set<string>();
    scenario.parties.forEach((p, i) => {
      if (parties.has(p.id)) push('E_DUPLICATE_ID', file, ['parties', i, 'id'], `party "${p.id}" is listed twice`);
      parties.add(p.id);
    });
    const party = (id: string, path: PathSegment[]) => {
      if (!parties.has(id)) push('E_UNKNOWN_PARTY', file, path, `unknown party "${id}"; add it to the scenario's parties or fix the id`);
    };
    checkEvents(file, scenario.events, parties);
    // seed events are checked against this scenario's parties too
    for (const s of pool.seeds) {
      s.seed.events.forEach((e, i) => {
        if (!parties.has(e.actor)) push('E_UNKNOWN_PARTY', s.file, ['events', i, 'actor'], `unknown party "${e.actor}" (scenario ${scenario.id}); add it to the scenario's parties`);
        if (e.target !== undefined && !parties.has(e.target)) push('E_UNKNOWN_PARTY', s.file, ['events', i, 'target'], `unknown party "${e.target}" (scenario ${scenario.id}); add it to the scenario's parties`);
      });
    }
    const interpretationIds = new Set<string>();
    scenario.interpretations.forEach((it, i) => {
      const at: PathSegment[] = ['interpretations', i];
      if (interpretationIds.has(it.id)) push('E_DUPLICATE_ID', file, [...at, 'id'], `interpretation "${it.id}" is listed twice`);
      interpretationIds.add(it.id);
      it.heldBy.forEach((h, j) => {
        party(h.party, [...at, 'heldBy', j, 'party']);
        h.sources.forEach((s, k) => checkRef(s, file, [...at, 'heldBy', j, 'sources', k]));
      });
      it.agreement.claims.forEach((c, j) => {
        party(c.by, [...at, 'agreement', 'claims', j, 'by']);
        c.sources.forEach((s, k) => checkRef(s, file, [...at, 'agreement', 'claims', j, 'sources', k]));
      });
      const w = resolveWindow(it.window, scenario.timeZone);
      if (w.end <= w.start) {
        push('E_WINDOW_ORDER', file, [...at, 'window', it.window.end !== undefined ? 'end' : 'duration'], `the window of "${it.id}" ends before or when it starts; the end must come after ${it.window.start}`);
      }
      it.obligations.forEach((o, j) => {
        party(o.party, [...at, 'obligations', j, 'party']);
        party(o.towards, [...at, 'obligations', j, 'towards']);
        if (o.condition) party(o.condition.counterparty, [...at, 'obligations', j, 'condition', 'counterparty']);
        o.sources.forEach((s, k) => checkRef(s, file, [...at, 'obligations', j, 'sources', k]));
      });
    });
    scenario.plan.appliesTo.forEach((p, i) => party(p, ['plan', 'appliesTo', i]));
    scenario.plan.sources.forEach((s, i) => checkRef(s, file, ['plan', 'sources', i]));
    scenario.plan.phases.forEach((ph, i) => {
      ph.sources.forEach((s, k) => checkRef(s, file, ['plan', 'phases', i, 'sources', k]));
      ph.requires.forEach((r, k) => {
        if (!scenario.plan.phases.some((q) => q.id === r)) push('E_SCHEMA', file, ['plan', 'phases', i, 'requires', k], `phase "${ph.id}" requires "${r}", which the plan does not have`);
      });
    });
  }

  // rules: unique names, known facts, operators and named conditions
  const ruleNames = new Map<string, string>();
  const conditionNames = new Set(pool.conditions.map((c) => c.name));
  for (const { file, path, rule } of pool.rules) {
    if (ruleNames.has(rule.name)) push('E_DUPLICATE_ID', file, [...path, 'name'], `rule "${rule.name}" is already defined in ${ruleNames.get(rule.name)}`);
    ruleNames.set(rule.name, file);
    rule.encodes.forEach((e, i) => checkLine(e.file, e.line, undefined, file, [...path, 'encodes', i]));
    walk(rule.conditions, [...path, 'conditions'], file);
  }
  for (const c of pool.conditions) walk(c.condition, ['conditions', c.name], c.file);

  function walk(cond: Condition, path: PathSegment[], file: string) {
    if ('all' in cond) cond.all.forEach((c, i) => walk(c, [...path, 'all', i], file));
    else if ('any' in cond) cond.any.forEach((c, i) => walk(c, [...path, 'any', i], file));
    else if ('not' in cond) walk(cond.not, [...path, 'not'], file);
    else if ('condition' in cond) {
      if (!conditionNames.has(cond.condition)) push('E_RULE_CONDITION', file, [...path, 'condition'], `no shared condition is named "${cond.condition}"; define it in rules/conditions.json or fix the name`);
    } else {
      if (!KNOWN_OPERATORS.has(cond.operator)) push('E_RULE_OPERATOR', file, [...path, 'operator'], `unknown operator "${cond.operator}"; use one of ${[...KNOWN_OPERATORS].join(', ')}`);
      if (!KNOWN_FACTS.has(cond.fact)) push('E_RULE_FACT', file, [...path, 'fact'], `unknown fact "${cond.fact}"; the facts are ${[...KNOWN_FACTS].join(', ')}`);
      const v = cond.value;
      const vp = v !== null && typeof v === 'object' && 'fact' in v ? (v as { path?: unknown }).path : undefined;
      if (vp !== undefined && (typeof vp !== 'string' || !SAFE_PATH.test(vp))) {
        push('E_SCHEMA', file, [...path, 'value', 'path'], 'a path may only use $.name and [index] steps, e.g. $.start');
      }
      if (v !== null && typeof v === 'object' && 'fact' in v && typeof (v as { fact: unknown }).fact === 'string' && !KNOWN_FACTS.has((v as { fact: string }).fact)) {
        push('E_RULE_FACT', file, [...path, 'value', 'fact'], `unknown fact "${(v as { fact: string }).fact}"; the facts are ${[...KNOWN_FACTS].join(', ')}`);
      }
    }
  }
  return problems;
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ');
}
