import type { Event } from '../schema/event.js';

/**
 * The seam every outside source of events goes through (a dataset export, a seed file in
 * seedFileSource.ts, an NDJSON stream in ndjsonSource.ts): events in the order the source holds them, each with where it came from, so
 * that a problem can name the file, row and column and a citation the record.
 *
 * A source reads through its `events()` iterator, lazily, so that a million-row export stays in bounded
 * memory; bad input ends the iteration with an InputError carrying located problems, and a consumer that
 * writes must then write nothing. Reads made for a scenario load go through src/load/observedFs.ts, so
 * that the load cache (src/load/loadCache.ts) sees a changed export as a changed scenario.
 */
export interface SourcedEvent {
  event: Event;
  /** the file as problems name it */
  file: string;
  /** the line the record starts on, and its 1-based data row */
  line: number;
  row: number;
}

export interface EventSource<Report = unknown> {
  /** what the events come from, for messages: "ACLED export data/ukraine.csv" */
  readonly label: string;
  events(): AsyncIterable<SourcedEvent>;
  /**
   * The same events at once, for a source already read whole through the observed file system (the
   * scenario loader is synchronous); absent for a source that only streams.
   */
  readAll?(): SourcedEvent[];
  /** what the reading ran into besides events (skips, unmapped names): complete once `events()` is done */
  report(): Report;
}
