import type { SeedFile } from '../schema/seedFile.js';
import { SeedFile as SeedFileSchema } from '../schema/seedFile.js';
import { displayName } from '../load/files.js';
import { readDoc, type Ctx } from '../load/loadContext.js';
import type { EventSource, SourcedEvent } from './eventSource.js';

/** A seed file read as an event source; `seed` is the whole file (its sources cite the events). */
export interface SeedFileSource extends EventSource<{ events: number }> {
  readonly file: string;
  /** undefined when the file could not be read or is not a valid seed (the problems are in the load's ctx) */
  readonly seed: SeedFile | undefined;
  readAll(): SourcedEvent[];
}

/**
 * A `truce.seed/v1` file as an event source: read whole when made, through the load's context (so the
 * read is observed for the load cache, and problems join the load's, located at their line and column).
 * Each event is located at the line its entry starts on; its row is its 1-based place in `events`.
 */
export function seedFileSource(ctx: Ctx, abs: string): SeedFileSource {
  const file = displayName(abs, ctx.cwd);
  const seed = readDoc(ctx, abs, SeedFileSchema);
  const all = (): SourcedEvent[] => {
    const parsed = ctx.parsed.get(file);
    return (seed?.events ?? []).map((event, i) => ({ event, file, line: parsed?.locate(['events', i]).line ?? 1, row: i + 1 }));
  };
  return {
    label: `seed file ${file}`,
    file,
    seed,
    readAll: all,
    async *events() {
      yield* all();
    },
    report: () => ({ events: seed?.events.length ?? 0 }),
  };
}
