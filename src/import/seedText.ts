import { stringify } from 'yaml';
import type { Event } from '../schema/event.js';

/**
 * A seed file written one event at a time, so that writing a large import holds one event, not the
 * file: the header, then each event as an item of `events:`, then (for no events) an empty list.
 */
export function seedHead(comment: string): string[] {
  return [...comment.split('\n').map((l) => `# ${l}`), 'format: truce.seed/v1'];
}

export function seedEvent(event: Event, first: boolean): string {
  const item = stringify([event], { lineWidth: 0 }).trimEnd().replace(/\n/g, '\n  ');
  return first ? `events:\n  ${item}` : `  ${item}`;
}

export function seedTail(events: number): string[] {
  return events === 0 ? ['events: []'] : [];
}
