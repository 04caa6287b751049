import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../problem.js';
import { workbenchHtml } from '../../workbench/html.js';
import type { WorkbenchData } from '../../workbench/engine.js';
import { EXIT } from '../exitCodes.js';
import { emit, outFile } from '../output.js';
import { loadForOutput } from '../loadForOutput.js';
import { loadOptions } from '../loadOptions.js';
import type { Globals } from '../main.js';

export interface WorkbenchFlags {
  out?: string;
}

/**
 * `truce workbench SCENARIO --out what-if.html`: the scenario, validated, in one self-contained page
 * that runs the engine itself. The engine's bundle is made by `npm run build` (src/workbench/bundle.ts).
 */
export async function workbenchCommand(scenarioPath: string, flags: WorkbenchFlags, g: Globals): Promise<number> {
  if (flags.out === undefined || flags.out === '-') throw new UsageError('the workbench is a page: give it a file with --out what-if.html');
  const out = path.resolve(flags.out);
  const scenarioAbs = path.resolve(scenarioPath);
  if (out === scenarioAbs) throw new UsageError(`--out ${flags.out} is the scenario itself; choose another file`);
  const target = outFile(flags.out);
  const loaded = await loadForOutput(scenarioPath, loadOptions(g), target, false);
  // a build artefact, not user data: the one file the CLI reads outside src/load
  const bundleFile = fileURLToPath(new URL('../../workbench/workbench.bundle.js', import.meta.url));
  if (!existsSync(bundleFile)) throw new UsageError(`the workbench's engine bundle is missing (${bundleFile}); run npm run build`);
  const data: WorkbenchData = {
    format: 'truce.workbench/v1',
    file: loaded.file,
    // an overlay downloaded next to the page extends the scenario by this path
    extends: path.relative(path.dirname(out), scenarioAbs).split(path.sep).join('/'),
    base: { scenario: loaded.scenario, events: loaded.events, rules: loaded.rules, conditions: loaded.conditions },
    sources: loaded.sources,
    ...(loaded.labelWindows ? { labelWindows: loaded.labelWindows } : {}),
  };
  emit(workbenchHtml(data, readFileSync(bundleFile, 'utf8')), target);
  return EXIT.ok;
}
