import { parse, CsvError } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { InputError, type Problem } from '../problem.js';
import { streamRegular } from './observedFs.js';

/** One CSV record: its fields, its 1-based data row (0 for the header) and the line it starts on. */
export interface CsvRow {
  values: string[];
  row: number;
  line: number;
  /** bytes of the file read up to the end of this record (for progress) */
  bytes: number;
}

/** BOM, CRLF, quoted fields with commas and line breaks, empty fields: all csv-parse's; blank lines skipped. */
const OPTIONS = { bom: true, info: true, skip_empty_lines: true } as const;

type Parsed = { record: string[]; info: { lines: number; bytes: number } };

/**
 * csv-parse reports the line a record ends on; the line it starts on is that less the line breaks
 * inside its quoted fields (counted as csv-parse counts them, \r and \n each).
 */
function rowOf(p: Parsed, row: number): CsvRow {
  let breaks = 0;
  for (const v of p.record) for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) === 10 || v.charCodeAt(i) === 13) breaks++;
  return { values: p.record, row, line: row === 0 ? 1 : Math.max(1, p.info.lines - breaks), bytes: p.info.bytes };
}

function csvProblem(file: string, e: unknown): InputError | unknown {
  if (!(e instanceof CsvError)) return e;
  const line = (e as CsvError & { lines?: number }).lines;
  const problem: Problem = {
    code: 'E_PARSE',
    file,
    ...(line !== undefined ? { line, col: 1 } : {}),
    path: [],
    message: `not readable as CSV: ${e.message}; export the file again as CSV (comma-separated, with a header row)`,
  };
  return new InputError([problem]);
}

/** The records of a CSV file, streamed: memory stays flat however long the file. */
export async function* csvRows(abs: string, file: string): AsyncGenerator<CsvRow> {
  const parser = streamRegular(abs).pipe(parse(OPTIONS));
  let row = 0;
  try {
    for await (const p of parser as AsyncIterable<Parsed>) yield rowOf(p, row++);
  } catch (e) {
    throw csvProblem(file, e);
  } finally {
    parser.destroy();
  }
}

/** The records of CSV text already read (a scenario's export, read through the observed file system). */
export function csvRowsOf(text: string, file: string): CsvRow[] {
  try {
    return (parseSync(text, OPTIONS) as unknown as Parsed[]).map((p, i) => rowOf(p, i));
  } catch (e) {
    throw csvProblem(file, e);
  }
}
