import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { validatePaths } from '../src/load/validatePaths.js';
import { loadScenario } from '../src/load/loadScenario.js';
import { ParseMemo } from '../src/load/parseMemo.js';
import { runScenario } from '../src/run/runScenario.js';
import { compareReadings } from '../src/run/compare.js';
import { explainEvent } from '../src/run/explainEvent.js';
import { sample } from '../src/sample/sample.js';
import { runText } from '../src/report/runText.js';
import { runJson } from '../src/report/runJson.js';
import { compareText } from '../src/report/compareText.js';
import { explainText } from '../src/report/explainText.js';
import { sampleText } from '../src/report/sampleReport.js';
import { provenanceOf } from '../src/provenance.js';
import { EXIT, reportError } from '../src/cli/exitCodes.js';
import { mutate } from '../tools/mutateData.js';
import { ROOT, scratch } from './helpers.js';

/**
 * Whatever `truce validate` accepts, `run`, `compare`, `explain` and `sample -n 10` must handle without an
 * internal error (exit 3): bad input is found by validation or refused with exit 2, never a crash later.
 * The inputs are random mutations of the shipped scenario and seed files (seeded). The commands' work is
 * done in-process, through the functions the CLI calls, and errors are mapped to exit codes by the CLI's
 * own `reportError`.
 */
const RUNS = Number(process.env.TRUCE_PROPERTY_RUNS ?? 500);
const FILES = ['scenarios/jan-feb-2026.yaml', 'seeds/events.yaml', 'seeds/sources.yaml'];
const original = Object.fromEntries(FILES.map((f) => [f, parse(readFileSync(path.join(ROOT, f), 'utf8')) as unknown]));
const originalText = Object.fromEntries(FILES.map((f) => [f, stringify(original[f])]));
/** What each file in the scratch project holds now: a file is written only when a mutant changes it. */
const onDisk = new Map<string, string>();
const dir = scratch({ 'scenarios/jan-feb-2026.yaml': readFileSync(path.join(ROOT, 'scenarios/jan-feb-2026.yaml'), 'utf8') });
const scenario = 'scenarios/jan-feb-2026.yaml';
// without the articles: citations are checked by validate only, and run never reads them; checking fewer
// lets more mutants through to the runner (a stronger property), and the test is the same on every machine
// a mutant changes one file: the others (and the places and rule files, never mutated) are parsed once, not
// once per mutant and command (see ParseMemo; its data is frozen, so a command that changed it would fail here)
const opts = { cwd: dir, articlesDir: path.join(dir, 'no-articles'), parseMemo: new ParseMemo() };

/** What the CLI would exit with, doing all four commands on the scenario. */
async function exitOfCommands(): Promise<{ code: number; message: string }> {
  try {
    const loaded = loadScenario(scenario, opts);
    const provenance = provenanceOf(loaded);
    const report = await runScenario(loaded);
    runText(report, provenance);
    JSON.stringify(runJson(report, provenance));
    compareText(compareReadings(report), provenance);
    for (const id of loaded.events.map((e) => e.id).slice(0, 3)) explainText(await explainEvent(loaded, report, id), provenance);
    const tally = await sample(loaded, { draws: 10, seed: 1, workers: 1 });
    sampleText({ scenario: { id: loaded.scenario.id, title: loaded.scenario.title }, draws: 10, seed: 1, tally, provenance });
    return { code: EXIT.ok, message: '' };
  } catch (e) {
    const r = reportError(e, true);
    return { code: r.code, message: r.message };
  }
}

let accepted = 0;
let tried = 0;
afterAll(() => {
  console.log(`validate => run: ${tried} mutants, ${accepted} accepted by validate and run through every command`);
});

describe('validate accepting a file implies run, compare, explain and sample never exit 3', () => {
  it(`${RUNS} seeded mutants of the shipped scenario and seeds`, { timeout: 900_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(FILES.length - 1),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        async (which, count, choices) => {
          let k = 0;
          const pick = (n: number) => (n <= 1 ? 0 : choices[k++ % choices.length]! % n);
          const target = FILES[which]!;
          const { data, done } = mutate(original[target], count, pick);
          for (const f of FILES) {
            const text = f === target ? stringify(data) : originalText[f]!;
            if (onDisk.get(f) === text) continue;
            writeFileSync(path.join(dir, f), text);
            onDisk.set(f, text);
          }
          tried++;
          const v = validatePaths([scenario], opts);
          if (v.problems.length > 0) return;
          accepted++;
          const r = await exitOfCommands();
          expect(r.code, `${target}: ${done.join('; ')}\n${r.message}`).not.toBe(EXIT.internal);
        },
      ),
      { numRuns: RUNS, seed: 1111 },
    );
    // the property is only worth something if many mutants get through validation to the runner
    expect(accepted).toBeGreaterThan(RUNS / 8);
  });
});
