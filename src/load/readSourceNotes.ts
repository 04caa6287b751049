import path from 'node:path';
import type { PathSegment } from '../problem.js';
import { displayName, readText } from './files.js';
import { checkInside, type Ctx } from './loadContext.js';

/**
 * A scenario's own source notes (`sourceNotes`: Markdown files of facts in the analyst's words, one
 * per line with outlet and date), as lines by file name: citations `{ file: sources.md, line: N }`
 * are then checked against them as against the articles. Undefined when the scenario has none.
 */
export function readSourceNotes(ctx: Ctx, scenarioAbs: string, root: string, notes: readonly string[]): Map<string, string[]> | undefined {
  if (notes.length === 0) return undefined;
  const file = displayName(scenarioAbs, ctx.cwd);
  const out = new Map<string, string[]>();
  notes.forEach((n, i) => {
    const abs = path.resolve(path.dirname(scenarioAbs), n);
    const from: { file: string; path: PathSegment[] } = { file, path: ['sourceNotes', i] };
    if (!checkInside(ctx, root, abs, from)) return;
    const { text, problems } = readText(abs, ctx);
    if (text === undefined) {
      ctx.problems.push(
        ...problems.map((p) =>
          p.code === 'E_FILE_NOT_FOUND'
            ? { ...p, file, path: from.path, message: `source notes "${n}" not found; fix the path (relative to the scenario)` }
            : p,
        ),
      );
      return;
    }
    out.set(path.basename(n), text.split(/\r?\n/));
  });
  return out;
}
