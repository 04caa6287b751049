import {
  accessSync,
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { UsageError } from '../problem.js';
import { stdout } from './io.js';

/**
 * Where `--out` writes, checked before any work is done: a file is written whole or not at all (a
 * temporary file beside it, renamed into place), never onto a file the run reads, and a failed write
 * leaves nothing behind, neither the temporary file nor a folder it had to create.
 */
export interface OutFile {
  /** as the user wrote it, for messages */
  shown: string;
  abs: string;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Folders whose files are the kernel's, not the user's: no report goes there. */
const SYSTEM = ['/proc', '/sys', '/dev'];

/** The --out target, or undefined for stdout. Refuses what can never be written, before the run. */
export function outFile(out: string | undefined): OutFile | undefined {
  if (out === undefined || out === '-') return undefined;
  if (out.trim() === '') throw new UsageError('--out needs a file name (leave --out out to write to stdout)');
  const abs = path.resolve(out);
  const shown = JSON.stringify(out);
  const target = statOrUndefined(abs);
  if (target?.isDirectory() || out.endsWith('/'))
    throw new UsageError(`--out ${shown} is a folder; name a file in it, e.g. --out ${path.join(out, 'report.txt')}`);
  if (target !== undefined && !target.isFile())
    throw new UsageError(
      `--out ${shown} is not a regular file (a device, pipe or socket); name a file, or leave --out out and redirect stdout`,
    );
  const { existing } = nearestFolder(path.dirname(abs), shown);
  const real = realpathSync.native(existing);
  if (SYSTEM.some((s) => real === s || real.startsWith(s + '/')))
    throw new UsageError(`--out ${shown} is under ${real}, a system folder; write the report somewhere else`);
  // a folder we may not write to says so now rather than after the run (the write itself still checks)
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new UsageError(
      `--out ${shown}: cannot write in ${existing} (permission denied); nothing was written. Name a file in a folder you can write to`,
    );
  }
  return { shown, abs };
}

/** Whether --out names a file that exists (only then can it be one the run reads). */
export function outExists(out: OutFile | undefined): boolean {
  return out !== undefined && statOrUndefined(out.abs) !== undefined;
}

/**
 * Refuses an --out that is one of the files the run reads (the scenario, what it extends, its seeds and
 * rules, the articles, the events stream), by any name: same device and inode, so through symbolic
 * and hard links alike. Writing the report there would replace the input.
 */
export function refuseInputs(out: OutFile | undefined, reads: Iterable<{ name: string; stats?: Stats }>): void {
  if (out === undefined) return;
  const mine = statOrUndefined(out.abs);
  if (mine === undefined) return; // nothing there: not an input
  for (const r of reads) {
    const s = r.stats ?? statOrUndefined(r.name);
    if (s !== undefined && s.dev === mine.dev && s.ino === mine.ino) {
      throw new UsageError(
        `--out ${out.shown} is ${r.name}, which this run reads; writing the report there would replace it: name another file`,
      );
    }
  }
}

/** Writes a complete result: to stdout, or to the --out file atomically. */
export function emit(text: string, out?: OutFile): void {
  if (out === undefined) {
    stdout().write(text);
    return;
  }
  const file = new TempFile(out);
  try {
    file.write(Buffer.from(text));
    file.commit();
  } catch (e) {
    file.abort();
    throw e;
  }
}

/**
 * A temporary file beside the target, and the folders made for it: renamed into place by commit, or
 * removed with those folders by abort. Every failure to write is the user's to fix (a read-only
 * folder, a full disk), so it is a usage error naming the file.
 */
export class TempFile {
  private readonly made: string[] = [];
  private readonly tmp: string;
  private fd: number | undefined;
  /** interrupted (Ctrl-C, kill): clean up, then die of the signal as before */
  private readonly onSignal = (sig: NodeJS.Signals) => {
    this.abort();
    process.kill(process.pid, sig);
  };

  constructor(private readonly out: OutFile) {
    this.tmp = path.join(path.dirname(out.abs), `.${path.basename(out.abs)}.${process.pid}.tmp`);
    for (const sig of SIGNALS) process.once(sig, this.onSignal);
    try {
      this.makeFolders();
      this.fd = openSync(this.tmp, 'wx');
    } catch (e) {
      this.abort();
      throw this.failure(e);
    }
  }

  write(data: Buffer): void {
    try {
      while (data.length > 0) data = data.subarray(writeSync(this.fd!, data));
    } catch (e) {
      throw this.failure(e);
    }
  }

  commit(): void {
    try {
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.tmp, this.out.abs);
      this.unlisten();
    } catch (e) {
      throw this.failure(e);
    }
  }

  private unlisten(): void {
    for (const sig of SIGNALS) process.removeListener(sig, this.onSignal);
  }

  /** Removes the temporary file and the folders made for it; never throws (it runs while failing). */
  abort(): void {
    this.unlisten();
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    try {
      unlinkSync(this.tmp);
    } catch {
      // not created
    }
    for (const d of [...this.made].reverse()) {
      try {
        rmdirSync(d);
      } catch {
        // not empty any more: someone else's now
      }
    }
    this.made.length = 0;
  }

  /** mkdir -p one folder at a time (Node's recursive mkdir spins forever under /proc), noting each made. */
  private makeFolders(): void {
    const { missing } = nearestFolder(path.dirname(this.out.abs), this.out.shown);
    for (const d of missing) {
      mkdirSync(d);
      this.made.push(d);
    }
  }

  private failure(e: unknown): Error {
    if (e instanceof UsageError) return e;
    const err = e as NodeJS.ErrnoException;
    const why: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'not permitted (a read-only or immutable folder?)',
      EROFS: 'the file system is read-only',
      ENOSPC: 'the disk is full',
      EDQUOT: 'the disk quota is used up',
      ENOTDIR: 'a part of the path is a file, not a folder',
      EISDIR: 'it is a folder',
      ENOENT: 'the folder cannot be made there',
      ENAMETOOLONG: 'the name is too long',
    };
    return new UsageError(
      `cannot write --out ${this.out.shown}: ${why[err.code ?? ''] ?? err.message}; nothing was written. Name a file in a folder you can write to`,
    );
  }
}

/** The nearest folder above p that exists, and the folders below it still to make (outermost first). */
function nearestFolder(p: string, shown: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  let dir = p;
  for (;;) {
    const s = lstatOrUndefined(dir);
    if (s !== undefined) {
      const t = s.isSymbolicLink() ? statOrUndefined(dir) : s;
      if (t === undefined)
        throw new UsageError(`--out ${shown}: ${dir} is a broken link; name a file in a folder that exists or can be made`);
      if (!t.isDirectory()) throw new UsageError(`--out ${shown}: ${dir} is a file, not a folder; name a file in a folder`);
      return { existing: dir, missing: missing.reverse() };
    }
    missing.push(dir);
    const up = path.dirname(dir);
    if (up === dir) return { existing: dir, missing: missing.reverse() };
    dir = up;
  }
}

function statOrUndefined(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch {
    // ENOTDIR (a file above it) as ENOENT: the walk goes on up and finds that file
    return undefined;
  }
}
