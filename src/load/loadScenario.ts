import path from 'node:path';
import type { z } from 'zod';
import { InputError, sortProblems, type PathSegment, type Problem } from '../problem.js';
import { Scenario } from '../schema/scenario.js';
import { SeedFile } from '../schema/seedFile.js';
import { ConditionsFile, Rule, type Condition } from '../schema/rule.js';
import type { Source } from '../schema/source.js';
import type { Event } from '../schema/event.js';
import { crossCheck, type Pool } from '../validate/crossCheck.js';
import { parseDataFile, type ParsedFile } from './parseDataFile.js';
import { zodProblems } from './zodProblems.js';
import { DEFAULT_MAX_FILE_BYTES, displayName, listFiles, readArticles, readText, isDirectory } from './files.js';

export interface LoadOptions {
  /** folder that file names are shown relative to */
  cwd?: string;
  /** where the article files are; default ../shared/seeds from cwd, or $TRUCE_ARTICLES */
  articlesDir?: string;
  maxFileBytes?: number;
}

/** A scenario with everything it refers to, validated and cross-checked. */
export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  sources: Source[];
  events: Event[];
  rules: Rule[];
  conditions: Record<string, Condition>;
  /** whether the cited lines were checked against the articles */
  articlesChecked: boolean;
}

interface Ctx {
  cwd: string;
  maxFileBytes: number;
  parsed: Map<string, ParsedFile>;
  problems: Problem[];
}

function context(opts: LoadOptions): Ctx {
  return { cwd: opts.cwd ?? process.cwd(), maxFileBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, parsed: new Map(), problems: [] };
}

export function articlesDirOf(opts: LoadOptions): string {
  const cwd = opts.cwd ?? process.cwd();
  return path.resolve(cwd, opts.articlesDir ?? process.env.TRUCE_ARTICLES ?? '../shared/seeds');
}

/** Reads, parses and schema-checks one file; records problems in ctx. */
function readDoc<S extends z.ZodType>(ctx: Ctx, abs: string, schema: S): z.infer<S> | undefined {
  const data = readData(ctx, abs);
  if (data === undefined) return undefined;
  const file = displayName(abs, ctx.cwd);
  const result = schema.safeParse(data);
  if (!result.success) {
    ctx.problems.push(...zodProblems(file, result.error.issues));
    return undefined;
  }
  return result.data;
}

function readData(ctx: Ctx, abs: string): unknown {
  const file = displayName(abs, ctx.cwd);
  const cached = ctx.parsed.get(file);
  if (cached) return cached.data;
  const { text, problems } = readText(abs, ctx);
  ctx.problems.push(...problems);
  if (text === undefined) return undefined;
  const { parsed, problems: parseProblems } = parseDataFile(file, text);
  ctx.problems.push(...parseProblems);
  if (!parsed) return undefined;
  ctx.parsed.set(file, parsed);
  return parsed.data;
}

/** Adds line:col to every problem whose file was parsed. */
function localise(ctx: Ctx, problems: Problem[]): Problem[] {
  return problems.map((p) => {
    if (p.line !== undefined) return p;
    const parsed = ctx.parsed.get(p.file);
    if (!parsed || parsed.data === undefined) return p;
    const pos = parsed.locate(p.path);
    return { ...p, line: pos.line, col: pos.col };
  });
}

interface RuleSet {
  rules: Pool['rules'];
  conditions: Pool['conditions'];
}

function readRules(ctx: Ctx, dirAbs: string, from: { file: string; path: PathSegment[] }): RuleSet {
  const set: RuleSet = { rules: [], conditions: [] };
  if (!isDirectory(dirAbs)) {
    ctx.problems.push({ code: 'E_FILE_NOT_FOUND', file: from.file, path: from.path, message: `the rule folder ${displayName(dirAbs, ctx.cwd)} does not exist; point \`rules\` at the folder of rule JSON files` });
    return set;
  }
  for (const abs of listFiles(dirAbs, '.json')) readRuleFile(ctx, abs, set);
  return set;
}

