import fc from 'fast-check';
import path from 'node:path';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { streamRun, type StreamRecord } from '../src/run/streamRun.js';
import { input, runCli, runCliHere, scenario, strike } from './helpers.js';

const T0 = Date.UTC(2026, 0, 30);
const H = 3_600_000;

async function* asStream(events: ReturnType<typeof strike>[]) {
  let line = 0;
  const sorted = [...events].sort((a, b) => Date.parse(a.when.start) - Date.parse(b.when.start));
  for (const event of sorted) yield { event, line: ++line };
}

describe('the stream runner equals the whole run', () => {
  // streaming in batches between quiet points must change no finding, phase or transition, whatever the batch size
  it('on 1,500 random event sets (overlaps, reciprocity, escalations, responses), in batches of 1, 2 or 256', async () => {
    const ev = fc.record({
      hour: fc.integer({ min: -40, max: 240 }),
      hours: fc.integer({ min: 0, max: 30 }),
      actor: fc.constantFrom('russia', 'russia', 'ukraine'),
      kyiv: fc.boolean(),
      energy: fc.boolean(),
      big: fc.boolean(),
      response: fc.constantFrom(undefined, undefined, undefined, 'diplomatic' as const, 'coalition' as const),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(ev, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(1, 2, 256),
        fc.boolean(),
        async (evs, minBatch, mutual) => {
          const events = evs.map((e, i) =>
            strike(`e${i}`, {
              start: new Date(T0 + e.hour * H).toISOString(),
              end: new Date(T0 + (e.hour + e.hours) * H).toISOString(),
              actor: e.actor,
              target: e.actor === 'russia' ? 'ukraine' : 'russia',
              ...(e.response ? { kind: 'response', phase: e.response } : {}),
              places: e.kyiv
                ? [{ name: 'Kyiv', region: 'Kyiv City', kind: 'capital', precision: 'settlement' }]
                : ['Sumy Oblast', 'Kharkiv Oblast', 'Odesa Oblast', 'Lviv Oblast'].map((r) => ({
                    name: r,
                    region: r,
                    kind: 'region' as const,
                    precision: 'region' as const,
                  })),
              targets: e.energy ? ['energy'] : ['military'],
              munitions: { drones: { low: e.big ? 400 : 10 } },
            }),
          );
          // mutual: each side's pledge hangs on the other's, so both sides' events wait on each other
          const s = scenario();
          if (mutual) s.interpretations[0]!.obligations[0]!.condition = { while: 'counterparty-complies', counterparty: 'ukraine' };
          const batch = await runScenario(input(events, s));
          // simultaneous breaches of mutual pledges have no fixed point: the whole run's last round is arbitrary
          fc.pre(batch.runs[0]!.converged);
          const records: StreamRecord[] = [];
          await streamRun(input(events, s), asStream(events), (r) => records.push(r), { minBatch });
          const run = batch.runs[0]!;
          const id = run.interpretation.id;
          expect(records.filter((r) => r.record === 'finding').map((r) => (r as { finding: unknown }).finding)).toEqual(run.findings);
          expect(records.filter((r) => r.record === 'transition').map((r) => (r as { transition: unknown }).transition)).toEqual(
            run.transitions,
          );
          expect(records.filter((r) => r.record === 'phase').map((r) => (r as { phase: unknown }).phase)).toEqual(run.phases);
          const summary = records.find((r) => r.record === 'summary' && r.interpretation === id) as Extract<
            StreamRecord,
            { record: 'summary' }
          >;
          expect(summary.finalState).toBe(run.finalState);
          expect(summary.firstViolations).toEqual(run.firstViolations);
        },
      ),
      { numRuns: 1500, seed: 5 },
    );
  }, 120_000);
});

const line = (id: string, start: string, end = start) =>
  JSON.stringify({
    id,
    kind: 'strike',
    actor: 'russia',
    target: 'ukraine',
    when: { start, end, precision: 'hour', evidence: 'test' },
    places: [{ name: 'Kyiv', region: 'Kyiv City', kind: 'capital', precision: 'settlement' }],
    targets: ['energy'],
    sources: [{ file: '000_5b12a92830bbfdb1.txt', line: 15 }],
    note: 'test',
  });

describe('truce run --events / --format ndjson', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'truce-ndjson-'));
  const good = path.join(dir, 'good.ndjson');
  writeFileSync(good, [line('a', '2026-02-02T23:00:00+02:00'), line('b', '2026-02-04T01:00:00+02:00')].join('\n') + '\n');

  it('streams findings, transitions, phases and a summary per reading as NDJSON', async () => {
    const r = await runCliHere(['run', 'scenarios/jan-feb-2026.yaml', '--events', good, '--format', 'ndjson', '-i', 'washington']);
    expect(r.code).toBe(0);
    const recs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(recs[0]).toMatchObject({ record: 'header', format: 'truce.stream/v1' });
    expect(recs.filter((x) => x.record === 'finding').map((x) => `${x.rule}:${x.eventId}`)).toEqual([
      'protected-place:a',
      'protected-place:b',
      'hostilities-continued:b',
    ]);
    expect(recs.at(-1)).toMatchObject({ record: 'summary', interpretation: 'washington', finalState: 'collapsed', events: 2 });
  });
  it('reads the events from stdin with --events -', () => {
    const r = runCli(['run', 'scenarios/jan-feb-2026.yaml', '--events', '-', '--format', 'ndjson', '-i', 'kremlin'], {
      input: line('a', '2026-01-30T01:00:00+02:00') + '\n',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"rule":"protected-place","eventId":"a"');
  });
  it('prints the same whether it runs in this thread (a small file) or in the capped worker (stdin)', () => {
    const args = ['run', 'scenarios/jan-feb-2026.yaml', '--format', 'ndjson'];
    // the worker keeps a code-cache entry of its own (src/cli/bin.ts): which thread ran shows there
    const cache = mkdtempSync(path.join(tmpdir(), 'truce-ndjson-cache-'));
    const workerEntries = () => readdirSync(cache).filter((f) => f.endsWith('+worker.bin'));
    const here = runCli([...args, '--events', good], { env: { TRUCE_CACHE_DIR: cache } });
    expect(workerEntries()).toEqual([]);
    const worker = runCli([...args, '--events', '-'], { input: readFileSync(good, 'utf8'), env: { TRUCE_CACHE_DIR: cache } });
    expect(workerEntries()).toHaveLength(1);
    expect(here.code).toBe(0);
    expect(here.stdout).toContain('"record":"finding"');
    expect(worker).toEqual(here);
  });
  it('gives the usual report formats over a stream too', async () => {
    const r = await runCliHere(['run', 'scenarios/jan-feb-2026.yaml', '--events', good, '--format', 'json']);
    expect(JSON.parse(r.stdout).events.map((e: { id: string }) => e.id)).toEqual(['a', 'b']);
  });
  it('refuses an out-of-order stream naming the line, and leaves no --out file behind', async () => {
    const bad = path.join(dir, 'bad.ndjson');
    writeFileSync(bad, [line('a', '2026-02-04T01:00:00+02:00'), line('b', '2026-02-02T23:00:00+02:00')].join('\n'));
    const out = path.join(dir, 'out.ndjson');
    const r = await runCliHere(['run', 'scenarios/jan-feb-2026.yaml', '--events', bad, '--format', 'ndjson', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad.ndjson:2:1\s+when.start\s+event b starts before the event on the line above/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });
  it('refuses a line that is not a valid event, naming the line', async () => {
    const bad = path.join(dir, 'bad2.ndjson');
    writeFileSync(bad, line('a', '2026-02-02T23:00:00+02:00') + '\n{"id": "x", "kind": "strike"\n');
    const r = await runCliHere(['run', 'scenarios/jan-feb-2026.yaml', '--events', bad, '--format', 'ndjson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad2.ndjson:2:1/);
  });

  // whole lines of a chunk are decoded together; a line across chunks, or a run with a bad byte, line by line
  it("reads lines across chunk boundaries (multi-byte characters, CRLF, blank lines, a BOM) as one by one, and names a bad byte's line", async () => {
    const { ndjsonEvents } = await import('../src/load/ndjsonEvents.js');
    const lines: string[] = [];
    for (let i = 0; i < 900; i++) {
      const text = line(`e${i}`, new Date(T0 + i * 60_000).toISOString());
      // notes of every length, some with characters of 2, 3 and 4 bytes, so that chunks end inside lines and characters
      lines.push(i % 7 === 3 ? '' : text.replace('"note":"test"', `"note":"x${'é€😀x'.repeat(i % 50)}${'n'.repeat(i)}"`));
    }
    const file = path.join(dir, 'chunks.ndjson');
    const text = `\ufeff${lines.map((l, i) => (i % 5 === 1 ? `${l}\r` : l)).join('\n')}`;
    writeFileSync(file, text);
    const read = async (f: string) => {
      const got: [string, number, string][] = [];
      for await (const x of ndjsonEvents(f)) got.push([x.event.id, x.line, x.event.note]);
      return got;
    };
    const expected = lines.flatMap((l, i): [string, number, string][] => {
      if (l === '') return [];
      const e = JSON.parse(l) as { id: string; note: string };
      return [[e.id, i + 1, e.note]];
    });
    expect(await read(file)).toEqual(expected);
    // a byte that is not UTF-8 in line 700, inside a chunk of good lines
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(Buffer.from('"e699"')) + 2;
    const bad = path.join(dir, 'chunks-bad.ndjson');
    writeFileSync(bad, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at + 1)]));
    await expect(read(bad)).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: 'E_ENCODING', line: 700, message: expect.stringMatching(/byte \d+ of the line/) })],
    });
  });

  // nesting is counted only for a line that is not a plain event; too deep is still what such a line is told
  it('tells a line nested past the limit so, whether it parses or not, with a forbidden key or not', async () => {
    const { ndjsonEvents } = await import('../src/load/ndjsonEvents.js');
    const ok = line('a', '2026-02-02T23:00:00+02:00');
    const deep = (inner: string) => `${'['.repeat(150)}${inner}${']'.repeat(150)}`;
    for (const bad of [
      ok.replace('"note":"test"', `"note":${deep('1')}`),
      ok.replace('"note":"test"', `"note":${deep('{"__proto__": 1}')}`),
      `{"id": ${'['.repeat(5000)}`,
    ]) {
      const f = path.join(dir, 'deep.ndjson');
      writeFileSync(f, `${ok}\n${bad}\n`);
      const read = async () => {
        for await (const _ of ndjsonEvents(f)) void _;
      };
      await expect(read()).rejects.toMatchObject({
        problems: [expect.objectContaining({ code: 'E_PARSE', line: 2, message: expect.stringMatching(/nested more than 100 deep/) })],
      });
    }
  });

  // lines are parsed without a reviver unless they could hold a forbidden key: plainly or through an escape
  it('refuses a forbidden key in a line, written plainly or with \\u escapes, in-process', async () => {
    const { ndjsonEvents } = await import('../src/load/ndjsonEvents.js');
    const ok = line('a', '2026-02-02T23:00:00+02:00');
    for (const key of ['"__proto__"', '"constructor"', '"\\u005f_proto__"', '"proto\\u0074ype"']) {
      const bad = path.join(dir, 'forbidden.ndjson');
      writeFileSync(bad, `${ok}\n${ok.replace(/^\{/, `{${key}: {"x": 1}, `)}\n`);
      const read = async () => {
        for await (const _ of ndjsonEvents(bad)) void _;
      };
      await expect(read(), key).rejects.toMatchObject({
        problems: [expect.objectContaining({ code: 'E_PARSE', line: 2, message: expect.stringMatching(/is not allowed/) })],
      });
    }
  });
});
