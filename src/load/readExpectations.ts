import path from 'node:path';
import { z } from 'zod';
import { ExpectCase } from '../schema/expect.js';
import { context, readData, type LoadOptions } from './loadContext.js';

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

// where it lived first; zod-free in files.ts, for `truce test` from the cache
export { scenarioFiles } from './files.js';
