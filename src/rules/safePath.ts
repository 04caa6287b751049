/**
 * The resolver for a condition's `path`, in place of json-rules-engine's JSONPath (jsonpath-plus can
 * evaluate script expressions). Accepts only `$.a.b[0]`-style member access on own properties.
 */
import { SAFE_PATH } from '../schema/safePath.js';

export { SAFE_PATH };

export function safePath(value: object, path: string): unknown {
  const m = SAFE_PATH.exec(path);
  if (!m) throw new Error(`unsupported path "${path}": only $.name and [index] steps are allowed`);
  let cur: unknown = value;
  for (const step of (m[1] ?? '').match(/\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\]/g) ?? []) {
    const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}
