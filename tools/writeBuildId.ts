/**
 * Writes dist/build-id.txt: a hash of the compiled code, so that a cached load (src/load/loadCache.ts)
 * is used only by the very build that made it. Run by `npm run build` after tsc and the CLI's bundle.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hash = createHash('sha256');
// the CLI's bundle (dist/cli, tools/bundleCli.ts, truce.cjs included) too: it also holds the dependencies'
// code, and V8 checks a code-cache entry against its source by length only
for (const dir of ['src', 'cli']) {
  const files = (readdirSync(path.join(dist, dir), { recursive: true }) as string[]).filter((f) => /\.c?js$/.test(f)).sort();
  for (const f of files)
    hash
      .update(path.posix.join(dir, f.split(path.sep).join('/')))
      .update('\0')
      .update(readFileSync(path.join(dist, dir, f)))
      .update('\0');
}
writeFileSync(path.join(dist, 'build-id.txt'), hash.digest('hex').slice(0, 32) + '\n');
