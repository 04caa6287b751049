import { loadForOutput } from '../loadForOutput.js';
import { runScenario } from '../../run/runScenario.js';
import { diffRuns } from '../../run/diffRuns.js';
import { diffJson, diffText } from '../../report/diffText.js';
import { provenanceOf } from '../../provenance.js';
import { EXIT } from '../exitCodes.js';
import { emit } from '../output.js';
import { loadOptions } from '../loadOptions.js';
import type { Globals } from '../main.js';
import { withKeptStatechart } from '../statechartMemo.js';

export async function diffCommand(basePath: string, variantPath: string, flags: { format: 'text' | 'json' }, g: Globals): Promise<number> {
  // afresh, the two loads share their parses: a variant mostly reads the base's own files (what it extends,
  // the seeds, the places), each then parsed once (the memo is imported only here, not by a cached diff)
  const opts = g.cache ? loadOptions(g) : { ...loadOptions(g), parseMemo: new (await import('../../load/parseMemo.js')).ParseMemo() };
  const base = await loadForOutput(basePath, opts, undefined, g.cache);
  const variant = await loadForOutput(variantPath, opts, undefined, g.cache);
  const [baseRun, variantRun] = await withKeptStatechart(async (statechart) => [
    await runScenario(base, { statechart }),
    await runScenario(variant, { statechart }),
  ]);
  const d = diffRuns(baseRun, variantRun, { base: base.rules, variant: variant.rules });
  const zone = base.scenario.timeZone;
  // a party renamed or added by the variant is named as the variant names it
  const parties = [...variant.scenario.parties, ...base.scenario.parties];
  const provenance = { base: provenanceOf(base), variant: provenanceOf(variant) };
  emit(
    flags.format === 'json'
      ? JSON.stringify(diffJson(d, zone, provenance, parties), null, 2) + '\n'
      : diffText(d, zone, parties, provenance),
  );
  return EXIT.ok;
}
