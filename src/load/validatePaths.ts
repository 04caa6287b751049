import path from 'node:path';
import { sortProblems, type Problem } from '../problem.js';
import { SeedFile } from '../schema/seedFile.js';
import { ActorsFile, ImportMapping } from '../schema/importFiles.js';
import { crossCheck, type Pool } from '../validate/crossCheck.js';
import { displayName, isDirectory, listFiles } from './files.js';
import { articlesOf, context, formatOf, localise, readDoc, type LoadOptions } from './loadContext.js';
import { readRuleFile, type RuleSet } from './readRules.js';
import { loadScenario } from './loadScenario.js';
import { InputError } from '../problem.js';
import { placeProblems, readPlacesInto, type PlaceAt } from './readPlaces.js';

export interface ValidateResult {
  problems: Problem[];
  notices: string[];
  files: string[];
}

/**
 * `truce validate`: every given file by its kind (scenario, overlay, seed, rule), cross-checked together.
 * Never throws on bad input: problems come back as data.
 */
export function validatePaths(paths: string[], opts: LoadOptions = {}): ValidateResult {
  const ctx = context(opts);
  const articles = articlesOf(ctx);
  const notices: string[] = [];
  if (!articles)
    notices.push(
      `cited lines not checked: no article folder at ${displayName(ctx.articlesDir, ctx.cwd)} (set TRUCE_ARTICLES or --articles)`,
    );
  const pool: Pool = { scenarios: [], seeds: [], rules: [], conditions: [], ...(articles ? { articles } : {}) };
  const ruleSet: RuleSet = { rules: [], conditions: [] };
  const problems: Problem[] = [];
  // places files given together are checked as one hierarchy (russia.yaml may refer to nothing of ukraine.yaml, but could)
  const places: PlaceAt[] = [];
  const expanded = paths.flatMap((p) => expand(path.resolve(ctx.cwd, p)));
  for (const abs of expanded) {
    const f = displayName(abs, ctx.cwd);
    const format = formatOf(ctx, abs);
    if (format === null) continue;
    if (format === 'truce.scenario/v1' || format === 'truce.overlay/v1') {
      // a scenario brings its own seeds and rules: load it whole, as `truce run` would
      try {
        loadScenario(abs, { ...opts, cwd: ctx.cwd });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        problems.push(...e.problems);
      }
    } else if (format === 'truce.seed/v1') {
      const seed = readDoc(ctx, abs, SeedFile);
      if (seed) pool.seeds.push({ file: f, seed });
    } else if (format === 'truce.import-mapping/v1' || format === 'truce.actors/v1') {
      // the tables `truce import` reads: checked on their own
      readDoc(ctx, abs, format === 'truce.actors/v1' ? ActorsFile : ImportMapping);
    } else if (format === 'truce.places/v1') {
      places.push(...readPlacesInto(ctx, [{ abs }]));
    } else if (abs.endsWith('.json') && (format === undefined || format === 'truce.rules/v1' || format === 'truce.conditions/v1')) {
      readRuleFile(ctx, abs, ruleSet);
    } else {
      ctx.problems.push({
        code: 'E_UNKNOWN_FORMAT',
        file: f,
        path: format === undefined ? [] : ['format'],
        message:
          format === undefined
            ? 'no `format` key; start the file with format: truce.scenario/v1 (or truce.overlay/v1, truce.seed/v1)'
            : `unknown format ${JSON.stringify(format)}; use truce.scenario/v1, truce.overlay/v1 or truce.seed/v1`,
      });
    }
  }
  ctx.problems.push(...placeProblems(places));
  pool.rules = ruleSet.rules;
  pool.conditions = ruleSet.conditions;
  if (pool.seeds.some((s) => s.seed.events.length > 0) && !pool.seeds.some((s) => s.seed.sources.length > 0)) {
    notices.push('event sources not checked against the source list: validate the events together with seeds/sources.yaml');
  }
  const all = [...problems, ...localise(ctx, [...ctx.problems, ...crossCheck(pool)])];
  const unique = [...new Map(all.map((p) => [`${p.file}:${p.line}:${p.col}:${p.path.join('.')}:${p.code}:${p.message}`, p])).values()];
  return { problems: sortProblems(unique), notices, files: expanded.map((a) => displayName(a, ctx.cwd)) };
}

function expand(abs: string): string[] {
  if (!isDirectory(abs)) return [abs];
  return [...listFiles(abs, '.yaml'), ...listFiles(abs, '.yml'), ...listFiles(abs, '.json')].concat(
    // what-if scenarios live one level down (scenarios/whatif/)
    listSubdirs(abs).flatMap((d) => [...listFiles(d, '.yaml'), ...listFiles(d, '.yml')]),
  );
}

function listSubdirs(abs: string): string[] {
  return listFiles(abs, '').filter((p) => isDirectory(p));
}
