import { existsSync } from 'node:fs';
import path from 'node:path';
import { runScenarioTests, type TestRun } from '../../testing/runScenarioTests.js';
import { scenarioFiles } from '../../load/files.js';
import { defaultCache } from '../../load/loadCache.js';
import { InputError, UsageError } from '../../problem.js';
import { EXIT, TestsFailed } from '../exitCodes.js';
import { loadOptions } from '../loadOptions.js';
import { stdout } from '../io.js';
import type { Globals } from '../main.js';

export async function testCommand(paths: string[], flags: { coverage?: boolean }, g: Globals): Promise<number> {
  // a path that is not there is a mistyped command, not a failed test
  const missing = paths.filter((p) => !existsSync(path.resolve(p)));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((p) => ({
        code: 'E_FILE_NOT_FOUND',
        file: p,
        path: [],
        message: `no such file or folder; check the path (looked in ${path.dirname(path.resolve(p))})`,
      })),
    );
  }
  const given = paths.length > 0 ? paths : ['scenarios'];
  if (scenarioFiles(given, process.cwd()).length === 0)
    throw new UsageError(`no scenario files (*.yaml, *.yml) in ${given.join(', ')}: nothing to test`);
  const result = await runScenarioTests(paths, {
    ...loadOptions(g),
    cwd: process.cwd(),
    cache: g.cache ? defaultCache(process.cwd()) : undefined,
  });
  stdout().write(testText(result, flags.coverage === true));
  if (result.failed > 0) throw new TestsFailed(result.failed);
  return EXIT.ok;
}

/** `file > case > what differed` for each failure, a line per file, the counts last. */
export function testText(r: TestRun, coverage: boolean): string {
  const out: string[] = [];
  for (const f of r.files) {
    const bad = f.cases.filter((c) => c.differences.length > 0);
    out.push(`${bad.length === 0 ? 'ok  ' : 'FAIL'} ${f.file} (${f.cases.length} case${f.cases.length === 1 ? '' : 's'})`);
    for (const c of bad) for (const d of c.differences) out.push(`  ${f.file} > ${c.name} > ${d}`);
  }
  if (coverage) {
    const section = (title: string, items: { name: string }[], hit: (i: never) => boolean) => {
      const done = items.filter((i) => hit(i as never));
      out.push('', `${title}: ${done.length}/${items.length}`);
      for (const i of items) out.push(`  ${hit(i as never) ? '+' : '-'} ${i.name}`);
    };
    section('rules fired', r.coverage.rules, (i: { fired: boolean }) => i.fired);
    section('states visited', r.coverage.states, (i: { visited: boolean }) => i.visited);
    section('transitions taken', r.coverage.transitions, (i: { taken: boolean }) => i.taken);
  }
  out.push('', `${r.passed} passed, ${r.failed} failed`);
  return out.join('\n') + '\n';
}
