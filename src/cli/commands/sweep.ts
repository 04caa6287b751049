import { UsageError } from '../../problem.js';

// placeholder until the command lands; the CLI reports it as a usage error
export async function sweepCommand(..._args: unknown[]): Promise<number> {
  throw new UsageError('`truce sweep` is not available yet');
}
