#!/usr/bin/env node
import { realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Argument, Command, CommanderError, Option } from 'commander';
import { EXIT, reportError } from './exitCodes.js';
import { type CliIo, withIo } from './io.js';
import { VERSION } from '../version.js';
import { DEFAULT_MAX_FILE_BYTES } from '../load/maxFileBytes.js';

/**
 * The CLI: parses arguments, loads each command lazily (a command pays only for what it uses), prints,
 * and maps every error to an exit code in one place (reportError).
 */
export interface Globals {
  debug: boolean;
  /** reuse a validated scenario while none of its files changed (src/load/loadCache.ts) */
  cache: boolean;
  articles?: string;
  allowOutside: boolean;
}

/**
 * Runs the CLI on args (without node and the script) and returns the exit code. With io, it prints there
 * instead of to the process's stdout and stderr (tests call it in-process); it never exits the process
 * and keeps nothing between calls.
 */
export async function main(args: readonly string[], io?: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command();
  if (io !== undefined)
    program.configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // the width (commander's default) and colours of a pipe, whatever the test runner's own streams are
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
  program
    .name('truce')
    .description('Judge whether a truce was kept, under each reading of its terms, and what the enforcement plan demands.')
    .version(VERSION)
    .option('--debug', 'print stack traces of internal errors')
    .option('--articles <dir>', 'folder of the source articles (default ../shared/seeds, or $TRUCE_ARTICLES)')
    .option('--allow-outside', 'let `extends`, seeds and rules refer to files outside the project folder')
    .option('--no-cache', 'validate the scenario afresh even if none of its files changed since the last run')
    .showHelpAfterError()
    .exitOverride();

  const format = (choices: string[], def: string) => new Option('-f, --format <format>', 'output format').choices(choices).default(def);
  const collect = (v: string, prev: string[]) => [...prev, v];

  program
    .command('validate')
    .description('check scenario, seed and rule files against the formats and against each other')
    .argument('<files...>', 'files or folders')
    .action(async (files: string[]) => {
      const { validateCommand } = await import('./commands/validate.js');
      exitCode = validateCommand(files, globals());
    });

  program
    .command('run')
    .description('evaluate every event under each reading and simulate the enforcement plan')
    .argument('[scenario]', 'scenario file')
    .option('-i, --interpretation <id>', 'only this reading')
    .addOption(format(['text', 'json', 'md', 'html', 'ndjson'], 'text'))
    .option('-o, --out <file>', 'write the report to a file (written only when complete)')
    .option('--events <file>', 'read events as NDJSON from a file, or - for stdin (the scenario argument gives the terms)')
    .action(async (scenario: string | undefined, opts) => {
      const { runCommand } = await import('./commands/run.js');
      exitCode = await runCommand(scenario, opts, globals());
    });

  program
    .command('ingest')
    .description('draft events from a news article, each field citing its line and words; drafts count in no run until accepted')
    .argument('<article>', 'the article as a UTF-8 text file, one paragraph a line')
    .option('--published <time>', 'when the article was published, with its UTC offset, e.g. 2026-02-03T09:00+02:00')
    .option('--zone <zone>', "IANA time zone the text's days and nights are in", 'Europe/Kyiv')
    .option('--against <scenario>', 'propose drafts that match existing events as new sources of them')
    .option('--places <file>', 'place hierarchy (truce.places/v1); repeatable; default seeds/places/*.yaml', collect, [])
    .option('-o, --out <file>', 'write the draft events (a seed file) here; the report then goes to stdout')
    .option('--report <file>', 'write the ingest report here')
    .action(async (article: string, opts) => {
      const { ingestCommand } = await import('./commands/ingest.js');
      exitCode = await ingestCommand(article, opts, globals());
    });

  program
    .command('compare')
    .description('the readings side by side: event x reading findings, phases reached, final states')
    .argument('<scenario>', 'scenario file')
    .addOption(format(['text', 'json', 'md', 'html'], 'text'))
    .option('-o, --out <file>', 'write the report to a file')
    .action(async (scenario: string, opts) => {
      const { compareCommand } = await import('./commands/compare.js');
      exitCode = await compareCommand(scenario, opts, globals());
    });

  program
    .command('diff')
    .description('what changed in findings, phases and deadlines between two scenarios')
    .argument('<base>', 'baseline scenario')
    .argument('<variant>', 'what-if scenario')
    .addOption(format(['text', 'json'], 'text'))
    .action(async (base: string, variant: string, opts) => {
      const { diffCommand } = await import('./commands/diff.js');
      exitCode = await diffCommand(base, variant, opts, globals());
    });

  program
    .command('sweep')
    .description('run a scenario over a grid of values: --vary PATH=FROM..TO:STEP (repeatable)')
    .argument('<scenario>', 'scenario file')
    .requiredOption('--vary <spec>', 'PATH=FROM..TO:STEP over dates, durations or numbers', collect, [])
    .option('-i, --interpretation <id>', 'only this reading')
    .option('--shard <I/N>', 'run only the I-th of N equal parts of the grid and write a partial result for `truce merge`')
    .addOption(format(['table', 'csv', 'json'], 'table'))
    .action(async (scenario: string, opts) => {
      const { sweepCommand } = await import('./commands/sweep.js');
      exitCode = await sweepCommand(scenario, opts, globals());
    });

  program
    .command('sample')
    .description("Monte Carlo over the data's uncertainty: event times and counts drawn within their ranges")
    .argument('<scenario>', 'scenario file')
    .requiredOption('-n, --draws <n>', 'number of draws')
    .requiredOption('--seed <s>', 'seed (the result depends only on it and the data)')
    .option(
      '-w, --workers <n>',
      'at most this many threads (default: one per core, at most 2); a further thread starts only for enough draws to repay its start-up',
    )
    .option('--shard <I/N>', 'run only the I-th of N equal parts of the draws and write a partial result for `truce merge`')
    .addOption(format(['table', 'json'], 'table'))
    .action(async (scenario: string, opts) => {
      const { sampleCommand } = await import('./commands/sample.js');
      exitCode = await sampleCommand(scenario, opts, globals());
    });

  program
    .command('merge')
    .description('combine the partial results of `sample --shard` or `sweep --shard` into what one unsharded run prints')
    .argument('<parts...>', 'the files the shards wrote, in any order')
    .addOption(
      new Option('-f, --format <format>', 'output format: table or json (sample parts), table, csv or json (sweep parts)')
        .choices(['table', 'csv', 'json'])
        .default('table'),
    )
    .action(async (parts: string[], opts) => {
      const { mergeCommand } = await import('./commands/merge.js');
      exitCode = await mergeCommand(parts, opts, globals());
    });

  program
    .command('test')
    .description('run the `expect:` cases of scenario files (default: every scenario under scenarios/)')
    .argument('[paths...]', 'scenario files or folders')
    .option('--coverage', 'list the rules, states and transitions the cases exercised, and which never')
    .action(async (paths: string[], opts) => {
      const { testCommand } = await import('./commands/test.js');
      exitCode = await testCommand(paths, opts, globals());
    });

  program
    .command('explain')
    .description('for one event: every rule, whether it fired and why or why not')
    .argument('<scenario>', 'scenario file')
    .requiredOption('-e, --event <id>', 'the event')
    .option('-i, --interpretation <id>', 'only this reading')
    .addOption(format(['text', 'json'], 'text'))
    .action(async (scenario: string, opts) => {
      const { explainCommand } = await import('./commands/explain.js');
      exitCode = await explainCommand(scenario, opts, globals());
    });

  program
    .command('graph')
    .description('the statechart, drawn from the machine definition itself')
    .argument('[scenario]', 'scenario whose plan to draw (default: scenarios/jan-feb-2026.yaml)')
    .addOption(
      new Option(
        '-f, --format <format>',
        "output format: edges in words; -code: the machine's event, guard and action names, for developers",
      )
        .choices(['mermaid', 'dot', 'mermaid-code', 'dot-code'])
        .default('mermaid'),
    )
    .action(async (scenario: string | undefined, opts) => {
      const { graphCommand } = await import('./commands/graph.js');
      exitCode = await graphCommand(scenario, opts, globals());
    });

  program
    .command('workbench')
    .description('a self-contained what-if page: change terms and events, see the verdicts change, download the overlay')
    .argument('<scenario>', 'scenario (or overlay) file')
    .option('-o, --out <file>', 'the page to write (required)')
    .action(async (scenario: string, opts) => {
      const { workbenchCommand } = await import('./commands/workbench.js');
      exitCode = await workbenchCommand(scenario, opts, globals());
    });

  program
    .command('import')
    .description('an ACLED or UCDP GED export (CSV) as a truce.seed/v1 file, every event citing its record')
    .addArgument(new Argument('<dataset>', 'which export').choices(['acled', 'ucdp']))
    .argument('<file>', 'the CSV export')
    .option('--actors <file>', "truce.actors/v1 file mapping the export's actor names to party ids")
    .option('--zone <zone>', "read every date in this IANA zone (default: the country's, from the mapping table)")
    .option('-o, --out <file>', 'write here (never over an existing file; default stdout)')
    .addOption(format(['yaml', 'ndjson'], 'yaml'))
    .option('--against <scenario>', 'list likely matches with the events of this scenario, as proposals (OUT.matches.yaml)')
    .option('--dataset-version <v>', 'the dataset version or download date every citation records (default: undated)')
    .option('--mapping <file>', 'a truce.import-mapping/v1 table instead of seeds/import/mapping.yaml')
    .action(async (dataset: 'acled' | 'ucdp', file: string, opts) => {
      const { importCommand } = await import('./commands/import.js');
      exitCode = await importCommand(dataset, file, opts, globals());
    });

  function globals(): Globals {
    const o = program.opts<{ debug?: boolean; articles?: string; allowOutside?: boolean; cache?: boolean }>();
    return {
      debug: o.debug === true,
      cache: o.cache !== false,
      allowOutside: o.allowOutside === true,
      ...(o.articles !== undefined ? { articles: o.articles } : {}),
    };
  }

  return withIo(io, async () => {
    try {
      await program.parseAsync(args, { from: 'user' });
      return exitCode;
    } catch (err) {
      // commander has already printed its message (help, version or a usage error)
      if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
      const { code, message } = reportError(err, args.includes('--debug'));
      if (message !== '') (io?.stderr ?? process.stderr).write(message + '\n');
      return code;
    }
  });
}

