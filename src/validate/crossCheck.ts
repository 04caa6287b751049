import type { Problem, PathSegment } from '../problem.js';
import type { Scenario } from '../schema/scenario.js';
import type { SeedFile } from '../schema/seedFile.js';
import type { Rule, Condition } from '../schema/rule.js';
import { readingZone, resolveWindow, windowPeriods } from '../time/window.js';
import { toMillis } from '../time/interval.js';
import { KNOWN_FACTS } from '../rules/factNames.js';
import { KNOWN_OPERATORS } from '../rules/operatorNames.js';
import { SAFE_PATH } from '../rules/safePath.js';
import { operatorValueProblem } from '../rules/operators.js';
import { checkParties, citationChecks, eventChecks } from './checkEvent.js';
import { PHASE_IDS } from '../schema/event.js';
import { TRIGGERS } from '../schema/plan.js';

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
  // filled below, read when checking: citations are checked against the whole source list
  const basis = {
    sourceFiles,
    ...(pool.articles ? { articles: pool.articles } : {}),
    ...(pool.articlesPartial === true ? { articlesPartial: true } : {}),
  };
  const { checkLine, checkRef } = citationChecks(basis, push);
  for (const { file, seed } of pool.seeds) {
    seed.sources.forEach((s, i) => {
      if (sourceIds.has(s.id))
        push(
          'E_DUPLICATE_ID',
          file,
          ['sources', i, 'id'],
          `source id "${s.id}" is already used in ${sourceIds.get(s.id)}; give each article one entry`,
        );
      sourceIds.set(s.id, file);
      sourceFiles.add(s.file);
      checkLine(s.file, s.headline.line, undefined, file, ['sources', i, 'headline', 'line']);
      s.statedDates.forEach((d, j) => checkLine(s.file, d.line, undefined, file, ['sources', i, 'statedDates', j, 'line']));
      s.describedDates.forEach((d, j) => {
        if (d.to < d.from)
          push(
            'E_INTERVAL_ORDER',
            file,
            ['sources', i, 'describedDates', j, 'to'],
            `"to" (${d.to}) is before "from" (${d.from}); swap them`,
          );
        d.evidence.forEach((e, k) =>
          checkLine(s.file, e.line, undefined, file, ['sources', i, 'describedDates', j, 'evidence', k, 'line']),
        );
      });
    });
  }
  const checkEvent = eventChecks(basis, push);

  // events: unique ids across every seed file and every scenario's inline events
  const eventIds = new Map<string, string>();
  const checkEvents = (file: string, events: SeedFile['events'], parties?: Set<string>) => {
    events.forEach((e, i) => checkEvent(e, file, ['events', i], eventIds, `${file}#${i}`, parties));
  };

  for (const { file, seed } of pool.seeds) checkEvents(file, seed.events);

  // the triggers a plan's phase may name besides `violation`: the shipped ones and those the rules declare
  const declaredTriggers = new Set<string>([...TRIGGERS, ...pool.rules.flatMap(({ rule }) => rule.event.params.trigger ?? [])]);
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
      s.seed.events.forEach((e, i) => checkParties(e, s.file, ['events', i], parties, push, scenario.id));
    }
    // an event answers a phase of this scenario's plan (the articles' three ids stay valid, as before plans were data)
    const phaseIds = new Set((scenario.plan?.phases ?? []).map((p) => p.id));
    const checkPhase = (e: { phase?: string | undefined }, f: string, at: PathSegment[]) => {
      if (e.phase === undefined || phaseIds.has(e.phase) || (PHASE_IDS as readonly string[]).includes(e.phase)) return;
      const known = phaseIds.size > 0 ? `its phases are ${[...phaseIds].join(', ')}` : 'it has no enforcement plan';
      push(
        'E_SCHEMA',
        f,
        [...at, 'phase'],
        `phase "${e.phase}" is not a phase of the plan of scenario ${scenario.id} (${known}); name one of them`,
      );
    };
    scenario.events.forEach((e, i) => checkPhase(e, file, ['events', i]));
    for (const s of pool.seeds) s.seed.events.forEach((e, i) => checkPhase(e, s.file, ['events', i]));
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
      const w = resolveWindow(it.window, readingZone(it, scenario.timeZone));
      const periods = it.window.renewals ?? [];
      const resolved = windowPeriods(it.window, readingZone(it, scenario.timeZone));
      const openAt = resolved.findIndex((p) => p.open);
      if (openAt >= 0 && it.window.endedBy === undefined) {
        // an open end is closed by a party's word; without it the window would have no end to judge against
        push(
          'E_SCHEMA',
          file,
          [...at, 'window', ...(openAt === 0 ? [] : ['renewals', openAt - 1]), 'open'],
          `the window of "${it.id}" has an open end but no \`endedBy\`; say who declared the truce over and when, or give the longest end the sources allow`,
        );
      } else if (w.end <= w.start) {
        push(
          'E_WINDOW_ORDER',
          file,
          [...at, 'window', it.window.open ? 'endedBy' : it.window.end !== undefined ? 'end' : 'duration'],
          `the window of "${it.id}" ends before or when it starts; the end must come after ${it.window.start}`,
        );
      }
      // each renewal starts no earlier than the period before it ends (a later start leaves a gap), ends
      // after it starts, and follows no open period; a declared end names a party and cites its sources
      periods.forEach((p, k) => {
        p.sources.forEach((s, n) => checkRef(s, file, [...at, 'window', 'renewals', k, 'sources', n]));
        const prev = resolved[k]!;
        const cur = resolved[k + 1]!;
        const here = [...at, 'window', 'renewals', k];
        if (prev.open)
          push(
            'E_WINDOW_ORDER',
            file,
            here,
            `renewal ${k + 1} of the window of "${it.id}" follows a period with an open end; only the last period may be open`,
          );
        else if (p.start !== undefined && (cur.start < prev.end || (cur.start === prev.end && prev.endInclusive)))
          push(
            'E_WINDOW_ORDER',
            file,
            [...here, 'start'],
            `renewal ${k + 1} of the window of "${it.id}" starts at ${p.start}, before the period before it ends: periods may not overlap (start it at or after that end; a later start leaves a gap)`,
          );
        else if (!p.open && cur.end <= cur.start)
          push(
            'E_WINDOW_ORDER',
            file,
            [...here, p.end !== undefined ? 'end' : 'duration'],
            `renewal ${k + 1} of the window of "${it.id}" ends before or when ${p.start !== undefined ? 'it starts' : 'the period before it ends'}; a renewal continues the window`,
          );
      });
      if (it.window.endedBy) {
        party(it.window.endedBy.party, [...at, 'window', 'endedBy', 'party']);
        it.window.endedBy.sources.forEach((s, n) => checkRef(s, file, [...at, 'window', 'endedBy', 'sources', n]));
      }
      it.obligations.forEach((o, j) => {
        party(o.party, [...at, 'obligations', j, 'party']);
        party(o.towards, [...at, 'obligations', j, 'towards']);
        if (o.condition) party(o.condition.counterparty, [...at, 'obligations', j, 'condition', 'counterparty']);
        if (o.condition?.counterparty === o.party)
          push(
            'E_SCHEMA',
            file,
            [...at, 'obligations', j, 'condition', 'counterparty'],
            `the pledge of "${o.party}" hangs on "${o.party}" itself; the condition names the other side, whose conduct or compliance the pledge waits on`,
          );
        o.sources.forEach((s, k) => checkRef(s, file, [...at, 'obligations', j, 'sources', k]));
        if (o.effective !== undefined) {
          const t = toMillis(o.effective);
          if (!(t >= w.start && t < w.end))
            push(
              'E_SCHEMA',
              file,
              [...at, 'obligations', j, 'effective'],
              `the obligation of "${o.party}" takes effect at ${o.effective}, outside the window of "${it.id}"; an obligation's own start lies inside its reading's window`,
            );
        }
      });
    });
    const plan = scenario.plan;
    plan?.appliesTo.forEach((p, i) => party(p, ['plan', 'appliesTo', i]));
    plan?.sources.forEach((s, i) => checkRef(s, file, ['plan', 'sources', i]));
    plan?.phases.forEach((ph, i) => {
      ph.sources.forEach((s, k) => checkRef(s, file, ['plan', 'phases', i, 'sources', k]));
      if (pool.rules.length > 0 && ph.trigger !== 'violation' && !declaredTriggers.has(ph.trigger))
        push(
          'E_SCHEMA',
          file,
          ['plan', 'phases', i, 'trigger'],
          `phase "${ph.id}" is opened by "${ph.trigger}", which no rule declares; use violation or a rule's trigger (${[...declaredTriggers].sort().join(', ')})`,
        );
      ph.requires.forEach((r, k) => {
        if (!plan.phases.some((q) => q.id === r))
          push('E_SCHEMA', file, ['plan', 'phases', i, 'requires', k], `phase "${ph.id}" requires "${r}", which the plan does not have`);
      });
      // a deadline counted from the response to another phase: that phase is listed before this one, so
      // the plan reads in the order its steps happen and no two phases wait on each other
      if (typeof ph.countedFrom === 'object') {
        const target = ph.countedFrom.responseTo;
        const j = plan.phases.findIndex((q) => q.id === target);
        if (j < 0 || j >= i)
          push(
            'E_SCHEMA',
            file,
            ['plan', 'phases', i, 'countedFrom', 'responseTo'],
            j < 0
              ? `phase "${ph.id}" counts its deadline from the response to "${target}", which the plan does not have (its phases are ${plan.phases.map((q) => q.id).join(', ')})`
              : `phase "${ph.id}" counts its deadline from the response to "${target}", which ${j === i ? 'is this phase itself' : 'comes after it'}; name a phase listed earlier in the plan`,
          );
      }
    });
  }

  // rules: unique names, known facts, operators and named conditions
  const ruleNames = new Map<string, string>();
  const conditionNames = new Set(pool.conditions.map((c) => c.name));
  // one name, one condition: with two, the engine would keep one and silently drop what the other decides
  const conditionFiles = new Map<string, string>();
  for (const c of pool.conditions) {
    const first = conditionFiles.get(c.name);
    if (first !== undefined)
      push(
        'E_DUPLICATE_ID',
        c.file,
        ['conditions', c.name],
        `the shared condition "${c.name}" is already defined in ${first}; keep one definition, or rename one of them`,
      );
    else conditionFiles.set(c.name, c.file);
  }
  problems.push(...conditionCycles(pool.conditions));
  for (const { file, path, rule } of pool.rules) {
    if (ruleNames.has(rule.name))
      push('E_DUPLICATE_ID', file, [...path, 'name'], `rule "${rule.name}" is already defined in ${ruleNames.get(rule.name)}`);
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
      if (!conditionNames.has(cond.condition))
        push(
          'E_RULE_CONDITION',
          file,
          [...path, 'condition'],
          `no shared condition is named "${cond.condition}"; define it in rules/conditions.json or fix the name`,
        );
    } else {
      if (!KNOWN_OPERATORS.has(cond.operator))
        push(
          'E_RULE_OPERATOR',
          file,
          [...path, 'operator'],
          `unknown operator "${cond.operator}"; use one of ${[...KNOWN_OPERATORS].join(', ')}`,
        );
      const bad = KNOWN_OPERATORS.has(cond.operator) ? operatorValueProblem(cond.operator, cond.value) : undefined;
      if (bad !== undefined) push('E_RULE_OPERATOR', file, [...path, 'value'], bad);
      if (!KNOWN_FACTS.has(cond.fact))
        push('E_RULE_FACT', file, [...path, 'fact'], `unknown fact "${cond.fact}"; the facts are ${[...KNOWN_FACTS].join(', ')}`);
      const v = cond.value;
      const vp = v !== null && typeof v === 'object' && 'fact' in v ? (v as { path?: unknown }).path : undefined;
      if (vp !== undefined && (typeof vp !== 'string' || !SAFE_PATH.test(vp))) {
        push('E_SCHEMA', file, [...path, 'value', 'path'], 'a path may only use $.name and [index] steps, e.g. $.start');
      }
      if (
        v !== null &&
        typeof v === 'object' &&
        'fact' in v &&
        typeof (v as { fact: unknown }).fact === 'string' &&
        !KNOWN_FACTS.has((v as { fact: string }).fact)
      ) {
        push(
          'E_RULE_FACT',
          file,
          [...path, 'value', 'fact'],
          `unknown fact "${(v as { fact: string }).fact}"; the facts are ${[...KNOWN_FACTS].join(', ')}`,
        );
      }
    }
  }
  return problems;
}

