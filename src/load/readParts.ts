import path from 'node:path';
import { displayName, readText } from './files.js';
import { parseDataFile } from './parseDataFile.js';
import { zodProblems } from '../schema/zodProblems.js';
import { Part } from '../schema/part.js';
import { InputError, type Problem } from '../problem.js';

/** Parts are machine-written and may hold many rows: far more than a hand-written data file. */
const MAX_PART_BYTES = 1024 * 1024 * 1024;

/** Reads and checks the partial results given to `truce merge`; every problem of every file at once. */
export function readParts(files: readonly string[], cwd: string): { file: string; part: Part }[] {
  const problems: Problem[] = [];
  const out: { file: string; part: Part }[] = [];
  for (const f of files) {
    const abs = path.resolve(cwd, f);
    const file = displayName(abs, cwd);
    const { text, problems: read } = readText(abs, { cwd, maxFileBytes: MAX_PART_BYTES });
    problems.push(...read);
    if (text === undefined) continue;
    const { parsed, problems: parse } = parseDataFile(file, text);
    problems.push(...parse);
    if (!parsed) continue;
    const r = Part.safeParse(parsed.data);
    if (!r.success) {
      problems.push(...zodProblems(file, r.error.issues).map((p) => ({ ...p, ...parsed.locate(p.path) })));
      continue;
    }
    out.push({ file, part: r.data });
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}
