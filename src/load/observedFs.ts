import {
  closeSync,
  constants,
  createReadStream,
  fstatSync,
  openSync,
  type ReadStream,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * The file-system reads the loader makes, each noted while a recording is on, so that a load can be
 * memoised as a function of what it saw (loadCache): replaying the notes against the disk tells
 * whether the same load would see the same thing. Every read of the loading layer goes through here.
 */
export type Observation = [op: 'stat' | 'list' | 'read' | 'realpath', path: string, result: string];

let notes: Observation[] | undefined;

/** Runs f, noting every read it makes. */
export function recording<T>(f: () => T): { value: T; observations: Observation[] } {
  const outer = notes;
  notes = [];
  try {
    const value = f();
    return { value, observations: notes };
  } finally {
    notes = outer;
  }
}

export type Kind = 'file' | 'dir' | 'other' | 'none';

/** What a path that is not a regular file or folder is, in words for a message. */
export function whatIs(s: Stats): string {
  return s.isFIFO()
    ? 'a FIFO (named pipe)'
    : s.isSocket()
      ? 'a socket'
      : s.isCharacterDevice()
        ? 'a character device'
        : s.isBlockDevice()
          ? 'a block device'
          : 'not a regular file';
}

function kindOf(p: string): { kind: Kind; size: number; what?: string } {
  let s: Stats | undefined;
  try {
    s = statSync(p, { throwIfNoEntry: false });
  } catch (e) {
    // a link loop, or a folder that cannot be entered: there, but not readable as a file
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return { kind: 'none', size: 0 };
    return {
      kind: 'other',
      size: 0,
      what:
        code === 'ELOOP'
          ? 'a loop of symbolic links'
          : code === 'EACCES'
            ? 'not readable (permission denied)'
            : `not readable (${code ?? 'error'})`,
    };
  }
  if (s === undefined) return { kind: 'none', size: 0 };
  return s.isFile()
    ? { kind: 'file', size: s.size }
    : s.isDirectory()
      ? { kind: 'dir', size: s.size }
      : { kind: 'other', size: s.size, what: whatIs(s) };
}

/** What is at a path: a file (with its size), a folder, something else (and what), or nothing. */
export function stat(p: string): { kind: Kind; size: number; what?: string } {
  const r = kindOf(p);
  notes?.push(['stat', p, `${r.kind}:${r.kind === 'file' ? r.size : 0}`]);
  return r;
}

/** Thrown by the reads when the path turns out to be no regular file (checked on the open file itself). */
export class NotAFile extends Error {
  constructor(readonly what: string) {
    super(what);
    this.name = 'NotAFile';
  }
}

/**
 * Opens a path for reading only if it is a regular file: O_NONBLOCK so that opening a FIFO never waits
 * for a writer, then fstat on what was opened (not on the name, which may change in between).
 */
export function openRegular(abs: string): number {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw e;
    throw new NotAFile(
      code === 'ELOOP'
        ? 'a loop of symbolic links'
        : code === 'EISDIR'
          ? 'a folder'
          : code === 'EACCES'
            ? 'not readable (permission denied)'
            : `not readable (${code ?? 'error'})`,
    );
  }
  const s = fstatSync(fd);
  if (!s.isFile()) {
    closeSync(fd);
    throw new NotAFile(s.isDirectory() ? 'a folder' : whatIs(s));
  }
  return fd;
}

/**
 * A regular file read as a stream (NDJSON events, CSV exports: too long to hold). Opened as
 * `openRegular` opens it, so the same errors; noted as a stat of what was opened, since a stream is read
 * once and never replayed from a cache.
 */
/**
 * Standard input as a stream. A worker thread (the CLI streams in one, src/cli/main.ts) has no
 * process.stdin of its own: it reads file descriptor 0.
 */
export function stdinStream(): NodeJS.ReadableStream {
  // required here, not imported: node:worker_threads costs every start of the CLI about 3 ms of CPU,
  // and only a stream of stdin asks
  const { isMainThread } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  return isMainThread ? process.stdin : createReadStream('', { fd: 0, autoClose: false });
}

export function streamRegular(abs: string): ReadStream {
  const fd = openRegular(abs);
  notes?.push(['stat', abs, `file:${fstatSync(fd).size}`]);
  return createReadStream('', { fd });
}

/** fs streams read 64 KiB at a time: a file smaller than that comes as one chunk */
const STREAM_CHUNK = 64 * 1024;

/**
 * A regular file's bytes in chunks, for a stream's lines (ndjsonEvents.ts): a file smaller than a stream's
 * chunk is read whole (the one chunk its stream would give), without the stream, whose machinery costs a
 * short stream's start about 2 ms; a larger one as a stream. `destroy` stops reading.
 */
export function regularChunks(abs: string): AsyncIterable<Buffer> & { destroy(): void } {
  const fd = openRegular(abs);
  const size = fstatSync(fd).size;
  notes?.push(['stat', abs, `file:${size}`]);
  if (size >= STREAM_CHUNK) return createReadStream('', { fd });
  let whole: Buffer;
  try {
    // to the end, as the stream reads, should the file have grown since (the lines are taken alike from any chunks)
    const parts: Buffer[] = [];
    for (;;) {
      const buf = Buffer.allocUnsafe(STREAM_CHUNK);
      const got = readSync(fd, buf, 0, STREAM_CHUNK, null);
      if (got === 0) break;
      parts.push(buf.subarray(0, got));
    }
    whole = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  } finally {
    closeSync(fd);
  }
  return {
    async *[Symbol.asyncIterator]() {
      if (whole.length > 0) yield whole;
    },
    destroy() {},
  };
}

/** A folder's entries, sorted. */
export function list(dir: string): string[] {
  const r = readdirSync(dir).sort();
  notes?.push(['list', dir, JSON.stringify(r)]);
  return r;
}

/** At most `max` bytes of a file. */
export function readAtMost(abs: string, max: number): Buffer {
  const r = readBounded(abs, max);
  notes?.push(['read', abs, `${max}:${digest(r)}`]);
  return r;
}

/** The path with symbolic links resolved (the path itself when it cannot be). */
export function realpath(p: string): string {
  let r: string;
  try {
    r = realpathSync.native(p);
  } catch {
    r = p;
  }
  notes?.push(['realpath', p, r]);
  return r;
}

/** Whether the disk still shows what the notes say. */
export function unchanged(observations: readonly Observation[]): boolean {
  for (const [op, p, result] of observations) {
    try {
      if (op === 'stat') {
        const r = kindOf(p);
        if (`${r.kind}:${r.kind === 'file' ? r.size : 0}` !== result) return false;
      } else if (op === 'list') {
        if (JSON.stringify(readdirSync(p).sort()) !== result) return false;
      } else if (op === 'read') {
        const max = Number(result.slice(0, result.indexOf(':')));
        if (`${max}:${digest(readBounded(p, max))}` !== result) return false;
      } else if (realpathSync.native(p) !== result) return false;
    } catch {
      return false;
    }
  }
  return true;
}

const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('base64');

function readBounded(abs: string, max: number): Buffer {
  const fd = openRegular(abs);
  try {
    let buf = Buffer.alloc(Math.max(1, Math.min(max, fstatSync(fd).size + 1)));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n >= max) return buf;
        const bigger = Buffer.alloc(Math.min(max, n * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) return buf.subarray(0, n);
      n += got;
    }
  } finally {
    closeSync(fd);
  }
}
