import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

/**
 * A cached start does without ICU (src/cli/intlFree.ts): luxon told en-US, short ids ordered without the
 * collator, each zone's hours kept in the cache folder. None of it may change a byte of what a command
 * prints: with no file of hours, with one, with a damaged one, with none allowed, and under a locale
 * whose collation is not the root one (then ICU orders, as before).
 */
const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const COMMANDS = [
  ['run', SCENARIO],
  ['compare', SCENARIO, '--format', 'json'],
  ['explain', SCENARIO, '-e', 'ru-strike-2026-01-29-30'],
  ['test', SCENARIO, '--coverage'],
  ['sweep', SCENARIO, '--vary', 'interpretations.washington.window.start=2026-01-30T00:00+02:00..2026-01-31T00:00+02:00:P1D'],
  // the draws' tie-break ranks ids without the collator too (src/sample/drawEvents.ts)
  ['sample', SCENARIO, '-n', '40', '--seed', '3', '-w', '1', '--format', 'json'],
];

describe("a cached start without ICU prints what ICU's answers print", () => {
  it('with no file of zone hours, with one, validating afresh with it, with a damaged one, with no cache, and under LANG=da_DK', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truce-intl-'));
    const env = { TRUCE_CACHE_DIR: dir, LANG: 'C.UTF-8' };
    const zones = () => readdirSync(dir).filter((f) => f.startsWith('zones-'));
    for (const args of COMMANDS) {
      const none = runCli(args, { env: { TRUCE_CACHE: '0', LANG: 'C.UTF-8' } });
      expect(none.code).toBe(0);
      const first = runCli(args, { env });
      expect(zones()).toHaveLength(1);
      const kept = JSON.parse(readFileSync(path.join(dir, zones()[0]!), 'utf8')) as { hours: Record<string, unknown[]>; valid: string[] };
      expect(Object.keys(kept.hours)).toContain('Europe/Kyiv');
      // the first command loaded afresh (later ones are served by the scenario cache, after the damage below)
      if (args === COMMANDS[0]) expect(kept.valid).toEqual(expect.arrayContaining(['Europe/Kyiv', 'Europe/Moscow']));
      const second = runCli(args, { env });
      const afresh = runCli(['--no-cache', ...args], { env });
      writeFileSync(path.join(dir, zones()[0]!), `{"hours": {"Europe/Kyiv": [[1, "x"]]}, "valid": []}`);
      const damaged = runCli(args, { env });
      const danish = runCli(args, { env: { ...env, LANG: 'da_DK.UTF-8' } });
      for (const r of [first, second, afresh, damaged, danish]) expect([args, r]).toEqual([args, none]);
    }
  });
});
