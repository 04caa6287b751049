#!/usr/bin/env node
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/**
 * The start of the CLI's bundle (dist/cli/main.js, built from this file by tools/bundleCli.ts): it runs
 * dist/cli/truce.cjs, the whole CLI in one CommonJS file, through V8's code cache. node 20 has no compile
 * cache for modules (`module.enableCompileCache` is node 22), but a `vm.Script` takes the code V8 compiled
 * in an earlier run (`cachedData`): with it V8 neither parses the bundle nor compiles the functions that
 * run, which is about a fifth of a cached start (README, "Cold start"). The cache is code, never data: it
 * changes no output, and V8 itself refuses an entry of another V8 or other flags (then it is written again).
 *
 * Entries go where the scenario cache goes ($TRUCE_CACHE_DIR, else node_modules/.cache/truce above the
 * working folder; none with TRUCE_CACHE=0), one per build, node and command: which functions run
 * depends on the command, and an entry holds what the run that wrote it compiled. Imports nothing of ours,
 * so that it costs nothing before the bundle.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const BUNDLE = path.join(here, 'truce.cjs');
const COMMANDS = new Set([
  'validate',
  'run',
  'ingest',
  'compare',
  'diff',
  'sweep',
  'sample',
  'merge',
  'test',
  'explain',
  'graph',
  'workbench',
  'import',
]);

const PREFIX = 'code-';
/** set in the environment of the worker thread src/cli/main.ts runs a stream in */
const STREAM_WORKER = 'TRUCE_STREAM_WORKER';

/** The command of a call: the first argument that names one (global options come before it). */
function commandOf(args: readonly string[]): string {
  return args.find((a) => COMMANDS.has(a)) ?? 'other';
}

/** Where this build's entry for this command goes; undefined: no code cache. */
function cacheFile(args: readonly string[]): string | undefined {
  if (process.env.TRUCE_CACHE === '0') return undefined;
  let build: string;
  try {
    build = readFileSync(path.join(here, '..', 'build-id.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
  // a stream's worker thread runs this file too, with the same arguments: its own entry (no '-' in the
  // suffix, which ends the part of the name that tells a build's entries), so neither overwrites the other's
  // (told by the variable src/cli/main.ts gives that worker, not by node:worker_threads, whose loading
  // costs every start about 3 ms of CPU)
  const name = `${PREFIX}${build}-${process.version}-${process.arch}-${commandOf(args)}${process.env[STREAM_WORKER] === '1' ? '+worker' : ''}.bin`;
  if (process.env.TRUCE_CACHE_DIR) return path.join(path.resolve(process.env.TRUCE_CACHE_DIR), name);
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    try {
      if (statSync(path.join(dir, 'node_modules')).isDirectory()) return path.join(dir, 'node_modules', '.cache', 'truce', name);
    } catch {
      // no node_modules here: look further up
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function startedAsProgram(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// only a run as the program reads or writes entries (not the tests, which import this file for `main`)
const file = startedAsProgram() ? cacheFile(process.argv.slice(2)) : undefined;
/**
 * An entry's first byte tells whether the run that wrote it loaded a scenario afresh (FULL: its code
 * holds the loader, YAML and zod) or was served by the scenario cache (only what such a run compiles).
 * A run that loads afresh while its entry lacks the loader writes the entry again, with both: otherwise
 * every `--no-cache` run, and the first after an edit, compiled the loader anew (the entry of every command
 * but the first after a build came from a run served by the cache). The larger entry costs a cached run
 * nothing measurable (V8 deserialises a megabyte in about 5 ms).
 */
const FULL = 0x46;
const SERVED = 0x53;
const LOADER_RAN = Symbol.for('truce.loaderRan'); // set by src/load/loadScenario.ts
let cachedData: Buffer | undefined;
let full = false;
if (file !== undefined)
  try {
    const bytes = readFileSync(file);
    if (bytes[0] === FULL || bytes[0] === SERVED) {
      full = bytes[0] === FULL;
      cachedData = bytes.subarray(1);
    }
  } catch {
    // none yet: written after this run
  }
// main.ts's `#!` line, which esbuild keeps, is no JavaScript inside a function
// Latin-1: the bundle is ASCII (tools/bundleCli.ts checks), and Latin-1 is read without decoding
const source = readFileSync(BUNDLE, 'latin1').replace(/^#!/, '//');
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __truceMain, __truceImport) {${source}\n})`, {
  filename: BUNDLE,
  // no importModuleDynamically: the bundle calls no import() (tools/bundleCli.ts checks)
  ...(cachedData !== undefined ? { cachedData } : {}),
});
if (file !== undefined)
  // at exit: the entry then holds every function this run compiled, not only the bundle's top level
  process.once('exit', (code) => {
    // a load that failed (bad input) may have stopped before compiling all of the loader: not FULL, so the
    // next successful load writes the entry again
    const loaded = (globalThis as Record<symbol, unknown>)[LOADER_RAN] === true && code === 0;
    if (cachedData !== undefined && script.cachedDataRejected !== true && (full || !loaded)) return;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      // accepted, the entry's functions are compiled in this run too: the new one holds both
      writeFileSync(tmp, Buffer.concat([Buffer.of(loaded ? FULL : SERVED), script.createCachedData()]));
      renameSync(tmp, file);
      // entries of other builds or nodes are never read again: each is about a megabyte
      const mine = path.basename(file).slice(0, path.basename(file).lastIndexOf('-') + 1);
      for (const f of readdirSync(path.dirname(file)))
        if (f.startsWith(PREFIX) && f.endsWith('.bin') && !f.startsWith(mine)) rmSync(path.join(path.dirname(file), f), { force: true });
    } catch {
      // the clean-up fails as the write did where the folder is a file: no cache, not an error at exit
      try {
        rmSync(`${file}.${process.pid}.tmp`, { force: true });
      } catch {}
    }
  });
const mod = { exports: {} as { main: (args: readonly string[], io?: unknown) => Promise<number> } };
(script.runInThisContext() as (...a: unknown[]) => void)(
  mod.exports,
  createRequire(BUNDLE),
  mod,
  BUNDLE,
  here,
  import.meta.url,
  // what the bundle leaves to node as ES modules (the HTML report, tools/bundleCli.ts OUTSIDE)
  (url: string) => import(url),
);

/** The CLI's `main` (src/cli/main.ts), for the tests that call it in-process. */
export const main = mod.exports.main;
