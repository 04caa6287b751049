import { loadScenario } from '../../load/loadScenario.js';
import { runScenario } from '../../run/runScenario.js';
import { runJson } from '../../report/runJson.js';
import { runText } from '../../report/runText.js';
import { provenanceOf } from '../../provenance.js';
import { UsageError } from '../../problem.js';
import { EXIT } from '../exitCodes.js';

export interface RunFlags {
  interpretation?: string;
  format: 'text' | 'json';
}

export async function runCommand(scenarioPath: string, flags: RunFlags, g: { articles?: string }): Promise<number> {
  const loaded = loadScenario(scenarioPath, g.articles !== undefined ? { articlesDir: g.articles } : {});
  if (flags.interpretation !== undefined && !loaded.scenario.interpretations.some((i) => i.id === flags.interpretation)) {
    const ids = loaded.scenario.interpretations.map((i) => i.id).join(', ');
    throw new UsageError(`no interpretation "${flags.interpretation}" in ${loaded.file}; choose one of ${ids}`);
  }
  const report = await runScenario(loaded, flags.interpretation !== undefined ? { interpretation: flags.interpretation } : {});
  const provenance = provenanceOf(loaded);
  const text = flags.format === 'json' ? JSON.stringify(runJson(report, provenance), null, 2) + '\n' : runText(report, provenance);
  process.stdout.write(text);
  return EXIT.ok;
}
