import path from 'node:path';
import { InputError, sortProblems, type PathSegment, type Problem } from '../problem.js';
import { Scenario } from '../schema/scenario.js';
import { Overlay } from '../schema/overlay.js';
import type { Condition, Rule } from '../schema/rule.js';
import type { Source } from '../schema/source.js';
import type { ExpectCase } from '../schema/expect.js';
import type { Interpretation, WindowSpec } from '../schema/interpretation.js';
import { crossCheck, type Pool } from '../validate/crossCheck.js';
import { applyChanges, type Resolved } from '../overlay/applyChanges.js';
import { displayName } from './files.js';
import { articlesOf, checkInside, context, formatOf, localise, projectRootOf, readDoc, type Ctx, type LoadOptions } from './loadContext.js';
import { readRules } from './readRules.js';
import { readExportSeed } from '../sources/exportSeed.js';
import { seedFileSource } from '../sources/seedFileSource.js';
import { withPlaceFiles } from './readPlaces.js';
import { readSourceNotes } from './readSourceNotes.js';

export type { LoadOptions } from './loadContext.js';

/** A scenario with everything it refers to, overlays applied, validated and cross-checked. */
export interface LoadedScenario extends Resolved {
  file: string;
  sources: Source[];
  /** the scenario's test cases (an overlay's own, not its base's) */
  expect: ExpectCase[];
  /** the files it was built from, the scenario first, then what it extends */
  chain: string[];
  /** whether the cited lines were checked against the articles */
  articlesChecked: boolean;
  /** per reading whose label an overlay kept: the window its label was written for (see labelNote) */
  labelWindows?: Record<string, WindowSpec>;
}

interface Loaded extends Resolved {
  /** the base scenario's own source notes, which an overlay's citations may name too */
  notes?: Map<string, string[]> | undefined;
  sources: Source[];
  expect: ExpectCase[];
  chain: string[];
  labelWindows?: Record<string, WindowSpec>;
}

/** The mark loadScenario leaves on globalThis (read by src/cli/bin.ts, which imports nothing of ours). */
export const LOADER_RAN = Symbol.for('truce.loaderRan');

/** Loads a scenario or overlay, its seeds and its rules; throws InputError with every problem found. */
export function loadScenario(scenarioPath: string, opts: LoadOptions = {}): LoadedScenario {
  // tells the CLI's start (src/cli/bin.ts) that this run compiled the loader, which a run served by the
  // scenario cache never does: its code-cache entry then gets the loader's code too
  (globalThis as Record<symbol, unknown>)[LOADER_RAN] = true;
  const ctx = context(opts);
  const abs = path.resolve(ctx.cwd, scenarioPath);
  const root = projectRootOf(ctx, abs);
  const loaded = loadAny(ctx, abs, root, []);
  if (!loaded || ctx.problems.length > 0) throw new InputError(sortProblems(localise(ctx, ctx.problems)));
  // the notes served the citation checks; a loaded scenario carries plain data only
  const { notes: _notes, ...data } = loaded;
  // drafts (from `truce ingest`) are validated like any event but count only once an analyst accepts them
  return {
    ...data,
    events: data.events.filter((e) => e.draft !== true),
    file: displayName(abs, ctx.cwd),
    articlesChecked: articlesOf(ctx) !== undefined,
  };
}

/** A label kept through an overlay still describes the window it was first written for, whatever the overlay did to it. */
function labelWindows(base: Loaded, readings: readonly Interpretation[]): Record<string, WindowSpec> {
  const out: Record<string, WindowSpec> = {};
  for (const r of readings) {
    const before = base.scenario.interpretations.find((b) => b.id === r.id);
    if (before && before.label === r.label) out[r.id] = base.labelWindows?.[r.id] ?? before.window;
  }
  return out;
}

function loadAny(ctx: Ctx, abs: string, root: string, chain: string[]): Loaded | undefined {
  const file = displayName(abs, ctx.cwd);
  const format = formatOf(ctx, abs);
  if (format === null) return undefined;
  if (format === 'truce.overlay/v1') return loadOverlay(ctx, abs, root, chain);
  if (format !== 'truce.scenario/v1') {
    ctx.problems.push({
      code: 'E_UNKNOWN_FORMAT',
      file,
      path: ['format'],
      message: `expected format truce.scenario/v1 or truce.overlay/v1, got ${JSON.stringify(format)}`,
    });
    return undefined;
  }
  const read = readDoc(ctx, abs, Scenario);
  if (!read) return undefined;
  const scenario = withPlaceFiles(ctx, abs, root, read);
  if (!scenario) return undefined;
  const pool = poolFor(ctx, abs, root, scenario);
  const before = ctx.problems.length;
  ctx.problems.push(...crossCheck(pool));
  if (ctx.problems.length > before) return undefined;
  return {
    scenario,
    sources: pool.seeds.flatMap((s) => s.seed.sources),
    notes: pool.notes,
    events: [...pool.seeds.flatMap((s) => s.seed.events), ...scenario.events],
    rules: pool.rules.map((r) => r.rule),
    conditions: Object.fromEntries(pool.conditions.map((c) => [c.name, c.condition])),
    expect: scenario.expect,
    chain: [file],
  };
}

