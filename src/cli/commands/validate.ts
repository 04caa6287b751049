import { validatePaths } from '../../load/validatePaths.js';
import { loadOptions } from '../loadOptions.js';
import type { Globals } from '../main.js';
import { EXIT } from '../exitCodes.js';
import { formatProblems } from '../formatProblems.js';
import { UsageError } from '../../problem.js';
import { stderr, stdout } from '../io.js';

export function validateCommand(files: string[], g: Globals): number {
  const result = validatePaths(files, loadOptions(g, { note: false }));
  // "ok" over no files at all would pass a mistyped folder for a valid one
  if (result.files.length === 0) throw new UsageError(`no data files (*.yaml, *.yml, *.json) in ${files.join(', ')}: nothing to validate`);
  for (const n of result.notices) stderr().write(`note: ${n}\n`);
  if (result.problems.length > 0) {
    stderr().write(formatProblems(result.problems) + '\n');
    stderr().write(`${result.problems.length} problem(s) in ${result.files.length} file(s)\n`);
    return EXIT.invalidInput;
  }
  stdout().write(`ok: ${result.files.length} file(s) valid\n`);
  return EXIT.ok;
}
