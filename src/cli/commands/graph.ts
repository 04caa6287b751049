import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../load/loadScenario.js';
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

/** `truce graph [scenario] [--format mermaid|dot]`: the statechart, drawn from the machine definition. */
export async function graphCommand(scenarioPath: string | undefined, flags: { format: 'mermaid' | 'dot' }, g: Globals): Promise<number> {
  const loaded = loadScenario(scenarioPath ?? defaultScenario(), loadOptions(g));
  const graph = machineGraph(planSpec(loaded.scenario));
  emit(flags.format === 'dot' ? machineDot(graph) : machineMermaid(graph));
  return EXIT.ok;
}
