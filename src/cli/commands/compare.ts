import { UsageError } from '../../problem.js';

// placeholder until the command lands; the CLI reports it as a usage error
export async function compareCommand(..._args: unknown[]): Promise<number> {
  throw new UsageError('`truce compare` is not available yet');
}
