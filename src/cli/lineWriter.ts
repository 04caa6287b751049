import { closeSync, openSync, renameSync, unlinkSync, writeSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Lines out, buffered: to stdout as they come, or to a temporary file renamed into place only when the
 * run completes (`commit`), so that a failed run leaves no half-written file (`abort`).
 */
export class LineWriter {
  private buf: string[] = [];
  private size = 0;
  private readonly fd: number;
  private readonly tmp?: string;

  constructor(private readonly out?: string) {
    if (out === undefined || out === '-') {
      this.fd = 1;
    } else {
      const abs = path.resolve(out);
      mkdirSync(path.dirname(abs), { recursive: true });
      this.tmp = `${abs}.${process.pid}.tmp`;
      this.fd = openSync(this.tmp, 'w');
    }
  }

  line(s: string): void {
    this.buf.push(s);
    this.size += s.length + 1;
    if (this.size > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    const text = this.buf.join('\n') + '\n';
    this.buf = [];
    this.size = 0;
    let data = Buffer.from(text);
    while (data.length > 0) {
      try {
        const n = writeSync(this.fd, data);
        data = data.subarray(n);
      } catch (e) {
        // a pipe that is full for now: try again
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      }
    }
  }

  commit(): void {
    this.flush();
    if (this.tmp !== undefined) {
      closeSync(this.fd);
      renameSync(this.tmp, path.resolve(this.out!));
    }
  }

  abort(): void {
    if (this.tmp !== undefined) {
      closeSync(this.fd);
      unlinkSync(this.tmp);
    }
  }
}
