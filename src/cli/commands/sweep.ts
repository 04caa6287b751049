import { loadScenario } from '../../load/loadScenario.js';
import { parseVary } from '../../sweep/parseVary.js';
import { sweep } from '../../sweep/sweep.js';
import { sweepCsv, sweepJson, sweepTable } from '../../report/sweepReport.js';
import { UsageError } from '../../problem.js';
import { provenanceOf } from '../../provenance.js';
import { EXIT } from '../exitCodes.js';
import { emit } from '../output.js';
import { loadOptions } from '../loadOptions.js';
import { checkInterpretation } from './run.js';
import type { Globals } from '../main.js';

const MAX_COMBINATIONS = 100_000;

export async function sweepCommand(scenarioPath: string, flags: { vary: string[]; interpretation?: string; format: 'table' | 'csv' | 'json' }, g: Globals): Promise<number> {
  const varies = flags.vary.map(parseVary);
  const n = varies.reduce((k, v) => k * v.values.length, 1);
  if (n > MAX_COMBINATIONS) throw new UsageError(`${n} combinations is more than ${MAX_COMBINATIONS}; take larger steps`);
  const loaded = loadScenario(scenarioPath, loadOptions(g));
  checkInterpretation(loaded.scenario.interpretations.map((i) => i.id), flags.interpretation, loaded.file);
  const rows = await sweep(loaded, varies, loaded.file, flags.interpretation);
  const paths = varies.map((v) => v.path);
  emit(flags.format === 'json' ? JSON.stringify(sweepJson(rows, loaded.scenario.timeZone, provenanceOf(loaded)), null, 2) + '\n' : flags.format === 'csv' ? sweepCsv(rows, paths, loaded.scenario.timeZone) : sweepTable(rows, paths, loaded.scenario.timeZone, provenanceOf(loaded)));
  return EXIT.ok;
}
