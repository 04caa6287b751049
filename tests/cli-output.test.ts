import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  openSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, type CliResult, ROOT, runCliHere, scratch, withoutArticlesNote } from './helpers.js';

/**
 * `--out` never loses or half-writes a user's file: a target that is one of the run's own inputs (by any
 * name) is refused, as is one that can never be written; a refused or failed run leaves the folder
 * exactly as it was (no report, no .tmp file, no folder it made). And a reader that closes stdout early
 * (`| head`) ends the run quietly with exit 0.
 */

const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const EVENT = JSON.stringify({
  id: 'e1',
  kind: 'strike',
  actor: 'russia',
  target: 'ukraine',
  when: { start: '2026-02-03T01:00:00+02:00', end: '2026-02-03T02:00:00+02:00', precision: 'hour', evidence: 'test' },
  sources: [{ file: '000_5b12a92830bbfdb1.txt', line: 15 }],
  note: 'test event',
});
const EARLIER = EVENT.replace('"e1"', '"e0"').replaceAll('2026-02-03T0', '2026-02-01T0');

/** A project with the real data, an events stream, a link and a hard link to inputs. */
function project(): string {
  const dir = scratch({
    [SCENARIO]: readFileSync(path.join(ROOT, SCENARIO), 'utf8'),
    'events.ndjson': EVENT + '\n',
    'unsorted.ndjson': `${EVENT}\n${EARLIER}\n`,
    'package.json': '{ "private": true }\n',
  });
  mkdirSync(path.join(dir, 'scenarios', 'whatif'));
  writeFileSync(
    path.join(dir, 'scenarios', 'whatif', 'w.yaml'),
    'format: truce.overlay/v1\nextends: ../jan-feb-2026.yaml\nid: w\ntitle: w\nchanges:\n  - removeEvents: [talks-uae-2026-02-04]\n',
  );
  symlinkSync(path.join('seeds', 'events.yaml'), path.join(dir, 'link-to-events.yaml'));
  linkSync(path.join(dir, 'seeds', 'sources.yaml'), path.join(dir, 'hard-link-to-sources.yaml'));
  writeFileSync(path.join(dir, 'a-file'), 'not a folder\n');
  return dir;
}

/** Every path under dir with a hash of its content (links as their target): what a run must leave as it was. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    const s = statSync(p, { throwIfNoEntry: false });
    out[f] = s === undefined ? 'dangling' : s.isDirectory() ? 'dir' : createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}

const quiet = { TRUCE_CACHE: '0' };

interface Case {
  name: string;
  args: string[];
  /** the first line of stderr that is not the articles note */
  says: RegExp;
  input?: string;
}

const FIRST_LINE_READS = /^truce: --out ".*" is .*, which this run reads; writing the report there would replace it: name another file$/;

