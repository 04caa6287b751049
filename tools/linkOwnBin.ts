/**
 * Links the project's own bin into node_modules/.bin, as npm does for every dependency but never for
 * the project itself. Without it, the first `npx truce ...` in a fresh clone finds no `truce` there,
 * installs the project into npm's npx cache and builds it all over again (22 s and more); with it,
 * npx starts dist/src/cli/main.js at once. Run by `npm run prepare` (so by `npm install`), after the
 * build. A failure to link is no failure of the install: `node dist/src/cli/main.js` still works.
 */
import { lstatSync, mkdirSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// the project folder: an argument, else the package this file was built in (dist/tools -> ..)
const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
const binDir = path.join(root, 'node_modules', '.bin');
try {
  mkdirSync(binDir, { recursive: true });
  for (const [name, target] of Object.entries(pkg.bin ?? {})) {
    const link = path.join(binDir, name);
    if (lstatSync(link, { throwIfNoEntry: false }) !== undefined) unlinkSync(link);
    symlinkSync(path.relative(binDir, path.join(root, target)), link);
  }
} catch (e) {
  console.warn(`note: could not link node_modules/.bin (${(e as Error).message}); run the CLI with node dist/src/cli/main.js`);
}
