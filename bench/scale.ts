/**
 * Bench rows for work that grows with the data: whole runs over many events (against the stream of the
 * same events, their floor), Monte Carlo through the CLI (against one worker), sweeps (against the bare
 * run of the scenario per combination). Figures, never assertions.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, cpSync, readFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { loadScenario } from '../src/load/loadScenario.js';
import { RunsMemo, runScenario } from '../src/run/runScenario.js';
import { RuleEvaluator } from '../src/rules/ruleEngine.js';
import { sweep } from '../src/sweep/sweep.js';
import { parseVary } from '../src/sweep/parseVary.js';
import { drawSeconds, threadsFor } from '../src/sample/sample.js';
import { syntheticStream } from './synthetic.js';

type Line = (label: string, value: string, target?: string) => void;
type Loaded = ReturnType<typeof loadScenario>;

/** Wall seconds and peak RSS (MB) of one CLI run, through /usr/bin/time -v. */
function timed(cli: string, args: string[], cwd: string): { secs: number; cpu: number; mb: number; status: number | null } {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const mb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(r.stderr)?.[1] ?? '?';
  const cpu = ['User', 'System'].reduce(
    (s, k) => s + Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN),
    0,
  );
  return { secs: wall.split(':').reduce((s, x) => s * 60 + Number(x), 0), cpu, mb, status: r.status };
}

/**
 * `truce run --events FILE --format json|text` over n events, against the NDJSON stream of the same
 * file (its floor: the same work, written as it goes); and the same events as JSON seed files.
 */
