import path from 'node:path';
import type { Problem } from '../problem.js';
import type { ParsedFile } from './parseDataFile.js';
import type { ParseMemo } from './parseMemo.js';
import { DEFAULT_MAX_FILE_BYTES, readArticles } from './files.js';

export interface LoadOptions {
  /** folder that file names are shown relative to (default: the working folder) */
  cwd?: string;
  /** where the article files are; default ../shared/seeds from cwd, or $TRUCE_ARTICLES */
  articlesDir?: string;
  maxFileBytes?: number;
  /** let extends, seeds and rules point outside the project folder */
  allowOutside?: boolean;
  /** the project folder (default: the nearest folder above the file with package.json or .git, else cwd) */
  projectRoot?: string;
  /** parsed files shared with the caller's other loads (see ParseMemo); without it, every file is parsed afresh */
  parseMemo?: ParseMemo;
}

/** The state of one load: files parsed so far (for locations) and problems found so far. */
export interface Ctx {
  cwd: string;
  maxFileBytes: number;
  allowOutside: boolean;
  projectRoot?: string;
  articlesDir: string;
  parseMemo: ParseMemo | undefined;
  articles: Map<string, string[]> | undefined | null;
  parsed: Map<string, ParsedFile>;
  problems: Problem[];
}

export function context(opts: LoadOptions): Ctx {
  const cwd = opts.cwd ?? process.cwd();
  return {
    cwd,
    maxFileBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    allowOutside: opts.allowOutside === true,
    ...(opts.projectRoot !== undefined ? { projectRoot: path.resolve(cwd, opts.projectRoot) } : {}),
    articlesDir: path.resolve(cwd, opts.articlesDir ?? process.env.TRUCE_ARTICLES ?? '../shared/seeds'),
    parseMemo: opts.parseMemo,
    articles: null,
    parsed: new Map(),
    problems: [],
  };
}

/** The article texts, read once per load; undefined when the folder is not there. */
export function articlesOf(ctx: Ctx): Map<string, string[]> | undefined {
  if (ctx.articles === null) {
    const r = readArticles(ctx.articlesDir, ctx);
    ctx.articles = r.articles;
    ctx.problems.push(...r.problems);
  }
  return ctx.articles;
}
