import type { RunReport } from '../run/runScenario.js';
import type { Provenance } from '../provenance.js';
import { UsageError } from '../problem.js';

// placeholder until the HTML report lands
export async function runHtml(_r: RunReport, _p: Provenance): Promise<string> {
  throw new UsageError('--format html is not available yet');
}
