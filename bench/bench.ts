/**
 * `npm run bench`: evaluation paths, the full pipeline, Monte Carlo draws, cold start and streaming,
 * printed side by side. Medians of several repetitions; figures, never assertions.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, createWriteStream, mkdtempSync, rmSync, existsSync, symlinkSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/load/loadScenario.js';
import { runScenario, orderEvents } from '../src/run/runScenario.js';
import { deriveFacts, type Facts } from '../src/rules/deriveFacts.js';
import { RuleEvaluator } from '../src/rules/ruleEngine.js';
import { resolveWindow } from '../src/time/window.js';
import { STREAM_PER_DAY, syntheticEvents, syntheticStream } from './synthetic.js';
import { handwrittenRules } from './handwritten.js';
import { benchWorkbench } from './workbench.js';
import { syntheticAcled } from './syntheticAcled.js';
import { benchSample, benchSweep, benchWhole } from './scale.js';
import { benchStart } from './start.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIO = path.join(ROOT, 'scenarios/jan-feb-2026.yaml');
const CLI = path.join(ROOT, 'dist/cli/main.js');
const N = Number(process.env.BENCH_EVENTS ?? 100_000);
const NAIVE_N = Number(process.env.BENCH_NAIVE_EVENTS ?? 10_000);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const STREAM_SIZES = (process.env.BENCH_STREAM ?? '10000,100000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
/** rows of the generated ACLED export `truce import` reads; 0 skips it */
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT ?? 1_000_000);
const WHOLE_SIZES = (process.env.BENCH_WHOLE ?? '10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
/** draws of the Monte Carlo rows, comma-separated: 20,000 (the target's) and a run long enough for a second thread */
const DRAWS = (process.env.BENCH_DRAWS ?? '20000,100000').split(',').map(Number);
/** only these parts (comma-separated: rules, sample, sweep, start, cold, stream, whole, workbench, import, entry); all by default */
const ONLY = process.env.BENCH_ONLY?.split(',');
const want = (part: string) => ONLY === undefined || ONLY.includes(part);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2));

async function timeIt(reps: number, f: () => unknown | Promise<unknown>): Promise<number> {
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await f();
    ts.push(performance.now() - t);
  }
  return median(ts) / 1000;
}

function line(label: string, value: string, target = '') {
  console.log(`${label.padEnd(58)} ${value.padStart(16)}  ${target}`);
}

async function main() {
  console.log(`truce bench: ${N.toLocaleString('en-US')} synthetic strike events (seed 42), 3 readings, median of ${REPS}`);
  console.log(
    `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`,
  );
  const loaded = loadScenario(SCENARIO, { cwd: ROOT });
  if (want('rules')) {
    const pipe = await rules(loaded);
    // each part starts from a collected heap, not from the garbage of the one before (npm run bench exposes gc)
    (globalThis as { gc?: () => void }).gc?.();
    console.log('');
    line('full pipeline: facts, rules, fixed point, statechart (events/s)', fmt(N / pipe), 'target >= 100,000');
  }

  await after(loaded);
  if (want('workbench')) await benchWorkbench(line, REPS);
  if (want('import')) await importRow();
  if (want('entry')) entryRow();
}

/** `import('truce')` in a fresh node against `node -e 0`, and `truce/report` (vega) beside it. */
function entryRow() {
  const cold = (code: string) => {
    const ts: number[] = [];
    for (let i = 0; i < REPS; i++) {
      const t = performance.now();
      spawnSync(process.execPath, ['-e', code], { cwd: ROOT, stdio: 'ignore' });
      ts.push(performance.now() - t);
    }
    return median(ts);
  };
  const node0 = cold('0');
  // the package's own name resolves through its `exports` from inside the package
  const main = cold("import('truce')");
  const report = cold("import('truce/report')");
  console.log('');
  line('cold `node -e 0` (ms)', fmt(node0));
  line("cold `import('truce')` (ms)", fmt(main), `${(main / node0).toFixed(1)}x node -e 0`);
  line("cold `import('truce/report')`: Markdown and HTML, vega (ms)", fmt(report), `${(report / node0).toFixed(1)}x`);
}

