import {
  Composer,
  isAlias,
  isNode,
  LineCounter,
  Parser,
  YAMLParseError,
  isMap,
  isSeq,
  isScalar,
  visit,
  type CST,
  type Document,
  type Node,
} from 'yaml';
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';
import type { PathSegment, Problem } from '../problem.js';
import { FORBIDDEN_KEYS } from '../schema/forbiddenKeys.js';

/** A parsed YAML or JSON file that can tell where a path of it was written. */
export interface ParsedFile {
  file: string;
  data: unknown;
  /** line:col of the value at `path`, or of its nearest written ancestor */
  locate(path: PathSegment[]): { line: number; col: number };
}

export { FORBIDDEN_KEYS };
/** A YAML alias bomb expands a few lines into billions of nodes; refuse long before that. */
const MAX_ALIASES = 100;

// the nesting limit lives with the size limit, in a module that loads no parser (ndjsonEvents.ts reads it)
export { MAX_DEPTH } from './maxFileBytes.js';
import { MAX_DEPTH } from './maxFileBytes.js';

/**
 * A cheap look at the text before the parser makes its tokens (which for a million `[` or a 4 MiB
 * `- - - ...` line takes seconds and a gigabyte): the offset where a rough count of the nesting passes
 * `max` (just past where it did), or -1. It counts `[`/`{` outside quotes, and in block style the open indentations plus the
 * `- ` entries that open on one line. Only a first cut: it is run with a limit well above the real one,
 * and the parser's tokens then tell exactly where the real limit was passed.
 */
function roughDepthOver(text: string, max: number): number {
  let flow = 0;
  let quote = '';
  const indents: number[] = [];
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let i = start;
    while (i < end && text[i] === ' ') i++;
    if (quote === '' && flow === 0 && i < end && text[i] !== '#' && text[i] !== '\r') {
      while (indents.length > 0 && indents.at(-1)! >= i - start) indents.pop();
      indents.push(i - start);
      let dashes = 0;
      let j = i;
      while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
        dashes++;
        j += 2;
        while (text[j] === ' ') j++;
        if (indents.length + dashes > max) return j;
      }
      if (indents.length > max) return i + 1;
    }
    for (; i < end; i++) {
      const c = text[i]!;
      if (quote !== '') {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === start || /\s/.test(text[i - 1]!))) break;
      else if (c === '[' || c === '{') {
        if (++flow > max) return i + 1;
      } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    }
    start = end + 1;
  }
  return -1;
}

/** The offset of the first collection nested more than `max` deep in the parser's tokens; -1 if none is. */
function cstDepthOver(tokens: readonly CST.Token[], max: number): number {
  // an explicit stack: the check must not recurse itself
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    let inner = depth;
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      inner = depth + 1;
      if (inner > max) return token.offset;
    }
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, inner]);
    } else if ('items' in token) {
      for (const item of token.items as { key?: CST.Token | null; value?: CST.Token }[]) {
        if (item.key) stack.push([item.key, inner]);
        if (item.value) stack.push([item.value, inner]);
      }
    }
  }
  return -1;
}

/**
 * Parses YAML (and JSON, a subset of YAML 1.2) keeping positions. Never throws: problems come back as data.
 */
export function parseDataFile(file: string, text: string): { parsed?: ParsedFile; problems: Problem[] } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return (file.endsWith('.json') ? parseJsonFast(file, source) : parseYamlFast(file, source)) || parseYaml(file, source);
}

/** A parse result whose positions are found by the positioned parse, run only when one is asked for. */
function lazilyLocated(file: string, source: string, data: unknown): { parsed: ParsedFile; problems: Problem[] } {
  let located: ParsedFile | undefined;
  const locate = (path: PathSegment[]) => (located ??= parseYaml(file, source).parsed)?.locate(path) ?? { line: 1, col: 1 };
  return { parsed: { file, data, locate }, problems: [] };
}

/**
 * A `.json` file that is plain JSON, through `JSON.parse` (many times faster than the YAML parser on
 * large seed files); the YAML parser runs only when a position is asked for (a problem to report).
 * Anything unusual (not JSON, not an object, a duplicate key, a forbidden key, absurd nesting) gives
 * undefined, and the YAML path gives the same result and wording as before.
 */
function parseJsonFast(file: string, source: string): { parsed: ParsedFile; problems: Problem[] } | undefined {
  const pairs = jsonPairsWithin(source, MAX_DEPTH);
  if (pairs < 0) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return undefined;
  }
  // JSON.parse keeps the last of duplicate keys silently, where YAML refuses them: fewer keys than pairs written is a duplicate
  if (data === null || typeof data !== 'object' || keyCount(data) !== pairs || findForbiddenInData(data, [])) return undefined;
  return lazilyLocated(file, source, data);
}