const CASES: Case[] = [
  // onto a file the run reads
  { name: 'onto the scenario', args: ['run', SCENARIO, '--out', SCENARIO], says: FIRST_LINE_READS },
  { name: 'onto the scenario, --format json', args: ['run', SCENARIO, '--format', 'json', '--out', SCENARIO], says: FIRST_LINE_READS },
  { name: 'onto a seed file', args: ['run', SCENARIO, '--out', 'seeds/events.yaml'], says: FIRST_LINE_READS },
  { name: 'onto a rule file', args: ['run', SCENARIO, '--out', 'rules/broader-attack.json'], says: FIRST_LINE_READS },
  { name: 'onto the scenario an overlay extends', args: ['run', 'scenarios/whatif/w.yaml', '--out', SCENARIO], says: FIRST_LINE_READS },
  {
    name: 'onto a seed file through a symbolic link',
    args: ['run', SCENARIO, '--out', 'link-to-events.yaml'],
    says: /^truce: --out "link-to-events.yaml" is seeds\/events.yaml, which this run reads/,
  },
  {
    name: 'onto a seed file through a hard link',
    args: ['run', SCENARIO, '--out', 'hard-link-to-sources.yaml'],
    says: /^truce: --out "hard-link-to-sources.yaml" is seeds\/sources.yaml, which this run reads/,
  },
  {
    name: 'onto the scenario by another spelling of its path',
    args: ['run', SCENARIO, '--out', './scenarios/../scenarios/jan-feb-2026.yaml'],
    says: FIRST_LINE_READS,
  },
  { name: 'compare onto the scenario', args: ['compare', SCENARIO, '--out', SCENARIO], says: FIRST_LINE_READS },
  {
    name: 'onto the events stream (ndjson out)',
    args: ['run', SCENARIO, '--events', 'events.ndjson', '--format', 'ndjson', '--out', 'events.ndjson'],
    says: /^truce: --out "events.ndjson" is events.ndjson, which this run reads/,
  },
  {
    name: 'onto the events stream (report out)',
    args: ['run', SCENARIO, '--events', 'events.ndjson', '--format', 'json', '--out', 'events.ndjson'],
    says: /^truce: --out "events.ndjson" is events.ndjson, which this run reads/,
  },
  {
    name: 'onto the file stdin is read from',
    args: ['run', SCENARIO, '--events', '-', '--format', 'ndjson', '--out', 'events.ndjson'],
    says: /^truce: --out "events.ndjson" is \(stdin\), which this run reads/,
    input: 'events.ndjson',
  },
  { name: 'onto the scenario, streaming', args: ['run', SCENARIO, '--format', 'ndjson', '--out', SCENARIO], says: FIRST_LINE_READS },
  // that can never be written
  { name: 'to a folder', args: ['run', SCENARIO, '--out', 'seeds'], says: /^truce: --out "seeds" is a folder; name a file in it/ },
  {
    name: 'to a folder that is not there yet, written as one',
    args: ['run', SCENARIO, '--out', 'reports/'],
    says: /^truce: --out "reports\/" is a folder; name a file in it/,
  },
  { name: "to ''", args: ['run', SCENARIO, '--out', ''], says: /^truce: --out needs a file name/ },
  { name: "to '' (stream)", args: ['run', SCENARIO, '--format', 'ndjson', '--out', ''], says: /^truce: --out needs a file name/ },
  {
    name: 'under /proc',
    args: ['run', SCENARIO, '--out', '/proc/truce-report.txt'],
    says: /^truce: --out "\/proc\/truce-report.txt" is under \/proc, a system folder/,
  },
  {
    name: 'in folders to make under /proc (once an endless loop in mkdir -p)',
    args: ['run', SCENARIO, '--format', 'ndjson', '--out', '/proc/truce/a/b.ndjson'],
    says: /^truce: --out "\/proc\/truce\/a\/b.ndjson" is under \/proc, a system folder/,
  },
  { name: 'to a device', args: ['run', SCENARIO, '--out', '/dev/null'], says: /^truce: --out "\/dev\/null" is not a regular file/ },
  {
    name: 'under a path whose parent is a file',
    args: ['run', SCENARIO, '--out', 'a-file/report.txt'],
    says: /^truce: --out "a-file\/report.txt": .*a-file is a file, not a folder/,
  },
  {
    name: 'further under a file',
    args: ['compare', SCENARIO, '--out', 'a-file/x/y/report.txt'],
    says: /^truce: --out "a-file\/x\/y\/report.txt": .*a-file is a file, not a folder/,
  },
  // a run that fails after the stream's file was opened, in folders it had to make
  {
    name: 'a stream that fails on its second line, into new folders',
    args: ['run', SCENARIO, '--events', 'unsorted.ndjson', '--format', 'ndjson', '--out', 'new/deeper/out.ndjson'],
    says: /^unsorted.ndjson:2:1 .*\[E_STREAM_ORDER\]$/,
  },
  {
    name: 'a report run that fails after the checks, into new folders',
    args: ['run', SCENARIO, '--interpretation', 'nope', '--out', 'new/deeper/out.txt'],
    says: /^truce: no interpretation "nope"/,
  },
];

const dirs: string[] = [];
afterAll(() => {
  // no temporary file anywhere a case could have written one
  for (const d of dirs) expect((readdirSync(d, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  expect(existsSync('/proc/truce')).toBe(false);
});

describe('--out that must be refused: exit 2, a located message, nothing written or left behind', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const dir = project();
      dirs.push(dir);
      const before = snapshot(dir);
      let r: CliResult;
      if (c.input !== undefined) {
        // stdin from the file itself (`< events.ndjson`), not a copy through a pipe: a process of its own
        const stdin = openSync(path.join(dir, c.input), 'r');
        const p = spawnSync(process.execPath, [CLI, ...c.args], {
          cwd: dir,
          encoding: 'utf8',
          stdio: [stdin, 'pipe', 'pipe'],
          env: { ...process.env, ...quiet },
          timeout: 30_000,
        });
        closeSync(stdin);
        r = { code: p.status, stdout: p.stdout, stderr: p.stderr };
      } else {
        // the environment the spawned CLI had: the test runner's TRUCE_ARTICLES, not helpers' ARTICLES
        r = await runCliHere(c.args, { cwd: dir, env: { ...quiet, TRUCE_ARTICLES: process.env.TRUCE_ARTICLES } });
      }
      const stderr = withoutArticlesNote(r.stderr);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(stderr.split('\n')[0]).toMatch(c.says);
      expect(stderr).not.toMatch(/\n\s+at |internal error/);
      expect(snapshot(dir)).toEqual(before);
    });
  }
});

