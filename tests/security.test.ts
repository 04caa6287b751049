import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { validatePaths } from '../src/load/validatePaths.js';
import { parseDataFile } from '../src/load/parseDataFile.js';
import { DEFAULT_MAX_FILE_BYTES } from '../src/load/files.js';
import { InputError, type Problem } from '../src/problem.js';
import { RuleEvaluator } from '../src/rules/ruleEngine.js';
import { safePath } from '../src/rules/safePath.js';
import { runScenario } from '../src/run/runScenario.js';
import type { Rule } from '../src/schema/rule.js';
import { ARTICLES, ROOT, RULES, input, runCliHere, scratch, strike, withoutArticlesNote } from './helpers.js';

/**
 * A scenario, seed or rule file may come from anyone (a pull request, a shared folder). Loading and
 * running one must not exhaust memory, change JavaScript's objects, run code, or read files outside
 * the project folder.
 */

const REAL_SCENARIO = readFileSync(path.join(ROOT, 'scenarios', 'jan-feb-2026.yaml'), 'utf8');
/** A valid small scenario from the corpus (with a byte-order mark: the loader must not care). */
const SMALL = readFileSync(path.join(ROOT, 'tests', 'bad-inputs', 'bom-valid.yaml'), 'utf8');

function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected the load to be refused');
}

