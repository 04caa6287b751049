import type { Problem } from '../problem.js';

/** `file:line:col  path  message (code)`, one line per problem. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => {
      const where = p.line !== undefined ? `${p.file}:${p.line}:${p.col ?? 1}` : p.file;
      const path = p.path.length > 0 ? p.path.join('.') : '(file)';
      return `${where}  ${path}  ${p.message} [${p.code}]`;
    })
    .join('\n');
}