function readRuleFile(ctx: Ctx, abs: string, set: RuleSet): void {
  const data = readData(ctx, abs);
  if (data === undefined) return;
  const file = displayName(abs, ctx.cwd);
  const format = typeof data === 'object' && data !== null && 'format' in data ? (data as { format: unknown }).format : undefined;
  if (format === 'truce.conditions/v1') {
    const r = ConditionsFile.safeParse(data);
    if (!r.success) ctx.problems.push(...zodProblems(file, r.error.issues));
    else for (const [name, condition] of Object.entries(r.data.conditions)) set.conditions.push({ file, name, condition });
    return;
  }
  if (format === 'truce.rules/v1') {
    const list = (data as { rules?: unknown }).rules;
    if (!Array.isArray(list)) {
      ctx.problems.push({ code: 'E_SCHEMA', file, path: ['rules'], message: 'a rule family lists its rules under `rules`' });
      return;
    }
    list.forEach((item, i) => {
      const r = Rule.safeParse(item);
      if (!r.success) ctx.problems.push(...zodProblems(file, r.error.issues, ['rules', i]));
      else set.rules.push({ file, path: ['rules', i], rule: r.data });
    });
    return;
  }
  const r = Rule.safeParse(data);
  if (!r.success) ctx.problems.push(...zodProblems(file, r.error.issues));
  else set.rules.push({ file, path: [], rule: r.data });
}

/** Loads a scenario, its seeds and its rules; throws InputError with every problem found. */
export function loadScenario(scenarioPath: string, opts: LoadOptions = {}): LoadedScenario {
  const ctx = context(opts);
  const abs = path.resolve(ctx.cwd, scenarioPath);
  const file = displayName(abs, ctx.cwd);
  const scenario = readDoc(ctx, abs, Scenario);
  if (!scenario) throw new InputError(sortProblems(localise(ctx, ctx.problems)));
  const pool = poolFor(ctx, abs, scenario);
  const problems = [...ctx.problems, ...crossCheck(pool)];
  if (problems.length > 0) throw new InputError(sortProblems(localise(ctx, problems)));
  return {
    file,
    scenario,
    sources: pool.seeds.flatMap((s) => s.seed.sources),
    events: [...pool.seeds.flatMap((s) => s.seed.events), ...scenario.events],
    rules: pool.rules.map((r) => r.rule),
    conditions: Object.fromEntries(pool.conditions.map((c) => [c.name, c.condition])),
    articlesChecked: pool.articles !== undefined,
  };
}

function poolFor(ctx: Ctx, scenarioAbs: string, scenario: Scenario, articles = readArticles(articlesDirOf({ cwd: ctx.cwd }))): Pool {
  const file = displayName(scenarioAbs, ctx.cwd);
  const dir = path.dirname(scenarioAbs);
  const seeds: Pool['seeds'] = [];
  scenario.seeds.forEach((s, i) => {
    const seedAbs = path.resolve(dir, s);
    const seed = readDoc(ctx, seedAbs, SeedFile);
    if (seed) seeds.push({ file: displayName(seedAbs, ctx.cwd), seed });
    else if (!ctx.parsed.has(displayName(seedAbs, ctx.cwd)) && ctx.problems.at(-1)?.code === 'E_FILE_NOT_FOUND') {
      // point at the reference in the scenario as well as at the missing file
      ctx.problems.push({ code: 'E_FILE_NOT_FOUND', file, path: ['seeds', i], message: `seed file "${s}" not found; fix the path (relative to the scenario)` });
    }
  });
  const rules = readRules(ctx, path.resolve(dir, scenario.rules), { file, path: ['rules'] });
  return { scenarios: [{ file, scenario }], seeds, rules: rules.rules, conditions: rules.conditions, ...(articles ? { articles } : {}) };
}

export interface ValidateResult {
  problems: Problem[];
  notices: string[];
  files: string[];
}

