/**
 * Bundles the compiled CLI (dist/src/cli/main.js and all it imports, our modules and the dependencies)
 * into dist/cli/, run by `npm run build` after tsc:
 * - truce.cjs: the whole CLI as one CommonJS file. Started from dist/src, node opened, resolved and
 *   compiled about 50 of our files and hundreds of commander, luxon, xstate, zod and yaml; CommonJS
 *   because node 20 gives V8's code cache to a `vm.Script` but not to an ES module. A command's lazy
 *   imports stay lazy: esbuild runs a module the first time it is imported.
 * - main.js: src/cli/bin.ts, which runs truce.cjs through the code cache (the bin, `./truce`).
 * - sampleWorker.js: the Monte Carlo worker, on its own.
 *
 * The library (`import('truce')`) keeps using dist/src; the bundle is built from those very files.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = path.join(DIST, 'cli');

/**
 * Modules whose import.meta.url must be the URL of the CLI's start (dist/cli/main.js): the CLI checks
 * that it was started as the program and starts itself again in a worker for a stream; the sampler
 * starts `./sampleWorker.js` next to it.
 */
const MAIN_URL = new Set(['src/cli/main.js', 'src/sample/sample.js']);

/**
 * Modules the bundle leaves to node, as ES modules from dist/src: the HTML reports draw their timeline
 * with vega, whose node build awaits at its top level (for the optional `canvas` package), which
 * CommonJS cannot require. They come through bin.ts's own import() (`__truceImport`).
 */
const OUTSIDE = new Set(['src/report/runHtml.js', 'src/report/compareHtml.js']);

/**
 * CommonJS has no import.meta. Every module finds its files (the shipped scenarios, seeds, the workbench
 * page, the build id) relative to where tsc put it, so its import.meta.url becomes that place, reckoned
 * from the start's URL (`__truceMain`, which bin.ts passes in): the package can still be moved or
 * installed anywhere.
 */
const importMetaUrl: Plugin = {
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const rel = path.relative(DIST, args.path).split(path.sep).join('/');
      if (!rel.startsWith('src/')) return undefined;
      const fromBundle = (file: string) => JSON.stringify(path.relative(BUNDLE_DIR, file).split(path.sep).join('/'));
      const url = MAIN_URL.has(rel) ? '__truceMain' : `new URL(${fromBundle(args.path)}, __truceMain).href`;
      const code = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', url)
        .replace(/\bimport\((['"])(\.[^'"]+)\1\)/g, (call, _q, spec: string) => {
          const target = path.resolve(path.dirname(args.path), spec);
          const targetRel = path.relative(DIST, target).split(path.sep).join('/');
          return OUTSIDE.has(targetRel) ? `__truceImport(new URL(${fromBundle(target)}, __truceMain).href)` : call;
        });
      return { contents: code, loader: 'js' };
    });
  },
};

/**
 * node gives a dynamic `import()` of a CommonJS package its named exports (`const { Engine } = await
 * import('json-rules-engine')`) and module.exports as default; esbuild's namespace of a package that sets
 * `__esModule` has a different default. This gives our lazy imports what node gives them.
 */
const cjsAsNode: Plugin = {
  name: 'cjs-as-node',
  setup(b) {
    const require = createRequire(import.meta.url);
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      // only our own lazy imports; what dependencies import among themselves esbuild wires as they expect
      if (args.kind !== 'dynamic-import' || !args.importer.startsWith(path.join(DIST, 'src'))) return undefined;
      // node's own modules too: an import() left in the bundle would need a loader for vm.Script (bin.ts),
      // which on node 20 is experimental and fails once the script comes from the code cache
      if (args.path.startsWith('node:')) return { path: args.path, namespace: 'cjs-as-node' };
      let file: string;
      try {
        file = require.resolve(args.path, { paths: [args.resolveDir] });
      } catch {
        return undefined;
      }
      if (!/\.c?js$/.test(file) || /^\s*(import|export)\s/m.test(readFileSync(file, 'utf8'))) return undefined;
      return { path: file, namespace: 'cjs-as-node' };
    });
    b.onLoad({ filter: /.*/, namespace: 'cjs-as-node' }, (args) => {
      const names = Object.keys(require(args.path) as object).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      return {
        contents: `const m = require(${JSON.stringify(args.path)});\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`,
        resolveDir: args.path.startsWith('node:') ? DIST : path.dirname(args.path),
        loader: 'js',
      };
    });
  },
};

