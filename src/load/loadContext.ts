import path from 'node:path';
import type { z } from 'zod';
import type { PathSegment, Problem } from '../problem.js';
import { parseDataFile } from './parseDataFile.js';
import { zodProblems } from '../schema/zodProblems.js';
import { displayName, readText } from './files.js';
import { realpath, stat } from './observedFs.js';

// the options, the state of a load and the articles live in their own module, which loads no parser:
// a stream's events (ndjsonEvents.ts) need them, and neither YAML parser (README, Cold start)
export { articlesOf, context, type Ctx, type LoadOptions } from './loadState.js';
import type { Ctx } from './loadState.js';

/** The project folder a file belongs to: the nearest folder above it with package.json or .git. */
export function projectRootOf(ctx: Ctx, fileAbs: string): string {
  if (ctx.projectRoot !== undefined) return ctx.projectRoot;
  let dir = path.dirname(fileAbs);
  for (;;) {
    if (stat(path.join(dir, 'package.json')).kind !== 'none' || stat(path.join(dir, '.git')).kind !== 'none') return dir;
    const up = path.dirname(dir);
    if (up === dir) return ctx.cwd;
    dir = up;
  }
}

/** Refuses a reference that leaves the project folder, unless --allow-outside. */
export function checkInside(ctx: Ctx, root: string, targetAbs: string, from: { file: string; path: PathSegment[] }): boolean {
  if (ctx.allowOutside) return true;
  // through symlinks: a link inside the project to a file outside it is outside
  const rel = path.relative(realpath(root), realpath(targetAbs));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return true;
  ctx.problems.push({
    code: 'E_OUTSIDE_PROJECT',
    file: from.file,
    path: from.path,
    message: `${displayName(targetAbs, ctx.cwd)} is outside the project folder ${displayName(root, ctx.cwd) || '.'}; move it inside, or pass --allow-outside`,
  });
  return false;
}

/** Reads and parses a file once (cached); problems go to ctx. */
export function readData(ctx: Ctx, abs: string): unknown {
  const file = displayName(abs, ctx.cwd);
  const cached = ctx.parsed.get(file);
  if (cached) return cached.data;
  const { text, problems } = readText(abs, ctx);
  ctx.problems.push(...problems);
  if (text === undefined) {
    ctx.parsed.set(file, { file, data: undefined, locate: () => ({ line: 1, col: 1 }) });
    return undefined;
  }
  const { parsed, problems: parseProblems } = ctx.parseMemo ? ctx.parseMemo.parse(file, text) : parseDataFile(file, text);
  ctx.problems.push(...parseProblems);
  ctx.parsed.set(file, parsed ?? { file, data: undefined, locate: () => ({ line: 1, col: 1 }) });
  return parsed?.data;
}

/**
 * How a file is schema-checked: without zod's compiled fast path. zod compiles an object schema into a
 * function (`new Function`) on its first parse, which pays off over thousands of parses (a stream's
 * events) but not over one file's few hundred objects: a one-shot load spends more compiling than the
 * compiled check saves (README, "Cold start"). Per parse, so a stream's own checks keep the fast path.
 * The issues, and so every message, are the same either way.
 */
export const ONE_SHOT = { jitless: true } as const;

/** Reads, parses and schema-checks one file. */
export function readDoc<S extends z.ZodType>(ctx: Ctx, abs: string, schema: S): z.infer<S> | undefined {
  const data = readData(ctx, abs);
  if (data === undefined) return undefined;
  const result = schema.safeParse(data, ONE_SHOT);
  if (!result.success) {
    ctx.problems.push(...zodProblems(displayName(abs, ctx.cwd), result.error.issues));
    return undefined;
  }
  return result.data;
}

/** The `format` key of a parsed file (null when the file could not be read or is not a mapping). */
export function formatOf(ctx: Ctx, abs: string): unknown {
  const data = readData(ctx, abs);
  if (data === undefined) return null;
  const file = displayName(abs, ctx.cwd);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    ctx.problems.push({ code: 'E_SCHEMA', file, path: [], message: 'expected a mapping at the top of the file (format, id, ...)' });
    return null;
  }
  return (data as { format?: unknown }).format;
}

/** Adds line:col to every problem whose file was parsed. */
export function localise(ctx: Ctx, problems: Problem[]): Problem[] {
  return problems.map((p) => {
    if (p.line !== undefined) return p;
    const parsed = ctx.parsed.get(p.file);
    if (!parsed || parsed.data === undefined) return p;
    const pos = parsed.locate(p.path);
    return { ...p, line: pos.line, col: pos.col };
  });
}
