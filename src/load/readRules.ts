import type { PathSegment } from '../problem.js';
import { ConditionsFile, Rule } from '../schema/rule.js';
import type { Pool } from '../validate/crossCheck.js';
import { zodProblems } from '../schema/zodProblems.js';
import { displayName, isDirectory, listFiles } from './files.js';
import { ONE_SHOT, readData, type Ctx } from './loadContext.js';

export interface RuleSet {
  rules: Pool['rules'];
  conditions: Pool['conditions'];
}

/** Every *.json of a rule folder, in name order: rules, rule families and shared conditions. */
export function readRules(ctx: Ctx, dirAbs: string, from: { file: string; path: PathSegment[] }): RuleSet {
  const set: RuleSet = { rules: [], conditions: [] };
  if (!isDirectory(dirAbs)) {
    ctx.problems.push({
      code: 'E_FILE_NOT_FOUND',
      file: from.file,
      path: from.path,
      message: `the rule folder ${displayName(dirAbs, ctx.cwd)} does not exist; point \`rules\` at the folder of rule JSON files`,
    });
    return set;
  }
  for (const abs of listFiles(dirAbs, '.json')) readRuleFile(ctx, abs, set);
  return set;
}

export function readRuleFile(ctx: Ctx, abs: string, set: RuleSet): void {
  const data = readData(ctx, abs);
  if (data === undefined) return;
  const file = displayName(abs, ctx.cwd);
  const format = typeof data === 'object' && data !== null && 'format' in data ? (data as { format: unknown }).format : undefined;
  if (format === 'truce.conditions/v1') {
    const r = ConditionsFile.safeParse(data, ONE_SHOT);
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
      const r = Rule.safeParse(item, ONE_SHOT);
      if (!r.success) ctx.problems.push(...zodProblems(file, r.error.issues, ['rules', i]));
      else set.rules.push({ file, path: ['rules', i], rule: r.data });
    });
    return;
  }
  const r = Rule.safeParse(data, ONE_SHOT);
  if (!r.success) ctx.problems.push(...zodProblems(file, r.error.issues));
  else set.rules.push({ file, path: [], rule: r.data });
}