/** `truce validate`: every given file, by kind, cross-checked together. Never throws on bad input. */
export function validatePaths(paths: string[], opts: LoadOptions = {}): ValidateResult {
  const ctx = context(opts);
  const articlesDir = articlesDirOf(opts);
  const articles = readArticles(articlesDir);
  const notices: string[] = [];
  if (!articles) notices.push(`cited lines not checked: no article folder at ${displayName(articlesDir, ctx.cwd)} (set TRUCE_ARTICLES or --articles)`);
  const pool: Pool = { scenarios: [], seeds: [], rules: [], conditions: [], ...(articles ? { articles } : {}) };
  const seen = new Set<string>();
  const addSeed = (abs: string) => {
    const f = displayName(abs, ctx.cwd);
    if (seen.has(f)) return;
    seen.add(f);
    const seed = readDoc(ctx, abs, SeedFile);
    if (seed) pool.seeds.push({ file: f, seed });
  };
  const ruleSet: RuleSet = { rules: [], conditions: [] };
  const ruleFiles = new Set<string>();
  const addRule = (abs: string) => {
    const f = displayName(abs, ctx.cwd);
    if (ruleFiles.has(f)) return;
    ruleFiles.add(f);
    readRuleFile(ctx, abs, ruleSet);
  };
  const expanded = paths.flatMap((p) => {
    const abs = path.resolve(ctx.cwd, p);
    return isDirectory(abs) ? [...listFiles(abs, '.yaml'), ...listFiles(abs, '.yml'), ...listFiles(abs, '.json')] : [abs];
  });
  for (const abs of expanded) {
    const f = displayName(abs, ctx.cwd);
    if (abs.endsWith('.json') && !seen.has(f)) {
      const data = peekFormat(ctx, abs);
      if (data !== 'truce.seed/v1' && data !== 'truce.scenario/v1') {
        addRule(abs);
        continue;
      }
    }
    const format = peekFormat(ctx, abs);
    if (format === null) continue;
    if (format === 'truce.scenario/v1') {
      const scenario = readDoc(ctx, abs, Scenario);
      if (!scenario) continue;
      const dir = path.dirname(abs);
      pool.scenarios.push({ file: f, scenario });
      for (const s of scenario.seeds) addSeed(path.resolve(dir, s));
      const rulesDir = path.resolve(dir, scenario.rules);
      if (!isDirectory(rulesDir)) ctx.problems.push({ code: 'E_FILE_NOT_FOUND', file: f, path: ['rules'], message: `the rule folder ${displayName(rulesDir, ctx.cwd)} does not exist; point \`rules\` at the folder of rule JSON files` });
      for (const r of listFiles(rulesDir, '.json')) addRule(r);
    } else if (format === 'truce.seed/v1') {
      addSeed(abs);
    } else if (format !== undefined) {
      ctx.problems.push({ code: 'E_UNKNOWN_FORMAT', file: f, path: ['format'], message: `unknown format ${JSON.stringify(format)}; use truce.scenario/v1 or truce.seed/v1` });
    }
  }
  pool.rules = ruleSet.rules;
  pool.conditions = ruleSet.conditions;
  if (pool.seeds.some((s) => s.seed.events.length > 0) && !pool.seeds.some((s) => s.seed.sources.length > 0)) {
    notices.push('event sources not checked against the source list: validate the events together with seeds/sources.yaml');
  }
  const problems = sortProblems(localise(ctx, [...ctx.problems, ...crossCheck(pool)]));
  return { problems, notices, files: expanded.map((a) => displayName(a, ctx.cwd)) };
}

/** The `format` of a file, reading it once (cached parse); undefined when unreadable or absent. */
function peekFormat(ctx: Ctx, abs: string): unknown {
  const f = displayName(abs, ctx.cwd);
  if (!ctx.parsed.has(f) && readData(ctx, abs) === undefined) {
    // the problems are recorded; remember the failure so that the file is not read again
    ctx.parsed.set(f, { file: f, data: undefined, locate: () => ({ line: 1, col: 1 }) });
    return null;
  }
  const data = ctx.parsed.get(f)?.data;
  if (data === undefined) return null;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    ctx.problems.push({ code: 'E_SCHEMA', file: f, path: [], message: 'expected a mapping at the top of the file (format, id, ...)' });
    return null;
  }
  const format = (data as { format?: unknown }).format;
  if (format === undefined && !abs.endsWith('.json')) {
    ctx.problems.push({ code: 'E_UNKNOWN_FORMAT', file: f, path: [], message: 'no `format` key; start the file with format: truce.scenario/v1 or format: truce.seed/v1' });
    return null;
  }
  return format;
}

/** Loads a rule folder alone (for tests and tools that build scenarios in code). */
export function loadRules(dir: string, opts: LoadOptions = {}): { rules: Rule[]; conditions: Record<string, Condition> } {
  const ctx = context(opts);
  const abs = path.resolve(ctx.cwd, dir);
  const set = readRules(ctx, abs, { file: displayName(abs, ctx.cwd), path: [] });
  const problems = [...ctx.problems, ...crossCheck({ scenarios: [], seeds: [], rules: set.rules, conditions: set.conditions })];
  if (problems.length > 0) throw new InputError(sortProblems(localise(ctx, problems)));
  return { rules: set.rules.map((r) => r.rule), conditions: Object.fromEntries(set.conditions.map((c) => [c.name, c.condition])) };
}
