/**
 * Writes the JSON Schemas of the file formats to schemas/ (`npm run schemas`), for editor support:
 * shipped YAML files start with `# yaml-language-server: $schema=../schemas/<format>.schema.json`.
 * Deterministic (the same zod schemas give the same bytes), so the committed files can be checked
 * for staleness by tests/schemas.test.ts.
 *
 * Usage: node dist/tools/writeSchemas.js [outDir]   (outDir defaults to <package root>/schemas)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas, schemaText } from '../src/schema/jsonSchemas.js';

/**
 * The package root: the nearest folder above this file with a package.json, from tools/ and from
 * dist/tools/ alike. dist/ itself is passed over: tsc copies package.json there (src/version.ts imports it).
 */
export function packageRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'dist' && existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Writes every schema into `outDir`; returns the files written and whether each changed. */
export function writeSchemas(outDir: string): { file: string; changed: boolean }[] {
  mkdirSync(outDir, { recursive: true });
  return Object.entries(jsonSchemas()).map(([name, schema]) => {
    const file = path.join(outDir, name);
    const text = schemaText(schema);
    const changed = !existsSync(file) || readFileSync(file, 'utf8') !== text;
    // leave unchanged files alone, so their mtime (and make-style tools) see no change
    if (changed) writeFileSync(file, text);
    return { file, changed };
  });
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const outDir = path.resolve(process.argv[2] ?? path.join(packageRoot(), 'schemas'));
  for (const { file, changed } of writeSchemas(outDir)) {
    process.stdout.write(`${changed ? 'wrote' : 'unchanged'} ${path.relative(process.cwd(), file) || file}\n`);
  }
}
