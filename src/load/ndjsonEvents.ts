import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { Event } from '../schema/event.js';
import { InputError, type Problem } from '../problem.js';
import { zodProblems } from './zodProblems.js';
import { FORBIDDEN_KEYS } from './parseDataFile.js';

/**
 * Events as NDJSON, one JSON event per line, from a file or stdin ("-"), validated line by line and
 * yielded as they come: memory stays flat however long the stream. The first bad line stops the stream
 * with an InputError naming the file and line.
 */
export async function* ndjsonEvents(source: string, cwd = process.cwd()): AsyncGenerator<{ event: Event; line: number }> {
  const file = source === '-' ? '(stdin)' : source;
  const abs = path.resolve(cwd, source);
  if (source !== '-' && !existsSync(abs)) throw new InputError([{ code: 'E_FILE_NOT_FOUND', file, path: [], message: 'no such file; check the path of --events' }]);
  const input = source === '-' ? process.stdin : createReadStream(abs, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const text = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(text, (k, v: unknown) => {
        if (FORBIDDEN_KEYS.has(k)) throw new Error(`the key "${k}" is not allowed`);
        return v;
      });
    } catch (e) {
      throw new InputError([{ code: 'E_PARSE', file, line: n, col: 1, path: [], message: `not a JSON event (${(e as Error).message}); write one event object per line` }]);
    }
    const r = Event.safeParse(data);
    if (!r.success) throw new InputError(zodProblems(file, r.error.issues).map((p): Problem => ({ ...p, line: n, col: 1 })));
    if (r.data.draft === true) continue;
    yield { event: r.data, line: n };
  }
}
