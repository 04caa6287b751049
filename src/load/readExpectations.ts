import path from 'node:path';
import { z } from 'zod';
import { ExpectCase } from '../schema/expect.js';
import { context, readData, type LoadOptions } from './loadContext.js';
import { isDirectory, listFiles } from './files.js';

/**
 * The `expect:` cases of a scenario file, read on their own, so that a file meant to be invalid can
 * still say which error it expects. Unreadable or malformed cases give an empty list.
 */
export function readExpectations(file: string, opts: LoadOptions = {}): ExpectCase[] {
  const ctx = context(opts);
  const data = readData(ctx, path.resolve(ctx.cwd, file));
  const r = z.object({ expect: z.array(ExpectCase) }).safeParse(data);
  return r.success ? r.data.expect : [];
}

/** Scenario files under the given paths (folders searched recursively), sorted. */
export function scenarioFiles(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    if (isDirectory(abs)) {
      for (const f of listFiles(abs, '')) walk(f);
    } else if (/\.ya?ml$/.test(abs)) out.push(abs);
  };
  for (const p of paths) walk(path.resolve(cwd, p));
  return [...new Set(out)].sort();
}
