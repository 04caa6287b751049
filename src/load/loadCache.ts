import path from 'node:path';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { LoadedScenario, LoadOptions } from './loadScenario.js';
import { recording, stat, unchanged, type Observation } from './observedFs.js';
import { canonicalJson } from '../canonicalJson.js';
import { HASHES, hashesOf, type Hashes } from '../provenance.js';

/**
 * loadScenario memoised on disk. A load is a pure function of its options and of what it reads, and
 * every read goes through observedFs, so an entry keeps the notes of every file, folder and link the
 * load looked at; it is used only while the disk still shows exactly that, under the same build of
 * truce. A hit skips parsing YAML and checking formats and never loads the parser or zod, which is
 * most of a cold `truce run`. Bad input is never cached: its problems are found again each time.
 */
interface Entry {
  build: string;
  key: string;
  observations: Observation[];
  loaded: LoadedScenario;
  /** the provenance hashes of `loaded`, worked out from it when it was loaded (absent in older entries) */
  hashes?: Hashes;
}

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The build's identity (a hash of the compiled code, written by the build); none: no caching. */
function buildId(): string | undefined {
  try {
    return readFileSync(path.join(DIST, 'build-id.txt'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Where entries go, and the build they are valid for. */
export interface CacheSpec {
  dir: string;
  build: string;
}

/**
 * The CLI's cache: $TRUCE_CACHE_DIR, else node_modules/.cache/truce in the nearest folder above the
 * working folder that has node_modules, for this build; none when there is no such folder, no build
 * id (running from source) or TRUCE_CACHE=0.
 */
export function defaultCache(cwd: string): CacheSpec | undefined {
  if (process.env.TRUCE_CACHE === '0') return undefined;
  const build = buildId();
  if (build === undefined) return undefined;
  if (process.env.TRUCE_CACHE_DIR) return { dir: path.resolve(cwd, process.env.TRUCE_CACHE_DIR), build };
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (stat(path.join(dir, 'node_modules')).kind === 'dir') return { dir: path.join(dir, 'node_modules', '.cache', 'truce'), build };
    if (path.dirname(dir) === dir) return undefined;
  }
}

export async function loadScenarioCached(scenarioPath: string, opts: LoadOptions, cache: CacheSpec | undefined): Promise<LoadedScenario> {
  const load = async () => (await import('./loadScenario.js')).loadScenario;
  if (cache === undefined) return (await load())(scenarioPath, opts);
  const { dir: cacheDir, build } = cache;
  const cwd = opts.cwd ?? process.cwd();
  const key = createHash('sha256')
    // canonical: the same options give the same key whatever their order, and cwd counts once, resolved;
    // a parse memo changes how a load is done, never what it gives
    .update(
      canonicalJson([
        build,
        cwd,
        path.resolve(cwd, scenarioPath),
        { ...opts, cwd: undefined, parseMemo: undefined },
        process.env.TRUCE_ARTICLES ?? null,
      ]),
    )
    .digest('hex')
    .slice(0, 32);
  const file = path.join(cacheDir, `${key}.json`);
  const hit = read(file);
  if (hit && hit.build === build && hit.key === key && unchanged(hit.observations)) return withHashes(hit.loaded, hit.hashes);
  const loadScenario = await load();
  const { value: loaded, observations } = recording(() => loadScenario(scenarioPath, opts));
  const hashes = hashesOf(loaded);
  write(file, { build, key, observations, loaded, hashes });
  return withHashes(loaded, hashes);
}

/**
 * A hit's scenario with its hashes for provenanceOf. They hold while it is as loaded: no command changes
 * a loaded scenario (an overlay, a sweep's row or a stream's terms make a new object, without them).
 */
function withHashes(loaded: LoadedScenario, hashes: Hashes | undefined): LoadedScenario {
  if (hashes !== undefined) Object.defineProperty(loaded, HASHES, { value: hashes, enumerable: false });
  return loaded;
}

function read(file: string): Entry | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch {
    return undefined;
  }
}

function write(file: string, entry: Entry): void {
  writeWhole(file, JSON.stringify(entry));
}

/**
 * A cache file written whole or not at all (a reader never sees half of one: the rename is atomic, and
 * two processes writing at once each rename their own whole file); a cache that cannot be written is no
 * cache, not an error. The clean-up may fail as the write did (a file where the folder should be, a
 * read-only folder), so it is guarded too. Says whether the file was written.
 */
export function writeWhole(file: string, data: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written there either
    }
    return false;
  }
}
