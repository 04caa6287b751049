import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

/**
 * The CLI's start (src/cli/bin.ts) runs its bundle through V8's code cache. A cache of code must never
 * change what a command prints: first run (no entry, one written), second (the entry read), after the
 * entry was damaged (V8 refuses it, the run compiles afresh and writes it again), and with no cache at all.
 */
const SCENARIO = 'scenarios/jan-feb-2026.yaml';

describe('the code cache of the CLI', () => {
  it('prints the same with no entry, with one, with a damaged one and with none allowed; one entry per command', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truce-code-cache-'));
    const env = { TRUCE_CACHE_DIR: dir };
    const code = () => readdirSync(dir).filter((f) => f.startsWith('code-'));
    const none = runCli(['compare', SCENARIO, '--format', 'json'], { env: { TRUCE_CACHE: '0' } });
    expect(none.code).toBe(0);
    const first = runCli(['compare', SCENARIO, '--format', 'json'], { env });
    expect(code()).toHaveLength(1);
    expect(code()[0]).toMatch(/-compare\.bin$/);
    const second = runCli(['compare', SCENARIO, '--format', 'json'], { env });
    const entry = path.join(dir, code()[0]!);
    const bytes = readFileSync(entry);
    bytes.fill(7, 16, 4096);
    writeFileSync(entry, bytes);
    const damaged = runCli(['compare', SCENARIO, '--format', 'json'], { env });
    expect(
      readFileSync(entry)
        .subarray(16, 4096)
        .every((b) => b === 7),
    ).toBe(false);
    for (const r of [first, second, damaged]) expect(r).toEqual(none);
    runCli(['graph', SCENARIO], { env });
    expect(
      code()
        .map((f) => f.replace(/^.*-/, ''))
        .sort(),
    ).toEqual(['compare.bin', 'graph.bin']);
  });

  it('an entry written by a run the scenario cache served gets the loader once a run loads afresh', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truce-code-cache-'));
    const env = { TRUCE_CACHE_DIR: dir };
    const args = ['graph', SCENARIO];
    const entry = () => {
      const [f] = readdirSync(dir).filter((n) => n.startsWith('code-'));
      return readFileSync(path.join(dir, f!));
    };
    const first = runCli(args, { env }); // loads afresh, fills the scenario cache
    expect(String.fromCharCode(entry()[0]!)).toBe('F');
    for (const f of readdirSync(dir)) if (f.startsWith('code-')) rmSync(path.join(dir, f));
    const served = runCli(args, { env }); // served by the scenario cache: no loader compiled
    const small = entry();
    expect(String.fromCharCode(small[0]!)).toBe('S');
    const afresh = runCli(['--no-cache', ...args], { env });
    const both = entry();
    expect(String.fromCharCode(both[0]!)).toBe('F');
    expect(both.length).toBeGreaterThan(small.length);
    const again = runCli(args, { env });
    expect(entry().equals(both)).toBe(true); // a full entry is not written again
    for (const r of [served, afresh, again]) expect(r).toEqual(first);
  });

  it('removes the entries of another build when it writes one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truce-code-cache-'));
    writeFileSync(path.join(dir, `code-0000-${process.version}-${process.arch}-graph.bin`), 'old');
    writeFileSync(path.join(dir, 'unrelated.json'), '{}');
    expect(runCli(['graph', SCENARIO], { env: { TRUCE_CACHE_DIR: dir } }).code).toBe(0);
    const files = readdirSync(dir);
    expect(files).toContain('unrelated.json');
    expect(files.filter((f) => f.startsWith('code-'))).toHaveLength(1);
    expect(files).not.toContain(`code-0000-${process.version}-${process.arch}-graph.bin`);
  });
});
