import { validatePaths } from '../../load/loadScenario.js';
import { EXIT } from '../exitCodes.js';
import { formatProblems } from '../formatProblems.js';

export function validateCommand(files: string[], g: { articles?: string }): number {
  const result = validatePaths(files, g.articles !== undefined ? { articlesDir: g.articles } : {});
  for (const n of result.notices) process.stderr.write(`note: ${n}\n`);
  if (result.problems.length > 0) {
    process.stderr.write(formatProblems(result.problems) + '\n');
    process.stderr.write(`${result.problems.length} problem(s) in ${result.files.length} file(s)\n`);
    return EXIT.invalidInput;
  }
  process.stdout.write(`ok: ${result.files.length} file(s) valid\n`);
  return EXIT.ok;
}
