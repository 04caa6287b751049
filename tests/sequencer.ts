import path from 'node:path';
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

/**
 * The files that take longest (tests/slowestFiles.ts prints them after each run), longest first. With
 * two workers, a 15 s file that starts last makes the run wait for it alone; started first, the small
 * files fill the other worker around it. Vitest orders by the durations of the last run when it has them
 * (node_modules/.vite), but a fresh clone (CI) has none and vitest then starts the biggest files by size,
 * which puts these late. Only the order: a file missing here, or one more, changes no result.
 */
export const LONGEST_FIRST = [
  'tests/validateImpliesRun.test.ts',
  'tests/differential.test.ts',
  'tests/model.test.ts',
  'tests/properties.test.ts',
  'tests/cli-statechart.test.ts',
  'tests/cli-intl.test.ts',
  'tests/library-package.test.ts',
  'tests/monteCarlo.test.ts',
  'tests/workbench-browser.test.ts',
  'tests/stream.test.ts',
  'tests/reciprocity.test.ts',
  'tests/stream-conduct.test.ts',
  'tests/cli-output.test.ts',
  'tests/browser.test.ts',
  'tests/bad-inputs.test.ts',
  'tests/parseFast.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const known = (f: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${f.project.name}:${path.relative(this.ctx.config.root, f.moduleId)}`) !== undefined;
    // with every duration known vitest has already put the longest first, from measurements
    if (sorted.every(known)) return sorted;
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(path.relative(this.ctx.config.root, f.moduleId).split(path.sep).join('/'));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
