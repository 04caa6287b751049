import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadForOutput } from '../loadForOutput.js';
import { planSpec } from '../../run/runScenario.js';
import { machineGraph } from '../../machine/graph.js';
import { machineDot, machineMermaid } from '../../report/mermaid.js';
import { EXIT } from '../exitCodes.js';
import { emit } from '../output.js';
import { loadOptions } from '../loadOptions.js';
import type { Globals } from '../main.js';

export const DEFAULT_SCENARIO = 'scenarios/jan-feb-2026.yaml';

/** The scenario to draw: the one named, else the default in the working folder, else the package's own. */
function defaultScenario(): string {
  if (existsSync(DEFAULT_SCENARIO)) return DEFAULT_SCENARIO;
  // dist/src/cli/commands/graph.js -> the package root
  return fileURLToPath(new URL(`../../../../${DEFAULT_SCENARIO}`, import.meta.url));
}

export type GraphFormat = 'mermaid' | 'dot' | 'mermaid-code' | 'dot-code';

/**
 * `truce graph [scenario] [--format mermaid|dot|mermaid-code|dot-code]`: the statechart, drawn from the
 * machine definition; edges in words, or (`-code`, for developers) by the machine's event, guard and action names.
 */
export async function graphCommand(scenarioPath: string | undefined, flags: { format: GraphFormat }, g: Globals): Promise<number> {
  const loaded = await loadForOutput(scenarioPath ?? defaultScenario(), loadOptions(g), undefined, g.cache);
  const graph = machineGraph(planSpec(loaded.scenario));
  const names = flags.format.endsWith('-code') ? 'code' : 'words';
  emit(flags.format.startsWith('dot') ? machineDot(graph, names) : machineMermaid(graph, names));
  return EXIT.ok;
}
