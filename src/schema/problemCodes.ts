/**
 * The stable codes of every problem truce reports. They live with the formats because a file names
 * them (an expectation's `error:`), and `src/schema` imports nothing else of the project.
 */
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
