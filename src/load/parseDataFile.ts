import { isNode, LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
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

/**
 * Parses YAML (and JSON, a subset of YAML 1.2) keeping positions. Never throws: problems come back as data.
 */
export function parseDataFile(file: string, text: string): { parsed?: ParsedFile; problems: Problem[] } {
  const problems: Problem[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  for (const err of doc.errors) {
    const pos = at(err.pos[0]);
    problems.push({
      code: 'E_PARSE',
      file,
      line: pos.line,
      col: pos.col,
      path: [],
      message: `${firstLine(err.message)}; fix the ${file.endsWith('.json') ? 'JSON' : 'YAML'} syntax here`,
    });
  }
  if (problems.length > 0) return { problems };
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) {
    return { problems: [{ code: 'E_EMPTY', file, line: 1, col: 1, path: [], message: 'the file is empty; it must hold a scenario, seed or rule document' }] };
  }
  const forbidden = findForbiddenKeys(doc.contents, []);
  for (const f of forbidden) {
    const pos = at(f.offset);
    problems.push({
      code: 'E_FORBIDDEN_KEY',
      file,
      line: pos.line,
      col: pos.col,
      path: f.path,
      message: `the key "${f.key}" is not allowed in data files (it could alter JavaScript objects); rename it`,
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return {
      problems: [
        {
          code: 'E_PARSE',
          file,
          line: 1,
          col: 1,
          path: [],
          message: `${firstLine((e as Error).message)}; remove the aliases (*name) that repeat large parts of the file`,
        },
      ],
    };
  }
  if (problems.length > 0) return { problems };
  const locate = (path: PathSegment[]) => {
    let node: unknown = doc.contents;
    let best = node;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        node = pair.value ?? pair.key;
        best = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
        best = item;
      } else break;
    }
    const range = isNode(best) ? (best as Node).range : undefined;
    return at(range ? range[0] : 0);
  };
  return { parsed: { file, data, locate }, problems };
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).trim();
}

function findForbiddenKeys(node: unknown, path: PathSegment[]): { key: string; offset: number; path: PathSegment[] }[] {
  const found: { key: string; offset: number; path: PathSegment[] }[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && FORBIDDEN_KEYS.has(key)) {
        found.push({ key, offset: (pair.key as Node).range?.[0] ?? 0, path: [...path, key] });
      }
      found.push(...findForbiddenKeys(pair.value, key === undefined ? path : [...path, key]));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => found.push(...findForbiddenKeys(item, [...path, i])));
  }
  return found;
}
