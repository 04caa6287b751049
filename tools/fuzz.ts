/**
 * `npm run fuzz`: seeded random mutations of every shipped data file (scenarios, what-ifs, seeds, rules),
 * each run through `truce validate` and `truce run` as a user would (a process each, in a scratch copy of
 * the project). Prints counts by exit code; fails on any exit 3, any stack trace, any run over the time
 * limit, and any file written or left behind in the project.
 *
 *   npm run fuzz                     40 mutants, seed 1 (under a minute on two idle cores)
 *   npm run fuzz -- --count 500 --seed 7 --timeout 20000 --jobs 2
 *   FUZZ_COUNT=500 FUZZ_SEED=7 npm run fuzz
 *   npm run fuzz -- --only 17        just mutant 17 of that seed, and keep its folder
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';
import { parse, stringify } from 'yaml';
import { mutate, type Pick } from './mutateData.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');

function option(name: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const text = i >= 0 ? process.argv[i + 1] : process.env[env];
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`fuzz: --${name} (${env}) must be a whole number, got "${text}"`);
    process.exit(2);
  }
  return n;
}

const COUNT = option('count', 'FUZZ_COUNT', 40);
const SEED = option('seed', 'FUZZ_SEED', 1);
const TIMEOUT = option('timeout', 'FUZZ_TIMEOUT_MS', 20_000);
const JOBS = Math.max(1, option('jobs', 'FUZZ_JOBS', 2));
const ONLY = process.argv.includes('--only') ? option('only', 'FUZZ_ONLY', 0) : undefined;

/** The shipped data files, relative to the project. */
const DATA = [
  ...readdirSync(path.join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `scenarios/${f}`),
  ...readdirSync(path.join(ROOT, 'scenarios', 'whatif'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `scenarios/whatif/${f}`),
  ...readdirSync(path.join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `seeds/${f}`),
  ...readdirSync(path.join(ROOT, 'rules'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `rules/${f}`),
].sort();

/** Mutations of the text itself: what a bad save, a bad paste or a hostile file does. */
function mutateText(text: string, pick: Pick): { bytes: Buffer; done: string } {
  const at = pick(text.length + 1);
  switch (pick(8)) {
    case 0:
      return { bytes: Buffer.from(text.slice(0, at)), done: `truncate at ${at}` };
    case 1:
      return {
        bytes: Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xe9]), Buffer.from(text.slice(at))]),
        done: `a Latin-1 byte at ${at}`,
      };
    case 2:
      return { bytes: Buffer.from(text.slice(0, at) + '\t' + text.slice(at)), done: `a tab at ${at}` };
    case 3:
      return { bytes: Buffer.from(text + `\ndeep: ${'['.repeat(150 + pick(5000))}\n`), done: 'deep flow nesting' };
    case 4:
      return { bytes: Buffer.from(text + '\ndeep:\n  ' + '- '.repeat(90 + pick(5000)) + 'x\n'), done: 'deep block nesting' };
    case 5:
      return { bytes: Buffer.from(text.slice(0, at) + text.slice(at, at + pick(200))), done: `cut ${at}..` };
    case 6:
      return { bytes: Buffer.from('\ufeff' + text.replace(/\n/g, '\r\n')), done: 'BOM and CRLF' };
    default:
      return {
        bytes: Buffer.from(text.slice(0, at) + text.slice(Math.max(0, at - pick(80)), at) + text.slice(at)),
        done: `repeat before ${at}`,
      };
  }
}

/** Every file under dir with its size and mtime: a write or a file left behind changes it. */
function snapshot(dir: string): string {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const s = statSync(path.join(dir, f), { throwIfNoEntry: false });
      return `${f} ${s?.size ?? '-'} ${s?.mtimeMs ?? '-'}`;
    })
    .join('\n');
}

const STACK = /^\s+at .+(:\d+:\d+\)?|native\)?)$/m;

interface Outcome {
  command: string;
  code: number | 'timeout';
  bad?: string;
}

/** One CLI run in its own process, killed after TIMEOUT ms. */
function spawnCli(dir: string, args: string[]): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TRUCE_CACHE: '0', TRUCE_ARTICLES: process.env.TRUCE_ARTICLES ?? path.resolve(ROOT, '../shared/seeds') },
    });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

