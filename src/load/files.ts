import path from 'node:path';
import { list, NotAFile, readAtMost, stat as statOf } from './observedFs.js';
import type { Problem } from '../problem.js';
import { DEFAULT_MAX_FILE_BYTES } from './maxFileBytes.js';

export { DEFAULT_MAX_FILE_BYTES };

export interface ReadOptions {
  cwd: string;
  maxFileBytes: number;
}

/** The name a file is shown by: relative to the working folder when inside it. */
export function displayName(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

export function readText(abs: string, opts: ReadOptions): { text?: string; problems: Problem[] } {
  const file = displayName(abs, opts.cwd);
  const { kind, size, what } = statOf(abs);
  if (kind === 'dir') {
    return {
      problems: [{ code: 'E_FILE_NOT_FOUND', file, path: [], message: 'this is a folder, not a file; name a scenario, seed or rule file' }],
    };
  }
  if (kind === 'none') {
    return {
      problems: [{ code: 'E_FILE_NOT_FOUND', file, path: [], message: `no such file; check the path (looked in ${path.dirname(abs)})` }],
    };
  }
  if (kind !== 'file') {
    // a device, pipe or socket (/dev/zero, /dev/stdin) could be endless, a link loop leads nowhere: never read one
    return { problems: [notAFile(file, what ?? 'not a regular file', 'name a scenario, seed or rule file')] };
  }
  const tooLarge = (size: number, more: string): { problems: Problem[] } => ({
    problems: [
      {
        code: 'E_FILE_TOO_LARGE',
        file,
        line: 1,
        col: 1,
        path: [],
        message: `the file is ${sizeText(size, opts.maxFileBytes)}${more}, over the ${sizeText(opts.maxFileBytes, opts.maxFileBytes)} limit; split it, or stream events as NDJSON with --events`,
      },
    ],
  });
  // refused on its size alone, before a byte is read or parsed
  if (size > opts.maxFileBytes) return tooLarge(size, '');
  // and read at most one byte past the limit, so a file that grows after the check cannot exhaust memory
  let bytes: Buffer;
  try {
    bytes = readAtMost(abs, opts.maxFileBytes + 1);
  } catch (e) {
    // swapped for something else between the look and the read
    if (e instanceof NotAFile) return { problems: [notAFile(file, e.what, 'name a scenario, seed or rule file')] };
    throw e;
  }
  if (bytes.length > opts.maxFileBytes) return tooLarge(bytes.length, ' or more');
  return decodeText(file, bytes);
}

/**
 * A size in the unit that suits the limit (MiB, KiB or bytes), with enough digits that a size just over
 * the limit does not read as the limit itself ("4.0 MiB, over the 4.0 MiB limit").
 */
export function sizeText(n: number, limit: number): string {
  const [unit, name] = limit >= 1048576 ? [1048576, 'MiB'] : limit >= 1024 ? [1024, 'KiB'] : [1, 'bytes'];
  if (unit === 1) return `${n} bytes`;
  for (let digits = 1; digits < 8; digits++) {
    const s = (n / unit).toFixed(digits);
    if (n === limit || s !== (limit / unit).toFixed(digits)) return `${s} ${name}`;
  }
  return `${n} bytes`;
}

export function notAFile(file: string, what: string, todo: string): Problem {
  return {
    code: 'E_NOT_A_FILE',
    file,
    line: 1,
    col: 1,
    path: [],
    message: `this is ${what}, not a regular file; only regular files are read: ${todo}`,
  };
}

/**
 * Data files are UTF-8 (a leading byte-order mark is allowed and ignored later). Anything else would
 * reach the parser as replacement characters and NULs and give confusing errors, so it is refused here,
 * with what to do: a UTF-16 file (Windows "Unicode"), a Latin-1 file, a binary file.
 */
export function decodeText(file: string, bytes: Uint8Array): { text?: string; problems: Problem[] } {
  const at = (line: number, col: number, message: string): { problems: Problem[] } => ({
    problems: [{ code: 'E_ENCODING', file, line, col, path: [], message }],
  });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return at(1, 1, 'the file is UTF-16 encoded (saved as "Unicode"); save it as UTF-8');
  }
  if (bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return at(1, 1, 'the file is UTF-32 encoded; save it as UTF-8');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, col } = position(bytes, bad);
    return at(
      line,
      col,
      `byte ${bad + 1} (0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}) is not UTF-8; save the file as UTF-8 (it looks like Latin-1 or Windows-1252, or not a text file)`,
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const before = text.slice(0, nul).split('\n');
    return at(
      before.length,
      (before.at(-1)?.length ?? 0) + 1,
      'the file contains a NUL character; it is not a text file, or is not UTF-8 (save it as UTF-8)',
    );
  }
  return { text, problems: [] };
}

/** The offset of the first byte that starts an ill-formed UTF-8 sequence (Unicode 15, table 3-7). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    const second = b[i + 1]!;
    const [lo, hi] =
      c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < lo || second > hi) return i;
    for (let k = 2; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}

/** 1-based line and column (in characters) of a byte offset. */
function position(b: Uint8Array, offset: number): { line: number; col: number } {
  const before = Buffer.from(b.subarray(0, offset)).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 };
}

export function listFiles(dir: string, ext: string): string[] {
  if (!isDirectory(dir)) return [];
  return list(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));
}

export function isDirectory(p: string): boolean {
  return statOf(p).kind === 'dir';
}

/**
 * The article files, as lines, or undefined when the folder is not there. Only regular files are read,
 * each up to the size limit: an entry that is a folder, a FIFO, a device or a link loop is a problem
 * (named), never a hang or a crash.
 */
export function readArticles(dir: string, opts: ReadOptions): { articles?: Map<string, string[]>; problems: Problem[] } {
  if (!isDirectory(dir)) return { problems: [] };
  const map = new Map<string, string[]>();
  const problems: Problem[] = [];
  for (const f of listFiles(dir, '.txt')) {
    const r = isDirectory(f)
      ? { problems: [notAFile(displayName(f, opts.cwd), 'a folder', 'name a scenario, seed or rule file')] }
      : // an article is capped at the default data-file limit, whatever limit the caller set for its data
        readText(f, { ...opts, maxFileBytes: DEFAULT_MAX_FILE_BYTES });
    if (r.text !== undefined) map.set(path.basename(f), r.text.split(/\r?\n/));
    else
      problems.push(
        ...r.problems.map((p) => ({
          ...p,
          message: `article: ${p.message.replace('name a scenario, seed or rule file', 'remove it from the articles folder, or point --articles elsewhere')}`,
        })),
      );
  }
  return { articles: map, problems };
}

/** Scenario files under the given paths (folders searched recursively), sorted. */
export function scenarioFiles(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    if (isDirectory(abs)) {
      for (const f of listFiles(abs, '')) walk(f);
    } else if (/\.ya?ml$/.test(abs)) out.push(abs);
  };
  for (const p of paths) walk(path.resolve(cwd, p));
  return [...new Set(out)].sort();
}
