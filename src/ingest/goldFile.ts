import { z } from 'zod';
import { Instant, TimeZone } from '../schema/common.js';
import { Event } from '../schema/event.js';

/** Gold annotations of one test report for `npm run eval:ingest`: the events a careful reader finds. */
export const GoldFile = z.strictObject({
  format: z.literal('truce.ingest-gold/v1'),
  article: z.string().regex(/^[\w.-]+\.txt$/),
  published: Instant,
  zone: TimeZone,
  events: z.array(Event),
});
export type GoldFile = z.infer<typeof GoldFile>;
