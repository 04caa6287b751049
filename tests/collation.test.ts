import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRoot } from '../src/collation.js';
import { rootCollationFromEnv } from '../src/cli/intlFree.js';

const root = new Intl.Collator('en-US');
const ASCII = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('compareText without ICU (src/collation.ts)', () => {
  it('orders printable ASCII as the root collation does: every pair of characters, and random strings with prefixes and case changes', () => {
    for (const a of ASCII) for (const b of ASCII) expect([a, b, compareRoot(a, b)]).toEqual([a, b, Math.sign(root.compare(a, b))]);
    const text = (abc: string) => fc.array(fc.constantFrom(...abc), { maxLength: 7 }).map((cs) => cs.join(''));
    const pair = fc.oneof(
      fc.tuple(text(ASCII), text(ASCII)),
      fc.tuple(text('aAbB-: >|0'), text('aAbB-: >|0')),
      // a prefix of the other, or the same letters in another case
      fc.tuple(text(ASCII), text(ASCII)).map(([a, b]) => [a, a + b] as [string, string]),
      text('aAbBzZ').map((a) => [a, a.toUpperCase()] as [string, string]),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(compareRoot(a, b)).toBe(Math.sign(root.compare(a, b)));
        expect(compareRoot(b, a)).toBe(Math.sign(root.compare(b, a)));
      }),
      { numRuns: 5000, seed: 22 },
    );
  });

  it('leaves to ICU what it does not know (other characters, a tab)', () => {
    for (const [a, b] of [
      ['é', 'e'],
      ['a\tb', 'a b'],
      ['Київ', 'Kyiv'],
      ['a', 'aé'],
    ])
      expect(compareRoot(a!, b!)).toBeNaN();
  });

  it('takes the root order only under locale variables ICU resolves to en-US (checked against a node started with them)', () => {
    const cases: Record<string, string>[] = [
      {},
      { LANG: 'C.UTF-8' },
      { LANG: 'C' },
      { LANG: 'POSIX' },
      { LANG: 'en_US.UTF-8' },
      { LANG: 'en_US' },
      { LANG: 'da_DK.UTF-8' },
      { LANG: 'C.UTF-8', LC_ALL: 'da_DK.UTF-8' },
      { LANG: 'C.UTF-8', LC_MESSAGES: 'de_DE' },
      { LANG: 'C.UTF-8', LC_COLLATE: 'sv_SE.UTF-8' },
      { LANG: '' },
      { LANG: 'en_GB.UTF-8' },
    ];
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LC_|LANG)/.test(k)));
    for (const vars of cases) {
      const env = { ...base, ...vars };
      const said = rootCollationFromEnv(env);
      if (!said) continue;
      const r = spawnSync(process.execPath, ['-p', 'new Intl.Collator().resolvedOptions().locale'], { env, encoding: 'utf8' });
      expect([vars, r.stdout.trim()]).toEqual([vars, 'en-US']);
    }
    expect(cases.filter((v) => rootCollationFromEnv({ ...base, ...v })).length).toBe(6);
  });
});
