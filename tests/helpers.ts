import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadRules } from '../src/load/loadScenario.js';
import { Scenario, type Scenario as ScenarioT } from '../src/schema/scenario.js';
import { Event, type EventInput } from '../src/schema/event.js';
import type { ScenarioInput } from '../src/run/runScenario.js';
import type { z } from 'zod';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The real articles: $TRUCE_ARTICLES, else ../shared/seeds beside the project. A user's machine (and CI's
 * second pass) has none: the checks of the shipped data against them are skipped there, saying so.
 */
export const ARTICLES = path.resolve(ROOT, process.env.TRUCE_ARTICLES ?? '../shared/seeds');
export const HAVE_ARTICLES = existsSync(ARTICLES);
/** Appended to the name of a test that needs the real articles, so that a skip says why. */
export const NEEDS_ARTICLES = HAVE_ARTICLES ? '' : ` (skipped: needs the articles, none at ${ARTICLES}; set TRUCE_ARTICLES)`;
/** Our own stand-ins for the articles (tests/fixtures/articles/README.md): for tests of the citation checks themselves. */
export const FIXTURE_ARTICLES = path.join(ROOT, 'tests', 'fixtures', 'articles');
export const CLI = path.join(ROOT, 'dist/cli/main.js');

/** What a command did: its exit code and what it printed. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    input: opts.input,
    env: { ...process.env, TRUCE_ARTICLES: ARTICLES, ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type CliStreams = { stdout: { write(t: string | Uint8Array): unknown }; stderr: { write(t: string | Uint8Array): unknown } };
type CliMain = (args: readonly string[], io?: CliStreams) => Promise<number>;

/**
 * runCli without a process: the same compiled CLI (dist/, which vitest.config loads natively, not through
 * its transform), called through its `main` in this test worker, with the same working folder and
 * environment, printing into buffers. A node start and the loading of every module is most of what a
 * spawned command costs. For what is about the process itself (standard input, signals, exit on a closed
 * pipe, the `./truce` script) use runCli. Calls must not overlap: the working folder and the environment
 * are the process's, set for the length of a call.
 */
export async function runCliHere(
  args: string[],
  /** env: set for the call (undefined: unset), over TRUCE_ARTICLES=ARTICLES as runCli sets it */
  opts: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  const { main } = (await import(pathToFileURL(CLI).href)) as { main: CliMain };
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const into = (chunks: Buffer[]) => ({ write: (t: string | Uint8Array) => chunks.push(Buffer.from(t)) });
  const env: Record<string, string | undefined> = { TRUCE_ARTICLES: ARTICLES, ...opts.env };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const cwd = process.cwd();
  setEnv(env);
  process.chdir(opts.cwd ?? ROOT);
  try {
    const code = await main(args, { stdout: into(out), stderr: into(err) });
    return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  } finally {
    process.chdir(cwd);
    setEnv(saved);
  }
}

function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/**
 * stderr without the note that cited lines were not checked (printed where the articles are absent, as on
 * a user's machine): what else a command said.
 */
export function withoutArticlesNote(stderr: string): string {
  return stderr.replace(/^note: cited lines not checked: .*\n/m, '');
}

/** A scratch project folder holding a copy of rules/ and seeds/ and any files given. */
export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'truce-'));
  cpSync(path.join(ROOT, 'rules'), path.join(dir, 'rules'), { recursive: true });
  cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  mkdirSync(path.join(dir, 'scenarios'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export const RULES = loadRules(path.join(ROOT, 'rules'));

/** A source citation that the article check accepts (a000, line 4). */
export const CITE = { file: '000_5b12a92830bbfdb1.txt', line: 4 };

/** A strike event with defaults; override what the test is about. */
export function strike(id: string, over: Partial<EventInput> & { start: string; end?: string }): z.infer<typeof Event> {
  const { start, end, ...rest } = over;
  return Event.parse({
    id,
    kind: 'strike',
    actor: 'russia',
    target: 'ukraine',
    when: { start, end: end ?? start, precision: 'exact', evidence: 'test' },
    places: [{ name: 'Kyiv', region: 'Kyiv City', kind: 'capital', precision: 'settlement' }],
    targets: ['residential'],
    sources: [CITE],
    note: 'test event',
    ...rest,
  });
}

type ScenarioOverrides = Partial<Omit<z.input<typeof Scenario>, 'interpretations'>> & {
  interpretations?: z.input<typeof Scenario>['interpretations'];
};

/** A one-reading scenario: Russia must spare Kyiv, cities and towns and energy from 2026-01-30 for a week. */
export function scenario(over: ScenarioOverrides = {}): ScenarioT {
  return Scenario.parse({
    format: 'truce.scenario/v1',
    id: 'test',
    title: 'test scenario',
    parties: [
      { id: 'russia', name: 'Russia' },
      { id: 'ukraine', name: 'Ukraine' },
    ],
    interpretations: [
      {
        id: 'r',
        label: 'test reading',
        heldBy: [{ party: 'ukraine', who: 'test', sources: [CITE] }],
        agreement: { status: 'agreed' },
        window: { start: '2026-01-30T00:00:00+02:00', end: '2026-02-06T00:00:00+02:00', basis: 'test' },
        obligations: [
          {
            party: 'russia',
            towards: 'ukraine',
            refrainFrom: { places: ['Kyiv'], placeKinds: ['capital', 'city', 'town'], targets: ['energy'] },
            sources: [CITE],
          },
          {
            party: 'ukraine',
            towards: 'russia',
            refrainFrom: { targets: ['energy'] },
            condition: { while: 'counterparty-complies', counterparty: 'russia' },
            sources: [CITE],
          },
        ],
      },
    ],
    plan: {
      id: 'p',
      label: 'plan',
      appliesTo: ['russia'],
      status: 'test',
      sources: [CITE],
      phases: [
        { id: 'diplomatic', label: 'd', trigger: 'violation', deadline: 'PT24H', actors: ['a'], sources: [CITE] },
        {
          id: 'coalition',
          label: 'c',
          trigger: 'hostilities-continued',
          requires: ['diplomatic'],
          deadline: null,
          actors: ['a'],
          sources: [CITE],
        },
        {
          id: 'us-backed',
          label: 'u',
          trigger: 'broader-attack',
          requires: ['diplomatic'],
          deadline: 'PT72H',
          actors: ['a'],
          sources: [CITE],
        },
      ],
    },
    ...over,
  });
}

export function input(events: z.infer<typeof Event>[], s: ScenarioT = scenario()): ScenarioInput {
  return { scenario: s, events, rules: RULES.rules, conditions: RULES.conditions };
}