/**
 * A YAML file in the plain subset our data files are written in, through js-yaml's event parser (about ten
 * times faster than `yaml` building a document with positions, which a start afresh spent most of its time
 * in); the positioned parse runs only when a position is asked for (a problem to report). The data is built
 * here from the events, resolving plain scalars exactly as `yaml`'s YAML 1.2 core schema does, so the two
 * parsers cannot differ in meaning. Anything this path is unsure of gives undefined and the positioned
 * parse decides, with its wording: a parse error, several documents or none, directives, tags, anchors,
 * aliases, a key that is not a string (a number, true, null, a list or mapping), `<<`, a duplicate or
 * forbidden key, nesting past MAX_DEPTH, tabs or carriage returns (where `yaml` is the stricter), and plain
 * scalars that look numeric but are not plain decimals (0x/0o/0b, leading zeros, `_` in numbers, 1:30,
 * .inf/.nan). YAML 1.1's words (yes/no/on/off) and plain dates stay strings, as in `yaml`'s YAML 1.2 core
 * schema (no 1.1 booleans, no timestamp type; a `%YAML 1.1` directive is given up on): the files write both
 * (`figures: [Yes]`, `date: 2026-01-29`), so giving up on them would lose the fast path for the seed files.
 * tests/parseFast.test.ts checks it against the positioned parse.
 */
export function parseYamlFast(file: string, source: string): { parsed: ParsedFile; problems: Problem[] } | undefined {
  const data = fastYamlData(source);
  return data === undefined ? undefined : lazilyLocated(file, source, data);
}

/** Plain scalars that another YAML version or parser could read otherwise: left to the positioned parse. */
const DOUBTFUL_PLAIN =
  /^(?:[-+]?0[xXoObB].*|[-+]?0[0-9]+|[-+]?[0-9.][0-9._]*_[0-9._eE+-]*|[-+]?[0-9][0-9_]*(?::[0-9_]+)+(?:\.[0-9_]*)?|[-+]?\.(?:[Ii][Nn][Ff]|[Nn][Aa][Nn])|<<)$/;

const NOT_SURE = Symbol('not sure');

/** A plain scalar as `yaml`'s core schema reads it (its tests, in its order), or NOT_SURE. */
function corePlain(text: string): unknown {
  // most plain scalars are words: a first character no null, boolean, number or doubtful form starts with
  const c = text.charCodeAt(0) | 0x20;
  if (c >= 0x61 /* a */ && c <= 0x7a /* z */ && c !== 0x6e /* n */ && c !== 0x74 /* t */ && c !== 0x66 /* f */) return text;
  if (DOUBTFUL_PLAIN.test(text)) return NOT_SURE;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) return text[0] === 't' || text[0] === 'T';
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}

/** The data of a plain-subset YAML text, or undefined when the fast path is not sure (see parseYamlFast). */
function fastYamlData(source: string): unknown {
  // no rough look at the nesting first (roughDepthOver, a character loop that was a sixth of this path's
  // time): js-yaml's parser counts its own depth and throws at MAX_DEPTH, before it has made more than a
  // line's worth of events for the deepest nesting; then the positioned parse, which looks first, decides
  if (/[\t\r]/.test(source)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: MAX_DEPTH });
  } catch {
    return undefined;
  }
  // an explicit stack, as in cstDepthOver: nothing here recurses
  const stack: { list?: unknown[]; map?: Record<string, unknown>; key?: string }[] = [];
  let root: unknown;
  let docs = 0;
  let roots = 0;
  /** places a value; false when it cannot be placed (a mapping or list as a key, a second root) */
  const place = (value: unknown): boolean => {
    const top = stack.at(-1);
    if (!top) {
      root = value;
      return ++roots === 1;
    }
    if (top.list) top.list.push(value);
    else {
      if (top.key === undefined) return false;
      top.map![top.key] = value;
      top.key = undefined;
    }
    return true;
  };
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        if (++docs > 1 || ev.directives.length > 0) return undefined;
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (ev.anchorStart !== -1 || ev.tagStart !== -1 || stack.length >= MAX_DEPTH) return undefined;
        const frame = ev.type === EVENT_ID.SEQUENCE ? { list: [] as unknown[] } : { map: {} as Record<string, unknown> };
        if (!place(frame.list ?? frame.map)) return undefined;
        stack.push(frame);
        break;
      }
      case EVENT_ID.SCALAR: {
        if (ev.anchorStart !== -1 || ev.tagStart !== -1) return undefined;
        const text = getScalarValue(source, ev);
        const value = ev.style === SCALAR_STYLE.PLAIN ? corePlain(text) : text;
        if (value === NOT_SURE) return undefined;
        const top = stack.at(-1);
        if (top?.map && top.key === undefined) {
          // a key: a string only, written once, not a forbidden name
          if (typeof value !== 'string' || value === '<<' || FORBIDDEN_KEYS.has(value) || Object.hasOwn(top.map, value)) return undefined;
          // yaml refuses an implicit key whose ':' lies more than 1024 characters from its start; js-yaml does not
          const colon = source.indexOf(':', ev.valueEnd);
          if (colon === -1 || colon - ev.valueStart > 1000) return undefined;
          top.key = value;
        } else if (!place(value)) return undefined;
        break;
      }
      case EVENT_ID.POP:
        // a document's end pops too; a mapping left waiting for a value is not sure
        if (stack.length > 0 && stack.pop()!.key !== undefined) return undefined;
        break;
      default:
        // aliases
        return undefined;
    }
  }
  if (docs !== 1 || roots !== 1 || stack.length > 0 || root === null || typeof root !== 'object') return undefined;
  return root;
}

