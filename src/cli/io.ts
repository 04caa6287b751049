/**
 * Where the CLI prints. The process's own stdout and stderr, except while `main(args, io)` runs with
 * other streams (a test calling the CLI in-process instead of paying a node start per call): `main`
 * sets them for the length of its call and puts the previous ones back, so nothing outlives the call.
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

let current: CliIo | undefined;

export function stdout(): Sink {
  return current?.stdout ?? process.stdout;
}

export function stderr(): Sink {
  return current?.stderr ?? process.stderr;
}

/** Whether stdout is the process's own (file descriptor 1), which LineWriter writes synchronously. */
export function stdoutIsProcess(): boolean {
  return current === undefined || current.stdout === process.stdout;
}

/** Runs f with io as the CLI's streams (undefined: the process's own), restoring the previous ones after. */
export async function withIo<T>(io: CliIo | undefined, f: () => Promise<T>): Promise<T> {
  const outer = current;
  current = io;
  try {
    return await f();
  } finally {
    current = outer;
  }
}
