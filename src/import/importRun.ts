import type { Problem } from '../problem.js';
import type { Dataset } from '../schema/source.js';
import type { ActorsFile, ImportMapping } from '../schema/importFiles.js';
import type { PlaceLookup } from './placeMatch.js';

/** Everything one import needs to turn rows into events: fixed for the run. */
export interface ImportSetup {
  dataset: Dataset;
  /** the export as problems name it (relative to the working folder) */
  file: string;
  /** the export's bare file name, as citations give it */
  fileName: string;
  /** the dataset version or download date every citation records */
  version: string;
  mapping: ImportMapping;
  /** none: every actor is unmapped (the listing tells the user what to write) */
  actors: ActorsFile | undefined;
  places: PlaceLookup | undefined;
  /** --zone: read every date in this zone rather than the country's */
  zone: string | undefined;
}

/** A name and the rows it came up in (how many, and the first, to go and look). */
export interface Seen {
  rows: number;
  firstRow: number;
}

/** What an import ran into besides events: the warnings it prints, kept per run (never module state). */
export interface ImportTally {
  rows: number;
  events: number;
  /** event type -> rows skipped because the mapping table says skip, or has no entry */
  skippedTypes: Map<string, Seen & { unknown: boolean }>;
  /** actor names the actors file does not map (rows skipped when it is the acting side) */
  unmappedActors: Map<string, Seen>;
  skippedForActor: number;
  /** place names the hierarchy does not know (kept as given) */
  unmatchedPlaces: Map<string, Seen>;
  /** countries with no zone in the mapping table and no --zone */
  unzoned: Map<string, Seen>;
  /** intervals worked out so far, by date text, precision code and zone: an export has few distinct days, and luxon is most of a row's cost */
  intervals: Map<string, { start: string; end: string; precision: string }>;
}

export function newTally(): ImportTally {
  return {
    rows: 0,
    events: 0,
    skippedTypes: new Map(),
    unmappedActors: new Map(),
    skippedForActor: 0,
    unmatchedPlaces: new Map(),
    unzoned: new Map(),
    intervals: new Map(),
  };
}

export function note<K>(m: Map<K, Seen>, key: K, row: number): void {
  const s = m.get(key);
  if (s) s.rows++;
  else m.set(key, { rows: 1, firstRow: row });
}

/** Where a row is: its 1-based data row (header not counted) and the line of the file it starts on. */
export interface RowAt {
  row: number;
  line: number;
}

/** A bad value: names the file, row, column (and its number) and what to do. */
export function rowProblem(setup: ImportSetup, at: RowAt, column: string, col: number, message: string): Problem {
  return {
    code: 'E_SCHEMA',
    file: setup.file,
    line: at.line,
    col: col + 1,
    path: ['row', at.row, column],
    message: `row ${at.row}, column ${column}: ${message}`,
  };
}

/** The party an actor name maps to; undefined when unmapped (noted unless the file ignores it) or empty. */
export function partyOf(setup: ImportSetup, tally: ImportTally, name: string, row: number): string | undefined {
  const n = name.trim();
  if (n === '') return undefined;
  const id = setup.actors ? own(setup.actors.actors, n) : undefined;
  if (id !== undefined) return id;
  if (!setup.actors?.ignore.includes(n)) note(tally.unmappedActors, n, row);
  return undefined;
}

/** The target of a record with no second actor: the party whose country it happened in (actors file `territory:`), never the actor itself. */
export function territoryOf(setup: ImportSetup, country: string, actor: string): string | undefined {
  const id = setup.actors ? own(setup.actors.territory, country.trim()) : undefined;
  return id !== actor ? id : undefined;
}

/** The zone a row's dates are read in: --zone, else the country's from the mapping table, else UTC (noted). */
export function zoneOf(setup: ImportSetup, tally: ImportTally, country: string, row: number): string {
  if (setup.zone !== undefined) return setup.zone;
  const z = own(setup.mapping.zones, country.trim());
  if (z !== undefined) return z;
  note(tally.unzoned, country.trim() || '(empty)', row);
  return 'UTC';
}

/** A table's entry for a key the data gives: own keys only, so that "constructor" or "__proto__" in an export is just an unknown name. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A dataset's record id as a truce event id: lowercase letters, digits and dashes. */
export function eventId(prefix: string, record: string): string {
  return `${prefix}-${record
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`;
}
