import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where the CLI prints. The process's own stdout and stderr, except while `main(args, io)` runs with
 * other streams (a test calling the CLI in-process instead of paying a node start per call): `main`
 * sets them for its call and what it awaits (an AsyncLocalStorage), so nothing outlives or crosses a call.
 */
export interface Sink {
  write(text: string | Uint8Array): unknown;
  /** a terminal: only then a progress bar */
  readonly isTTY?: boolean;
}

export interface CliIo {
  stdout: Sink;
  stderr: Sink;
}

// per call, not per module: two calls of main running at once each print into their own streams
const calls = new AsyncLocalStorage<CliIo | undefined>();

export function stdout(): Sink {
  return calls.getStore()?.stdout ?? process.stdout;
}

export function stderr(): Sink {
  return calls.getStore()?.stderr ?? process.stderr;
}

/** Whether stdout is the process's own (file descriptor 1), which LineWriter writes synchronously. */
export function stdoutIsProcess(): boolean {
  const current = calls.getStore();
  return current === undefined || current.stdout === process.stdout;
}

/** Runs f with io as the CLI's streams (undefined: the process's own), for f and what it awaits only. */
export function withIo<T>(io: CliIo | undefined, f: () => Promise<T>): Promise<T> {
  return calls.run(io, f);
}
