import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { sample } from '../src/sample/sample.js';
import { combinations, sweep } from '../src/sweep/sweep.js';
import { parseVary } from '../src/sweep/parseVary.js';
import { mergeParts } from '../src/merge/mergeParts.js';
import { readParts } from '../src/load/readParts.js';
import { parseShard, shardRange } from '../src/merge/shard.js';
import { provenanceOf } from '../src/provenance.js';
import { sampleOutput } from '../src/cli/commands/sample.js';
import { sweepOutput } from '../src/cli/commands/sweep.js';
import { InputError, UsageError, type Problem } from '../src/problem.js';
import type { SamplePart, SweepPart } from '../src/schema/part.js';
import { ROOT, runCliHere } from './helpers.js';

const base = loadScenario(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), { cwd: ROOT });
const provenance = provenanceOf(base);
const scenario = { id: base.scenario.id, title: base.scenario.title };

describe('--shard I/N', () => {
  it('splits a range into N contiguous parts that cover it once, whatever N', () => {
    for (const total of [0, 1, 7, 100, 20_000]) {
      for (const count of [1, 2, 3, 7, 16]) {
        const ranges = Array.from({ length: count }, (_, i) => shardRange(total, { index: i + 1, count }));
        expect(ranges[0]!.from).toBe(0);
        expect(ranges.at(-1)!.to).toBe(total);
        ranges.forEach((r, i) => i > 0 && expect(r.from).toBe(ranges[i - 1]!.to));
      }
    }
  });
  it.each(['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3', '-1/2'])('refuses %s', (spec) => {
    expect(() => parseShard(spec)).toThrow(UsageError);
  });
});

async function sampleParts(draws: number, seed: number, count: number): Promise<{ file: string; part: SamplePart }[]> {
  const parts: { file: string; part: SamplePart }[] = [];
  for (let index = 1; index <= count; index++) {
    const range = shardRange(draws, { index, count });
    const tally = await sample(base, { draws: range.to - range.from, first: range.from, seed, workers: 1 });
    // through JSON, as the parts travel between machines
    parts.push({
      file: `part-${index}.json`,
      part: JSON.parse(
        JSON.stringify({ format: 'truce.sample-part/v1', provenance, scenario, seed, draws, shard: { index, count }, range, tally }),
      ),
    });
  }
  return parts.reverse();
}

describe('merging sample parts', () => {
  const draws = 600;
  it('prints byte for byte what one unsharded run prints, for several N', async () => {
    const whole = { scenario, draws, seed: 5, tally: await sample(base, { draws, seed: 5, workers: 1 }), provenance };
    for (const count of [1, 2, 3, 7]) {
      const merged = mergeParts(await sampleParts(draws, 5, count));
      if (merged.kind !== 'sample') throw new Error('expected a sample');
      for (const format of ['table', 'json'] as const) expect(sampleOutput(merged.report, format)).toBe(sampleOutput(whole, format));
    }
  });
  it('refuses a missing part, a part given twice, and parts of another run', async () => {
    const parts = await sampleParts(draws, 5, 3);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof InputError ? e.problems.map((p) => p.code) : ['not an input error'];
      }
      return [];
    };
    expect(code(() => mergeParts(parts.slice(1)))).toEqual(['E_SHARD_MISMATCH']);
    expect(code(() => mergeParts([...parts, parts[0]!]))).toEqual(['E_SHARD_MISMATCH']);
    const other = (await sampleParts(draws, 6, 3))[0]!;
    expect(code(() => mergeParts([...parts.slice(1), other]))).toEqual(['E_SHARD_MISMATCH']);
    const shifted = structuredClone(parts);
    shifted[0]!.part.range.from -= 1;
    expect(code(() => mergeParts(shifted))).not.toEqual([]);
  });
});

describe('merging sweep parts', () => {
  const vary = [
    'interpretations.washington.window.start=2026-01-26T00:00:00+02:00..2026-01-28T00:00:00+02:00:PT12H',
    'plan.phases.diplomatic.deadline=PT12H..PT48H:PT12H',
  ];
  const varies = vary.map(parseVary);
  it('prints byte for byte what one unsharded run prints, for several N', async () => {
    const all = combinations(varies);
    const whole = await sweep(base, varies, 'x');
    for (const count of [1, 2, 3, 7, 25]) {
      const parts: { file: string; part: SweepPart }[] = [];
      for (let index = count; index >= 1; index--) {
        const range = shardRange(all.length, { index, count });
        const rows = await sweep(base, varies, 'x', undefined, all.slice(range.from, range.to));
        const part: SweepPart = {
          format: 'truce.sweep-part/v1',
          provenance,
          scenario,
          timeZone: base.scenario.timeZone,
          vary,
          combinations: all.length,
          shard: { index, count },
          range,
          rows,
        };
        parts.push({ file: `part-${index}.json`, part: JSON.parse(JSON.stringify(part)) });
      }
      const merged = mergeParts(parts);
      if (merged.kind !== 'sweep') throw new Error('expected a sweep');
      for (const format of ['table', 'csv', 'json'] as const) {
        expect(sweepOutput(merged.rows, merged.paths, merged.timeZone, format)).toBe(
          sweepOutput(
            whole,
            varies.map((v) => v.path),
            base.scenario.timeZone,
            format,
          ),
        );
      }
    }
  });
});

describe('truce sample/sweep --shard and truce merge', () => {
  it('sample: two shards merged print what one run prints', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truce-shard-'));
    const args = ['sample', path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), '-n', '900', '--seed', '2', '--workers', '1'];
    const files: string[] = [];
    for (const i of [1, 2]) {
      const r = await runCliHere([...args, '--shard', `${i}/2`]);
      expect(r.code).toBe(0);
      const f = path.join(dir, `part-${i}.json`);
      writeFileSync(f, r.stdout);
      files.push(f);
    }
    const merged = await runCliHere(['merge', ...files.reverse(), '--format', 'json']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe((await runCliHere([...args, '--format', 'json'])).stdout);
  }, 120_000);
  it('sweep: two shards merged print what one run prints', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truce-shard-'));
    const args = [
      'sweep',
      path.join(ROOT, 'scenarios/jan-feb-2026.yaml'),
      '-i',
      'kyiv',
      '--vary',
      'plan.phases.diplomatic.deadline=PT12H..PT48H:PT6H',
    ];
    const files: string[] = [];
    for (const i of [1, 2]) {
      const r = await runCliHere([...args, '--shard', `${i}/2`]);
      expect(r.code).toBe(0);
      const f = path.join(dir, `part-${i}.json`);
      writeFileSync(f, r.stdout);
      files.push(f);
    }
    expect((await runCliHere(['merge', ...files])).stdout).toBe((await runCliHere(args)).stdout);
  }, 120_000);
  it('refuses a part that is not one, with the file and the place', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truce-shard-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"format": "truce.sweep-part/v1",\n "rows": 3}');
    let problems: Problem[] = [];
    try {
      readParts([bad, path.join(dir, 'none.json')], dir);
    } catch (e) {
      if (e instanceof InputError) problems = e.problems;
    }
    expect(problems.map((p) => p.code)).toContain('E_SCHEMA');
    expect(problems.find((p) => p.path?.[0] === 'rows')).toMatchObject({ file: 'bad.json', line: 2 });
    expect(problems.filter((p) => p.code === 'E_FILE_NOT_FOUND').map((p) => p.file)).toEqual(['none.json']);
  });
});