describe('YAML alias bombs', () => {
  /** `levels` levels of ten aliases each: 10^levels strings once expanded. */
  const bomb = (levels: number) => {
    const lines = ['format: truce.scenario/v1', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= levels; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    return lines.join('\n') + '\n';
  };

  for (const levels of [9, 20]) {
    it(`10^${levels} expansions are refused with E_PARSE in well under a second, without the memory`, () => {
      const heapBefore = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const { parsed, problems } = parseDataFile('bomb.yaml', bomb(levels));
      const ms = performance.now() - t0;
      expect(parsed).toBeUndefined();
      expect(problems.map((p) => p.code)).toEqual(['E_PARSE']);
      expect(problems[0]!.message).toMatch(/alias/i);
      expect(ms).toBeLessThan(500);
      // the expansion would need gigabytes; allow for ordinary garbage only
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    });
  }

  it('a few aliases in ordinary use are still fine', () => {
    const text =
      'format: truce.seed/v1\nsources: []\nx-place: &kyiv { name: Kyiv, kind: capital, precision: settlement }\nlist: [*kyiv, *kyiv]\n';
    const { parsed, problems } = parseDataFile('ok.yaml', text);
    expect(problems).toEqual([]);
    expect((parsed!.data as { list: unknown[] }).list).toHaveLength(2);
  });
});

describe('prototype keys (__proto__, constructor, prototype)', () => {
  const prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  afterEach(() => {
    // whatever a test loaded, the prototype every object inherits from is unchanged
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  const INLINE_EVENT_NOTE = '    note: an invented strike\n';
  const variants: { name: string; edit: (s: string) => string; key: string }[] = [
    {
      name: '__proto__ as a plain key',
      edit: (s) => s.replace(INLINE_EVENT_NOTE, `${INLINE_EVENT_NOTE}    __proto__: { polluted: true }\n`),
      key: '__proto__',
    },
    {
      name: '"__proto__" quoted',
      edit: (s) => s.replace(INLINE_EVENT_NOTE, `${INLINE_EVENT_NOTE}    "__proto__": { polluted: true }\n`),
      key: '__proto__',
    },
    {
      name: '__proto__ escaped in a JSON-style key',
      edit: (s) => s.replace(INLINE_EVENT_NOTE, `${INLINE_EVENT_NOTE}    "\\u005f_proto__": { polluted: true }\n`),
      key: '__proto__',
    },
    {
      name: '__proto__ through an alias key',
      edit: (s) => s.replace(INLINE_EVENT_NOTE, '    note: &k __proto__\n    *k : { polluted: true }\n'),
      key: '__proto__',
    },
    {
      name: 'constructor.prototype',
      edit: (s) => s.replace('  status: test\n', '  status: test\n  constructor: { prototype: { isAdmin: true } }\n'),
      key: 'constructor',
    },
    {
      name: 'prototype at the top',
      edit: (s) => s.replace('rules: ../rules\n', 'rules: ../rules\nprototype: { polluted: true }\n'),
      key: 'prototype',
    },
    {
      name: '__proto__ in a flow mapping',
      edit: (s) => s.replace('  - { id: poland, name: Poland }', '  - { id: poland, name: Poland, __proto__: { polluted: true } }'),
      key: '__proto__',
    },
  ];
  for (const v of variants) {
    it(`${v.name}: E_FORBIDDEN_KEY, and nothing inherits from it`, () => {
      const text = v.edit(SMALL);
      expect(text).not.toBe(SMALL);
      const dir = scratch({ 'scenarios/s.yaml': text });
      const problems = problemsOf(() => loadScenario('scenarios/s.yaml', { cwd: dir, articlesDir: ARTICLES }));
      const hit = problems.find((p) => p.code === 'E_FORBIDDEN_KEY');
      expect(hit, JSON.stringify(problems)).toBeDefined();
      expect(hit!.path.at(-1)).toBe(v.key);
      expect(hit!.line).toBeGreaterThan(1);
    });
  }

  it('in a JSON rule file (where JSON.parse would make it an own key) and in params', () => {
    const rule = JSON.parse(readFileSync(path.join(ROOT, 'rules', 'protected-place.json'), 'utf8'));
    const text = JSON.stringify({ ...rule, name: 'hostile' }, null, 2).replace(
      '"certainty": "certain"',
      '"__proto__": { "polluted": true },\n      "certainty": "certain"',
    );
    const dir = scratch({ 'rules/hostile.json': text, 'scenarios/s.yaml': SMALL });
    expect(validatePaths(['rules'], { cwd: dir }).problems.map((p) => [p.code, p.path.join('.')])).toEqual([
      ['E_FORBIDDEN_KEY', 'event.params.__proto__'],
    ]);
    expect(problemsOf(() => loadScenario('scenarios/s.yaml', { cwd: dir, articlesDir: ARTICLES })).map((p) => p.code)).toContain(
      'E_FORBIDDEN_KEY',
    );
  });

  it('a path through __proto__ in an overlay `set` or `updateEvent` is refused', () => {
    const overlay = (change: string) => `format: truce.overlay/v1\nextends: jan-feb-2026.yaml\nid: w\ntitle: w\nchanges:\n  - ${change}\n`;
    const dir = scratch({
      'scenarios/jan-feb-2026.yaml': REAL_SCENARIO,
      'scenarios/a.yaml': overlay('set: { path: plan.__proto__.polluted, value: true }'),
      'scenarios/b.yaml': overlay('set: { path: parties.0.constructor.prototype.polluted, value: true }'),
      'scenarios/c.yaml': overlay('updateEvent: { id: ru-strike-2026-02-02-03, set: { "when.__proto__.polluted": true } }'),
    });
    for (const f of ['a', 'b', 'c']) {
      const problems = problemsOf(() => loadScenario(`scenarios/${f}.yaml`, { cwd: dir, articlesDir: ARTICLES }));
      expect(
        problems.some((p) => /may not appear in a path/.test(p.message)),
        `${f}: ${JSON.stringify(problems)}`,
      ).toBe(true);
    }
  });
});

describe('JSONPath in rule conditions does not run code', () => {
  const HOSTILE = "$..[?(@.constructor.constructor('globalThis.pwned=1')())]";
  afterEach(() => {
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  /** A rule that fires on any strike if its hostile path is ever evaluated to a match. */
  const hostileRule = (where: 'path' | 'value'): Rule => ({
    name: 'hostile-path',
    description: 'a script expression where a JSONPath is expected',
    encodes: [{ file: '000_5b12a92830bbfdb1.txt', line: 4, clause: 'none' }],
    priority: 1,
    conditions: {
      all: [
        { fact: 'kind', operator: 'equal', value: 'strike' },
        where === 'path'
          ? { fact: 'window', path: HOSTILE, operator: 'equal', value: 1 }
          : { fact: 'munitionsLow', operator: 'greaterThanInclusive', value: { fact: 'window', path: HOSTILE } },
      ],
    },
    event: { type: 'violation', params: { certainty: 'certain', explain: 'pwned' } },
  });

  for (const where of ['path', 'value'] as const) {
    it(`a script in a condition's ${where === 'path' ? '`path`' : 'value fact `path`'}: evaluation errors out, the rule never fires, the script never runs`, async () => {
      const run = runScenario(input([strike('s1', { start: '2026-02-01T03:00:00+02:00' })]), {
        evaluator: new RuleEvaluator([...RULES.rules, hostileRule(where)], RULES.conditions),
      });
      await expect(run).rejects.toThrow(/unsupported path/);
    });
  }

  it('the resolver follows own properties only, by name or index', () => {
    const facts = { window: { start: 1, list: [10, 20] } };
    expect(safePath(facts, '$.window.start')).toBe(1);
    expect(safePath(facts, '$.window.list[1]')).toBe(20);
    expect(safePath(facts, '$')).toBe(facts);
    // inherited members are not reachable, so no Function constructor either
    for (const p of ['$.constructor', '$.window.__proto__', '$.window.constructor', '$.window.hasOwnProperty', '$.window.toString'])
      expect(safePath(facts, p), p).toBeUndefined();
    for (const p of [
      HOSTILE,
      '$..start',
      "$['window']",
      '$.window[*]',
      '$.window.list[-1]',
      'window.start',
      '$.window.start; process.exit(1)',
    ]) {
      expect(() => safePath(facts, p), p).toThrow(/unsupported path/);
    }
  });

  // validate must refuse what the run would refuse, never pass it on to an internal error
  it('a rule whose condition path is a JSONPath filter is refused by validate, at the path', () => {
    const rule = { ...hostileRule('path'), conditions: { all: [{ fact: 'window', path: HOSTILE, operator: 'equal', value: 1 }] } };
    const dir = scratch({ 'rules/hostile.json': JSON.stringify(rule, null, 2) });
    const r = validatePaths(['rules/hostile.json'], { cwd: dir, articlesDir: ARTICLES });
    expect(r.problems.map((p) => [p.code, p.path.join('.')])).toContainEqual(['E_SCHEMA', 'conditions.all.0.path']);
    const ref = {
      ...hostileRule('path'),
      conditions: { all: [{ fact: 'eventTime', operator: 'during', value: { fact: 'window', path: HOSTILE } }] },
    };
    const dir2 = scratch({ 'rules/hostile.json': JSON.stringify(ref, null, 2) });
    expect(validatePaths(['rules/hostile.json'], { cwd: dir2, articlesDir: ARTICLES }).problems.map((p) => p.code)).toContain('E_SCHEMA');
  });
});

describe('references leaving the project folder', () => {
  /**
   * <tmp>/project (package.json) is the project; the real data also sits one level above it, so each
   * case differs from a valid one by the one reference under test.
   */
  function layout(files: Record<string, string>): { dir: string; project: string } {
    const dir = scratch({ 'scenarios/jan-feb-2026.yaml': REAL_SCENARIO });
    const project = path.join(dir, 'project');
    for (const sub of ['rules', 'seeds']) cpSync(path.join(dir, sub), path.join(project, sub), { recursive: true });
    mkdirSync(path.join(project, 'scenarios'));
    writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
      writeFileSync(path.join(project, name), text);
    }
    return { dir, project };
  }
  const overlayOf = (ext: string) =>
    `format: truce.overlay/v1\nextends: ${ext}\nid: w\ntitle: w\nchanges:\n  - removeEvents: [talks-uae-2026-02-04]\n`;

  const CASES: { name: string; file: string; text: (dir: string) => string; path: string }[] = [
    { name: 'extends', file: 'scenarios/w.yaml', text: () => overlayOf('../../scenarios/jan-feb-2026.yaml'), path: 'extends' },
    {
      name: 'extends, by an absolute path',
      file: 'scenarios/w.yaml',
      text: (dir) => overlayOf(path.join(dir, 'scenarios', 'jan-feb-2026.yaml')),
      path: 'extends',
    },
    {
      name: 'seeds',
      file: 'scenarios/s.yaml',
      text: () => SMALL.replace('../seeds/events.yaml', '../../seeds/events.yaml'),
      path: 'seeds.1',
    },
    { name: 'rules', file: 'scenarios/s.yaml', text: () => SMALL.replace('rules: ../rules', 'rules: ../../rules'), path: 'rules' },
  ];

  for (const c of CASES) {
    it(`${c.name}: E_OUTSIDE_PROJECT without allowOutside, loads with it`, () => {
      const { dir, project } = layout({});
      writeFileSync(path.join(project, c.file), c.text(dir));
      const problems = problemsOf(() => loadScenario(c.file, { cwd: project, articlesDir: ARTICLES }));
      expect(problems.map((p) => [p.code, p.file, p.path.join('.')])).toEqual([['E_OUTSIDE_PROJECT', c.file, c.path]]);
      expect(problems[0]!.message).toMatch(/outside the project folder.*--allow-outside/);
      const loaded = loadScenario(c.file, { cwd: project, articlesDir: ARTICLES, allowOutside: true });
      expect(loaded.events.length).toBeGreaterThan(0);
    });
  }

  it('the CLI refuses with exit 2 and accepts with --allow-outside', async () => {
    const { project } = layout({ 'scenarios/w.yaml': overlayOf('../../scenarios/jan-feb-2026.yaml') });
    const refused = await runCliHere(['validate', 'scenarios/w.yaml'], { cwd: project });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^scenarios\/w\.yaml:2:10 {2}extends {2}.*outside the project folder.* \[E_OUTSIDE_PROJECT\]$/m);
    const allowed = await runCliHere(['--allow-outside', 'validate', 'scenarios/w.yaml'], { cwd: project });
    expect(withoutArticlesNote(allowed.stderr)).toBe('');
    expect(allowed.code).toBe(0);
    const run = await runCliHere(['--allow-outside', 'run', 'scenarios/w.yaml', '--format', 'json'], { cwd: project });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).scenario.id).toBe('w');
  });

  it('a reference that stays inside the project folder needs no flag', () => {
    const { project } = layout({ 'scenarios/s.yaml': SMALL, 'scenarios/whatif/w.yaml': overlayOf('../s.yaml') });
    expect(loadScenario('scenarios/whatif/w.yaml', { cwd: project, articlesDir: ARTICLES }).scenario.id).toBe('w');
  });

  it('LoadedScenario.chain lists the overlay, then what it extends', () => {
    const { project } = layout({ 'scenarios/s.yaml': SMALL, 'scenarios/whatif/w.yaml': overlayOf('../s.yaml') });
    expect(loadScenario('scenarios/whatif/w.yaml', { cwd: project, articlesDir: ARTICLES }).chain).toEqual([
      path.join('scenarios', 'whatif', 'w.yaml'),
      path.join('scenarios', 's.yaml'),
    ]);
  });

  // a link inside the project is no way out of it
  it('a symlink inside the project that points outside it is refused like ../', () => {
    const { dir, project } = layout({ 'scenarios/s.yaml': SMALL.replace('rules: ../rules', 'rules: ../linked-rules') });
    symlinkSync(path.join(dir, 'rules'), path.join(project, 'linked-rules'));
    const problems = problemsOf(() => loadScenario('scenarios/s.yaml', { cwd: project, articlesDir: ARTICLES }));
    expect(problems.map((p) => [p.code, p.path.join('.')])).toContainEqual(['E_OUTSIDE_PROJECT', 'rules']);
    expect(loadScenario('scenarios/s.yaml', { cwd: project, articlesDir: ARTICLES, allowOutside: true }).rules.length).toBeGreaterThan(0);
  });
});

describe('the per-file size limit', () => {
  it(`a data file over ${DEFAULT_MAX_FILE_BYTES / 1048576} MiB: E_FILE_TOO_LARGE naming its size, the limit and what to do`, async () => {
    // comments are enough: the size is checked before parsing
    const text =
      'format: truce.seed/v1\n' +
      '# padding padding padding padding padding padding padding padding\n'.repeat(Math.ceil((DEFAULT_MAX_FILE_BYTES + 1) / 66));
    const dir = scratch({ 'seeds/big.yaml': text });
    const r = validatePaths(['seeds/big.yaml'], { cwd: dir });
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect(p).toMatchObject({ code: 'E_FILE_TOO_LARGE', file: path.join('seeds', 'big.yaml'), line: 1, col: 1 });
    // just over the limit must not read as the limit itself ("4.0 MiB, over the 4.0 MiB limit")
    expect(p.message).toMatch(
      /^the file is 4\.0\d*[1-9] MiB, over the 4\.0 MiB limit; split it, or stream events as NDJSON with --events$/,
    );

    const cli = await runCliHere(['validate', 'seeds/big.yaml'], { cwd: dir });
    expect(cli.code).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toMatch(/^seeds\/big\.yaml:1:1 {2}\(file\) {2}the file is .* MiB, over the 4\.0 MiB limit.* \[E_FILE_TOO_LARGE\]$/m);
  });

  it('a smaller limit can be set with the loader option maxFileBytes', () => {
    const dir = scratch({ 'scenarios/s.yaml': SMALL });
    const over = problemsOf(() =>
      loadScenario('scenarios/s.yaml', { cwd: dir, articlesDir: ARTICLES, maxFileBytes: Buffer.byteLength(SMALL) - 1 }),
    );
    expect(over.map((p) => [p.code, p.file])).toContainEqual(['E_FILE_TOO_LARGE', path.join('scenarios', 's.yaml')]);
    expect(over.find((p) => p.code === 'E_FILE_TOO_LARGE')!.message).toMatch(/^the file is [\d.]+ KiB, over the [\d.]+ KiB limit/);
  });

  it('devices and folders are not read as data files', () => {
    const dir = scratch();
    const problems = validatePaths(['/dev/zero'], { cwd: dir }).problems;
    expect(problems.map((p) => p.code)).toEqual(['E_NOT_A_FILE']);
    expect(problems[0]!.message).toMatch(/character device, not a regular file/);
    expect(problemsOf(() => loadScenario('seeds', { cwd: dir })).map((p) => p.message)).toEqual([
      expect.stringMatching(/folder, not a file/),
    ]);
  });
});
