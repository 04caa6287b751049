import { UsageError } from '../problem.js';

export interface Shard {
  /** 1-based, as in `--shard 2/4` */
  index: number;
  count: number;
}

/** `I/N` with 1 <= I <= N: the I-th of N shards. */
export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 1_000_000 || index < 1 || index > count) {
    throw new UsageError(
      `--shard "${spec}" is not I/N with 1 <= I <= N (e.g. --shard 2/4; a Kubernetes index counts from 0: --shard $((JOB_COMPLETION_INDEX + 1))/4)`,
    );
  }
  return { index, count };
}

/** The items of shard I of N out of `total`: the same split on every machine, contiguous, in order. */
export function shardRange(total: number, s: Shard): { from: number; to: number } {
  return { from: Math.floor(((s.index - 1) * total) / s.count), to: Math.floor((s.index * total) / s.count) };
}
