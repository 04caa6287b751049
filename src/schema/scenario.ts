import { z } from 'zod';
import { Id, SourceRef, TimeZone } from './common.js';
import { Event } from './event.js';
import { Interpretation } from './interpretation.js';
import { Plan } from './plan.js';
import { ExportSeed } from './source.js';
import { ExpectCase } from './expect.js';

export const Party = z.strictObject({ id: Id, name: z.string().min(1), note: z.string().optional() });

export const Scenario = z.strictObject({
  format: z.literal('truce.scenario/v1'),
  id: Id,
  title: z.string().min(1),
  timeZone: TimeZone.default('Europe/Kyiv'),
  /** seed files (relative to this file) whose sources and events the scenario takes in */
  seeds: z.array(z.union([z.string().min(1), ExportSeed])).default([]),
  /** the rule set: a folder of rule JSON files, relative to this file */
  rules: z.string().min(1).default('../rules'),
  parties: z.array(Party).min(1),
  interpretations: z.array(Interpretation).min(1),
  plan: Plan,
  /** events written inline, in addition to the seeds' */
  events: z.array(Event).default([]),
  sources: z.array(SourceRef).optional(),
  note: z.string().optional(),
  /** scenario test cases, run by `truce test` */
  expect: z.array(ExpectCase).default([]),
});

export type Scenario = z.infer<typeof Scenario>;
export type Party = z.infer<typeof Party>;
