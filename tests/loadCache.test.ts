import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { loadScenarioCached, type CacheSpec } from '../src/load/loadCache.js';
import { InputError } from '../src/problem.js';
import { provenanceOf } from '../src/provenance.js';
import { ARTICLES, ROOT, runCliHere, scratch } from './helpers.js';

const SCENARIO = 'scenarios/jan-feb-2026.yaml';

function project() {
  const dir = scratch();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  writeFileSync(path.join(dir, SCENARIO), readFileSync(path.join(ROOT, SCENARIO), 'utf8'));
  const cache: CacheSpec = { dir: mkdtempSync(path.join(tmpdir(), 'truce-cache-')), build: 'test' };
  const opts = { cwd: dir, articlesDir: ARTICLES };
  return { dir, cache, opts, entries: () => readdirSync(cache.dir).filter((f) => f.endsWith('.json')) };
}

describe('the load cache', () => {
  it('gives exactly what a fresh load gives, and keeps one entry per scenario', async () => {
    const { cache, opts, entries } = project();
    const fresh = loadScenario(SCENARIO, opts);
    const first = await loadScenarioCached(SCENARIO, opts, cache);
    const second = await loadScenarioCached(SCENARIO, opts, cache);
    expect(entries()).toHaveLength(1);
    expect(first).toEqual(fresh);
    expect(second).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it('keeps the provenance hashes with an entry, the same as hashed afresh, and a changed copy hashed again', async () => {
    const { cache, opts } = project();
    const fresh = loadScenario(SCENARIO, opts);
    await loadScenarioCached(SCENARIO, opts, cache);
    const hit = await loadScenarioCached(SCENARIO, opts, cache);
    const entry = JSON.parse(readFileSync(path.join(cache.dir, readdirSync(cache.dir).find((f) => f.endsWith('.json'))!), 'utf8'));
    expect(entry.hashes.scenarioHash).toBe(provenanceOf(fresh).scenarioHash);
    expect(provenanceOf(hit)).toEqual(provenanceOf(fresh));
    expect(provenanceOf(hit, true)).toEqual(provenanceOf({ ...fresh, events: [] }));
    // a spread is another input: its own events, hashed afresh, never the entry's hashes
    const fewer = { ...hit, events: hit.events.slice(1) };
    expect(provenanceOf(fewer).scenarioHash).not.toBe(provenanceOf(hit).scenarioHash);
    expect(provenanceOf(fewer)).toEqual(provenanceOf({ ...fresh, events: fresh.events.slice(1) }));
  });

  it('sees a changed seed file, a new rule file and a removed one', async () => {
    const { dir, cache, opts } = project();
    const before = await loadScenarioCached(SCENARIO, opts, cache);
    const events = path.join(dir, 'seeds/events.yaml');
    writeFileSync(events, readFileSync(events, 'utf8').replace(/kind: strike/, 'kind: strike  # edited'));
    // the same content, one comment longer: still read again, and still the same scenario
    expect(await loadScenarioCached(SCENARIO, opts, cache)).toEqual(JSON.parse(JSON.stringify(before)));
    const rule = JSON.parse(readFileSync(path.join(dir, 'rules/protected-place.json'), 'utf8'));
    writeFileSync(path.join(dir, 'rules/protected-place-copy.json'), JSON.stringify({ ...rule, name: 'protected-place-copy' }));
    expect((await loadScenarioCached(SCENARIO, opts, cache)).rules.map((r) => r.name)).toContain('protected-place-copy');
    rmSync(path.join(dir, 'rules/protected-place-copy.json'));
    expect((await loadScenarioCached(SCENARIO, opts, cache)).rules.map((r) => r.name)).not.toContain('protected-place-copy');
  });

  it('never caches bad input: its problems are reported on every run', async () => {
    const { dir, cache, opts, entries } = project();
    await loadScenarioCached(SCENARIO, opts, cache);
    appendFileSync(path.join(dir, 'seeds/events.yaml'), '\n  - id: [unclosed\n');
    await expect(loadScenarioCached(SCENARIO, opts, cache)).rejects.toBeInstanceOf(InputError);
    await expect(loadScenarioCached(SCENARIO, opts, cache)).rejects.toBeInstanceOf(InputError);
    expect(entries()).toHaveLength(1);
  });

  it('ignores an entry of another build, or one that is not JSON', async () => {
    const { cache, opts, entries } = project();
    const fresh = JSON.parse(JSON.stringify(loadScenario(SCENARIO, opts)));
    await loadScenarioCached(SCENARIO, opts, cache);
    const file = path.join(cache.dir, entries()[0]!);
    writeFileSync(file, '{ not json');
    expect(await loadScenarioCached(SCENARIO, opts, cache)).toEqual(fresh);
    const other = { ...cache, build: 'another' };
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...entry, loaded: { ...entry.loaded, file: 'stale' } }));
    expect((await loadScenarioCached(SCENARIO, opts, other)).file).not.toBe('stale');
  });
});

describe('truce run with the cache', () => {
  it('prints byte for byte what --no-cache prints, in every format, cold and warm', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'truce-cache-'));
    const env = { TRUCE_CACHE_DIR: cacheDir };
    for (const format of ['json', 'text', 'md']) {
      const plain = await runCliHere(['--no-cache', 'run', SCENARIO, '--format', format]);
      const cold = await runCliHere(['run', SCENARIO, '--format', format], { env });
      const warm = await runCliHere(['run', SCENARIO, '--format', format], { env });
      expect(plain.code).toBe(0);
      expect(cold.stdout).toBe(plain.stdout);
      expect(warm.stdout).toBe(plain.stdout);
    }
    // one scenario entry (and the statechart's runs, src/cli/statechartMemo.ts)
    expect(existsSync(cacheDir) && readdirSync(cacheDir).filter((f) => !f.startsWith('statechart-')).length).toBe(1);
  });

  // every command that loads a scenario goes through the cache now, not only run
  it('every other command that loads a scenario prints, cold and warm, what --no-cache prints', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'truce-cache-'));
    const env = { TRUCE_CACHE_DIR: cacheDir };
    const commands = [
      ['compare', SCENARIO, '--format', 'json'],
      ['diff', SCENARIO, SCENARIO, '--format', 'json'],
      ['explain', SCENARIO, '-e', 'ru-strike-2026-01-29-30', '--format', 'json'],
      ['graph', SCENARIO],
      ['sample', SCENARIO, '-n', '50', '--seed', '1', '-w', '1', '--format', 'json'],
      [
        'sweep',
        SCENARIO,
        '--vary',
        'interpretations.washington.window.start=2026-01-30T00:00+02:00..2026-01-31T00:00+02:00:P1D',
        '--format',
        'json',
      ],
      ['run', SCENARIO, '--format', 'ndjson'],
      ['test', SCENARIO],
    ];
    for (const args of commands) {
      const plain = await runCliHere(['--no-cache', ...args]);
      const cold = await runCliHere(args, { env });
      const warm = await runCliHere(args, { env });
      expect(plain.code, args[0]).toBe(0);
      expect(cold.stdout, args[0]).toBe(plain.stdout);
      expect(warm.stdout, args[0]).toBe(plain.stdout);
      expect(warm.stderr, args[0]).toBe(plain.stderr);
    }
    // one entry: every command found the one the first had written (besides the statechart runs `sample` keeps)
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json') && !f.startsWith('statechart-'))).toHaveLength(1);
  });
});
