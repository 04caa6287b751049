import { UsageError } from '../../problem.js';
import type { Globals } from '../main.js';
import type { RunFlags } from './run.js';

// placeholder until NDJSON streaming lands
export async function streamCommand(_s: string | undefined, _f: RunFlags, _g: Globals): Promise<number> {
  throw new UsageError('NDJSON streaming (--events, --format ndjson) is not available yet');
}
