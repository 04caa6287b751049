import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../problem.js';
import type { Event } from '../schema/event.js';
import type { SeedFile } from '../schema/seedFile.js';
import type { ExportSeed } from '../schema/source.js';
import { ActorsFile, ImportMapping } from '../schema/importFiles.js';
import { checkInside, readDoc, type Ctx } from '../load/loadContext.js';
import { displayName, readText } from '../load/files.js';
import type { ImportSetup } from '../import/importRun.js';
import type { PlaceLookup } from '../import/placeMatch.js';
import { list, stat } from '../load/observedFs.js';
import { readPlacesInto } from '../load/readPlaces.js';
import { buildPlaceIndex } from '../places/placeIndex.js';
import { datasetExportText } from './datasetExport.js';

/** The package's own folder, from src/sources or dist/src/sources. */
function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, here.split(path.sep).includes('dist') ? '../../..' : '../..');
}

/** The mapping table shipped with truce (seeds/import/mapping.yaml). */
export function shippedMappingPath(): string {
  return path.join(packageRoot(), 'seeds', 'import', 'mapping.yaml');
}

/** The place hierarchy shipped with truce (seeds/places/*.yaml). */
export function shippedPlacesPaths(): string[] {
  const dir = path.join(packageRoot(), 'seeds', 'places');
  if (stat(dir).kind !== 'dir') return [];
  return list(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(dir, f));
}

/** The shipped hierarchy as an import reads it (problems go to ctx); none when it is not there. */
export function shippedPlaces(ctx: Ctx): PlaceLookup | undefined {
  const files = shippedPlacesPaths();
  if (files.length === 0) return undefined;
  const all = readPlacesInto(
    ctx,
    files.map((abs) => ({ abs })),
  );
  return all.length > 0 ? buildPlaceIndex(all.map((p) => p.place)) : undefined;
}

/**
 * A scenario's `seeds:` entry naming an export (`{ acled: FILE, actors: FILE }` or `{ ucdp: ... }`) read
 * as a seed: every read through the load's observed file system (so the load cache sees the export), the
 * export bounded like any data file (a larger one is imported with `truce import --format ndjson`).
 * Unlike `truce import`, which lists unmapped actors and goes on, a scenario refuses them: a scenario
 * that silently left out an actor's events would judge less than it says.
 */
export function readExportSeed(
  ctx: Ctx,
  scenarioAbs: string,
  root: string,
  ref: ExportSeed,
  at: { file: string; path: (string | number)[] },
): { file: string; seed: SeedFile } | undefined {
  const dir = path.dirname(scenarioAbs);
  const key = 'acled' in ref ? 'acled' : 'ucdp';
  const csvAbs = path.resolve(dir, 'acled' in ref ? ref.acled : ref.ucdp);
  const actorsAbs = path.resolve(dir, ref.actors);
  if (!checkInside(ctx, root, csvAbs, { file: at.file, path: [...at.path, key] })) return undefined;
  if (!checkInside(ctx, root, actorsAbs, { file: at.file, path: [...at.path, 'actors'] })) return undefined;
  const actors = readDoc(ctx, actorsAbs, ActorsFile);
  const mapping = readDoc(ctx, shippedMappingPath(), ImportMapping);
  const places = shippedPlaces(ctx);
  const file = displayName(csvAbs, ctx.cwd);
  const { text, problems } = readText(csvAbs, ctx);
  ctx.problems.push(...problems);
  if (!actors || !mapping || text === undefined) return undefined;
  const setup: ImportSetup = {
    dataset: key === 'acled' ? 'acled' : 'ucdp-ged',
    file,
    fileName: path.basename(csvAbs),
    version: ref.version ?? 'undated',
    mapping,
    actors,
    places,
    zone: undefined,
  };
  const source = datasetExportText(setup, text);
  let events: Event[];
  try {
    events = source.readAll().map((s) => s.event);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    ctx.problems.push(...e.problems);
    return undefined;
  }
  const tally = source.report();
  if (tally.unmappedActors.size > 0) {
    const list = [...tally.unmappedActors]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, s]) => `"${name}" (${s.rows} row${s.rows === 1 ? '' : 's'}, first row ${s.firstRow})`);
    ctx.problems.push({
      code: 'E_UNKNOWN_PARTY',
      file: displayName(actorsAbs, ctx.cwd),
      path: ['actors'],
      message: `${file} has actors this file does not map: ${list.join(', ')}; map each to a party id under actors:, or list it under ignore:`,
    });
    return undefined;
  }
  return { file, seed: { format: 'truce.seed/v1', sources: [], events } };
}
