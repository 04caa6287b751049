import type { z } from 'zod';
import type { PathSegment, Problem } from '../problem.js';

type Issue = z.core.$ZodIssue;

/** Turns zod issues into problems; for a union, keeps the branch that got furthest (fewest issues). */
export function zodProblems(file: string, issues: readonly Issue[], base: PathSegment[] = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
      const branches = issue.errors as Issue[][];
      const best = [...branches].sort((a, b) => score(a) - score(b))[0] ?? [];
      if (best.length > 0) {
        out.push(...zodProblems(file, best, path));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ code: 'E_SCHEMA', file, path: [...path, key], message: `unknown key "${key}"; check its spelling against the format (see schemas/)` });
      }
      continue;
    }
    out.push({ code: 'E_SCHEMA', file, path, message: describe(issue) });
  }
  return out;
}

/** Fewer issues and issues deeper in the tree mean the branch matched better. */
function score(issues: Issue[]): number {
  const depth = Math.max(0, ...issues.map((i) => i.path.length));
  const wrongShape = issues.some((i) => i.code === 'unrecognized_keys' || (i.code === 'invalid_type' && i.path.length === 0));
  return issues.length * 10 - depth + (wrongShape ? 1000 : 0);
}

function describe(issue: Issue): string {
  if (issue.code === 'invalid_type') {
    const got = 'input' in issue ? typeName(issue.input) : 'something else';
    if (got === 'undefined') return `missing: expected ${issue.expected}; add it`;
    return `expected ${issue.expected}, got ${got}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${String(v)}`;
}
