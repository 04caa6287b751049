import { z } from 'zod';

/**
 * Partial results of `truce sample --shard I/N` and `truce sweep --shard I/N`: what `truce merge`
 * combines into exactly what one unsharded run prints. Each part names what it was run on (provenance,
 * seed, grid) and the range it covers, so that parts of different runs, or a missing part, are refused.
 */
const Count = z.number().int().nonnegative();
const Counts = z.record(z.string(), Count);

const Provenance = z.strictObject({ tool: z.literal('truce'), version: z.string(), rulesHash: z.string(), scenarioHash: z.string() });
const ScenarioRef = z.strictObject({ id: z.string(), title: z.string() });
const Shard = z.strictObject({ index: z.number().int().min(1), count: z.number().int().min(1) });
const Range = z.strictObject({ from: Count, to: Count });

export const SamplePart = z.strictObject({
  format: z.literal('truce.sample-part/v1'),
  provenance: Provenance,
  scenario: ScenarioRef,
  seed: Count,
  /** the draws of the whole run, all shards together */
  draws: Count,
  shard: Shard,
  /** the draws this part covers: from..to-1 */
  range: Range,
  /** the scenario's readings in its own order, which reports keep */
  readingOrder: z.array(z.string()).optional(),
  tally: z.strictObject({
    draws: Count,
    readings: z.record(z.string(), z.strictObject({ findings: Counts, phases: Counts, met: Counts, finalStates: Counts })),
  }),
});

const SweepRow = z.strictObject({
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  interpretation: z.string(),
  violations: z.array(z.string()),
  possible: z.array(z.string()),
  escalations: z.array(z.string()),
  phases: z.record(z.string(), z.boolean().nullable()),
  dueBy: z.record(z.string(), z.number().nullable()),
  finalState: z.string(),
});

export const SweepPart = z.strictObject({
  format: z.literal('truce.sweep-part/v1'),
  provenance: Provenance,
  scenario: ScenarioRef,
  timeZone: z.string(),
  /** the --vary options as given, in order */
  vary: z.array(z.string()).min(1),
  interpretation: z.string().optional(),
  /** the combinations of the whole run, all shards together */
  combinations: Count,
  shard: Shard,
  /** the combinations this part covers: from..to-1 */
  range: Range,
  rows: z.array(SweepRow),
});

export const Part = z.discriminatedUnion('format', [SamplePart, SweepPart]);

export type SamplePart = z.infer<typeof SamplePart>;
export type SweepPart = z.infer<typeof SweepPart>;
export type Part = z.infer<typeof Part>;
