import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDataFile, parseYaml, parseYamlFast } from '../src/load/parseDataFile.js';
import { ROOT } from './helpers.js';

/** Every .yaml under a folder of the repository, relative to ROOT. */
function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(dir, f))
    .sort();
}

const FILES = [...yamlFiles('seeds'), ...yamlFiles('scenarios'), ...yamlFiles('tests')];

const strip = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * The fast path either gives up or agrees with the positioned parse: no problems there, and the same data
 * (key order too, which toStrictEqual does not see, so the JSON text is compared as well).
 */
function agrees(file: string, text: string): boolean {
  const fast = parseYamlFast(file, text);
  if (!fast) return false;
  const slow = parseYaml(file, text);
  expect(slow.problems).toEqual([]);
  expect(fast.parsed.data).toStrictEqual(slow.parsed!.data);
  expect(JSON.stringify(fast.parsed.data)).toBe(JSON.stringify(slow.parsed!.data));
  return true;
}

describe('the fast YAML path agrees with the positioned parse or gives up', () => {
  it('on every .yaml in seeds/, scenarios/ and tests/ (bad inputs included)', () => {
    expect(FILES.length).toBeGreaterThan(50);
    const taken: string[] = [];
    for (const f of FILES) if (agrees(f, strip(readFileSync(path.join(ROOT, f), 'utf8')))) taken.push(f);
    // the files every command reads are the ones the fast path is for
    for (const f of [
      'seeds/places/russia.yaml',
      'seeds/places/ukraine.yaml',
      'seeds/sources.yaml',
      'seeds/events.yaml',
      'scenarios/jan-feb-2026.yaml',
    ]) {
      expect(taken).toContain(f);
    }
    // and nothing with a problem passes it
    expect(taken).not.toContain('tests/bad-inputs/duplicate-key.yaml');
    expect(taken).not.toContain('tests/bad-inputs/complex-key.yaml');
    expect(taken).not.toContain('tests/bad-inputs/alias-bomb.yaml');
  });

  it('on the seed and scenario files with a line cut, doubled, swapped or edited', () => {
    const texts = FILES.filter((f) => !f.startsWith('tests/')).map((f) => strip(readFileSync(path.join(ROOT, f), 'utf8')));
    const inserts = [
      '\t',
      ' ',
      '  ',
      ':',
      ': ',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      '#',
      '&a ',
      '*a',
      '!!str ',
      '? ',
      '|',
      '>',
      '<<: ',
      '---\n',
      'yes',
      '0x1F',
      '\n',
    ];
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.nat(),
        fc.constantFrom('cut', 'double', 'swap', 'insert'),
        fc.constantFrom(...inserts),
        fc.nat(),
        (which, lineSeed, how, insert, colSeed) => {
          const lines = texts[which]!.split('\n');
          const i = lineSeed % lines.length;
          if (how === 'cut') lines.splice(i, 1);
          else if (how === 'double') lines.splice(i, 0, lines[i]!);
          else if (how === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
          else {
            const col = colSeed % (lines[i]!.length + 1);
            lines[i] = lines[i]!.slice(0, col) + insert + lines[i]!.slice(col);
          }
          agrees('mutant.yaml', lines.join('\n'));
        },
      ),
      { numRuns: 300, seed: 18 },
    );
  });

  it('on generated documents: block and flow collections, plain and quoted scalars of every kind', () => {
    const plain = [
      'a',
      'b c',
      'yes',
      'No',
      'on',
      'OFF',
      'y',
      'n',
      '~',
      'null',
      'Null',
      'NULL',
      'true',
      'True',
      'FALSE',
      'tRue',
      '0x1F',
      '0o17',
      '0b11',
      '012',
      '-0',
      '+12',
      '12',
      '1_000',
      '1:30',
      '190:20:30',
      '.inf',
      '-.Inf',
      '.nan',
      '.NaN',
      '1e3',
      '1.5e-2',
      '.5',
      '5.',
      '3.14',
      '-2.0',
      '2026-01-29',
      '2026-01-29T00:00:00Z',
      '2026-01-29 10:00',
      '<<',
      '=',
      "Russia's",
      'a #b',
      'x-y',
      'Sakha (Yakutia)',
      '-',
      '-a',
      '?',
      ':a',
      'a:b',
      'é',
      '12345678901234567890',
      '',
    ];
    const keyArb = fc.oneof(fc.constantFrom(...plain), fc.string({ maxLength: 4 }));
    const scalarArb = fc.record({
      text: fc.oneof(fc.constantFrom(...plain), fc.string({ maxLength: 6 })),
      style: fc.constantFrom('plain', 'single', 'double'),
    });
    const render = (s: { text: string; style: string }) =>
      s.style === 'single' ? `'${s.text.replaceAll("'", "''")}'` : s.style === 'double' ? JSON.stringify(s.text) : s.text;
    const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalarArb,
        fc.record({ seq: fc.array(tie('tree'), { maxLength: 3 }), flow: fc.boolean() }),
        fc.record({
          map: fc.array(fc.tuple(keyArb, fc.constantFrom('plain', 'single', 'double'), tie('tree')), { maxLength: 3 }),
          flow: fc.boolean(),
        }),
      ),
    }));
    const flowText = (t: unknown): string => {
      const n = t as { seq?: unknown[]; map?: [string, string, unknown][] } & { text: string; style: string };
      if (n.seq) return `[${n.seq.map(flowText).join(', ')}]`;
      if (n.map) return `{${n.map.map(([k, ks, v]) => `${render({ text: k, style: ks })}: ${flowText(v)}`).join(', ')}}`;
      return render(n);
    };
    const blockText = (t: unknown, indent: string): string => {
      const n = t as { seq?: unknown[]; map?: [string, string, unknown][]; flow?: boolean } & { text: string; style: string };
      if ((!n.seq && !n.map) || n.flow || (n.seq ?? n.map)!.length === 0) return ` ${flowText(t)}`;
      if (n.seq) return n.seq.map((v) => `\n${indent}-${blockText(v, `${indent}  `)}`).join('');
      return n.map!.map(([k, ks, v]) => `\n${indent}${render({ text: k, style: ks })}:${blockText(v, `${indent}  `)}`).join('');
    };
    let taken = 0;
    fc.assert(
      fc.property(tree, (t) => {
        const text = `${blockText(t, '').replace(/^\n/, '')}\n`;
        if (agrees('generated.yaml', text)) taken++;
      }),
      { numRuns: 1500, seed: 18 },
    );
    // the generator must reach the fast path often, or the property says little
    expect(taken).toBeGreaterThan(100);
  });

  // guards: js-yaml takes a key over 1024 characters that yaml (strict) refuses
  it('gives up on a key whose ":" is more than 1024 characters from its start, which the positioned parse refuses', () => {
    for (const text of [`${'k'.repeat(1100)}: 1\n`, `a${' '.repeat(1100)}: 1\n`, `[${'k'.repeat(1100)}: 1]\n`]) {
      expect(parseYamlFast('long.yaml', text)).toBeUndefined();
      expect(parseYaml('long.yaml', text).problems.length).toBeGreaterThan(0);
    }
  });

  it('a file that takes the fast path still locates its values as the positioned parse does', () => {
    const text = readFileSync(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), 'utf8');
    const fast = parseDataFile('s.yaml', text).parsed!;
    const slow = parseYaml('s.yaml', text).parsed!;
    for (const p of [['interpretations', 0, 'window', 'start'], ['interpretations', 1, 'label'], ['parties', 2], ['nowhere']]) {
      expect(fast.locate(p)).toEqual(slow.locate(p));
    }
  });
});