/** Key-value pairs written in JSON text (a `:` outside strings), or -1 when `[`/`{` nest deeper than `max`. */
function jsonPairsWithin(text: string, max: number): number {
  let pairs = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x3a /* : */) pairs++;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return -1;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return pairs;
}

function keyCount(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  if (Array.isArray(value)) {
    let n = 0;
    for (const v of value) n += keyCount(v);
    return n;
  }
  let n = 0;
  for (const k of Object.keys(value)) n += 1 + keyCount((value as Record<string, unknown>)[k]);
  return n;
}

/** The positioned parse: every problem found with its line and column. */
export function parseYaml(file: string, source: string): { parsed?: ParsedFile; problems: Problem[] } {
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  const at = (offset: number) => lineCounter.linePos(offset);
  const tooDeep = (offset: number, pos = at(offset)): { problems: Problem[] } => ({
    problems: [
      {
        code: 'E_PARSE',
        file,
        ...pos,
        path: [],
        message: `lists and mappings are nested more than ${MAX_DEPTH} deep here, far too deeply for a data file (the limit is ${MAX_DEPTH}); flatten the structure`,
      },
    ],
  });
  const rough = roughDepthOver(source, 10 * MAX_DEPTH);
  if (rough >= 0) {
    // absurdly deep: find the exact place in the text up to there only, never parse the rest
    const prefix = source.slice(0, rough);
    const counter = new LineCounter();
    const exact = cstDepthOver(Array.from(new Parser(counter.addNewLine).parse(prefix)), MAX_DEPTH);
    return exact >= 0 ? tooDeep(exact, counter.linePos(exact)) : tooDeep(rough, lineAt(source, rough));
  }
  // the parser builds its tokens without recursion; refuse absurd nesting there, before anything recurses
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(source));
  const deep = cstDepthOver(tokens, MAX_DEPTH);
  if (deep >= 0) return tooDeep(deep);
  const doc = composeOne(tokens, source.length);
  // a tab in the indentation throws the whole structure off and a cascade of errors follows it; name the cause only
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  for (const err of tabs.length > 0 ? tabs : doc.errors) {
    const pos = at(err.pos[0]);
    // the parser recurses per level and reports a blown stack as a syntax error: say what it means
    const tooDeep = /Maximum call stack size exceeded/.test(err.message);
    problems.push({
      code: 'E_PARSE',
      file,
      line: pos.line,
      col: pos.col,
      path: [],
      message: tooDeep
        ? 'lists and mappings are nested far too deeply to be a data file; flatten the structure'
        : err.code === 'TAB_AS_INDENT'
          ? 'a tab is used for indentation; YAML indents with spaces only (set the editor to insert spaces)'
          : `${firstLine(err.message)}; fix the ${file.endsWith('.json') ? 'JSON' : 'YAML'} syntax here`,
    });
  }
  if (problems.length > 0) return { problems };
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) {
    return {
      problems: [
        { code: 'E_EMPTY', file, line: 1, col: 1, path: [], message: 'the file is empty; it must hold a scenario, seed or rule document' },
      ],
    };
  }
  for (const f of checkKeys(doc, doc.contents, [])) {
    const pos = at(f.offset);
    problems.push(
      f.key === undefined
        ? {
            code: 'E_PARSE',
            file,
            line: pos.line,
            col: pos.col,
            path: f.path,
            message: 'a key must be a plain name, not a list or mapping; write the key as text',
          }
        : forbiddenKey(file, pos, f.path, f.key),
    );
  }
  // stop before building JavaScript objects from keys that are not allowed
  if (problems.length > 0) return { problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    // point at the first alias: that is where the expansion starts
    let first: { line: number; col: number } = { line: 1, col: 1 };
    visit(doc, {
      Alias(_key, node) {
        if (node.range) first = at(node.range[0]);
        return visit.BREAK;
      },
    });
    return {
      problems: [
        {
          code: 'E_PARSE',
          file,
          ...first,
          path: [],
          message: /alias/i.test((e as Error).message)
            ? `${firstLine((e as Error).message)}; remove the aliases (*name) that repeat large parts of the file`
            : `${firstLine((e as Error).message)}; fix the ${file.endsWith('.json') ? 'JSON' : 'YAML'} here`,
        },
      ],
    };
  }
  // belt and braces: whatever way a key reached the data (tags, anchors), none of the forbidden names may be an own key
  const hidden = findForbiddenInData(data, []);
  if (hidden) return { problems: [forbiddenKey(file, { line: 1, col: 1 }, hidden.path, hidden.key)] };
  const resolve = (n: unknown): unknown => (isAlias(n) ? n.resolve(doc) : n);
  const lineOf = (n: unknown) => (isNode(n) && n.range ? at(n.range[0]).line : undefined);
  const locate = (path: PathSegment[]) => {
    let node: unknown = doc.contents;
    let best = node;
    let found = 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => {
          const k = resolve(p.key);
          return isScalar(k) && String(k.value) === String(seg);
        });
        if (!pair) break;
        node = resolve(pair.value ?? pair.key);
        // a block value (a mapping or list on the lines below its key) is shown at its key: `window:`, not its first entry
        // (only when the path ends there: a key missing inside it is shown at the mapping's first entry)
        const below = (isMap(pair.value) || isSeq(pair.value)) && lineOf(pair.value) !== lineOf(pair.key);
        best = (below && found === path.length - 1) || pair.value === null ? pair.key : pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        node = resolve(item);
        best = item;
      } else break;
      found++;
    }
    const range = isNode(best) ? (best as Node).range : undefined;
    return at(range ? range[0] : 0);
  };
  return { parsed: { file, data, locate }, problems };
}

