import { isAlias, isNode, LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Document, type Node } from 'yaml';
import type { PathSegment, Problem } from '../problem.js';

/** A parsed YAML or JSON file that can tell where a path of it was written. */
export interface ParsedFile {
  file: string;
  data: unknown;
  /** line:col of the value at `path`, or of its nearest written ancestor */
  locate(path: PathSegment[]): { line: number; col: number };
}

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A YAML alias bomb expands a few lines into billions of nodes; refuse long before that. */
const MAX_ALIASES = 100;

/** No data file of ours nests anywhere near this deep. */
const MAX_DEPTH = 200;

/** The offset where `[`/`{` nesting first exceeds `max`, outside quoted strings; -1 if it never does. */
function flowDepthOver(text: string, max: number): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return -1;
}

/**
 * Parses YAML (and JSON, a subset of YAML 1.2) keeping positions. Never throws: problems come back as data.
 */
export function parseDataFile(file: string, text: string): { parsed?: ParsedFile; problems: Problem[] } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return (file.endsWith('.json') && parseJsonFast(file, source)) || parseYaml(file, source);
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
  let located: ParsedFile | undefined;
  const locate = (path: PathSegment[]) => (located ??= parseYaml(file, source).parsed)?.locate(path) ?? { line: 1, col: 1 };
  return { parsed: { file, data, locate }, problems: [] };
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

function parseYaml(file: string, source: string): { parsed?: ParsedFile; problems: Problem[] } {
  const problems: Problem[] = [];
  // refuse absurd nesting before parsing: whether the parser's recursion runs out depends on the stack
  const deep = flowDepthOver(source, MAX_DEPTH);
  if (deep >= 0) {
    const line = source.slice(0, deep).split('\n').length;
    return { problems: [{ code: 'E_PARSE', file, line, col: deep - source.lastIndexOf('\n', deep - 1), path: [], message: `lists and mappings are nested more than ${MAX_DEPTH} deep, far too deeply to be a data file; flatten the structure` }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number) => lineCounter.linePos(offset);
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
    return { problems: [{ code: 'E_EMPTY', file, line: 1, col: 1, path: [], message: 'the file is empty; it must hold a scenario, seed or rule document' }] };
  }
  for (const f of checkKeys(doc, doc.contents, [])) {
    const pos = at(f.offset);
    problems.push(
      f.key === undefined
        ? { code: 'E_PARSE', file, line: pos.line, col: pos.col, path: f.path, message: 'a key must be a plain name, not a list or mapping; write the key as text' }
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