/** Started as the program (node dist/src/cli/main.js, the bin link, ./truce), not imported. */
function startedAsProgram(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// not a top-level await: the CLI's bundle is CommonJS (tools/bundleCli.ts), which has none
if (startedAsProgram()) void runAsProgram();

async function runAsProgram(): Promise<void> {
  // a reader that goes away (`truce ... | head`) ends the run quietly, with success, as Unix tools do
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    throw e;
  });
  process.stderr.on('error', () => {
    // nowhere left to report anything
  });
  const args = process.argv.slice(2);
  const delegated = await streamsInWorker(args);
  if (delegated !== undefined) {
    process.exitCode = delegated;
    return;
  }
  // luxon's locale, the collation and the zones' hours known without starting ICU (src/cli/intlFree.ts)
  (await import('./intlFree.js')).prepareIntlFree();
  process.exitCode = await main(args);
}

/**
 * Events small enough to hold: `--events` given once, naming a regular file of at most a data file's
 * size (4 MiB), and no import. Its stream cannot outgrow what a scenario's own seeds take, so it runs
 * here: a worker thread loads the whole bundle a second time, which was a third of a short stream's
 * start (README, "Cold start"). Anything else (stdin, a FIFO, a larger file, a file that cannot be
 * looked at now) keeps the capped worker; the command itself reads and checks the file either way.
 */
