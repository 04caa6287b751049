import path from 'node:path';
import { Event } from '../schema/event.js';
import { InputError, type PathSegment, type Problem } from '../problem.js';
import { toMillis, type Interval } from '../time/interval.js';
import { eventChecks, type EventCheckBasis, type IdRegister } from '../validate/checkEvent.js';
import { zodProblems } from '../schema/zodProblems.js';
import { IdTable } from './idTable.js';
import { happyPath } from '../schema/happyPath.js';
import { KNOWN_CHECKS } from '../schema/knownChecks.js';
import { Instant, instantInRange } from '../schema/common.js';
import { parseInstant } from '../schema/parseInstant.js';
import { FORBIDDEN_KEYS } from '../schema/forbiddenKeys.js';
import { MAX_DEPTH } from './maxFileBytes.js';
import { decodeText, notAFile } from './files.js';
import { NotAFile, regularChunks, stdinStream } from './observedFs.js';
// not loadContext.ts, nor parseDataFile.ts: their YAML parsers are about 4 ms of a stream's start
import { articlesOf, context, type LoadOptions } from './loadState.js';
import type { LoadedScenario } from './loadScenario.js';

/** One line of a stream (one event) may not be longer than this; a line without end is refused here. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** An event of the stream, where it came from (the file as problems name it, its line) and its 1-based number among the events. */
export interface StreamedEvent {
  event: Event;
  file: string;
  line: number;
  row: number;
  /** the event's start and end in milliseconds, read once here so that no later step reads them again */
  interval: Interval;
}

/** What a stream's events are checked against: the scenario's parties and sources, and the articles. */
export interface StreamBasis extends EventCheckBasis {
  parties: ReadonlySet<string>;
  scenarioId: string;
}

/** The basis for checking a stream's events exactly as the scenario's own events were checked. */
export function streamBasis(loaded: LoadedScenario, opts: LoadOptions = {}): StreamBasis {
  const ctx = context(opts);
  const articles = articlesOf(ctx);
  if (ctx.problems.length > 0) throw new InputError(ctx.problems);
  return {
    parties: new Set(loaded.scenario.parties.map((p) => p.id)),
    scenarioId: loaded.scenario.id,
    sourceFiles: new Set(loaded.sources.map((s) => s.file)),
    ...(articles ? { articles } : {}),
  };
}

/**
 * Events as NDJSON, one JSON event per line, from a regular file or stdin ("-"), read as bytes and
 * validated line by line: UTF-8, nesting, the event format, then the same cross-checks a seed file's
 * events get (with `basis`), and order by start. The first bad line stops the stream with an InputError
 * naming the file and line. Memory stays flat however long the stream, except for the ids seen (a
 * duplicate id can be anywhere earlier), kept compactly in an IdTable.
 */
