import type { CompareReport } from '../run/compare.js';
import type { Provenance } from '../provenance.js';
import { UsageError } from '../problem.js';

// placeholder until the report lands
export function compareMarkdown(_c: CompareReport, _p: Provenance): string {
  throw new UsageError('this format is not available yet');
}
