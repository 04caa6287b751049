import path from 'node:path';
import { InputError, sortProblems, type PathSegment, type Problem } from '../problem.js';
import { PlacesFile, type PlaceEntry } from '../schema/places.js';
import { checkPlaces } from '../places/checkPlaces.js';
import { displayName } from './files.js';
import { checkInside, context, localise, readDoc, type Ctx, type LoadOptions } from './loadContext.js';
import type { Scenario } from '../schema/scenario.js';

/** A place with the file and path it was written at (for problems that point at it). */
export interface PlaceAt {
  file: string;
  path: PathSegment[];
  place: PlaceEntry;
}

/**
 * Reads places files into `ctx` (problems go there): each file's entries, in order. A reference that
 * names no file is reported at `from` (the scenario's `placeFiles` entry), not at the missing file.
 */
export function readPlacesInto(ctx: Ctx, files: { abs: string; from?: { file: string; path: PathSegment[] } }[]): PlaceAt[] {
  const out: PlaceAt[] = [];
  for (const { abs, from } of files) {
    const before = ctx.problems.length;
    const doc = readDoc(ctx, abs, PlacesFile);
    if (!doc) {
      if (from && ctx.problems.slice(before).some((p) => p.code === 'E_FILE_NOT_FOUND')) {
        ctx.problems.splice(
          before,
          ctx.problems.length - before,
          ...ctx.problems.slice(before).filter((p) => p.code !== 'E_FILE_NOT_FOUND'),
        );
        ctx.problems.push({
          code: 'E_FILE_NOT_FOUND',
          file: from.file,
          path: from.path,
          message: `places file "${displayName(abs, ctx.cwd)}" not found; fix the path (relative to the scenario)`,
        });
      }
      continue;
    }
    const file = displayName(abs, ctx.cwd);
    doc.places.forEach((place, i) => out.push({ file, path: ['places', i], place }));
  }
  return out;
}

/** Cross-checks a whole hierarchy (every file's places and a scenario's own, together). */
export function placeProblems(all: readonly PlaceAt[]): Problem[] {
  return checkPlaces(all.map((p) => p.place)).map((i) => {
    const at = all[i.at]!;
    return { code: i.code, file: at.file, path: [...at.path, ...i.path], message: i.message };
  });
}

/**
 * Loads places files (the shipped `seeds/places/*.yaml`, or an analyst's own) and checks them as one
 * hierarchy; throws InputError with every problem found.
 */
export function readPlaces(paths: readonly string[], opts: LoadOptions = {}): PlaceEntry[] {
  const ctx = context(opts);
  const all = readPlacesInto(
    ctx,
    paths.map((p) => ({ abs: path.resolve(ctx.cwd, p) })),
  );
  ctx.problems.push(...placeProblems(all));
  if (ctx.problems.length > 0) throw new InputError(sortProblems(localise(ctx, ctx.problems)));
  return all.map((p) => p.place);
}

/**
 * A scenario with the places of its `placeFiles` put before its own `places`, checked as one
 * hierarchy; undefined (problems in ctx) when any of it is wrong.
 */
export function withPlaceFiles(ctx: Ctx, scenarioAbs: string, root: string, scenario: Scenario): Scenario | undefined {
  if (scenario.placeFiles.length === 0 && scenario.places.length === 0) return scenario;
  const file = displayName(scenarioAbs, ctx.cwd);
  const before = ctx.problems.length;
  const refs = scenario.placeFiles
    .map((f, i) => ({ abs: path.resolve(path.dirname(scenarioAbs), f), from: { file, path: ['placeFiles', i] as PathSegment[] } }))
    .filter((r) => checkInside(ctx, root, r.abs, r.from));
  const all = [...readPlacesInto(ctx, refs), ...scenario.places.map((place, i) => ({ file, path: ['places', i] as PathSegment[], place }))];
  ctx.problems.push(...placeProblems(all));
  if (ctx.problems.length > before) return undefined;
  return { ...scenario, places: all.map((p) => p.place) };
}
