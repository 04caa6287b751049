import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The README's library snippet, run as a user runs it: from a project of their own that depends on
 * truce. `npm pack` (the build is the one the suite's global setup keeps current), the tarball
 * installed into a new package in a temporary folder, the snippet copied from the README into a file
 * there and run with node. Offline: the new package gets a lockfile naming the versions of truce's own
 * lockfile (tarballs npm already has in its cache; a bare `npm install --offline` would need the
 * registry's package lists, which the cache need not hold).
 */

/** The ```ts block of the README's Library section, verbatim. */
function readmeSnippet(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Library\n'));
  const m = /```ts\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README.md has no ```ts block under ## Library');
  return m[1]!;
}

/** A lockfile for a package depending only on the tarball: truce's runtime dependencies, as truce's lockfile pins them. */
function lockFor(tgz: string): object {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; version?: string; dependencies?: object; bin?: object; engines?: object; license?: string }>;
  };
  const own = lock.packages['']!;
  const packages: Record<string, object> = {
    '': { name: 'app', dependencies: { truce: `file:${tgz}` } },
    'node_modules/truce': {
      version: own.version,
      resolved: `file:${tgz}`,
      dependencies: own.dependencies,
      bin: own.bin,
      engines: own.engines,
      license: own.license,
    },
  };
  for (const [k, v] of Object.entries(lock.packages)) if (k !== '' && v.dev !== true) packages[k] = v;
  return { name: 'app', lockfileVersion: 3, requires: true, packages };
}

const npm = (args: string[], cwd: string) => {
  const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  expect(r.status, `npm ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
};

describe('the library from a project that depends on truce', () => {
  it('the README snippet runs there and prints the final state under the kyiv reading', { timeout: 180_000 }, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-dependent-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const app = path.join(dir, 'app');
    mkdirSync(app);
    const dep = `file:../${tgz}`;
    writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { truce: dep } }, null, 2),
    );
    writeFileSync(path.join(app, 'package-lock.json'), JSON.stringify(lockFor(`../${tgz}`), null, 2));
    npm(['ci', '--offline'], app);

    writeFileSync(path.join(app, 'snippet.mjs'), readmeSnippet());
    // from the dependent project's folder, and from a folder below it: nothing depends on the working folder
    for (const cwd of [app, path.join(app, 'node_modules')]) {
      const r = spawnSync(process.execPath, [path.join(app, 'snippet.mjs')], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, TRUCE_ARTICLES: path.join(dir, 'no-articles') },
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      // kyiv's reading: the strike of 2-3 February breaks it and the plan's deadlines pass (README, "What truce run finds")
      expect(r.stdout).toBe('collapsed\n');
    }
  });
});
