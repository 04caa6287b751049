import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';

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

function kindOf(p: string): { kind: Kind; size: number } {
  if (!existsSync(p)) return { kind: 'none', size: 0 };
  const s = statSync(p);
  return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other', size: s.size };
}

/** What is at a path: a file (with its size), a folder, something else, or nothing. */
export function stat(p: string): { kind: Kind; size: number } {
  const r = kindOf(p);
  notes?.push(['stat', p, `${r.kind}:${r.kind === 'file' ? r.size : 0}`]);
  return r;
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
  const fd = openSync(abs, 'r');
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
