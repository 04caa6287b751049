import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../problem.js';

/** A data file larger than this is refused before it is parsed. */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface ReadOptions {
  cwd: string;
  maxFileBytes: number;
}

/** The name a file is shown by: relative to the working folder when inside it. */
export function displayName(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

export function readText(abs: string, opts: ReadOptions): { text?: string; problems: Problem[] } {
  const file = displayName(abs, opts.cwd);
  if (!existsSync(abs) || !statSync(abs).isFile()) {
    return { problems: [{ code: 'E_FILE_NOT_FOUND', file, path: [], message: `no such file; check the path (looked in ${path.dirname(abs)})` }] };
  }
  const size = statSync(abs).size;
  if (size > opts.maxFileBytes) {
    return {
      problems: [
        {
          code: 'E_FILE_TOO_LARGE',
          file,
          line: 1,
          col: 1,
          path: [],
          message: `the file is ${(size / 1048576).toFixed(1)} MiB, over the ${(opts.maxFileBytes / 1048576).toFixed(1)} MiB limit; split it, or stream events as NDJSON with --events`,
        },
      ],
    };
  }
  return { text: readFileSync(abs, 'utf8'), problems: [] };
}

export function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(dir, f));
}

export function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/** The article files, as lines, or undefined when the folder is not there. */
export function readArticles(dir: string): Map<string, string[]> | undefined {
  if (!isDirectory(dir)) return undefined;
  const map = new Map<string, string[]>();
  for (const f of listFiles(dir, '.txt')) map.set(path.basename(f), readFileSync(f, 'utf8').split(/\r?\n/));
  return map;
}
