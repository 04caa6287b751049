/**
 * Errors are data until the CLI formats them: a stable code, the file, a location and a message that
 * says what to do. Validation collects every problem and returns them together.
 */
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

export const PROBLEM_CODES = [
  'E_FILE_NOT_FOUND',
  'E_FILE_TOO_LARGE',
  'E_ENCODING',
  'E_PARSE',
  'E_EMPTY',
  'E_SCHEMA',
  'E_UNKNOWN_FORMAT',
  'E_DUPLICATE_ID',
  'E_UNKNOWN_SOURCE',
  'E_UNKNOWN_PARTY',
  'E_UNKNOWN_INTERPRETATION',
  'E_UNKNOWN_EVENT',
  'E_CITED_LINE_MISSING',
  'E_FIGURE_NOT_ON_LINE',
  'E_INTERVAL_ORDER',
  'E_WINDOW_ORDER',
  'E_COUNT_ORDER',
  'E_RULE_OPERATOR',
  'E_RULE_FACT',
  'E_RULE_CONDITION',
  'E_OUTSIDE_PROJECT',
  'E_EXTENDS_CYCLE',
  'E_FORBIDDEN_KEY',
  'E_USAGE',
  'E_STREAM_ORDER',
  'E_EXTENDS_DEPTH',
  'E_NOT_A_FILE',
  'E_SHARD_MISMATCH',
] as const;
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
