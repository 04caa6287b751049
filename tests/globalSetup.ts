import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Before any test file: the CLI tests spawn the compiled CLI in dist/, so `vitest` on its own would test
 * whatever was built last. Build when any source the build reads is newer than the last build's stamp
 * (dist/build-id.txt, written last by `npm run build`); otherwise cost nothing. And say, once and
 * visibly, when the articles are absent and the checks of the shipped data against them are skipped.
 * Every scratch folder a test makes (and every CLI it spawns) lands in one folder of this run, removed when
 * the run ends: the scratch projects alone left about 6 GB in the system's temp folder over a day of runs.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(ROOT, 'dist', 'build-id.txt');
const INPUTS = ['src', 'bench', 'tools', 'tsconfig.json', 'package.json'];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

export function buildIsStale(): boolean {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.some((i) => newest(path.join(ROOT, i)) > built);
}

export default function setup(): () => void {
  if (buildIsStale()) {
    console.log('dist/ is older than the sources: npm run build');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status ?? r.signal}): the CLI tests would test stale code`);
  }
  const articles = path.resolve(ROOT, process.env.TRUCE_ARTICLES ?? '../shared/seeds');
  if (!existsSync(articles)) {
    console.log(
      `note: no articles at ${articles}: the checks of the shipped data against them are skipped (their names say so); set TRUCE_ARTICLES to run them`,
    );
  }
  // os.tmpdir() reads TMPDIR on each call, and the test workers and spawned CLIs inherit it
  const scratchRoot = mkdtempSync(path.join(tmpdir(), 'truce-tests-'));
  // mkdtemp makes it 0700: run as root, tests/cli-output.test.ts runs the CLI as nobody (for whom a
  // read-only folder is read-only), who must be able to reach its project folder in here
  chmodSync(scratchRoot, 0o755);
  process.env.TMPDIR = scratchRoot;
  return () => rmSync(scratchRoot, { recursive: true, force: true });
}