export function benchWhole(line: Line, root: string, cli: string, sizes: number[]): void {
  console.log(
    '\nwhole runs: a report over every event (`truce run --events FILE --format json|text`), against the stream of the same events',
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-bench-whole-'));
  const scenario = path.join(root, 'scenarios/jan-feb-2026.yaml');
  try {
    let perEvent: number | undefined;
    for (const n of sizes) {
      const file = path.join(dir, `events-${n}.ndjson`);
      const lines: string[] = [];
      for (const e of syntheticStream(n)) lines.push(JSON.stringify(e));
      writeFileSync(file, lines.join('\n') + '\n');
      const stream = timed(cli, ['run', scenario, '--events', file, '--format', 'ndjson'], root);
      for (const format of ['json', 'text']) {
        const whole = timed(cli, ['run', scenario, '--events', file, '--format', format], root);
        if (format === 'json') perEvent ??= whole.secs / n;
        line(
          `${n.toLocaleString('en-US')} events, --format ${format}: wall s, peak MB`,
          `${whole.secs.toFixed(1)} s ${whole.mb.toFixed(0)} MB`,
          `${(whole.secs / stream.secs).toFixed(2)}x the stream (${stream.secs.toFixed(1)} s; target <= 3x)${format === 'json' && perEvent ? `; ${(whole.secs / n / perEvent).toFixed(2)}x per event vs ${sizes[0]!.toLocaleString('en-US')}` : ''}; exit ${whole.status}`,
        );
      }
      rmSync(file);
    }
    // the same events as seed files of a scenario (JSON, under the 4 MiB limit each), validated afresh
    const n = sizes[0]!;
    const proj = path.join(dir, 'proj');
    for (const d of ['rules', 'seeds', 'scenarios']) cpSync(path.join(root, d), path.join(proj, d), { recursive: true });
    writeFileSync(path.join(proj, 'package.json'), '{}');
    const events = [...syntheticStream(n)];
    const files: string[] = [];
    for (let i = 0; i < events.length; i += 5000) {
      const f = `seeds/bench-${i / 5000}.json`;
      writeFileSync(path.join(proj, f), JSON.stringify({ format: 'truce.seed/v1', events: events.slice(i, i + 5000) }, null, 1));
      files.push(`../${f}`);
    }
    mkdirSync(path.join(proj, 'scenarios'), { recursive: true });
    const text = readFileSync(path.join(root, 'scenarios/jan-feb-2026.yaml'), 'utf8').replace(
      /^seeds: \[(.*)\]$/m,
      (_m, s: string) => `seeds: [${s}, ${files.join(', ')}]`,
    );
    writeFileSync(path.join(proj, 'scenarios/bench.yaml'), text);
    const seeds = timed(cli, ['--no-cache', 'run', 'scenarios/bench.yaml', '--format', 'json'], proj);
    const file = path.join(dir, 'same.ndjson');
    writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const stream = timed(cli, ['run', scenario, '--events', file, '--format', 'ndjson'], root);
    line(
      `${n.toLocaleString('en-US')} events in ${files.length} JSON seed files, --format json (--no-cache)`,
      `${seeds.secs.toFixed(1)} s ${seeds.mb.toFixed(0)} MB`,
      `${(seeds.secs / stream.secs).toFixed(2)}x the stream of the same events; exit ${seeds.status}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `truce sample -n DRAWS` end to end (start-up included) with 1 and 2 workers. */
/**
 * What two threads get done here against one, on a loop that neither allocates nor waits: the ceiling of
 * any speed-up from a second thread at this moment. This machine's two vCPUs are shared with other
 * guests; within one minute they gave anything from 0.99x to 2.0x on this loop.
 */
function parallelCapacity(): number {
  const loop = `const a = new Float64Array(1 << 16).map((_, i) => i);
let s = 0; for (let r = 0; r < 600; r++) for (let i = 0; i < a.length; i++) s = (s + a[i] * 1.0000001) % 1e9;
require('node:worker_threads').parentPort.postMessage(s);`;
  const probe = `const { Worker } = require('node:worker_threads');
const run = (k) => { const t = performance.now(); return Promise.all(Array.from({ length: k }, () => new Promise((ok) => new Worker(${JSON.stringify(loop)}, { eval: true }).once('message', ok)))).then(() => performance.now() - t); };
run(1).then((one) => run(2).then((two) => console.log((2 * one) / two)));`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

export function benchSample(line: Line, root: string, cli: string, draws: readonly number[], loaded: Loaded): void {
  const scenario = path.join(root, 'scenarios/jan-feb-2026.yaml');
  const run = (n: number, workers: number) =>
    timed(cli, ['sample', scenario, '-n', String(n), '--seed', '1', '--workers', String(workers), '--format', 'json'], root);
  // the machine's own ceiling, just before and just after: the sample's ratio is judged against it
  const before = parallelCapacity();
  const runs = draws.map((n) => ({ n, one: run(n, 1), two: run(n, 2) }));
  const after = parallelCapacity();
  for (const { n, one, two } of runs) {
    // -w 2 starts a second thread only where it pays its warm-up (src/sample/sample.ts, threadsFor)
    const threads = threadsFor(n, 2, { drawSeconds: drawSeconds(loaded) });
    line(
      `truce sample -n ${n.toLocaleString('en-US')}, end to end, 1 worker (draws/s)`,
      Math.round(n / one.secs).toLocaleString('en-US'),
      `${one.secs.toFixed(2)} s, CPU ${one.cpu.toFixed(2)} s`,
    );
    line(
      `  the same, 2 workers (draws/s)`,
      Math.round(n / two.secs).toLocaleString('en-US'),
      `${two.secs.toFixed(2)} s, CPU ${two.cpu.toFixed(2)} s: ${(one.secs / two.secs).toFixed(2)}x one worker, on ${threads} thread${threads > 1 ? 's' : ''} here (target at 20,000: >= 1.6x on 2 cores, >= 10,000 draws/s); load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
  // the same draws on one and on two threads whatever threadsFor would start, after the load, in turn
  const perDraw = fileURLToPath(new URL('./perDraw.js', import.meta.url));
  for (const n of draws) {
    const ceilings: number[] = [];
    // what a second thread that cost nothing (no start, no warm-up, no messages) could gain, estimated the same way
    const free: number[] = [];
    const cpus: string[] = [];
    // three turns where they are short, one where they take seconds each
    for (let rep = 0; rep < (n <= 20_000 ? 3 : 1); rep++) {
      const [one, two] = [1, 2].map((w) => {
        const out = spawnSync(process.execPath, [perDraw, `threads-${w}`, String(n)], { cwd: root, encoding: 'utf8' }).stdout;
        const m = /CPU ([\d.]+) s .*this thread ([\d.]+) s/.exec(out);
        return { cpu: Number(m?.[1] ?? NaN), main: Number(m?.[2] ?? NaN) };
      });
      // an estimate, not a bound: one thread lasts at least its own CPU, two on two cores at least half of all
      // their process's CPU, and the ratio of those two floors is what two threads would gain if both were met
      ceilings.push(one!.main / Math.max(two!.cpu / 2, two!.main));
      free.push(one!.main / (one!.cpu / 2));
      cpus.push(`${one!.main.toFixed(2)}/${one!.cpu.toFixed(2)} -> ${two!.cpu.toFixed(2)}`);
    }
    ceilings.sort((a, b) => a - b);
    free.sort((a, b) => a - b);
    line(
      `  ${n.toLocaleString('en-US')} draws after the load, 2 threads forced: what they could gain on 2 idle cores, estimated from CPU (x)`,
      `${ceilings[0]!.toFixed(2)}-${ceilings.at(-1)!.toFixed(2)}`,
      `one thread's own CPU over half the two threads' process CPU (or the calling thread's, if more); a second thread that cost nothing: ${free[0]!.toFixed(2)}-${free.at(-1)!.toFixed(2)}x (one thread's own CPU over half its process's: V8 compiles and collects beside it already); CPU s, one thread's own/process -> two threads' process: ${cpus.join(', ')}; independent of the load (the wall ratio above is not)`,
    );
  }
  line(
    '  two threads against one on a bare loop, before / after (x)',
    `${before.toFixed(2)} / ${after.toFixed(2)}`,
    'the ceiling of the ratios above at that moment (shared vCPUs)',
  );
}

/** Sweeps on the seed scenario: combinations/s, against running the unchanged scenario as often. */
export async function benchSweep(line: Line, loaded: Loaded, reps: number): Promise<void> {
  const evaluator = new RuleEvaluator(loaded.rules, loaded.conditions);
  const specs = [
    'interpretations.washington.window.start=2026-01-20T00:00:00+02:00..2026-02-05T00:00:00+02:00:PT1H',
    'plan.phases.diplomatic.deadline=PT1H..PT384H:PT1H',
  ];
  const time = async (f: () => Promise<unknown>) => {
    const ts: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      await f();
      ts.push(performance.now() - t);
    }
    return ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)]! / 1000;
  };
  // The first sweep of the process (what one CLI sweep gets) is printed; then both sweeps run four times
  // more, in turn, before either is timed: on this machine a sweep's rate climbs over its first 2,000-3,000
  // runs (JIT tiers, the young generation's size) and levels off only after them, so with one warm-up the
  // sweep timed first measured the climb (the window sweep, timed first, came out at a third of itself
  // timed after the deadline sweep).
  const varies = specs.map((spec) => parseVary(spec));
  const first: number[] = [];
  for (const vary of varies) {
    const t = performance.now();
    await sweep(loaded, [vary], 'bench');
    first.push((performance.now() - t) / 1000);
  }
  for (let round = 0; round < 4; round++) for (const vary of varies) await sweep(loaded, [vary], 'bench');
  for (const [k, spec] of specs.entries()) {
    const vary = varies[k]!;
    const n = vary.values.length;
    const t = await time(() => sweep(loaded, [vary], 'bench'));
    // the bare run, with a memo shared by its repeats as the sweep's is by its combinations
    const memo = new RunsMemo();
    const floor = await time(async () => {
      for (let i = 0; i < n; i++) await runScenario(loaded, { evaluator, explain: false, memo });
    });
    line(
      `sweep, ${n} values of ${spec.slice(0, spec.indexOf('='))} (combinations/s)`,
      Math.round(n / t).toLocaleString('en-US'),
      `target >= 2,000; the bare run: ${Math.round(n / floor).toLocaleString('en-US')}/s (${(floor / t).toFixed(2)}x of it); first sweep in the process: ${Math.round(n / first[k]!).toLocaleString('en-US')}/s`,
    );
  }
}