/**
 * How many overlays may stand on one scenario. Each level is a nested load (and each overlay a copy of
 * the whole scenario), so the limit is checked before going a level deeper: the stack never decides.
 */
export const MAX_EXTENDS_DEPTH = 32;

function loadOverlay(ctx: Ctx, abs: string, root: string, chain: string[]): Loaded | undefined {
  const file = displayName(abs, ctx.cwd);
  const overlay = readDoc(ctx, abs, Overlay);
  if (!overlay) return undefined;
  if (chain.length + 1 >= MAX_EXTENDS_DEPTH) {
    ctx.problems.push({
      code: 'E_EXTENDS_DEPTH',
      file,
      path: ['extends'],
      message: `the chain of extends from ${chain.at(-1) ?? file} is more than ${MAX_EXTENDS_DEPTH} overlays long here (the limit); extend the scenario more directly, merging some of the overlays`,
    });
    return undefined;
  }
  const baseAbs = path.resolve(path.dirname(abs), overlay.extends);
  const baseFile = displayName(baseAbs, ctx.cwd);
  if (!checkInside(ctx, root, baseAbs, { file, path: ['extends'] })) return undefined;
  if (baseAbs === abs || chain.includes(baseFile)) {
    ctx.problems.push({
      code: 'E_EXTENDS_CYCLE',
      file,
      path: ['extends'],
      message: `extends goes round in a circle: ${[file, ...chain].reverse().join(' -> ')} -> ${baseFile}; break the cycle`,
    });
    return undefined;
  }
  const before = ctx.problems.length;
  const base = loadAny(ctx, baseAbs, root, [file, ...chain]);
  if (!base) {
    const theirs = ctx.problems.slice(before);
    const pointHere = (code: Problem['code'], message: string) => {
      // the base itself is fine as what it is: the overlay's `extends` is what is wrong
      ctx.problems.splice(before, theirs.length, ...theirs.filter((p) => !(p.file === baseFile && p.code === code)));
      ctx.problems.push({ code, file, path: ['extends'], message });
    };
    if (theirs.some((p) => p.code === 'E_FILE_NOT_FOUND' && p.file === baseFile))
      pointHere('E_FILE_NOT_FOUND', `the base scenario "${overlay.extends}" was not found; fix the path (relative to this file)`);
    else if (theirs.some((p) => p.code === 'E_UNKNOWN_FORMAT' && p.file === baseFile))
      pointHere(
        'E_UNKNOWN_FORMAT',
        `"${overlay.extends}" is not a scenario or an overlay; extend a truce.scenario/v1 or truce.overlay/v1 file`,
      );
    return undefined;
  }
  const { result, problems } = applyChanges(base, overlay.changes, file);
  ctx.problems.push(...problems);
  if (problems.length > 0) return undefined;
  const merged = { ...result.scenario, id: overlay.id, title: overlay.title, events: result.events, expect: overlay.expect };
  const shared = articlesOf(ctx);
  const articles = base.notes ? new Map([...(shared ?? []), ...base.notes]) : shared;
  const pool: Pool = {
    scenarios: [{ file, scenario: merged }],
    seeds: [{ file: '(sources)', seed: { format: 'truce.seed/v1', sources: base.sources, events: [] } }],
    rules: result.rules.map((rule) => ({ file, path: ['rules', rule.name], rule })),
    conditions: Object.entries(result.conditions).map(([name, condition]) => ({ file: '(conditions)', name, condition })),
    ...(articles ? { articles } : {}),
    ...(base.notes && !shared ? { articlesPartial: true } : {}),
  };
  const cross = crossCheck(pool).map((p) =>
    remap(
      p,
      overlay.changes,
      merged.events.map((e) => e.id),
      file,
    ),
  );
  ctx.problems.push(...cross);
  if (cross.length > 0) return undefined;
  return {
    ...result,
    scenario: { ...result.scenario, id: overlay.id, title: overlay.title, expect: overlay.expect },
    sources: base.sources,
    notes: base.notes,
    expect: overlay.expect,
    chain: [file, ...base.chain],
    labelWindows: labelWindows(base, result.scenario.interpretations),
  };
}

