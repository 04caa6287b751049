import { describe, expect, it } from 'vitest';
import { stdout, withIo } from '../src/cli/io.js';

const sink = () => {
  const out: string[] = [];
  const write = (t: string | Uint8Array) => out.push(String(t));
  return { out, io: { stdout: { write }, stderr: { write } } };
};
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// the CLI's streams are per call: two in-process calls of main at once must not print into each other
describe('the CLI streams of two calls at once', () => {
  it('each call prints into its own streams, whichever resumes first', async () => {
    const a = sink();
    const b = sink();
    await Promise.all([
      withIo(a.io, async () => {
        await later(5);
        stdout().write('a');
      }),
      withIo(b.io, async () => {
        await later(25);
        stdout().write('b');
      }),
    ]);
    expect(a.out).toEqual(['a']);
    expect(b.out).toEqual(['b']);
    expect(stdout()).toBe(process.stdout);
  });
});
