/**
 * A data file's limits, in their own module, importing nothing, so that the CLI's start can read them
 * without loading the file layer (src/cli/main.ts decides where a stream runs) and a stream's lines
 * without loading the YAML parsers (src/load/ndjsonEvents.ts).
 *
 * A data file larger than this is refused before it is parsed.
 */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * No data file of ours nests anywhere near this deep (a rule's conditions, the deepest part, about 10).
 * Everything after parsing (composing, toJS, zod, the rule compiler, structuredClone) recurses once per
 * level, so the limit is checked on the parser's flat token stream, before any of that runs: whether a
 * recursion runs out of stack must never decide what is accepted.
 */
export const MAX_DEPTH = 100;
