/**
 * Bundles the compiled CLI (dist/src/cli/main.js and what it imports, our modules and the dependencies)
 * into dist/cli/: one entry file plus one chunk per lazily loaded command, shared code in shared chunks.
 * Run by `npm run build` after tsc. Why: started from dist/src, node opened, resolved and compiled about
 * 50 of our files and several hundred of commander, luxon, xstate, zod and yaml before a command ran;
 * from the bundle it reads a handful of files (README, "Cold start").
 *
 * The library (`import('truce')`) and the in-process tests keep using dist/src; the bundle is built from
 * those very files, so both run the same code.
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = path.join(DIST, 'cli');

/**
 * Modules whose import.meta.url must stay the bundle's own: the CLI (it checks that it was started as the
 * program and starts itself in a worker for a stream) and the sampler (its worker, `./sampleWorker.js`,
 * is an entry of this bundle too, next to the chunk that starts it).
 */
const OWN_URL = new Set(['src/cli/main.js', 'src/sample/sample.js']);

/**
 * Every other module finds its files (the shipped scenarios, seeds, the workbench page, the build id)
 * relative to where tsc put it, so its import.meta.url becomes that place, reckoned from the chunk it
 * ends up in (all chunks share one folder): the package can still be moved or installed anywhere.
 */
const keepImportMetaUrl: Plugin = {
  name: 'keep-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const rel = path.relative(DIST, args.path).split(path.sep).join('/');
      if (!rel.startsWith('src/')) return undefined;
      const code = readFileSync(args.path, 'utf8');
      if (OWN_URL.has(rel) || !code.includes('import.meta.url')) return { contents: code, loader: 'js' };
      const fromBundle = path.relative(BUNDLE_DIR, args.path).split(path.sep).join('/');
      return { contents: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

/**
 * node gives a dynamic `import()` of a CommonJS package its named exports (`const { Engine } = await
 * import('json-rules-engine')`); esbuild's chunk of such a package exports only `default`. This gives
 * the chunk the names node would find, read from the package itself at build time.
 */
const cjsNamedExports: Plugin = {
  name: 'cjs-named-exports',
  setup(b) {
    const require = createRequire(import.meta.url);
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      // only our own lazy imports; what dependencies import among themselves esbuild wires as they expect
      if (args.kind !== 'dynamic-import' || args.path.startsWith('node:') || !args.importer.startsWith(path.join(DIST, 'src')))
        return undefined;
      const file = require.resolve(args.path, { paths: [args.resolveDir] });
      if (!file.endsWith('.js') && !file.endsWith('.cjs')) return undefined;
      if (readFileSync(file, 'utf8').match(/^\s*(import|export)\s/m)) return undefined;
      return { path: file, namespace: 'cjs-named', pluginData: args.path };
    });
    b.onLoad({ filter: /.*/, namespace: 'cjs-named' }, (args) => {
      const names = Object.keys(require(args.path) as object).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      return {
        // as node: default is module.exports whatever its __esModule says
        contents: `const m = require(${JSON.stringify(args.path)});\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`,
        resolveDir: path.dirname(args.path),
        loader: 'js',
      };
    });
  },
};

export async function bundleCli(): Promise<{ files: number; bytes: number; warnings: string[] }> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  const result = await build({
    entryPoints: { main: path.join(DIST, 'src/cli/main.js'), sampleWorker: path.join(DIST, 'src/sample/sampleWorker.js') },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: ['node20'],
    outdir: BUNDLE_DIR,
    chunkNames: 'chunk-[hash]',
    // CommonJS dependencies (commander, json-rules-engine) call require for node's own modules
    banner: { js: "import { createRequire as __truceRequire } from 'node:module'; const require = __truceRequire(import.meta.url);" },
    // fewer bytes to read and parse; names are kept as they are (messages and stack traces show them)
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'silent',
    plugins: [keepImportMetaUrl, cjsNamedExports],
  });
  const outputs = Object.values(result.metafile.outputs);
  return { files: outputs.length, bytes: outputs.reduce((n, o) => n + o.bytes, 0), warnings: result.warnings.map((w) => w.text) };
}

// `node dist/tools/bundleCli.js`: the build step
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { files, bytes, warnings } = await bundleCli();
  for (const w of warnings) process.stderr.write(`cli bundle: ${w}\n`);
  process.stdout.write(`cli bundle: ${files} files, ${(bytes / 1024).toFixed(0)} KiB\n`);
}
