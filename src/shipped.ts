import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './problem.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The installed package's folder: built code runs from <package>/dist/src, the sources from <package>/src. */
const PACKAGE_ROOT = path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '..', '..') : path.resolve(here, '..');

/**
 * The absolute path of a file that ships with truce (`scenarios/`, `seeds/`, `rules/`, `schemas/`),
 * wherever the package is installed. Paths given to loadScenario are the caller's, resolved from the
 * working folder; a dependent project finds the shipped data through this.
 */
export function shippedFile(relative: string): string {
  const abs = path.resolve(PACKAGE_ROOT, relative);
  const rel = path.relative(PACKAGE_ROOT, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    throw new UsageError(`"${relative}" is not a file inside the truce package; name one such as scenarios/jan-feb-2026.yaml`);
  return abs;
}

/** The path of a scenario shipped in `scenarios/` (default: the January-February 2026 truce). */
export function shippedScenario(name = 'jan-feb-2026.yaml'): string {
  return shippedFile(path.join('scenarios', name));
}
