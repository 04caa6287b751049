import { readParts } from '../../load/readParts.js';
import { mergeParts } from '../../merge/mergeParts.js';
import { UsageError } from '../../problem.js';
import { EXIT } from '../exitCodes.js';
import { emit } from '../output.js';
import { sampleOutput } from './sample.js';
import { sweepOutput } from './sweep.js';
import type { Globals } from '../main.js';

/** `truce merge PARTS...`: the parts of a sharded sample or sweep, printed as the unsharded run prints. */
export async function mergeCommand(files: string[], flags: { format?: string }, _g: Globals): Promise<number> {
  const merged = mergeParts(readParts(files, process.cwd()));
  const format = flags.format ?? 'table';
  if (merged.kind === 'sample') {
    if (format !== 'table' && format !== 'json') throw new UsageError(`--format ${format} is not one of table, json for sample parts`);
    emit(sampleOutput(merged.report, format));
  } else {
    if (format !== 'table' && format !== 'csv' && format !== 'json')
      throw new UsageError(`--format ${format} is not one of table, csv, json for sweep parts`);
    emit(sweepOutput(merged.rows, merged.paths, merged.timeZone, format, merged.provenance));
  }
  return EXIT.ok;
}