/** yaml's parseDocument, on tokens already made: one document, a second one is an error. */
function composeOne(tokens: readonly CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, strict: true });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(
        new YAMLParseError(
          [d.range[0], d.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  return doc!;
}

/** 1-based line and column of an offset, counted in the text itself. */
function lineAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).trim();
}

function forbiddenKey(file: string, pos: { line: number; col: number }, path: PathSegment[], key: string): Problem {
  return {
    code: 'E_FORBIDDEN_KEY',
    file,
    line: pos.line,
    col: pos.col,
    path,
    message: `the key "${key}" is not allowed in data files (it could alter JavaScript objects); rename it`,
  };
}

/**
 * Keys that may not be used: a forbidden name, written plainly, quoted, escaped or through an alias
 * (`*k: ...` where `&k __proto__`); and keys that are lists or mappings (`? [a, b]`), which have no use
 * in these formats and which JavaScript objects would turn into strings. `key` is undefined for those.
 */
function checkKeys(doc: Document, node: unknown, path: PathSegment[]): { key?: string; offset: number; path: PathSegment[] }[] {
  const found: { key?: string; offset: number; path: PathSegment[] }[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const keyNode = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
      let key: string | undefined;
      if (isScalar(keyNode)) {
        key = String(keyNode.value);
        if (FORBIDDEN_KEYS.has(key)) found.push({ key, offset, path: [...path, key] });
      } else if (keyNode !== null && keyNode !== undefined) {
        found.push({ offset, path });
      }
      found.push(...checkKeys(doc, pair.value, key === undefined ? path : [...path, key]));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => found.push(...checkKeys(doc, item, [...path, i])));
  }
  return found;
}

/** The first own key with a forbidden name anywhere in parsed data (depth first). */
function findForbiddenInData(value: unknown, path: PathSegment[], depth = 0): { key: string; path: PathSegment[] } | undefined {
  if (value === null || typeof value !== 'object' || depth > 10_000) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbiddenInData(value[i], [...path, i], depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return { key, path: [...path, key] };
    const hit = findForbiddenInData((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (hit) return hit;
  }
  return undefined;
}
