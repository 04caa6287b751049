import { loadScenario } from '../../load/loadScenario.js';
import { runScenario } from '../../run/runScenario.js';
import { diffRuns } from '../../run/diffRuns.js';
import { diffJson, diffText } from '../../report/diffText.js';
import { EXIT } from '../exitCodes.js';
import { emit } from '../output.js';
import { loadOptions } from '../loadOptions.js';
import type { Globals } from '../main.js';

export async function diffCommand(basePath: string, variantPath: string, flags: { format: 'text' | 'json' }, g: Globals): Promise<number> {
  const base = loadScenario(basePath, loadOptions(g));
  const variant = loadScenario(variantPath, loadOptions(g));
  const d = diffRuns(await runScenario(base), await runScenario(variant));
  const zone = base.scenario.timeZone;
  emit(flags.format === 'json' ? JSON.stringify(diffJson(d, zone), null, 2) + '\n' : diffText(d, zone));
  return EXIT.ok;
}
