/**
 * Errors are data until the CLI formats them: a stable code, the file, a location and a message that
 * says what to do. Validation collects every problem and returns them together.
 */
import { PROBLEM_CODES } from './schema/problemCodes.js';

export { PROBLEM_CODES };
export type PathSegment = string | number;

export interface Problem {
  code: ProblemCode;
  file: string;
  /** 1-based line and column in `file`, when the parser can tell */
  line?: number;
  col?: number;
  /** the path inside the document (zod path) */
  path: PathSegment[];
  message: string;
}

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Thrown by the loading layer when input is invalid; carries every problem found. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
    this.name = 'InputError';
  }
}

/** A wrong command line: exit 2 like bad input, but nothing to point at in a file. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function problem(code: ProblemCode, file: string, path: PathSegment[], message: string): Problem {
  return { code, file, path, message };
}

/** Problems in a stable order: file, then line, then column, then path. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      a.path.join('.').localeCompare(b.path.join('.')) ||
      a.message.localeCompare(b.message),
  );
}
