/**
 * A data file larger than this is refused before it is parsed. Its own module, importing nothing, so the
 * CLI's start can read it without loading the file layer (src/cli/main.ts decides where a stream runs).
 */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;
