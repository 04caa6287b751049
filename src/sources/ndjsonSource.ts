import { ndjsonEvents, type StreamBasis } from '../load/ndjsonEvents.js';
import type { EventSource } from './eventSource.js';

/**
 * An NDJSON stream of events (a file, or `-` for stdin) as an event source: a thin adapter over
 * `ndjsonEvents`, which reads through src/load/observedFs.ts, checks each event against the scenario
 * (`basis`) and ends with an InputError located at the line. Only streams: no `readAll`.
 */
export function ndjsonSource(source: string, cwd = process.cwd(), basis?: StreamBasis): EventSource<{ events: number }> {
  const file = source === '-' ? '(stdin)' : source;
  const tally = { events: 0 };
  return {
    label: `NDJSON stream ${file}`,
    // the reader's own iterator: a generator around it cost a promise and an object per event
    events: () => ndjsonEvents(source, cwd, basis, tally),
    report: () => ({ events: tally.events }),
  };
}
