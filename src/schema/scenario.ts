import { z } from 'zod';
import { Id, SourceRef, TimeZone } from './common.js';
import { Event } from './event.js';
import { Interpretation } from './interpretation.js';
import { Plan } from './plan.js';
import { ExportSeed } from './source.js';
import { ExpectCase } from './expect.js';
import { PlaceEntry } from './places.js';

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
  /** absent: the truce has no enforcement plan (most have none); findings are judged, no phase opens */
  plan: Plan.optional(),
  /**
   * place hierarchies (truce.places/v1 files, relative to this file) that protected places are judged
   * on: a term protecting a region or a country covers every place within it
   */
  placeFiles: z.array(z.string().min(1)).default([]),
  /** places of the scenario's own, added to those of `placeFiles` (after loading: all of them, files' first) */
  places: z.array(PlaceEntry).default([]),
  /** events written inline, in addition to the seeds' */
  events: z.array(Event).default([]),
  sources: z.array(SourceRef).optional(),
  /**
   * source notes of the scenario's own (Markdown, relative to this file: facts in the analyst's words,
   * one per line with outlet and date); a citation `{ file: sources.md, line: N }` names one of their
   * lines, checked as an article line is
   */
  sourceNotes: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
  /** scenario test cases, run by `truce test` */
  expect: z.array(ExpectCase).default([]),
});

export type Scenario = z.infer<typeof Scenario>;
export type Party = z.infer<typeof Party>;