/** `truce import acled` of a generated export: rows per second and peak memory (streaming: flat). */
async function importRow() {
  if (IMPORT_ROWS <= 0 || !existsSync('/usr/bin/time')) {
    console.log(`\ntruce import: skipped (${IMPORT_ROWS <= 0 ? 'BENCH_IMPORT=0' : '/usr/bin/time is not installed'})`);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-bench-import-'));
  try {
    const csv = path.join(dir, 'acled.csv');
    const actors = path.join(dir, 'actors.yaml');
    const out = createWriteStream(csv);
    for (const l of syntheticAcled(IMPORT_ROWS)) if (!out.write(l)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      actors,
      'format: truce.actors/v1\nactors:\n  Military Forces of Russia (2000-): russia\n  Military Forces of Ukraine (2019-): ukraine\n  Civilians (Ukraine): ukraine\n',
    );
    const r = spawnSync(
      '/usr/bin/time',
      [
        '-v',
        process.execPath,
        CLI,
        'import',
        'acled',
        csv,
        '--actors',
        actors,
        '--format',
        'ndjson',
        '--out',
        path.join(dir, 'out.ndjson'),
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(r.stderr)?.[1] ?? '?';
    const secs = wall.split(':').reduce((s, x) => s * 60 + Number(x), 0);
    console.log('');
    line(`truce import acled, ${IMPORT_ROWS.toLocaleString('en-US')} generated rows (rows/s)`, fmt(IMPORT_ROWS / secs), `exit ${r.status}`);
    line('  peak memory (MB)', rss.toFixed(0), 'bounded: the same at any size (streaming)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The three evaluation paths, side by side; returns the full pipeline's time over the same events. */
async function rules(loaded: ReturnType<typeof loadScenario>): Promise<number> {
  const events = [...syntheticEvents(N)];
  const input = { ...loaded, events };
  const evaluator = new RuleEvaluator(loaded.rules, loaded.conditions);

  // the full pipeline: facts, rules (compiled), fixed point, statechart
  const pipe = await timeIt(REPS, () => runScenario(input, { evaluator, explain: false }));
  const report = await runScenario(input, { evaluator, explain: false });

  // the fact sets every path evaluates: each event under each reading (and each of the actor's obligations)
  const ordered = orderEvents(events);
  const factSets: Facts[] = [];
  const perEvent: number[] = [];
  for (const run of report.runs) {
    const it = run.interpretation;
    const state = {
      window: resolveWindow(it.window, loaded.scenario.timeZone),
      firstViolation: new Map(run.firstViolations.map((v) => [v.party, { interval: v.interval, eventId: v.eventId }])),
      appliesTo: loaded.scenario.plan?.appliesTo ?? [],
    };
    for (const { event, interval } of ordered) {
      const obligations = it.obligations.filter((o) => o.party === event.actor);
      for (const o of obligations.length > 0 ? obligations : [undefined]) factSets.push(deriveFacts(event, interval, o, state).facts);
    }
    perEvent.push(ordered.length);
  }
  const setsPerEvent = factSets.length / N;

  const fast = factSets.map((f) =>
    evaluator
      .firedSync(f)
      .map((r) => r.name)
      .join(','),
  );
  const hand = factSets.map((f) => handwrittenRules(f).join(','));
  const naiveSets = factSets.slice(0, Math.round(NAIVE_N * setsPerEvent));
  const naive: string[] = [];
  for (const f of naiveSets) naive.push((await evaluator.fired(f, true)).map((r) => r.name).join(','));
  const sameBC = fast.every((x, i) => x === hand[i]);
  const sameAB = naive.every((x, i) => x === fast[i]);

  const tA = await timeIt(Math.min(REPS, 3), async () => {
    for (const f of naiveSets) await evaluator.fired(f, true);
  });
  const tB = await timeIt(REPS, () => {
    for (const f of factSets) evaluator.firedSync(f);
  });
  const tC = await timeIt(REPS, () => {
    for (const f of factSets) handwrittenRules(f);
  });
  const a = NAIVE_N / tA;
  const b = N / tB;
  const c = N / tC;
  console.log('rule evaluation (events/s; an event is evaluated under all three readings)');
  line(`(a) naive json-rules-engine, engine.run per event (${NAIVE_N.toLocaleString('en-US')} events)`, fmt(a));
  line('(b) truce: rules compiled to one generated function', fmt(b));
  line('(c) hand-written TypeScript loop (the practical limit)', fmt(c));
  line('b/a', `${fmt(b / a)}x`, 'target >= 50x');
  line('c/b', `${fmt(c / b)}x`, 'target <= 10x');
  line('identical findings a = b (on the naive subset), b = c (all)', `${sameAB && sameBC ? 'yes' : 'NO'}`);
  return pipe;
}

/**
 * The README's first command in a fresh clone right after `npm install`: a new folder holding what the
 * clone and the install leave (the `truce` script, package.json, the build; the build linked, not
 * redone: this row times starting the CLI, not tsc). `./truce` goes straight to node; `npx truce` in a
 * project's own folder first installs the project into npm's npx cache and runs its build again (22 s
 * and more), too slow for a bench run. Median of REPS new folders.
 */
function firstCallOnFreshClone(): { ok: true; ms: number } | { ok: false; why: string } {
  const ts: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-fresh-'));
    try {
      for (const f of ['truce', 'package.json']) copyFileSync(path.join(ROOT, f), path.join(dir, f));
      chmodSync(path.join(dir, 'truce'), 0o755);
      symlinkSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'));
      const t = performance.now();
      const r = spawnSync(path.join(dir, 'truce'), ['--version'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      ts.push(performance.now() - t);
      if (r.status !== 0) return { ok: false, why: `./truce exited ${r.status}: ${r.stderr.trim().split('\n')[0] ?? ''}` };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { ok: true, ms: median(ts) };
}

/** A stream's floor as a node script: read the NDJSON file given as its argument line by line, parse and stringify each. */
const STREAM_FLOOR = `
const rl = require('node:readline').createInterface({ input: require('node:fs').createReadStream(process.argv[1]), crlfDelay: Infinity });
let n = 0;
rl.on('line', (l) => { if (l !== '') n += JSON.stringify(JSON.parse(l)).length > 0 ? 1 : 0; });
rl.on('close', () => process.stdout.write(n + '\\n'));
`;

/** Monte Carlo, cold start and streams. */
async function after(loaded: ReturnType<typeof loadScenario>) {
  if (want('sample')) benchSample(line, ROOT, CLI, DRAWS, loaded);
  if (want('sweep')) await benchSweep(line, loaded, REPS);
  if (want('whole') && existsSync('/usr/bin/time')) benchWhole(line, ROOT, CLI, WHOLE_SIZES);
  if (want('start')) benchStart(line, ROOT, CLI, REPS);
  if (!want('cold') && !want('stream')) return;

  const cold = (args: string[]) => {
    const ts: number[] = [];
    for (let i = 0; i < REPS; i++) {
      const t = performance.now();
      spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
      ts.push(performance.now() - t);
    }
    return median(ts);
  };
  const node0 = want('cold') ? cold(['-e', '0']) : 0;
  if (want('cold')) {
    // the first run after a change validates the scenario and caches it; later runs reuse it
    cold([CLI, 'run', SCENARIO, '--format', 'json']);
    const run = cold([CLI, 'run', SCENARIO, '--format', 'json']);
    const fresh = cold([CLI, '--no-cache', 'run', SCENARIO, '--format', 'json']);
    const viaNpx = (args: string[]) => {
      const ts: number[] = [];
      for (let i = 0; i < REPS; i++) {
        const t = performance.now();
        spawnSync('npx', args, { cwd: ROOT, stdio: 'ignore' });
        ts.push(performance.now() - t);
      }
      return median(ts);
    };
    const npx = viaNpx(['truce', 'run', 'scenarios/jan-feb-2026.yaml', '--format', 'json']);
    // what npx itself costs: finding and starting the bin, before truce does anything
    const npxAlone = viaNpx(['truce', '--version']);
    console.log('');
    line('cold `node -e 0` (ms)', fmt(node0));
    line(
      'cold `truce run scenarios/jan-feb-2026.yaml --format json` (ms)',
      fmt(run),
      `${(run / node0).toFixed(1)}x node -e 0 (target <= 3x)`,
    );
    line('  the same, validating afresh (--no-cache, or after an edit) (ms)', fmt(fresh), `${(fresh / node0).toFixed(1)}x`);
    line('  the same through npx (ms)', fmt(npx), `${(npx / node0).toFixed(1)}x`);
    line('  `npx truce --version`: npx starting the bin (ms)', fmt(npxAlone), `${(npxAlone / node0).toFixed(1)}x`);
    // every other command's start, with CPU time: the `start` part (bench/start.ts)
    if (process.env.BENCH_FRESH === '0') console.log('first `./truce --version` in a fresh clone: skipped (BENCH_FRESH=0)');
    else {
      const first = firstCallOnFreshClone();
      line(
        '  first `./truce --version` in a fresh clone (ms)',
        first.ok ? fmt(first.ms) : 'FAILED',
        first.ok
          ? `${(first.ms / node0).toFixed(1)}x (first \`npx truce\` there: 22 s and more, npm installs and rebuilds the project)`
          : first.why,
      );
    }
  }
  if (!want('stream')) return;

  if (!existsSync('/usr/bin/time')) {
    console.log('\nstreaming: skipped (/usr/bin/time is not installed: apt-get install time)');
    return;
  }
  console.log('\nstreaming NDJSON in and out (`truce run --events FILE --format ndjson`), measured with /usr/bin/time -v');
  console.log(
    `(the same mix at a constant ${Math.round(STREAM_PER_DAY).toLocaleString('en-US')} strikes a day from 28 January: more events are a longer period, not a denser one)`,
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-bench-'));
  try {
    let base: number | undefined;
    for (const n of STREAM_SIZES) {
      const file = path.join(dir, `events-${n}.ndjson`);
      const out = createWriteStream(file);
      for (const e of syntheticStream(n)) if (!out.write(JSON.stringify(e) + '\n')) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
      const timed = (args: string[]) => {
        const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], {
          cwd: ROOT,
          stdio: ['ignore', 'ignore', 'pipe'],
          encoding: 'utf8',
          maxBuffer: 1 << 24,
        });
        const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
        const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(r.stderr)?.[1] ?? '?';
        return { status: r.status, rss, secs: wall.split(':').reduce((s, x) => s * 60 + Number(x), 0) };
      };
      // the floor: reading the same lines and JSON.parse + JSON.stringify of each, nothing else
      const floor = timed(['-e', STREAM_FLOOR, file]);
      const r = timed([CLI, 'run', SCENARIO, '--events', file, '--format', 'ndjson']);
      const { secs, rss } = r;
      base ??= secs / n;
      line(
        `${n.toLocaleString('en-US')} events: wall s, peak MB, s per event vs the smallest`,
        `${secs.toFixed(1)} s ${rss.toFixed(0)} MB`,
        `${(secs / n / base).toFixed(2)}x per event; exit ${r.status} (target <= 200 MB at 1M, linear)`,
      );
      line(
        `  the floor over the same lines (read, JSON.parse, JSON.stringify)`,
        `${floor.secs.toFixed(1)} s ${floor.rss.toFixed(0)} MB`,
        `the stream runs at ${((floor.secs / secs) * 100).toFixed(0)} % of the floor's speed (target >= 50 % at 1M)`,
      );
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
