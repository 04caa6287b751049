import { loadForOutput } from '../loadForOutput.js';
import { parseVary } from '../../sweep/parseVary.js';
import { combinations, sweep, type SweepRow } from '../../sweep/sweep.js';
import { sweepCsv, sweepJson, sweepTable } from '../../report/sweepReport.js';
import { parseShard, shardRange } from '../../merge/shard.js';
import type { SweepPart } from '../../schema/part.js';
import { provenanceOf, type Provenance } from '../../provenance.js';
import { UsageError } from '../../problem.js';
import { EXIT } from '../exitCodes.js';
import { emit } from '../output.js';
import { loadOptions } from '../loadOptions.js';
import { checkInterpretation } from './run.js';
import type { Globals } from '../main.js';

const MAX_COMBINATIONS = 100_000;

export type SweepFormat = 'table' | 'csv' | 'json';

export async function sweepCommand(
  scenarioPath: string,
  flags: { vary: string[]; interpretation?: string; shard?: string; format: SweepFormat },
  g: Globals,
): Promise<number> {
  const varies = flags.vary.map(parseVary);
  const n = varies.reduce((k, v) => k * v.values.length, 1);
  if (n > MAX_COMBINATIONS) throw new UsageError(`${n} combinations is more than ${MAX_COMBINATIONS}; take larger steps`);
  const shard = flags.shard !== undefined ? parseShard(flags.shard) : undefined;
  const range = shard ? shardRange(n, shard) : { from: 0, to: n };
  const loaded = await loadForOutput(scenarioPath, loadOptions(g), undefined, g.cache);
  checkInterpretation(
    loaded.scenario.interpretations.map((i) => i.id),
    flags.interpretation,
    loaded.file,
  );
  const rows = await sweep(loaded, varies, loaded.file, flags.interpretation, combinations(varies).slice(range.from, range.to));
  const paths = varies.map((v) => v.path);
  if (shard) {
    // a partial result for `truce merge`: this shard's rows, whatever --format says
    const part: SweepPart = {
      format: 'truce.sweep-part/v1',
      provenance: provenanceOf(loaded),
      scenario: { id: loaded.scenario.id, title: loaded.scenario.title },
      timeZone: loaded.scenario.timeZone,
      vary: flags.vary,
      ...(flags.interpretation !== undefined ? { interpretation: flags.interpretation } : {}),
      combinations: n,
      shard,
      range,
      rows,
    };
    emit(JSON.stringify(part) + '\n');
  } else emit(sweepOutput(rows, paths, loaded.scenario.timeZone, flags.format, provenanceOf(loaded)));
  return EXIT.ok;
}

/** What `truce sweep` prints, and `truce merge` prints for its parts. */
export function sweepOutput(rows: SweepRow[], paths: string[], zone: string, format: SweepFormat, provenance: Provenance): string {
  return format === 'json'
    ? JSON.stringify(sweepJson(rows, zone, provenance), null, 2) + '\n'
    : format === 'csv'
      ? sweepCsv(rows, paths, zone)
      : sweepTable(rows, paths, zone, provenance);
}
