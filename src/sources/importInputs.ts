import path from 'node:path';
import { InputError, sortProblems } from '../problem.js';
import { ActorsFile, ImportMapping } from '../schema/importFiles.js';
import { context, localise, readDoc, type LoadOptions } from '../load/loadContext.js';
import { stat } from '../load/observedFs.js';
import { displayName } from '../load/files.js';
import type { PlaceLookup } from '../import/placeMatch.js';
import { shippedMappingPath, shippedPlaces } from './exportSeed.js';

export interface ImportInputs {
  actors: ActorsFile | undefined;
  mapping: ImportMapping;
  places: PlaceLookup | undefined;
  /** the export as problems name it */
  file: string;
  abs: string;
}

/**
 * What `truce import` reads before the export: the actors file (if given), the mapping table (the
 * shipped one unless --mapping), the shipped place hierarchy; and that the export is there. Throws
 * InputError with every problem, located.
 */
export function readImportInputs(exportPath: string, flags: { actors?: string; mapping?: string }, opts: LoadOptions = {}): ImportInputs {
  const ctx = context(opts);
  const abs = path.resolve(ctx.cwd, exportPath);
  const file = displayName(abs, ctx.cwd);
  const kind = stat(abs).kind;
  if (kind !== 'file')
    ctx.problems.push({
      code: 'E_FILE_NOT_FOUND',
      file,
      path: [],
      message: kind === 'none' ? 'no such file; check the path of the export' : 'not a regular file; name the CSV export',
    });
  const actors = flags.actors !== undefined ? readDoc(ctx, path.resolve(ctx.cwd, flags.actors), ActorsFile) : undefined;
  const mapping = readDoc(ctx, flags.mapping !== undefined ? path.resolve(ctx.cwd, flags.mapping) : shippedMappingPath(), ImportMapping);
  const places = shippedPlaces(ctx);
  if (ctx.problems.length > 0 || !mapping) throw new InputError(sortProblems(localise(ctx, ctx.problems)));
  return { actors, mapping, places, file, abs };
}