async function run(dir: string, args: string[]): Promise<Outcome> {
  const before = snapshot(dir);
  const r = await spawnCli(dir, args);
  const command = args[0]!;
  if (r.timedOut) return { command, code: 'timeout', bad: `no answer in ${TIMEOUT} ms` };
  const code = r.code ?? -1;
  const after = snapshot(dir);
  if (code === 3) return { command, code, bad: `internal error:\n${r.stderr}` };
  if (STACK.test(r.stderr)) return { command, code, bad: `stack trace:\n${r.stderr}` };
  if (after !== before) return { command, code, bad: 'a file was written or left behind' };
  return { command, code };
}

async function main(): Promise<number> {
  const base = mkdtempSync(path.join(tmpdir(), 'truce-fuzz-'));
  for (const d of ['scenarios', 'seeds', 'rules']) cpSync(path.join(ROOT, d), path.join(base, d), { recursive: true });
  writeFileSync(path.join(base, 'package.json'), '{ "name": "truce-fuzz", "private": true }\n');
  const counts = new Map<string, number>();
  const failures: string[] = [];
  const t0 = performance.now();
  const one = async (i: number) => {
    // each mutant draws from its own stream, so --only N reproduces mutant N of a seed exactly
    const rng: RandomGenerator = xoroshiro128plus(SEED * 1_000_003 + i);
    const pick: Pick = (n) => (n <= 1 ? 0 : unsafeUniformIntDistribution(0, n - 1, rng));
    const dir = path.join(base, `m${i}`);
    mkdirSync(dir);
    for (const d of ['scenarios', 'seeds', 'rules']) cpSync(path.join(base, d), path.join(dir, d), { recursive: true });
    cpSync(path.join(base, 'package.json'), path.join(dir, 'package.json'));
    const target = DATA[pick(DATA.length)]!;
    const text = readFileSync(path.join(ROOT, target), 'utf8');
    let done: string;
    if (pick(10) < 7) {
      const m = mutate(target.endsWith('.json') ? JSON.parse(text) : parse(text), 1 + pick(3), pick);
      writeFileSync(path.join(dir, target), target.endsWith('.json') ? JSON.stringify(m.data, null, 2) : stringify(m.data));
      done = m.done.join('; ');
    } else {
      const m = mutateText(text, pick);
      writeFileSync(path.join(dir, target), m.bytes);
      done = m.done;
    }
    // run the mutated file itself when it is a scenario, else the scenario that reads it
    const scenario = target.startsWith('scenarios/') ? target : 'scenarios/jan-feb-2026.yaml';
    for (const args of [
      ['validate', target],
      ['run', scenario, '--format', 'json'],
    ]) {
      const o = await run(dir, args);
      const key = `${o.command} exit ${o.code}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (o.bad) failures.push(`mutant ${i} (${target}: ${done}), truce ${args.join(' ')}: ${o.bad}`);
    }
    if (ONLY === undefined) rmSync(dir, { recursive: true, force: true });
    else console.log(`mutant ${i}: ${target}: ${done}\nkept in ${dir}`);
  };
  // JOBS mutants at a time, each taking the next number; counts and failures do not depend on the order
  const queue = ONLY !== undefined ? [ONLY] : Array.from({ length: COUNT }, (_, i) => i);
  await Promise.all(
    Array.from({ length: JOBS }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) await one(i);
    }),
  );
  failures.sort();
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `fuzz: seed ${SEED}, ${ONLY !== undefined ? 1 : COUNT} mutant(s) of ${DATA.length} data files, ${JOBS} at a time, ${seconds.toFixed(1)} s`,
  );
  for (const [k, n] of [...counts].sort()) console.log(`  ${k.padEnd(20)} ${n}`);
  if (ONLY === undefined) rmSync(base, { recursive: true, force: true });
  if (failures.length > 0) {
    console.log(`\n${failures.length} failure(s):`);
    for (const f of failures) console.log(`- ${f}\n`);
    return 1;
  }
  console.log('no exit 3, no stack trace, no hang, nothing written');
  return 0;
}

process.exitCode = await main();
