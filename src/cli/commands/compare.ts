import { runScenario } from '../../run/runScenario.js';
import { compareReadings } from '../../run/compare.js';
import { compareText } from '../../report/compareText.js';
import { compareJson } from '../../report/compareJson.js';
import { provenanceOf } from '../../provenance.js';
import { EXIT } from '../exitCodes.js';
import { emit, outFile } from '../output.js';
import { loadForOutput } from '../loadForOutput.js';
import { refuseHtmlToTerminal } from './run.js';
import { loadOptions } from '../loadOptions.js';
import type { Globals } from '../main.js';
import { withKeptStatechart } from '../statechartMemo.js';

export async function compareCommand(
  scenarioPath: string,
  flags: { format: 'text' | 'json' | 'md' | 'html'; out?: string },
  g: Globals,
): Promise<number> {
  refuseHtmlToTerminal(flags, 'compare.html');
  const out = outFile(flags.out);
  const loaded = await loadForOutput(scenarioPath, loadOptions(g), out, g.cache);
  const cmp = compareReadings(await withKeptStatechart((statechart) => runScenario(loaded, { statechart })));
  const provenance = provenanceOf(loaded);
  let text: string;
  if (flags.format === 'json') text = JSON.stringify(compareJson(cmp, provenance), null, 2) + '\n';
  else if (flags.format === 'md') text = (await import('../../report/compareMarkdown.js')).compareMarkdown(cmp, provenance);
  else if (flags.format === 'html') text = await (await import('../../report/compareHtml.js')).compareHtml(cmp, provenance);
  else text = compareText(cmp, provenance);
  emit(text, out);
  return EXIT.ok;
}
