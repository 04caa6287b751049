import { runScenarioTests, type TestRun } from '../../testing/runScenarioTests.js';
import { EXIT, TestsFailed } from '../exitCodes.js';
import { loadOptions } from '../loadOptions.js';
import type { Globals } from '../main.js';

export async function testCommand(paths: string[], flags: { coverage?: boolean }, g: Globals): Promise<number> {
  const result = await runScenarioTests(paths, { ...loadOptions(g), cwd: process.cwd() });
  process.stdout.write(testText(result, flags.coverage === true));
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
