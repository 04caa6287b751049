import { z } from 'zod';
import { CalendarDate, Id, Instant } from './common.js';

/** A line of the article, with what it shows in our own words. */
const LineNote = z.strictObject({ line: z.number().int().min(1), note: z.string().min(1) });

/** One article: what it says its date is, and what dates its content actually describes. */
export const Source = z.strictObject({
  id: Id,
  file: z.string().regex(/^[\w.-]+\.txt$/, { message: 'an article file is a bare file name such as 000_5b12a92830bbfdb1.txt' }),
  outlet: z.string().nullable(),
  outletEvidence: z.string().optional(),
  headline: z.strictObject({ line: z.number().int().min(1), gist: z.string().min(1) }),
  statedDates: z.array(z.strictObject({ date: z.union([Instant, CalendarDate]), line: z.number().int().min(1), label: z.string().min(1) })),
  describedDates: z
    .array(
      z.strictObject({
        from: CalendarDate,
        to: CalendarDate,
        what: z.string().min(1),
        evidence: z.array(LineNote).min(1),
      }),
    )
    .min(1),
  datesDisagree: z.boolean(),
  disagreement: z.string().optional(),
  note: z.string().optional(),
});

export type Source = z.infer<typeof Source>;

/** The conflict-event datasets `truce import` reads. */
export const DATASETS = ['acled', 'ucdp-ged'] as const;
export const Dataset = z.enum(DATASETS);
export type Dataset = z.infer<typeof Dataset>;

/**
 * A citation of one record of a dataset export (ACLED, UCDP GED), where an article citation gives file
 * and line: the export file and the line its record starts on, which dataset, which version of it (UCDP's
 * release, or the day an ACLED export was downloaded), the record's own id and its data row.
 */
export const DatasetRecordRef = z.strictObject({
  file: z.string().min(1),
  line: z.number().int().min(1),
  dataset: Dataset,
  version: z.string().min(1),
  record: z.string().min(1),
  /** 1-based, the header not counted */
  row: z.number().int().min(1),
  /** the record's own text (ACLED notes) */
  says: z.string().optional(),
  /** ACLED civilian_targeting: the record says civilians were targeted */
  civilianTargeting: z.boolean().optional(),
  /** ACLED tags, as the dataset gives them */
  tags: z.array(z.string().min(1)).optional(),
  /** ACLED `source`: who reported it */
  reportedBy: z.string().min(1).optional(),
  /** UCDP source_article: the articles the coders read */
  sourceArticle: z.string().min(1).optional(),
  /** UCDP number_of_sources */
  sourceCount: z.number().int().min(0).optional(),
});

export type DatasetRecordRef = z.infer<typeof DatasetRecordRef>;

const ExportRef = {
  /** the file mapping the export's actor names to the scenario's party ids (truce.actors/v1) */
  actors: z.string().min(1),
  /** the dataset version or download date recorded in every citation (default: "undated") */
  version: z.string().min(1).optional(),
};

/** A scenario's `seeds:` entry naming a dataset export rather than a seed file. */
export const ExportSeed = z.union([
  z.strictObject({ acled: z.string().min(1), ...ExportRef }),
  z.strictObject({ ucdp: z.string().min(1), ...ExportRef }),
]);

export type ExportSeed = z.infer<typeof ExportSeed>;
