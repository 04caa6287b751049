/**
 * How fast each command starts: `truce <command>` on the seed scenario, with the scenario cache (warm),
 * validating afresh (`--no-cache`, the code cache still used) and with no cache at all (TRUCE_CACHE=0),
 * against `node -e 0` in the same run. Wall time is the median of
 * reps; CPU time (user + system, from /usr/bin/time) the least of them, the figure a busy machine
 * disturbs least. Figures, never assertions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticStream } from './synthetic.js';

type Line = (label: string, value: string, target?: string) => void;

interface Took {
  ms: number;
  cpu: number;
}

/** Median wall ms and least CPU ms of reps runs of node with these arguments. */
export function took(args: string[], cwd: string, reps: number, env: NodeJS.ProcessEnv = process.env): Took {
  const walls: number[] = [];
  const cpus: number[] = [];
  const timeBin = existsSync('/usr/bin/time');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-bench-start-'));
  const out = path.join(dir, 'time');
  try {
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      if (timeBin) spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', out, process.execPath, ...args], { cwd, env, stdio: 'ignore' });
      else spawnSync(process.execPath, args, { cwd, env, stdio: 'ignore' });
      walls.push(performance.now() - t);
      if (timeBin) {
        const [u, s] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        cpus.push(((u ?? NaN) + (s ?? NaN)) * 1000);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  walls.sort((a, b) => a - b);
  return { ms: walls[Math.floor(walls.length / 2)]!, cpu: cpus.length > 0 ? Math.min(...cpus) : NaN };
}

/** Every command that loads a scenario, cached and afresh, as ratios to `node -e 0`. */
export function benchStart(line: Line, root: string, cli: string, reps: number): void {
  const scenario = path.join(root, 'scenarios/jan-feb-2026.yaml');
  const node0 = took(['-e', '0'], root, reps);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-bench-start-events-'));
  const events = path.join(dir, 'events.ndjson');
  writeFileSync(events, [...syntheticStream(100)].map((e) => JSON.stringify(e) + '\n').join(''));
  const commands: [string, string[]][] = [
    ['run', ['run', scenario, '--format', 'json']],
    ['run --format ndjson', ['run', scenario, '--format', 'ndjson']],
    ['run --events (100 events)', ['run', scenario, '--events', events, '--format', 'ndjson']],
    ['compare', ['compare', scenario, '--format', 'json']],
    ['diff', ['diff', scenario, scenario, '--format', 'json']],
    ['explain', ['explain', scenario, '-e', 'ru-strike-2026-01-29-30', '--format', 'json']],
    ['graph', ['graph', scenario]],
    ['sample -n 100', ['sample', scenario, '-n', '100', '--seed', '1', '-w', '1']],
    [
      'sweep (2 rows)',
      ['sweep', scenario, '--vary', 'interpretations.washington.window.start=2026-01-30T00:00+02:00..2026-01-31T00:00+02:00:P1D'],
    ],
    ['test', ['test', scenario]],
  ];
  console.log(
    `\nstart of each command on the seed scenario: wall ms (median of ${reps}), CPU ms (least), as multiples of \`node -e 0\` (${node0.ms.toFixed(0)} ms wall, ${node0.cpu.toFixed(0)} ms CPU)`,
  );
  const x = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
  for (const [name, args] of commands) {
    // the first run after a change validates the scenario and caches it; later runs reuse it
    took([cli, ...args], root, 1);
    const warm = took([cli, ...args], root, reps);
    const afresh = took([cli, '--no-cache', ...args], root, reps);
    // neither the scenario cache nor the code cache (src/cli/bin.ts): the first run after a new build
    const bare = took([cli, ...args], root, reps, { ...process.env, TRUCE_CACHE: '0' });
    line(
      `\`truce ${name}\`: cached / afresh / no cache at all, ms (CPU ms)`,
      `${warm.ms.toFixed(0)} (${warm.cpu.toFixed(0)}) / ${afresh.ms.toFixed(0)} (${afresh.cpu.toFixed(0)}) / ${bare.ms.toFixed(0)} (${bare.cpu.toFixed(0)})`,
      `wall ${x(warm.ms, node0.ms)} / ${x(afresh.ms, node0.ms)} / ${x(bare.ms, node0.ms)}, CPU ${x(warm.cpu, node0.cpu)} / ${x(afresh.cpu, node0.cpu)} / ${x(bare.cpu, node0.cpu)} node -e 0 (target <= 2x / <= 4x)`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}
