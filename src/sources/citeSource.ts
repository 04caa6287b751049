import type { SourceRef } from '../schema/common.js';
import type { DatasetRecordRef } from '../schema/source.js';

/** An event's citation: an article line, or one record of a dataset export. */
export type AnySourceRef = SourceRef | DatasetRecordRef;

const DATASET_NAMES: Record<DatasetRecordRef['dataset'], string> = { acled: 'ACLED', 'ucdp-ged': 'UCDP GED' };

export function isDatasetRecord(s: { file: string; line: number }): s is DatasetRecordRef {
  return 'dataset' in s && 'record' in s;
}

/**
 * A dataset record as every report shows it: dataset, version, record id, and the export file's row,
 * e.g. "ACLED 2025-06-10 UKR123456 (acled.csv row 17)"; undefined for an article citation.
 */
export function citeRecord(s: { file: string; line: number }): string | undefined {
  if (!isDatasetRecord(s)) return undefined;
  return `${DATASET_NAMES[s.dataset]} ${s.version} ${s.record} (${s.file} row ${s.row})`;
}

/** The fields of a dataset citation that a JSON report carries besides file and line. */
export function recordFields(s: { file: string; line: number }): Partial<DatasetRecordRef> {
  if (!isDatasetRecord(s)) return {};
  const { file: _f, line: _l, ...rest } = s;
  return rest;
}
