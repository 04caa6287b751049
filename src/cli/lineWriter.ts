import { writeSync } from 'node:fs';
import { OutputClosed } from './exitCodes.js';
import { stdout, stdoutIsProcess } from './io.js';
import { TempFile, type OutFile } from './output.js';

/**
 * Lines out, buffered: to stdout as they come, or to a temporary file renamed into place only when the
 * run completes (`commit`), so that a failed run leaves no half-written file (`abort`).
 */
export class LineWriter {
  private buf: string[] = [];
  private size = 0;
  private readonly file?: TempFile;

  constructor(out?: OutFile) {
    if (out !== undefined) this.file = new TempFile(out);
  }

  line(s: string): void {
    this.buf.push(s);
    this.size += s.length + 1;
    if (this.size > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    const data = Buffer.from(this.buf.join('\n') + '\n');
    this.buf = [];
    this.size = 0;
    if (this.file !== undefined) this.file.write(data);
    else toStdout(data);
  }

  commit(): void {
    this.flush();
    this.file?.commit();
  }

  abort(): void {
    this.file?.abort();
  }
}

function toStdout(data: Buffer): void {
  if (!stdoutIsProcess()) {
    stdout().write(data);
    return;
  }
  while (data.length > 0) {
    try {
      data = data.subarray(writeSync(1, data));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // a pipe that is full for now: try again
      if (code === 'EAGAIN') continue;
      // the reader went away (`| head`): nobody wants the rest
      if (code === 'EPIPE') throw new OutputClosed();
      throw e;
    }
  }
}