export async function* ndjsonEvents(
  source: string,
  cwd = process.cwd(),
  basis?: StreamBasis,
  /** counts the events given out (an event source's report) */
  tally?: { events: number },
): AsyncGenerator<StreamedEvent> {
  const file = source === '-' ? '(stdin)' : source;
  const fail = (line: number, path: PathSegment[], code: Problem['code'], message: string): never => {
    throw new InputError([{ code, file, line, col: 1, path, message }]);
  };
  let input: AsyncIterable<Buffer | string> & { destroy?(): void };
  if (source === '-') input = stdinStream();
  else {
    try {
      input = regularChunks(path.resolve(cwd, source));
    } catch (e) {
      if (e instanceof NotAFile) throw new InputError([notAFile(file, e.what, 'give --events an NDJSON file, or - for stdin')]);
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') {
        throw new InputError([
          {
            code: 'E_FILE_NOT_FOUND',
            file,
            path: [],
            message: `no such file; check the path of --events (looked in ${path.dirname(path.resolve(cwd, source))})`,
          },
        ]);
      }
      throw e;
    }
  }

  const problems: Problem[] = [];
  const push = (code: Problem['code'], f: string, p: PathSegment[], message: string) => problems.push({ code, file: f, path: p, message });
  /**
   * The run's last instants read, with their milliseconds: the happy path reads an event's start and end,
   * then the checks and the interval given out ask for the same strings again (state of this run only).
   */
  const seenText: string[] = ['', '', '', ''];
  const seenMs = new Float64Array(4);
  let seenNext = 0;
  /** parseInstant through the run's last instants: NaN for a form it does not read, as parseInstant */
  const instantMs = (s: string): number => {
    for (let i = 0; i < 4; i++) if (seenText[i] === s) return seenMs[i]!;
    const ms = parseInstant(s);
    seenText[seenNext] = s;
    seenMs[seenNext] = ms;
    seenNext = (seenNext + 1) & 3;
    return ms;
  };
  /** toMillis, as the checks and the stream read an instant */
  const millis = (s: string): number => {
    const ms = instantMs(s);
    return Number.isNaN(ms) ? toMillis(s) : ms;
  };
  const check = basis ? eventChecks(basis, push, millis) : undefined;
  // id -> line: the one thing kept per event (see above), in a table the collector need not walk
  const lines = new IdTable();
  const ids: IdRegister = {
    get: (id) => {
      const at = lines.get(id);
      return at === undefined ? undefined : `${file} line ${at}`;
    },
    set: (id) => lines.add(id, n),
  };
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // the format's known checks, with the instant's read through this run's memo (knownChecks.ts's test, same answer)
  const known = new Map(KNOWN_CHECKS).set(Instant, (v) => instantInRange(instantMs(v as string)));
  const happy = happyPath(Event, known);
  let n = 0;
  /** events given out */
  let rows = 0;
  let lastStart = Number.NEGATIVE_INFINITY;

  /** a line as bytes: decoded on its own (a line that spans chunks, or one of a run of lines that is not valid UTF-8) */
  const take = (bytes: Buffer): StreamedEvent | undefined => {
    let decoded: string;
    try {
      decoded = utf8.decode(bytes);
    } catch {
      // the slow path says where and what
      const p = decodeText(file, bytes).problems[0]!;
      throw new InputError([{ ...p, line: n + 1, message: p.message.replace(/^byte \d+/, `byte ${p.col ?? 1} of the line`) }]);
    }
    return takeText(decoded);
  };

  /** a line decoded */
  const takeText = (decoded: string): StreamedEvent | undefined => {
    n++;
    let text = n === 1 && decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') return undefined;
    let data: unknown;
    let parseError: Error | undefined;
    try {
      // a reviver makes JSON.parse several times slower: only a line that could spell a forbidden key
      // (plainly or through a \u escape) is parsed with one
      data = mayHideForbiddenKey(text)
        ? JSON.parse(text, (k, v: unknown) => {
            if (FORBIDDEN_KEYS.has(k)) throw new Error(`the key "${k}" is not allowed`);
            return v;
          })
        : JSON.parse(text);
    } catch (e) {
      parseError = e as Error;
    }
    let event: Event;
    // the common line, valid as written, is its own parse (and no deeper than the format, far within
    // MAX_DEPTH, so its nesting need not be counted); zod decides (and words) every other
    if (parseError === undefined && happy(data)) event = data as Event;
    else {
      // too deep is said first, as when it was counted before parsing
      if (jsonDepthOver(text, MAX_DEPTH))
        fail(n, [], 'E_PARSE', `the event is nested more than ${MAX_DEPTH} deep (the limit); write one flat event object per line`);
      if (parseError !== undefined) fail(n, [], 'E_PARSE', `not a JSON event (${parseError.message}); write one event object per line`);
      const r = Event.safeParse(data);
      if (!r.success) throw new InputError(zodProblems(file, r.error.issues).map((p): Problem => ({ ...p, line: n, col: 1 })));
      event = r.data;
    }
    // a draft counts in no run until an analyst accepts it
    if (event.draft === true) return undefined;
    if (check) {
      // where: the register keeps the line itself (set above), and a line is checked once, so an id seen
      // before is always another line's; nothing is worded unless it is
      check(event, file, NO_PATH, ids, '', basis!.parties, basis!.scenarioId);
      if (problems.length > 0) throw new InputError(problems.map((p) => ({ ...p, line: n, col: 1 })));
    }
    const start = millis(event.when.start);
    if (start < lastStart)
      fail(
        n,
        ['when', 'start'],
        'E_STREAM_ORDER',
        `event ${event.id} starts before the event on the line above; a stream must be sorted by start time (sort it, e.g. by when.start)`,
      );
    lastStart = start;
    if (tally) tally.events++;
    return { event, file, line: n, row: ++rows, interval: { start, end: millis(event.when.end) } };
  };

  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** where each line of a run of whole lines ends in its bytes (reused from chunk to chunk) */
  let ends = new Int32Array(1024);
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    // a line begun in an earlier chunk: joined and taken on its own
    if (pending.length > 0) {
      const nl = buf.indexOf(0x0a);
      if (nl < 0) {
        pending.push(Buffer.from(buf));
        pendingBytes += buf.length;
        if (pendingBytes > MAX_LINE_BYTES) tooLong(n + 1);
        continue;
      }
      const line = Buffer.concat([...pending, buf.subarray(0, nl)]);
      pending = [];
      pendingBytes = 0;
      if (line.length > MAX_LINE_BYTES) tooLong(n + 1);
      const got = take(line);
      if (got) yield got;
      buf = buf.subarray(nl + 1);
    }
    // the chunk's whole lines, decoded at once (a newline byte is never inside a UTF-8 sequence, so the
    // run ends on a character): one decoding and no Buffer per line
    const last = buf.lastIndexOf(0x0a);
    if (last >= 0) {
      let k = 0;
      for (let from = 0; from <= last; k++) {
        const nl = buf.indexOf(0x0a, from);
        if (k === ends.length) {
          const more = new Int32Array(2 * k);
          more.set(ends);
          ends = more;
        }
        ends[k] = nl;
        from = nl + 1;
      }
      let text: string | undefined;
      try {
        text = utf8.decode(buf.subarray(0, last));
      } catch {
        // not valid UTF-8 somewhere: line by line, so that the bad line is named
      }
      let at = 0;
      let byte = 0;
      for (let i = 0; i < k; i++) {
        const end = ends[i]!;
        if (end - byte > MAX_LINE_BYTES) tooLong(n + 1);
        let got: StreamedEvent | undefined;
        if (text !== undefined) {
          const nl = i === k - 1 ? text.length : text.indexOf('\n', at);
          got = takeText(text.slice(at, nl));
          at = nl + 1;
        } else got = take(buf.subarray(byte, end));
        if (got) yield got;
        byte = end + 1;
      }
      buf = buf.subarray(last + 1);
    }
    if (buf.length > 0) {
      pending.push(Buffer.from(buf));
      pendingBytes += buf.length;
      if (pendingBytes > MAX_LINE_BYTES) tooLong(n + 1);
    }
  }
  if (pendingBytes > 0) {
    const got = take(Buffer.concat(pending));
    if (got) yield got;
  }

  function tooLong(line: number): never {
    if (source !== '-') (input as unknown as { destroy(): void }).destroy();
    return fail(
      line,
      [],
      'E_FILE_TOO_LARGE',
      `the line is longer than ${MAX_LINE_BYTES / 1048576} MiB (the limit for one event), or never ends; write one event per line`,
    );
  }
}

/** an event's own path: its line (read only) */
const NO_PATH: readonly PathSegment[] = [];

/** Whether a line could hold a forbidden key: it names one, or has an escape that could spell one. */
function mayHideForbiddenKey(text: string): boolean {
  return text.includes('\\u') || text.includes('__proto__') || text.includes('constructor') || text.includes('prototype');
}

/** Whether `[`/`{` nesting outside strings goes deeper than max (JSON only: strings are double-quoted). */
function jsonDepthOver(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
