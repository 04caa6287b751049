import { z } from 'zod';
import { Event } from './event.js';
import { Source } from './source.js';

/** A file under seeds/: sources (articles) and/or events extracted from them. */
export const SeedFile = z.strictObject({
  format: z.literal('truce.seed/v1'),
  sources: z.array(Source).default([]),
  events: z.array(Event).default([]),
});

export type SeedFile = z.infer<typeof SeedFile>;
