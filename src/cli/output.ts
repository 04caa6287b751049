import { renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a command's result: to stdout, or to `out` atomically (a temporary file renamed into place),
 * so that a failure never leaves a half-written report. Called only once the result is complete.
 */
export function emit(text: string, out?: string): void {
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  const abs = path.resolve(out);
  mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, abs);
}
