import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { ParseMemo } from '../src/load/parseMemo.js';
import { validatePaths } from '../src/load/validatePaths.js';
import { InputError } from '../src/problem.js';
import { ROOT, scratch } from './helpers.js';

const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const text = readFileSync(path.join(ROOT, SCENARIO), 'utf8');

describe('ParseMemo: files parsed once across loads, by name and text', () => {
  it('the same name and text give the same frozen data; another text or name is parsed afresh', () => {
    const memo = new ParseMemo();
    const a = memo.parse('s.yaml', text);
    expect(memo.parse('s.yaml', text)).toBe(a);
    expect(Object.isFrozen(a.parsed!.data)).toBe(true);
    expect(Object.isFrozen((a.parsed!.data as { interpretations: object[] }).interpretations[0])).toBe(true);
    const edited = memo.parse('s.yaml', `${text}\n# edited\n`);
    expect(edited).not.toBe(a);
    expect(edited.parsed!.data).toEqual(a.parsed!.data);
    // problems name the file: a file of another name with the same text is another entry
    const bad = memo.parse('x.yaml', 'a: [');
    expect(bad.problems[0]!.file).toBe('x.yaml');
    expect(memo.parse('y.yaml', 'a: [').problems[0]!.file).toBe('y.yaml');
    expect(memo.size).toBe(4);
  });

  it('keeps at most its capacity, the least recently used going first', () => {
    const memo = new ParseMemo(2);
    const one = memo.parse('1.yaml', 'a: 1');
    memo.parse('2.yaml', 'a: 2');
    memo.parse('1.yaml', 'a: 1');
    memo.parse('3.yaml', 'a: 3');
    expect(memo.size).toBe(2);
    expect(memo.parse('1.yaml', 'a: 1')).toBe(one);
    expect(memo.parse('2.yaml', 'a: 2')).not.toBe(undefined);
    expect(memo.size).toBe(2);
  });

  it('loads through a memo give what loads without one give, and see a file edited between them', () => {
    const dir = scratch({ [SCENARIO]: text });
    const memo = new ParseMemo();
    const opts = { cwd: dir, articlesDir: path.join(dir, 'no-articles') };
    const plain = loadScenario(SCENARIO, opts);
    expect(loadScenario(SCENARIO, { ...opts, parseMemo: memo })).toEqual(plain);
    expect(loadScenario(SCENARIO, { ...opts, parseMemo: memo })).toEqual(plain);
    // an edit that breaks the file: the memo must not hand out the old parse
    writeFileSync(path.join(dir, SCENARIO), text.replace(/^id: .*$/m, 'id: [unclosed'));
    const refused = (o: Parameters<typeof loadScenario>[1]) => {
      try {
        loadScenario(SCENARIO, o);
      } catch (e) {
        if (e instanceof InputError) return e.problems;
        throw e;
      }
      return [];
    };
    const withMemo = refused({ ...opts, parseMemo: memo });
    expect(withMemo.length).toBeGreaterThan(0);
    expect(withMemo).toEqual(refused(opts));
    expect(validatePaths([SCENARIO], { ...opts, parseMemo: memo }).problems).toEqual(validatePaths([SCENARIO], opts).problems);
  });
});
