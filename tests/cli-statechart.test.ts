import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

/**
 * `sample` keeps the statechart's finished runs in the cache folder (src/cli/statechartMemo.ts) for the
 * next sample to start from. None of it may change a byte of what it prints: with no file, with one
 * (written by another seed's draws), validating afresh, with a damaged one, on two threads and with no
 * cache at all.
 */
const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const sample = (seed: number, ...more: string[]) => ['sample', SCENARIO, '-n', '60', '--seed', String(seed), '-w', '1', ...more];

describe('the statechart runs kept between samples', () => {
  it('change no output: without the file, with it, with another seed, afresh, damaged, cut short, with no cache', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truce-statechart-'));
    const env = { TRUCE_CACHE_DIR: dir };
    const kept = () => readdirSync(dir).filter((f) => f.startsWith('statechart-'));
    const args = sample(1, '--format', 'json');
    const none = runCli(args, { env: { TRUCE_CACHE: '0' } });
    expect(none.code).toBe(0);
    const first = runCli(args, { env });
    expect(kept()).toHaveLength(1);
    const file = path.join(dir, kept()[0]!);
    const text = readFileSync(file, 'utf8');
    const saved = JSON.parse(text) as { plans: { runs: unknown[] }[] };
    expect(saved.plans.flatMap((p) => p.runs).length).toBeGreaterThan(0);
    const second = runCli(args, { env });
    const afresh = runCli(['--no-cache', ...args], { env });
    // a file of the right shape but wrong in one place (a time point beyond the run's), and one cut short
    writeFileSync(file, text.replace(/"enteredAt":\d+/, '"enteredAt":9999'));
    const damaged = runCli(args, { env });
    writeFileSync(file, text.slice(0, text.length / 2));
    const cut = runCli(args, { env });
    for (const r of [first, second, afresh, damaged, cut]) expect(r).toEqual(none);
    // another seed's draws, in a text report, from the runs the first seed's kept
    writeFileSync(file, text);
    expect(runCli(sample(7), { env })).toEqual(runCli(sample(7), { env: { TRUCE_CACHE: '0' } }));
  });

  it('change no output of the point runs either (run, compare, explain): with the runs a sample kept, with their own, damaged', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truce-statechart-'));
    const env = { TRUCE_CACHE_DIR: dir };
    expect(runCli(sample(2), { env }).code).toBe(0);
    const [name] = readdirSync(dir).filter((f) => f.startsWith('statechart-'));
    for (const args of [
      ['run', SCENARIO, '--format', 'json'],
      ['compare', SCENARIO],
      ['explain', SCENARIO, '-e', 'ru-strike-2026-01-29-30'],
    ]) {
      const none = runCli(args, { env: { TRUCE_CACHE: '0' } });
      expect(none.code).toBe(0);
      const first = runCli(args, { env });
      const second = runCli(args, { env });
      const text = readFileSync(path.join(dir, name!), 'utf8');
      writeFileSync(path.join(dir, name!), text.replace(/"cause":"[^"]*"/, '"cause":3'));
      const damaged = runCli(args, { env });
      for (const r of [first, second, damaged]) expect([args, r]).toEqual([args, none]);
    }
  });

  it('a cache folder that cannot be written (a file stands where it would be) is no cache, not an internal error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truce-statechart-'));
    const notADir = path.join(dir, 'cache');
    writeFileSync(notADir, '');
    for (const args of [sample(3, '--format', 'json'), ['--no-cache', 'run', SCENARIO, '--format', 'json']]) {
      const none = runCli(args, { env: { TRUCE_CACHE: '0' } });
      expect(none.code).toBe(0);
      expect([args, runCli(args, { env: { TRUCE_CACHE_DIR: notADir } })]).toEqual([args, none]);
    }
  });
});
