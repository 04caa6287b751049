import type { RunReport } from '../run/runScenario.js';
import type { Provenance } from '../provenance.js';
import { UsageError } from '../problem.js';

// placeholder until the Markdown report lands
export function runMarkdown(_r: RunReport, _p: Provenance): string {
  throw new UsageError('--format md is not available yet');
}