/**
 * commander requires node:child_process at its top, for subcommands that are executables of their own,
 * which truce has none of; node:child_process loads net, dgram, streams and more: about 6 ms of CPU of
 * every start (README, "Cold start"). Here it is required when first used, if ever. The replaced line is
 * checked, so a commander that changes it fails the build instead of quietly loading it again.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!code.includes(eager)) throw new Error(`cli bundle: ${args.path} no longer has the line ${eager}`);
      return {
        // every member read goes to the real module (a later commander may use more than spawn)
        contents: code.replace(eager, "const childProcess = new Proxy({}, { get: (_, k) => require('node:child_process')[k] });"),
        loader: 'js',
      };
    });
  },
};

/**
 * zod's classic API exports every locale's error messages (`z.locales`, about 40 languages, 300 KB, a
 * sixth of the bundle); truce words its errors in English only, zod's default, set from `locales/en.js`
 * directly. Only English is bundled: every start reads, and V8's code cache holds, 300 KB less (README,
 * "Cold start"). `z.locales` then has `en` alone; nothing of truce's uses the others.
 */
/** set when englishOnly rewrote zod's locales: if zod moves that file, the build says so rather than ship them all */
let englishOnlyRan = false;

const englishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => {
      englishOnlyRan = true;
      const code = readFileSync(args.path, 'utf8');
      const en = 'export { default as en } from "./en.js";';
      if (!code.includes(en)) throw new Error(`cli bundle: ${args.path} no longer has the line ${en}`);
      return { contents: `${en}\n`, resolveDir: path.dirname(args.path), loader: 'js' };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: ['node20'],
  // fewer bytes to read and parse; names are kept as they are (messages and stack traces show them)
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // ASCII (esbuild escapes the rest in strings; bundleCli escapes what is left): bin.ts reads the file as
  // Latin-1, which node copies without decoding, and V8 keeps it as a one-byte string (reading 1.7 MB as
  // UTF-8 was 12 ms of a cached start)
  charset: 'ascii',
  metafile: true,
  logLevel: 'silent',
};

/**
 * main.js (the bin) and sampleWorker.js as CommonJS, under a package.json of their own that says so:
 * node starts an ES module through its ES loader, which a CommonJS start never loads, about 7 ms of CPU
 * of every start (README, "Cold start"). Each keeps its own import.meta.url, its file's URL; the bin's
 * import() of the HTML reports stays an import() (node runs it from CommonJS too).
 */
const asCommonJs: BuildOptions = {
  format: 'cjs',
  define: { 'import.meta.url': '__truceSelfUrl' },
  banner: { js: "'use strict'; var __truceSelfUrl = require('node:url').pathToFileURL(__filename).href;" },
};

export async function bundleCli(): Promise<{ files: number; bytes: number; warnings: string[] }> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  const results = await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(DIST, 'src/cli/main.js')],
      outfile: path.join(BUNDLE_DIR, 'truce.cjs'),
      format: 'cjs',
      // only runHtml.js (OUTSIDE) draws with them
      external: ['vega', 'vega-lite'],
      plugins: [importMetaUrl, cjsAsNode, lazyChildProcess, englishOnly],
    }),
    build({ ...common, ...asCommonJs, entryPoints: [path.join(DIST, 'src/cli/bin.js')], outfile: path.join(BUNDLE_DIR, 'main.js') }),
    build({
      ...common,
      ...asCommonJs,
      entryPoints: [path.join(DIST, 'src/sample/sampleWorker.js')],
      outfile: path.join(BUNDLE_DIR, 'sampleWorker.js'),
    }),
  ]);
  if (!englishOnlyRan) throw new Error("cli bundle: zod's locales index was not found; update englishOnly");
  // dist/cli's .js files are CommonJS whatever the package's "type" says (see asCommonJs)
  writeFileSync(path.join(BUNDLE_DIR, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
  const cjsFile = path.join(BUNDLE_DIR, 'truce.cjs');
  // esbuild leaves regular expressions as written (a few hold curly quotes and dashes): as \u escapes they
  // match the same, and the file is ASCII, which bin.ts reads as Latin-1 without decoding
  const cjs = readFileSync(cjsFile, 'utf8').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // checked before it is written back: a failed build leaves no bundle that bin.ts would run
  const left = /[^\w$.]import\(\s*["'`]([^"'`]*)/.exec(cjs);
  const vega = /require\(["']vega[^"']*["']\)/.exec(cjs);
  if (left || vega) rmSync(cjsFile, { force: true });
  if (left) throw new Error(`cli bundle: truce.cjs still calls import(${JSON.stringify(left[1])}), which bin.ts cannot serve`);
  if (vega) throw new Error(`cli bundle: truce.cjs calls ${vega[0]}: a module that reaches vega must be in OUTSIDE`);
  writeFileSync(cjsFile, cjs);
  const outputs = results.flatMap((r) => Object.values(r.metafile?.outputs ?? {}));
  return {
    files: outputs.length,
    bytes: outputs.reduce((n, o) => n + o.bytes, 0),
    warnings: results.flatMap((r) => r.warnings.map((w) => w.text)),
  };
}

// `node dist/tools/bundleCli.js`: the build step
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { files, bytes, warnings } = await bundleCli();
  for (const w of warnings) process.stderr.write(`cli bundle: ${w}\n`);
  process.stdout.write(`cli bundle: ${files} files, ${(bytes / 1024).toFixed(0)} KiB\n`);
}
