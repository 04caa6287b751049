import { fstatSync, type Stats } from 'node:fs';
import { streamRun } from '../../run/streamRun.js';
import { streamLine } from '../../report/streamJson.js';
import { provenanceOf, type Provenance } from '../../provenance.js';
import { UsageError } from '../../problem.js';
import type { Event } from '../../schema/event.js';
import { EXIT } from '../exitCodes.js';
import { LineWriter } from '../lineWriter.js';
import { outFile, refuseInputs } from '../output.js';
import { loadForOutput } from '../loadForOutput.js';
import { loadOptions } from '../loadOptions.js';
import { checkInterpretation, refuseHtmlToTerminal, runAndEmit, type RunFlags } from './run.js';
import type { Globals } from '../main.js';

/**
 * `truce run SCENARIO --events FILE.ndjson|-` (the scenario gives the terms, the stream the events) and
 * `--format ndjson` (findings streamed out as they are found).
 */
export async function streamCommand(scenarioPath: string | undefined, flags: RunFlags, g: Globals): Promise<number> {
  if (scenarioPath === undefined)
    throw new UsageError('name the scenario whose terms to apply: truce run scenarios/jan-feb-2026.yaml --events events.ndjson');
  refuseHtmlToTerminal(flags);
  const out = outFile(flags.out);
  const source = flags.events;
  // the events stream is read too: --out must not be it (nor, for stdin, the file stdin comes from)
  refuseInputs(out, source === undefined ? [] : source === '-' ? stdinStats() : [{ name: source }]);
  const loaded = await loadForOutput(scenarioPath, loadOptions(g), out, g.cache);
  checkInterpretation(
    loaded.scenario.interpretations.map((i) => i.id),
    flags.interpretation,
    loaded.file,
  );
  // a stream's events come through the event-source seam (src/sources/ndjsonSource.ts) and get the
  // checks the scenario's own events got; the event format (zod) is loaded only to read a stream: the
  // scenario's own events were checked when loaded
  const events =
    source !== undefined
      ? await Promise.all([import('../../sources/ndjsonSource.js'), import('../../load/ndjsonEvents.js')]).then(
          ([{ ndjsonSource }, { streamBasis }]) => ndjsonSource(source, process.cwd(), streamBasis(loaded, loadOptions(g))).events(),
        )
      : fromArray(loaded.events);
  // one stamp for the same input in every format: a stream's header is written before its events are
  // read, so with --events the scenario hash covers the terms only, and says so
  const provenance: Provenance = {
    ...provenanceOf(loaded, source !== undefined),
    events: source !== undefined ? 'stream' : 'scenario',
  };

  if (flags.format !== 'ndjson') {
    // a report over the whole stream: gather it, then run as usual
    const all: Event[] = [];
    for await (const { event } of events) all.push(event);
    await runAndEmit({ ...loaded, events: all }, flags, out, provenance);
    return EXIT.ok;
  }

  const zone = loaded.scenario.timeZone;
  const writer = new LineWriter(out);
  try {
    writer.line(
      JSON.stringify({
        record: 'header',
        format: 'truce.stream/v1',
        provenance,
        scenario: { id: loaded.scenario.id, title: loaded.scenario.title, timeZone: zone },
      }),
    );
    await streamRun(
      loaded,
      events,
      (r) => writer.line(streamLine(r, zone)),
      flags.interpretation !== undefined ? { interpretation: flags.interpretation } : {},
    );
    writer.commit();
  } catch (e) {
    writer.abort();
    throw e;
  }
  return EXIT.ok;
}

function stdinStats(): { name: string; stats: Stats }[] {
  try {
    return [{ name: '(stdin)', stats: fstatSync(0) }];
  } catch {
    return []; // no stdin at all: nothing it could overwrite
  }
}

async function* fromArray(events: readonly Event[]) {
  // the scenario's own events, in time order as a stream needs them
  const sorted = [...events].sort((a, b) => Date.parse(a.when.start) - Date.parse(b.when.start) || a.id.localeCompare(b.id));
  let line = 0;
  for (const event of sorted) yield { event, line: ++line, file: '(scenario)' };
}