function smallEventsFile(argv: readonly string[]): boolean {
  if (argv.includes('import')) return false;
  const at = argv.flatMap((a, i) => (a === '--events' ? [argv[i + 1]] : a.startsWith('--events=') ? [a.slice('--events='.length)] : []));
  const file = at.length === 1 ? at[0] : undefined;
  if (file === undefined || file === '' || file.startsWith('-')) return false;
  try {
    const s = statSync(file);
    return s.isFile() && s.size <= DEFAULT_MAX_FILE_BYTES;
  } catch {
    return false;
  }
}

/**
 * A stream's memory is flat, but V8 lets garbage pile up to a large heap before it collects. For
 * `--format ndjson` over stdin, a pipe, an import or an `--events` file larger than a data file may be
 * (smallEventsFile, above: a small one runs here, as its events fit in memory anyway), the CLI runs in a worker
 * thread whose isolate has a capped old space (the heap limit is fixed when an isolate is made, so it
 * cannot be set on this one), so that peak memory reflects what
 * the stream holds rather than V8's appetite; its young generation is capped too, at 8 MB (32 MB was faster
 * but peaked at 184-197 MB, at the edge of the 200 MB a stream may take). A million-event stream: 11.6-15.8 s,
 * 155-157 MB (README, Performance, footnote 15). A worker costs a few
 * milliseconds; a second process, as
 * before, cost a second start of node and of every module. Undefined: not delegated, run here.
 */
async function streamsInWorker(argv: string[]): Promise<number | undefined> {
  const ndjson = argv.some(
    (a, i) => a === '--format=ndjson' || a === '-f=ndjson' || ((a === '--format' || a === '-f') && argv[i + 1] === 'ndjson'),
  );
  // only what can grow without bound: a stream of `--events`, an import; a scenario's own seeds are bounded
  const unbounded = argv.some((a) => a === '--events' || a.startsWith('--events=') || a === 'import');
  if (!ndjson || !unbounded || smallEventsFile(argv)) return undefined;
  const { isMainThread, Worker } = await import('node:worker_threads');
  if (!isMainThread || process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) return undefined;
  // V8 tenures an allocation site once its objects survive often: the events a stream holds while early
  // pledges wait made the events' sites tenured, so every later event went straight to the old space
  // (about 0.8 KB of each, GC 26 % of the CPU). The flag is read at each collection and the main thread
  // only waits from here on, so setting it process-wide is safe.
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--no-allocation-site-pretenuring');
  const worker = new Worker(new URL(import.meta.url), {
    argv,
    // how src/cli/bin.ts tells this worker from the main thread (its own code-cache entry)
    env: { ...process.env, TRUCE_STREAM_WORKER: '1' },
    resourceLimits: { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 8 },
  });
  return new Promise<number>((resolve) => {
    let failed = false;
    worker.on('error', (e) => {
      // what the worker could not report itself, e.g. running out of its heap
      failed = true;
      process.stderr.write(`truce: internal error: ${(e as Error).message}\n`);
    });
    worker.on('exit', (code) => resolve(failed ? EXIT.internal : code));
  });
}
