import type { z } from 'zod';
import type { PathSegment, Problem } from '../problem.js';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues into problems that say what to do. For a union (a change of an overlay, a condition
 * of a rule), keeps the branch that got furthest; when the object matches no branch at all, says which
 * keys would have been understood.
 */
export function zodProblems(file: string, issues: readonly Issue[], base: PathSegment[] = []): Problem[] {
  const out: Problem[] = [];
  // required keys that are missing, by the path of their object: a misspelt key is usually one of them
  const missing = new Map<string, string[]>();
  for (const i of issues) {
    if (i.code === 'invalid_type' && receivedOf(i) === 'undefined' && i.path.length > 0) {
      const at = i.path.slice(0, -1).map(String).join('.');
      missing.set(at, [...(missing.get(at) ?? []), String(i.path.at(-1))]);
    }
  }
  for (const issue of issues) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
      const branches = issue.errors as Issue[][];
      const none = matchesNoBranch(branches);
      if (none) {
        if (none.unknown.length === 0)
          out.push({ code: 'E_SCHEMA', file, path, message: `empty; expected one of ${none.expected.join(', ')}` });
        for (const key of none.unknown) {
          out.push({
            code: 'E_SCHEMA',
            file,
            path: [...path, key],
            message: `unknown key "${key}"; expected one of ${none.expected.join(', ')}`,
          });
        }
        continue;
      }
      // the branch whose keys the analyst wrote (setInterpretation:) is the one they meant, however many
      // of its own fields are wrong; only when none is, the branch that got furthest
      const written = branches.filter(wroteItsKeys);
      const best = [...(written.length > 0 ? written : branches)].sort((a, b) => score(a) - score(b))[0] ?? [];
      if (best.length > 0) {
        out.push(...zodProblems(file, best, path));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      const wanted = missing.get(issue.path.map(String).join('.')) ?? [];
      for (const key of issue.keys) {
        const near = wanted.find((w) => editDistance(w, key) <= Math.max(1, Math.floor(w.length / 4)));
        const hint = near !== undefined ? `did you mean "${near}"?` : 'check its spelling against the format (see schemas/)';
        out.push({ code: 'E_SCHEMA', file, path: [...path, key], message: `unknown key "${key}"; ${hint}` });
      }
      continue;
    }
    out.push({ code: 'E_SCHEMA', file, path, message: describe(issue) });
  }
  return out;
}

/**
 * A union of objects none of whose keys the input has (`moveEvent:` where a change is addEvents,
 * removeEvents, ...): every branch then reports the same unknown keys and its own missing key. Picking
 * a branch would blame a key the analyst never meant; list the keys every branch expects instead.
 */
function matchesNoBranch(branches: Issue[][]): { unknown: string[]; expected: string[] } | undefined {
  let unknown: string[] | undefined;
  const expected: string[] = [];
  for (const branch of branches) {
    const extra = branch.filter((i) => i.code === 'unrecognized_keys' && i.path.length === 0);
    const missing = branch.filter((i) => i.code === 'invalid_type' && i.path.length === 1 && receivedOf(i) === 'undefined');
    if (extra.length > 1 || missing.length === 0 || extra.length + missing.length !== branch.length) return undefined;
    const keys = extra[0] ? [...(extra[0] as { keys: string[] }).keys].sort() : [];
    if (unknown !== undefined && keys.join('\0') !== unknown.join('\0')) return undefined;
    unknown = keys;
    expected.push(missing.map((i) => String(i.path[0])).join(' + '));
  }
  return unknown !== undefined ? { unknown, expected } : undefined;
}

/** A branch of an object union that found every key it needs and none it does not know, at its top. */
function wroteItsKeys(branch: Issue[]): boolean {
  return !branch.some(
    (i) =>
      (i.code === 'unrecognized_keys' && i.path.length === 0) ||
      (i.code === 'invalid_type' && i.path.length <= 1 && (i.path.length === 0 || receivedOf(i) === 'undefined')),
  );
}

/**
 * Lower is a better match: each mismatch (an issue, or an unknown key) costs 10, issues deeper in the
 * tree mean the branch got further, and a branch that wants another type altogether comes last.
 */
function score(issues: Issue[]): number {
  const depth = Math.max(0, ...issues.map((i) => i.path.length));
  const mismatches = issues.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? i.keys.length : 1), 0);
  const wrongShape = issues.some((i) => i.code === 'invalid_type' && i.path.length === 0);
  return mismatches * 10 - depth + (wrongShape ? 1000 : 0);
}

/** zod's own (English) messages start so; a schema's custom message says more and is kept. */
const isDefault = (message: string) => /^(Invalid input|Too (small|big)|Invalid (string|option|key|element|value))/.test(message);

/** What the value was, as zod's default message says (zod leaves the input out of issues by default). */
function receivedOf(issue: Issue): string | undefined {
  return / received (\S+)$/.exec(issue.message)?.[1];
}

/** zod's type names, but "int" says what it means */
const typeName = (t: string) => (t === 'int' ? 'a whole number' : t);

function describe(issue: Issue): string {
  if (issue.code === 'invalid_type') {
    if (!isDefault(issue.message)) return issue.message;
    const received = receivedOf(issue);
    if (received === 'undefined') return `missing: expected ${typeName(issue.expected)}; add it`;
    return `expected ${typeName(issue.expected)}, got ${received === undefined ? 'something else' : typeName(received)}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'too_small' && isDefault(issue.message)) {
    const min = Number(issue.minimum);
    if (issue.origin === 'array') return min === 1 ? 'the list is empty; give at least one item' : `give at least ${min} items`;
    if (issue.origin === 'string') return min === 1 ? 'the text is empty; write something' : `write at least ${min} characters`;
    if (issue.origin === 'number') return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${min}`;
  }
  if (issue.code === 'too_big' && isDefault(issue.message) && issue.origin === 'number') {
    return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${Number(issue.maximum)}`;
  }
  if (issue.code === 'invalid_format' && isDefault(issue.message) && issue.format === 'regex' && 'pattern' in issue) {
    return `does not have the expected form (${String(issue.pattern)})`;
  }
  return issue.message;
}

/** Levenshtein distance, for "did you mean" (keys are short). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
