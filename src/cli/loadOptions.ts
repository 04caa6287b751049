import { statSync } from 'node:fs';
import path from 'node:path';
import type { LoadOptions } from '../load/loadScenario.js';
import type { Globals } from './main.js';
import { stderr } from './io.js';

/** The calls of main that have said so already: once per call, not once per process (tests call main many times). */
const noted = new WeakSet<Globals>();

/**
 * The loader's options from the global flags. Where there is no article folder (a user's machine, or a
 * mistyped --articles) the loader checks no cited line; every command that loads says so once on
 * stderr, as `validate` does, so that a skipped check never passes for a passed one.
 */
export function loadOptions(g: Globals, { note = true }: { note?: boolean } = {}): LoadOptions {
  if (note && !noted.has(g)) {
    noted.add(g);
    // where the loader looks (src/load/loadContext.ts): --articles, else $TRUCE_ARTICLES, else ../shared/seeds
    const dir = path.resolve(g.articles ?? process.env.TRUCE_ARTICLES ?? '../shared/seeds');
    if (!isDir(dir))
      stderr().write(`note: cited lines not checked: no article folder at ${shown(dir)} (set TRUCE_ARTICLES or --articles)\n`);
  }
  return { allowOutside: g.allowOutside, ...(g.articles !== undefined ? { articlesDir: g.articles } : {}) };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function shown(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}
