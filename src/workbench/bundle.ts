import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * Bundles the workbench page's code (src/workbench/browser.ts, compiled) into one browser script, at
 * `npm run build` time: `truce workbench` then only inlines a file, needs no bundler at run time, and
 * every page a build writes carries the same engine. platform "browser" makes esbuild refuse anything
 * that reaches for Node (node:* modules, fs, worker threads): the browser entry imports pure modules only.
 */
export const BUNDLE_FILE = fileURLToPath(new URL('./workbench.bundle.js', import.meta.url));

export async function bundleWorkbench(outfile = BUNDLE_FILE): Promise<{ bytes: number; warnings: string[] }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./browser.js', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['es2022'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  return { bytes, warnings: result.warnings.map((w) => w.text) };
}

// `node dist/src/workbench/bundle.js`: the build step
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { bytes, warnings } = await bundleWorkbench();
  for (const w of warnings) process.stderr.write(`workbench bundle: ${w}\n`);
  process.stdout.write(`workbench bundle: ${(bytes / 1024).toFixed(0)} KiB\n`);
}