describe('--out into a folder the run may not write', () => {
  const root = process.getuid?.() === 0;
  // root writes anywhere: run the CLI as nobody, for whom a mode-555 folder is read-only
  const asUser = root ? { uid: 65534, gid: 65534 } : {};

  for (const [name, out] of [
    ['into a read-only folder', 'ro/report.txt'],
    ['into a folder to make inside a read-only one', 'ro/sub/report.txt'],
  ] as const) {
    it(name, () => {
      const dir = project();
      dirs.push(dir);
      mkdirSync(path.join(dir, 'ro'));
      chmodSync(path.join(dir, 'ro'), 0o555);
      chmodSync(dir, 0o755);
      const before = snapshot(dir);
      const r = spawnSync(process.execPath, [CLI, 'run', SCENARIO, '--out', out], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...quiet },
        ...asUser,
      });
      expect(r.status, r.stderr).toBe(2);
      expect(withoutArticlesNote(r.stderr).split('\n')[0]).toMatch(
        /^truce: --out ".*": cannot write in .*ro \(permission denied\); nothing was written/,
      );
      expect(snapshot(dir)).toEqual(before);
    });
  }

  // chattr +i stops even root; it needs root and a file system that has the flag
  const chattr = root && spawnSync('chattr', ['--help']).error === undefined;
  it.skipIf(!chattr)('into an immutable folder (chattr +i)' + (chattr ? '' : ' (skipped: needs root and chattr)'), () => {
    const dir = project();
    dirs.push(dir);
    const imm = path.join(dir, 'immutable');
    mkdirSync(imm);
    if (spawnSync('chattr', ['+i', imm]).status !== 0) return; // the file system has no such flag: nothing to test here
    try {
      const before = snapshot(dir);
      for (const args of [
        ['run', SCENARIO, '--out', 'immutable/r.txt'],
        ['run', SCENARIO, '--format', 'ndjson', '--out', 'immutable/sub/r.ndjson'],
      ]) {
        const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...quiet } });
        expect(r.status, r.stderr).toBe(2);
        expect(withoutArticlesNote(r.stderr).split('\n')[0]).toMatch(
          /^truce: (cannot write --out ".*": not permitted|--out ".*": cannot write in .*immutable).*; nothing was written/,
        );
        expect(snapshot(dir)).toEqual(before);
      }
    } finally {
      spawnSync('chattr', ['-i', imm]);
    }
  });
});

describe('--out that is fine', () => {
  it('makes the folders it needs, and writes the report whole', async () => {
    const dir = project();
    const r = await runCliHere(['run', SCENARIO, '--format', 'json', '--out', 'reports/2026/run.json'], { cwd: dir, env: quiet });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports', '2026', 'run.json'), 'utf8')).format).toBe('truce.run/v1');
    expect(readdirSync(path.join(dir, 'reports', '2026'))).toEqual(['run.json']);
  });
  it('replaces an earlier report (not an input) in place', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'old.txt'), 'an earlier report\n');
    const r = await runCliHere(['run', SCENARIO, '--out', 'old.txt'], { cwd: dir, env: quiet });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'old.txt'), 'utf8')).toMatch(/\[jan-feb-2026\]$/m);
  });
  it('- is stdout', async () => {
    const r = await runCliHere(['run', SCENARIO, '--format', 'json', '--out', '-'], { env: quiet });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe('truce.run/v1');
  });
});

describe('a reader that closes stdout early (`truce ... | head`)', () => {
  /** Runs the CLI with a stdout pipe whose reading end is closed at once: every write meets EPIPE. */
  function closedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const c = spawn(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...quiet },
      });
      c.stdout.destroy();
      let stderr = '';
      c.stderr.on('data', (d) => (stderr += d));
      c.on('close', (code) => resolve({ code, stderr }));
    });
  }
  for (const args of [
    ['run', SCENARIO],
    ['run', SCENARIO, '--format', 'json'],
    ['run', SCENARIO, '--format', 'ndjson'],
    ['compare', SCENARIO],
    ['validate', 'seeds'],
  ]) {
    it(`truce ${args.join(' ')}: exit 0, nothing on stderr but notes`, async () => {
      const r = await closedStdout(args);
      expect(r.code, r.stderr).toBe(0);
      expect(withoutArticlesNote(r.stderr)).toBe('');
    });
  }
});