/**
 * A cross-check problem found in the merged scenario points at the overlay's change that brought the
 * faulty part in; a problem in what the base already had points at the overlay's `changes`.
 */
function remap(p: Problem, changes: Overlay['changes'], eventIds: string[], file: string): Problem {
  if (p.file !== file) return p;
  const [head, index, ...rest] = p.path;
  if (head === 'events' && typeof index === 'number') {
    const id = eventIds[index];
    for (let i = changes.length - 1; i >= 0; i--) {
      const c = changes[i]!;
      if ('addEvents' in c) {
        const j = c.addEvents.findIndex((e) => e.id === id);
        if (j >= 0) return { ...p, path: ['changes', i, 'addEvents', j, ...rest] };
      }
      if ('updateEvent' in c && c.updateEvent.id === id) return { ...p, path: ['changes', i, 'updateEvent'] };
      if ('shiftEvent' in c && c.shiftEvent.id === id) return { ...p, path: ['changes', i, 'shiftEvent'] };
    }
    return { ...p, path: ['changes'], message: `event ${id}: ${p.message}` };
  }
  if (head === 'interpretations' && typeof index === 'number') {
    for (let i = changes.length - 1; i >= 0; i--) {
      const c = changes[i]!;
      if ('setInterpretation' in c) return { ...p, path: ['changes', i, 'setInterpretation', ...rest] };
    }
  }
  return { ...p, path: ['changes'], message: `${p.path.join('.')}: ${p.message}` };
}

function poolFor(ctx: Ctx, scenarioAbs: string, root: string, scenario: Scenario): Pool & { notes?: Map<string, string[]> | undefined } {
  const file = displayName(scenarioAbs, ctx.cwd);
  const dir = path.dirname(scenarioAbs);
  const seeds: Pool['seeds'] = [];
  scenario.seeds.forEach((s, i) => {
    if (typeof s !== 'string') {
      // a dataset export named in place of a seed file (truce import's reader, src/sources/exportSeed.ts)
      const seed = readExportSeed(ctx, scenarioAbs, root, s, { file, path: ['seeds', i] });
      if (seed) seeds.push(seed);
      return;
    }
    const seedAbs = path.resolve(dir, s);
    if (!checkInside(ctx, root, seedAbs, { file, path: ['seeds', i] })) return;
    const before = ctx.problems.length;
    const source = seedFileSource(ctx, seedAbs);
    if (source.seed) seeds.push({ file: source.file, seed: source.seed });
    else if (ctx.problems.slice(before).some((p) => p.code === 'E_FILE_NOT_FOUND')) {
      // one problem, at the reference in the scenario, rather than a second one at the missing file
      ctx.problems.splice(before, ctx.problems.length - before, ...ctx.problems.slice(before).filter((p) => p.code !== 'E_FILE_NOT_FOUND'));
      ctx.problems.push({
        code: 'E_FILE_NOT_FOUND',
        file,
        path: ['seeds', i],
        message: `seed file "${s}" not found; fix the path (relative to the scenario)`,
      });
    }
  });
  const rulesAbs = path.resolve(dir, scenario.rules);
  const rules = checkInside(ctx, root, rulesAbs, { file, path: ['rules'] })
    ? readRules(ctx, rulesAbs, { file, path: ['rules'] })
    : { rules: [], conditions: [] };
  const shared = articlesOf(ctx);
  // the scenario's own source notes are cited like articles
  const notes = readSourceNotes(ctx, scenarioAbs, root, scenario.sourceNotes);
  const articles = notes ? new Map([...(shared ?? []), ...notes]) : shared;
  return {
    scenarios: [{ file, scenario }],
    seeds,
    rules: rules.rules,
    conditions: rules.conditions,
    ...(articles ? { articles } : {}),
    ...(notes && !shared ? { articlesPartial: true } : {}),
    notes,
  };
}

/** Loads a rule folder alone (for tests and tools that build scenarios in code). */
export function loadRules(dir: string, opts: LoadOptions = {}): { rules: Rule[]; conditions: Record<string, Condition> } {
  const ctx = context(opts);
  const abs = path.resolve(ctx.cwd, dir);
  const set = readRules(ctx, abs, { file: displayName(abs, ctx.cwd), path: [] });
  const problems: Problem[] = [...ctx.problems, ...crossCheck({ scenarios: [], seeds: [], rules: set.rules, conditions: set.conditions })];
  if (problems.length > 0) throw new InputError(sortProblems(localise(ctx, problems)));
  return { rules: set.rules.map((r) => r.rule), conditions: Object.fromEntries(set.conditions.map((c) => [c.name, c.condition])) };
}

export type { PathSegment };
