import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { Change } from '../src/schema/overlay.js';
import { loadScenario } from '../src/load/loadScenario.js';
import { applyChanges } from '../src/overlay/applyChanges.js';
import { ROOT, runCliHere } from './helpers.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const OVERLAYS = readFileSync(path.join(ROOT, 'docs/overlays.md'), 'utf8');

/** The change kinds the overlay format knows, read from its zod definition. */
const KINDS = (Change as unknown as { options: { shape: Record<string, unknown> }[] }).options.map((o) => Object.keys(o.shape)[0]!);

describe('docs/overlays.md documents every change kind, with examples that work', () => {
  const examples = [...OVERLAYS.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((y) => y.startsWith('changes:'));
  const base = loadScenario(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'));

  it('has a section and an example for each kind', () => {
    expect(KINDS.sort()).toEqual([
      'addEvents',
      'removeEvents',
      'removeInterpretations',
      'set',
      'setInterpretation',
      'shiftEvent',
      'updateEvent',
    ]);
    for (const kind of KINDS) {
      expect(OVERLAYS, kind).toContain(`## \`${kind}\``);
      expect(
        examples.some((y) => (parse(y) as { changes: object[] }).changes.some((c) => kind in c)),
        kind,
      ).toBe(true);
    }
  });

  it('every example applies cleanly to scenarios/jan-feb-2026.yaml', () => {
    expect(examples.length).toBeGreaterThanOrEqual(KINDS.length);
    for (const y of examples) {
      const changes = (parse(y) as { changes: unknown[] }).changes.map((c) => Change.parse(c));
      const { problems } = applyChanges(base, changes, 'docs/overlays.md');
      expect(problems, y).toEqual([]);
    }
  });

  it('is linked from the README', () => {
    expect(README).toContain('(docs/overlays.md)');
  });
});

/** `-n, --draws <n>` lines of a help text -> long option -> short option. */
function helpOptions(text: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const m of text.matchAll(/^\s+(?:(-[a-zA-Z]), )?(--[a-z][a-z-]*)/gm)) out.set(m[2]!, m[1]);
  return out;
}

describe('the README and --help agree', () => {
  const commands = [
    'validate',
    'run',
    'compare',
    'diff',
    'sweep',
    'sample',
    'merge',
    'test',
    'explain',
    'graph',
    'workbench',
    'ingest',
    'import',
  ];
  const help: Record<string, string> = {};
  let top = '';
  beforeAll(async () => {
    for (const c of commands) help[c] = (await runCliHere([c, '--help'])).stdout;
    top = (await runCliHere(['--help'])).stdout;
  });
  // the Commands table: each row `truce CMD ...` with the options it shows
  const rows = [...README.matchAll(/^\| `truce ([a-z]+)([^`]*)` \|/gm)].map((m) => ({ cmd: m[1]!, usage: m[2]! }));

  it('every command has a row in the README, and every command in --help is one the README lists', () => {
    expect([...new Set(rows.map((r) => r.cmd))].sort()).toEqual([...commands].sort());
    const listed = [...top.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(listed.sort()).toEqual([...commands].sort());
  });

  for (const cmd of commands) {
    it(`truce ${cmd}: the options in its README rows are those of its --help`, () => {
      const opts = helpOptions(help[cmd]!);
      opts.delete('--help');
      const shown = rows
        .filter((r) => r.cmd === cmd)
        .map((r) => r.usage)
        .join(' ');
      const used = new Set([...shown.matchAll(/(^|[\s[])(--?[a-zA-Z][a-z-]*)/g)].map((m) => m[2]!));
      const shortToLong = new Map([...opts].filter(([, s]) => s).map(([l, s]) => [s!, l]));
      const readme = new Set([...used].map((o) => shortToLong.get(o) ?? o));
      expect([...readme].sort(), 'options in the README').toEqual([...opts.keys()].sort());
    });
  }

  it("the global options in --help are the README's, and the README names --help and --version", () => {
    const opts = helpOptions(top);
    for (const o of opts.keys()) expect(README, o).toContain(`\`${o}`);
    const global = README.slice(README.indexOf('Global options:'), README.indexOf('### Exit codes'));
    const named = new Set([...global.matchAll(/`(--[a-z][a-z-]*)/g)].map((m) => m[1]!));
    for (const o of named) expect(opts.has(o), o).toBe(true);
  });

  it('no help text names an option that does not exist (run --help once named --scenario)', () => {
    const all = new Set([...Object.values(help), top].flatMap((t) => [...helpOptions(t).keys()]));
    for (const [cmd, text] of Object.entries(help)) {
      for (const m of text.matchAll(/(--[a-z][a-z-]*)/g)) expect(all.has(m[1]!), `${cmd}: ${m[1]}`).toBe(true);
    }
  });
});

describe('one provenance stamp for the same input, in every format', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'truce-docs-'));
  const events = path.join(dir, 'events.ndjson');
  const e = {
    id: 'a',
    kind: 'strike',
    actor: 'russia',
    target: 'ukraine',
    when: { start: '2026-02-02T23:00:00+02:00', end: '2026-02-02T23:00:00+02:00', precision: 'hour', evidence: 'test' },
    places: [{ name: 'Kyiv', region: 'Kyiv City', kind: 'capital', precision: 'settlement' }],
    sources: [{ file: '000_5b12a92830bbfdb1.txt', line: 15 }],
    note: 'test',
  };
  writeFileSync(events, JSON.stringify(e) + '\n');
  const textHash = async (args: string[]) => /scenario (sha256:[0-9a-f]+)/.exec((await runCliHere(args)).stdout)?.[1];
  const headerHash = async (args: string[]) =>
    JSON.parse((await runCliHere([...args, '--format', 'ndjson'])).stdout.split('\n')[0]!).provenance.scenarioHash as string;
  const jsonHash = async (args: string[]) =>
    JSON.parse((await runCliHere([...args, '--format', 'json'])).stdout).provenance.scenarioHash as string;

  it('a run over a stream of events: text, JSON and the NDJSON header give one hash', async () => {
    const args = ['run', 'scenarios/jan-feb-2026.yaml', '--events', events];
    const h = await headerHash(args);
    expect(await textHash(args)).toBe(h);
    expect(await jsonHash(args)).toBe(h);
    expect((await runCliHere(args)).stdout).toContain('(its terms; the events came from the stream)');
  });

  it('a run of the scenario alone: text, JSON and NDJSON give one hash', async () => {
    const args = ['run', 'scenarios/jan-feb-2026.yaml'];
    const h = await headerHash(args);
    expect(await textHash(args)).toBe(h);
    expect(await jsonHash(args)).toBe(h);
  });
});
