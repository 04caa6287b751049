import { InputError } from '../problem.js';
import type { Event } from '../schema/event.js';
import { ACLED_NEEDS, UCDP_NEEDS, indexColumns } from '../import/columns.js';
import { acledRow, type Columns as AcledColumns, type RowOutcome } from '../import/acledRow.js';
import { ucdpRow, type Columns as UcdpColumns } from '../import/ucdpRow.js';
import { newTally, type ImportSetup, type ImportTally } from '../import/importRun.js';
import { csvRows, csvRowsOf, type CsvRow } from '../load/csvRows.js';
import type { EventSource, SourcedEvent } from './eventSource.js';

const DATASET_LABEL = { acled: 'ACLED', 'ucdp-ged': 'UCDP GED' } as const;

/**
 * Rows of an export in, events out: the header first (every needed column there, or a problem naming
 * the missing ones), then each row converted or skipped; the first bad row stops it with an InputError.
 */
export function rowConverter(setup: ImportSetup, tally: ImportTally): (r: CsvRow) => Event | undefined {
  let convert: ((r: CsvRow) => RowOutcome) | undefined;
  return (r) => {
    if (convert === undefined) {
      const needs = setup.dataset === 'acled' ? ACLED_NEEDS : UCDP_NEEDS;
      const found = indexColumns<string>(r.values, needs, setup.file, DATASET_LABEL[setup.dataset]);
      if ('problem' in found) throw new InputError([found.problem]);
      convert =
        setup.dataset === 'acled'
          ? (row) => acledRow(setup, tally, found.index as AcledColumns, row.values, row)
          : (row) => ucdpRow(setup, tally, found.index as UcdpColumns, row.values, row);
      return undefined;
    }
    tally.rows++;
    const out = convert(r);
    if ('problem' in out) throw new InputError([out.problem]);
    if ('skip' in out) return undefined;
    tally.events++;
    return out.event;
  };
}

/** An ACLED or UCDP GED export as a source of events, streamed from disk. */
export function datasetExport(setup: ImportSetup, abs: string, progress?: (bytes: number) => void): EventSource<ImportTally> {
  const tally = newTally();
  return {
    label: `${DATASET_LABEL[setup.dataset]} export ${setup.file}`,
    report: () => tally,
    async *events(): AsyncGenerator<SourcedEvent> {
      const convert = rowConverter(setup, tally);
      let header = true;
      for await (const r of csvRows(abs, setup.file)) {
        const event = convert(r);
        header = false;
        if (progress && (r.row & 1023) === 0) progress(r.bytes);
        if (event) yield { event, file: setup.file, line: r.line, row: r.row };
      }
      if (header)
        throw new InputError([
          {
            code: 'E_EMPTY',
            file: setup.file,
            path: [],
            message: `empty; a ${DATASET_LABEL[setup.dataset]} export starts with its header row`,
          },
        ]);
    },
  };
}

/** An export already read (through the observed file system, by a scenario load) as a source of events. */
export function datasetExportText(setup: ImportSetup, text: string): EventSource<ImportTally> & { readAll(): SourcedEvent[] } {
  const tally = newTally();
  const readAll = (): SourcedEvent[] => {
    const convert = rowConverter(setup, tally);
    const out: SourcedEvent[] = [];
    const rows = csvRowsOf(text, setup.file);
    if (rows.length === 0)
      throw new InputError([
        {
          code: 'E_EMPTY',
          file: setup.file,
          path: [],
          message: `empty; a ${DATASET_LABEL[setup.dataset]} export starts with its header row`,
        },
      ]);
    for (const r of rows) {
      const event = convert(r);
      if (event) out.push({ event, file: setup.file, line: r.line, row: r.row });
    }
    return out;
  };
  return {
    label: `${DATASET_LABEL[setup.dataset]} export ${setup.file}`,
    report: () => tally,
    readAll,
    async *events(): AsyncGenerator<SourcedEvent> {
      yield* readAll();
    },
  };
}
