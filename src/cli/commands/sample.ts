import { loadForOutput } from '../loadForOutput.js';
import { sample, defaultWorkers, startWorkers, stopWorkers } from '../../sample/sample.js';
import { sampleJson, sampleText, type SampleReportInput } from '../../report/sampleReport.js';
import { parseShard, shardRange } from '../../merge/shard.js';
import type { SamplePart } from '../../schema/part.js';
import { provenanceOf } from '../../provenance.js';
import { UsageError } from '../../problem.js';
import { EXIT } from '../exitCodes.js';
import { emit } from '../output.js';
import { loadOptions } from '../loadOptions.js';
import { withKeptStatechart } from '../statechartMemo.js';
import { stderr } from '../io.js';
import type { Globals } from '../main.js';

const int = (name: string, v: string, min: number, max: number) => {
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${v}"`);
  return Number(v);
};

export async function sampleCommand(
  scenarioPath: string,
  flags: { draws: string; seed: string; workers?: string; shard?: string; format: 'table' | 'json' },
  g: Globals,
): Promise<number> {
  const draws = int('-n', flags.draws, 1, 10_000_000);
  const seed = int('--seed', flags.seed, 0, 2 ** 31 - 1);
  const workers = flags.workers !== undefined ? int('--workers', flags.workers, 1, 64) : defaultWorkers();
  const shard = flags.shard !== undefined ? parseShard(flags.shard) : undefined;
  const range = shard ? shardRange(draws, shard) : { from: 0, to: draws };
  // the worker threads boot while this thread loads the scenario
  const pool = startWorkers(range.to - range.from, workers);
  const loaded = await loadForOutput(scenarioPath, loadOptions(g), undefined, g.cache).catch(async (e: unknown) => {
    await stopWorkers(pool);
    throw e;
  });
  // a bar only on the process's own terminal (not on a pipe, nor on streams given to main)
  const bar = stderr() === process.stderr && process.stderr.isTTY ? await progressBar(range.to - range.from) : undefined;
  // the statechart's runs of earlier samples (src/cli/statechartMemo.ts)
  const tally = await withKeptStatechart((statechart) =>
    sample(loaded, {
      draws: range.to - range.from,
      first: range.from,
      seed,
      workers,
      pool,
      statechart,
      ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
    }),
  );
  bar?.stop();
  const input = {
    scenario: { id: loaded.scenario.id, title: loaded.scenario.title },
    draws,
    seed,
    tally,
    provenance: provenanceOf(loaded),
    readingOrder: loaded.scenario.interpretations.map((i) => i.id),
  };
  if (shard) {
    // a partial result for `truce merge`: the tally of this shard's draws, whatever --format says
    const part: SamplePart = {
      format: 'truce.sample-part/v1',
      provenance: input.provenance,
      scenario: input.scenario,
      seed,
      draws,
      shard,
      range,
      readingOrder: input.readingOrder,
      tally,
    };
    emit(JSON.stringify(part) + '\n');
  } else emit(sampleOutput(input, flags.format));
  return EXIT.ok;
}

/** What `truce sample` prints, and `truce merge` prints for its parts. */
export function sampleOutput(input: SampleReportInput, format: 'table' | 'json'): string {
  return format === 'json' ? JSON.stringify(sampleJson(input), null, 2) + '\n' : sampleText(input);
}

/** A progress bar on stderr, only when stderr is a terminal. */
async function progressBar(total: number) {
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    { stream: process.stderr, format: 'sampling [{bar}] {value}/{total} draws', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
