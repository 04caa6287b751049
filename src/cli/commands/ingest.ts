import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { UsageError } from '../../problem.js';
import { ingestArticle } from '../../ingest/ingestArticle.js';
import { buildPlaceIndex } from '../../places/placeIndex.js';
import { matchExisting, type SourceProposal } from '../../ingest/matchExisting.js';
import { formatIngestReport } from '../../ingest/formatIngestReport.js';
import { readArticle, readPlaceFiles } from '../../load/readIngestFiles.js';
import { loadScenario } from '../../load/loadScenario.js';
import { SeedFile } from '../../schema/seedFile.js';
import { EXIT } from '../exitCodes.js';
import { emit, outFile } from '../output.js';
import { loadOptions } from '../loadOptions.js';
import { stderr } from '../io.js';
import type { Globals } from '../main.js';

export interface IngestFlags {
  published?: string;
  zone: string;
  against?: string;
  out?: string;
  places: string[];
  report?: string;
}

/** The shipped place hierarchy: seeds/places in the working folder, else the package's own. */
function defaultPlaceFiles(): string[] {
  for (const dir of [path.resolve('seeds/places'), fileURLToPath(new URL('../../../../seeds/places', import.meta.url))]) {
    if (existsSync(dir))
      return readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => path.join(dir, f));
  }
  return [];
}

function publicationTime(published: string | undefined, zone: string): DateTime {
  if (published === undefined)
    throw new UsageError(
      "no publication time: pass --published with the article's dateline and its UTC offset, e.g. --published 2026-02-03T09:00+02:00",
    );
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(published)) {
    throw new UsageError(`--published "${published}" is not a date-time with a UTC offset; write e.g. 2026-02-03T09:00+02:00`);
  }
  const t = DateTime.fromISO(published, { setZone: true });
  if (!t.isValid)
    throw new UsageError(
      `--published "${published}" is not a real date-time (${t.invalidExplanation ?? t.invalidReason}); write e.g. 2026-02-03T09:00+02:00`,
    );
  const inZone = t.setZone(zone);
  if (!inZone.isValid) throw new UsageError(`--zone "${zone}" is not a known IANA time zone; write e.g. Europe/Kyiv or Europe/Moscow`);
  return inZone;
}

/** `truce ingest ARTICLE --published T [--zone Z] [--against SCENARIO] [--out FILE]`: draft events from an article. */
export async function ingestCommand(article: string, flags: IngestFlags, g: Globals): Promise<number> {
  const published = publicationTime(flags.published, flags.zone);
  for (const f of [flags.out, flags.report]) {
    if (f !== undefined && f !== '-' && existsSync(f))
      throw new UsageError(`${f} already exists; ingest never overwrites a file: name another --out/--report or remove it first`);
  }
  const { file, text } = readArticle(article, loadOptions(g));
  const placeFiles = flags.places.length > 0 ? flags.places : defaultPlaceFiles();
  const notes: string[] = [];
  if (placeFiles.length === 0) notes.push('no place hierarchy found (seeds/places/*.yaml); pass --places FILE to match places');
  const places = buildPlaceIndex(readPlaceFiles(placeFiles, loadOptions(g)));
  const result = ingestArticle({ text, file: path.basename(file), published, places });
  let proposals: SourceProposal[] = [];
  if (flags.against !== undefined) {
    const loaded = loadScenario(flags.against, loadOptions(g));
    proposals = matchExisting(result.events, loaded.events);
  }
  // the proposal travels with the draft, so the seed file alone tells the analyst what to merge
  const events = result.events.map((e) => {
    const ps = proposals.filter((p) => p.draft === e.id);
    if (ps.length === 0) return e;
    const told = ps
      .map((p) => `${p.event} (agree: ${p.agree.join('; ') || 'nothing to compare'}; differ: ${p.differ.join('; ') || 'nothing'})`)
      .join(' or ');
    return { ...e, note: `${e.note} Possibly the same occurrence as ${told}: if so, add this article's lines to its sources instead.` };
  });
  const seed = { format: 'truce.seed/v1' as const, events };
  // what ingest writes must load as a seed file like any other
  const checked = SeedFile.safeParse(seed);
  if (!checked.success) throw new Error(`ingest produced an invalid seed file: ${checked.error.message}`);
  const yaml = `# Draft events read by truce ingest from ${file}, published ${result.report.published}.\n# Each carries draft: true and counts in no run until checked and the mark removed.\n${stringify(seed, { lineWidth: 0 })}`;
  const report = formatIngestReport(result, proposals, notes);
  if (flags.out !== undefined && flags.out !== '-') {
    emit(yaml, outFile(flags.out));
    emit(report, outFile(flags.report));
  } else {
    emit(yaml);
    if (flags.report !== undefined) emit(report, outFile(flags.report));
    else stderr().write(report);
  }
  return EXIT.ok;
}
