import { runScenario, type ScenarioInput } from '../../run/runScenario.js';
import { runJson } from '../../report/runJson.js';
import { runText } from '../../report/runText.js';
import { labelNotes } from '../../report/wording.js';
import type { LoadedScenario } from '../../load/loadScenario.js';
import { provenanceOf, type Provenance } from '../../provenance.js';
import { UsageError } from '../../problem.js';
import { EXIT } from '../exitCodes.js';
import { emit, outFile, type OutFile } from '../output.js';
import { loadForOutput } from '../loadForOutput.js';
import { loadOptions } from '../loadOptions.js';
import type { Globals } from '../main.js';
import { withKeptStatechart } from '../statechartMemo.js';

type LabelWindows = LoadedScenario['labelWindows'];

export interface RunFlags {
  interpretation?: string;
  format: 'text' | 'json' | 'md' | 'html' | 'ndjson';
  out?: string;
  events?: string;
}

export async function runCommand(scenarioPath: string | undefined, flags: RunFlags, g: Globals): Promise<number> {
  if (flags.events !== undefined || flags.format === 'ndjson') {
    const { streamCommand } = await import('./stream.js');
    return streamCommand(scenarioPath, flags, g);
  }
  if (scenarioPath === undefined) throw new UsageError('name a scenario file: truce run scenarios/jan-feb-2026.yaml');
  refuseHtmlToTerminal(flags);
  const out = outFile(flags.out);
  const loaded = await loadForOutput(scenarioPath, loadOptions(g), out, g.cache);
  checkInterpretation(
    loaded.scenario.interpretations.map((i) => i.id),
    flags.interpretation,
    loaded.file,
  );
  await runAndEmit(loaded, flags, out);
  return EXIT.ok;
}

/** A page of HTML is no use on a terminal. */
export function refuseHtmlToTerminal(flags: { format: string; out?: string }, name = 'report.html'): void {
  if (flags.format === 'html' && (flags.out === undefined || flags.out === '-'))
    throw new UsageError(`--format html writes a page: give it a file with --out ${name}`);
}

/** Runs a whole scenario and writes its report in the chosen format (the reports load lazily). */
export async function runAndEmit(
  input: ScenarioInput & { labelWindows?: LabelWindows },
  flags: RunFlags,
  out: OutFile | undefined,
  provenance: Provenance = provenanceOf(input),
): Promise<void> {
  // the statechart's runs of earlier commands (src/cli/statechartMemo.ts)
  const report = await withKeptStatechart((statechart) =>
    runScenario(input, { ...(flags.interpretation !== undefined ? { interpretation: flags.interpretation } : {}), statechart }),
  );
  const notes = labelNotes(input);
  let text: string;
  if (flags.format === 'json') text = JSON.stringify(runJson(report, provenance, notes), null, 2) + '\n';
  else if (flags.format === 'md') text = (await import('../../report/runMarkdown.js')).runMarkdown(report, provenance, notes);
  else if (flags.format === 'html') text = await (await import('../../report/runHtml.js')).runHtml(report, provenance, notes);
  else text = runText(report, provenance, notes);
  emit(text, out);
}

export function checkInterpretation(ids: string[], wanted: string | undefined, file: string): void {
  if (wanted !== undefined && !ids.includes(wanted)) {
    throw new UsageError(`no interpretation "${wanted}" in ${file}; choose one of ${ids.join(', ')}`);
  }
}
