import { existsSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { UsageError } from '../../problem.js';
import { TimeZone } from '../../schema/common.js';
import type { Dataset } from '../../schema/source.js';
import { readImportInputs } from '../../sources/importInputs.js';
import { datasetExport } from '../../sources/datasetExport.js';
import type { ImportTally, Seen } from '../../import/importRun.js';
import { likelyMatches, type LikelyMatch } from '../../import/likelyMatches.js';
import { seedEvent, seedHead, seedTail } from '../../import/seedText.js';
import { toMillis } from '../../time/interval.js';
import { EXIT } from '../exitCodes.js';
import { LineWriter } from '../lineWriter.js';
import { stderr } from '../io.js';
import { emit, outFile } from '../output.js';
import { loadOptions } from '../loadOptions.js';
import type { Globals } from '../main.js';

export interface ImportFlags {
  actors?: string;
  zone?: string;
  out?: string;
  format: 'yaml' | 'ndjson';
  against?: string;
  datasetVersion?: string;
  mapping?: string;
}

/** `truce import acled|ucdp FILE.csv`: a dataset export as a truce.seed/v1 file (or NDJSON events). */
export async function importCommand(which: 'acled' | 'ucdp', exportPath: string, flags: ImportFlags, g: Globals): Promise<number> {
  const dataset: Dataset = which === 'acled' ? 'acled' : 'ucdp-ged';
  if (flags.zone !== undefined && !TimeZone.safeParse(flags.zone).success)
    throw new UsageError(`--zone "${flags.zone}" is not a known IANA time zone; write e.g. Europe/Kyiv`);
  const matchesOut =
    flags.out !== undefined && flags.out !== '-' ? `${flags.out.replace(/\.(ya?ml|ndjson|jsonl?)$/, '')}.matches.yaml` : undefined;
  // user files are never overwritten
  for (const f of [flags.out !== '-' ? flags.out : undefined, flags.against !== undefined ? matchesOut : undefined]) {
    if (f !== undefined && existsSync(f))
      throw new UsageError(`${f} already exists; truce never overwrites a file: choose another --out or remove it`);
  }
  const inputs = readImportInputs(exportPath, flags, loadOptions(g));
  const existing = flags.against !== undefined ? await scenarioEvents(flags.against, g) : undefined;

  const setup = {
    dataset,
    file: inputs.file,
    fileName: path.basename(inputs.abs),
    version: flags.datasetVersion ?? 'undated',
    mapping: inputs.mapping,
    actors: inputs.actors,
    places: inputs.places,
    zone: flags.zone,
  };
  const bar = await progressBar(inputs.abs);
  const source = datasetExport(setup, inputs.abs, bar?.update);
  const out = new LineWriter(outFile(flags.out));
  const matches: LikelyMatch[] = [];
  let n = 0;
  try {
    if (flags.format === 'yaml')
      for (const l of seedHead(
        `Imported by truce import ${which} from ${setup.fileName} (version ${setup.version}); every event cites its record.`,
      ))
        out.line(l);
    for await (const { event } of source.events()) {
      out.line(flags.format === 'ndjson' ? JSON.stringify(event) : seedEvent(event, n === 0));
      n++;
      if (existing) matches.push(...likelyMatches(event, existing));
    }
    if (flags.format === 'yaml') for (const l of seedTail(n)) out.line(l);
    bar?.stop(true);
    out.commit();
  } catch (e) {
    bar?.stop();
    out.abort();
    throw e;
  }
  const tally = source.report();
  if (existing) writeMatches(matches, flags.against!, matchesOut);
  stderr().write(summary(source.label, tally, flags.actors));
  return EXIT.ok;
}

async function scenarioEvents(scenario: string, g: Globals) {
  const { loadScenario } = await import('../../load/loadScenario.js');
  const loaded = loadScenario(scenario, loadOptions(g));
  return loaded.events.map((event) => ({ event, start: toMillis(event.when.start), end: toMillis(event.when.end) }));
}

/** A bar on stderr by bytes read, only on a terminal (a pipe or a test sees none). */
async function progressBar(abs: string): Promise<{ update: (bytes: number) => void; stop: (done?: boolean) => void } | undefined> {
  if (stderr() !== process.stderr || !process.stderr.isTTY) return undefined; // not on streams given to main either
  const { statSync } = await import('node:fs');
  const { SingleBar, Presets } = await import('cli-progress');
  const total = statSync(abs).size;
  const bar = new SingleBar(
    { stream: process.stderr, format: 'importing [{bar}] {percentage}% | {value}/{total} bytes', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (b) => bar.update(Math.min(b, total)),
    stop: (done = false) => {
      if (done) bar.update(total);
      bar.stop();
    },
  };
}

/** Proposals, never merges: a file the user reads and acts on (or, without --out, on stderr). */
function writeMatches(matches: LikelyMatch[], against: string, file: string | undefined): void {
  const sorted = [...matches].sort((a, b) => a.imported.localeCompare(b.imported) || a.existing.localeCompare(b.existing));
  const text =
    [
      `# Likely matches between this import and the events of ${against}: same actor, overlapping time, places that may overlap.`,
      '# Nothing was merged. To accept a match, delete the imported event from the import and add its citation',
      "# (the record's entry in `sources:`) to the existing event's sources, widening its figures if they differ.",
    ].join('\n') +
    '\n' +
    stringify({ against, matches: sorted }, { lineWidth: 0 });
  if (file === undefined) stderr().write(text);
  else emit(text, outFile(file));
}

function top(m: Map<string, Seen>, limit = 20): string[] {
  const all = [...m].sort(([a, x], [b, y]) => y.rows - x.rows || a.localeCompare(b));
  const lines = all
    .slice(0, limit)
    .map(([name, s]) => `    ${JSON.stringify(name)}: ${s.rows} row${s.rows === 1 ? '' : 's'} (first row ${s.firstRow})`);
  if (all.length > limit) lines.push(`    ... and ${all.length - limit} more`);
  return lines;
}

function summary(label: string, t: ImportTally, actorsFile: string | undefined): string {
  const out = [`${label}: ${t.events} event${t.events === 1 ? '' : 's'} from ${t.rows} row${t.rows === 1 ? '' : 's'}`];
  const types = new Map([...t.skippedTypes].filter(([, s]) => !s.unknown));
  const unknownTypes = new Map([...t.skippedTypes].filter(([, s]) => s.unknown));
  if (types.size > 0) out.push(`  skipped by the mapping table (not a kind truce judges):`, ...top(types));
  if (unknownTypes.size > 0)
    out.push(`  skipped, event type not in the mapping table (add it to a copy and pass --mapping):`, ...top(unknownTypes));
  if (t.unmappedActors.size > 0) {
    out.push(
      `  actors not mapped ${actorsFile ? `by ${actorsFile}` : '(no --actors file)'}; ${t.skippedForActor} row${t.skippedForActor === 1 ? '' : 's'} skipped for an unmapped acting side. Map each to a party id (or list it under ignore:):`,
      ...top(t.unmappedActors, 50),
    );
    out.push(
      '  e.g. an actors file:',
      '    format: truce.actors/v1',
      '    actors:',
      ...[...t.unmappedActors.keys()]
        .sort()
        .slice(0, 5)
        .map((a) => `      ${JSON.stringify(a)}: PARTY-ID`),
    );
  }
  if (t.unmatchedPlaces.size > 0)
    out.push(`  place names not in the place hierarchy (kept as the dataset gives them):`, ...top(t.unmatchedPlaces));
  if (t.unzoned.size > 0)
    out.push(`  countries with no time zone in the mapping table (dates read in UTC; pass --zone):`, ...top(t.unzoned));
  return out.join('\n') + '\n';
}
