import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { context } from '../src/load/loadContext.js';
import { recording } from '../src/load/observedFs.js';
import { InputError } from '../src/problem.js';
import { ndjsonSource } from '../src/sources/ndjsonSource.js';
import { seedFileSource } from '../src/sources/seedFileSource.js';

const tmp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-sources-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const SEED = `format: truce.seed/v1
events:
  - id: e1
    kind: strike
    actor: russia
    target: ukraine
    when: { start: "2026-01-01T00:00:00Z", end: "2026-01-01T01:00:00Z", precision: hour, evidence: test }
    note: a test event
    sources: [{ file: a.txt, line: 1 }]
  - id: e2
    kind: strike
    actor: russia
    target: ukraine
    when: { start: "2026-01-02T00:00:00Z", end: "2026-01-02T01:00:00Z", precision: hour, evidence: test }
    note: a test event
    sources: [{ file: a.txt, line: 2 }]
`;

describe('event sources: the seed file and the NDJSON stream behind the one seam', () => {
  it('a seed file: its events with file, line and row, its read observed for the load cache', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'seed.yaml'), SEED);
    const ctx = context({ cwd: dir });
    const { value: source, observations } = recording(() => seedFileSource(ctx, path.join(dir, 'seed.yaml')));
    expect(ctx.problems).toEqual([]);
    expect(observations.some(([op, p]) => op === 'read' && p === path.join(dir, 'seed.yaml'))).toBe(true);
    const all = source.readAll();
    // the entries start on lines 3 and 10 of SEED above
    expect(all.map((e) => [e.event.id, e.file, e.line, e.row])).toEqual([
      ['e1', 'seed.yaml', 3, 1],
      ['e2', 'seed.yaml', 10, 2],
    ]);
    const streamed = [];
    for await (const e of source.events()) streamed.push(e);
    expect(streamed).toEqual(all);
    expect(source.report()).toEqual({ events: 2 });
  });

  it('a bad seed file: no events, a problem located in the file', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'seed.yaml'), SEED.replace('actor: russia', 'actor: 7'));
    const ctx = context({ cwd: dir });
    const source = seedFileSource(ctx, path.join(dir, 'seed.yaml'));
    expect(source.seed).toBeUndefined();
    expect(source.readAll()).toEqual([]);
    expect(ctx.problems[0]).toMatchObject({ code: 'E_SCHEMA', file: 'seed.yaml', path: ['events', 0, 'actor'] });
  });

  it('an NDJSON stream: its events with line and row, and an InputError at the bad line', async () => {
    const dir = tmp();
    const line = (id: string, day: number) =>
      JSON.stringify({
        id,
        kind: 'strike',
        actor: 'russia',
        target: 'ukraine',
        when: { start: `2026-01-0${day}T00:00:00Z`, end: `2026-01-0${day}T01:00:00Z`, precision: 'hour', evidence: 'test' },
        note: 'a test event',
        sources: [{ file: 'a.txt', line: 1 }],
      });
    writeFileSync(path.join(dir, 'ok.ndjson'), `${line('n1', 1)}\n\n${line('n2', 2)}\n`);
    const source = ndjsonSource('ok.ndjson', dir);
    const got = [];
    for await (const e of source.events()) got.push([e.event.id, e.file, e.line, e.row]);
    expect(got).toEqual([
      ['n1', 'ok.ndjson', 1, 1],
      ['n2', 'ok.ndjson', 3, 2],
    ]);
    expect(source.report()).toEqual({ events: 2 });

    writeFileSync(path.join(dir, 'bad.ndjson'), `${line('n1', 1)}\n{not json\n`);
    const bad = ndjsonSource('bad.ndjson', dir);
    const seen: string[] = [];
    const err = await (async () => {
      try {
        for await (const e of bad.events()) seen.push(e.event.id);
      } catch (e) {
        return e;
      }
    })();
    expect(seen).toEqual(['n1']);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ code: 'E_PARSE', file: 'bad.ndjson', line: 2 });
  });
});