/** The shared conditions a condition refers to by name, in the order written. */
function referencesOf(
  cond: Condition,
  path: PathSegment[],
  out: { name: string; path: PathSegment[] }[] = [],
): { name: string; path: PathSegment[] }[] {
  if ('all' in cond) cond.all.forEach((c, i) => referencesOf(c, [...path, 'all', i], out));
  else if ('any' in cond) cond.any.forEach((c, i) => referencesOf(c, [...path, 'any', i], out));
  else if ('not' in cond) referencesOf(cond.not, [...path, 'not'], out);
  else if ('condition' in cond) out.push({ name: cond.condition, path: [...path, 'condition'] });
  return out;
}

/**
 * Shared conditions that refer to themselves, directly or through others: the engine would expand them
 * for ever. One problem per cycle, at the reference that closes it, naming the chain. Iterative (the
 * chain can be as long as there are conditions).
 */
function conditionCycles(conditions: Pool['conditions']): Problem[] {
  const byName = new Map<string, Pool['conditions'][number]>();
  for (const c of conditions) if (!byName.has(c.name)) byName.set(c.name, c);
  const problems: Problem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const start of [...byName.keys()].sort()) {
    if (state.has(start)) continue;
    const stack: { name: string; refs: { name: string; path: PathSegment[] }[]; next: number }[] = [];
    const enter = (name: string) => {
      state.set(name, 'open');
      stack.push({ name, refs: referencesOf(byName.get(name)!.condition, ['conditions', name]), next: 0 });
    };
    enter(start);
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const ref = top.refs[top.next++];
      if (ref === undefined) {
        state.set(top.name, 'done');
        stack.pop();
        continue;
      }
      if (!byName.has(ref.name)) continue;
      const seen = state.get(ref.name);
      if (seen === 'open') {
        const chain = [...stack.slice(stack.findIndex((f) => f.name === ref.name)).map((f) => f.name), ref.name];
        const c = byName.get(top.name)!;
        problems.push({
          code: 'E_RULE_CONDITION',
          file: c.file,
          path: ref.path,
          message: `the shared condition "${top.name}" refers back to itself: ${chain.join(' -> ')}; a condition may not depend on itself, break the chain`,
        });
      } else if (seen === undefined) enter(ref.name);
    }
  }
  return problems;
}
