import { FORBIDDEN_KEYS } from '../schema/forbiddenKeys.js';

/**
 * Paths into a scenario, as written in overlays and `--vary`: dot-separated; a list is entered by the
 * `id` (or `name`) of an element, always first, or by position with `[N]` ("events[0].when",
 * "events.[0].when"); inside a rule, a segment naming a fact enters the first leaf condition (depth
 * first) that reads that fact: "rules.broader-attack.munitionsLow.value". A bare number is an id like
 * any other ("events.5" is the event with id "5"); only when no element has that id is it read as a
 * position, as overlays written before `[N]` existed meant it.
 */
export type Path = string[];

export function splitPath(p: string): Path {
  return p
    .split('.')
    .flatMap((s) => s.split(/(?=\[)/))
    .filter((s) => s.length > 0);
}

const INDEX = /^\[(\d+)\]$/;

type Step = { ok: true; value: unknown } | { ok: false; message: string };

function step(cur: unknown, seg: string): Step {
  if (FORBIDDEN_KEYS.has(seg)) return { ok: false, message: `"${seg}" may not appear in a path` };
  if (Array.isArray(cur)) {
    const index = INDEX.exec(seg);
    if (index) {
      const i = Number(index[1]);
      return i < cur.length
        ? { ok: true, value: cur[i] }
        : { ok: false, message: `position ${seg} is past the end (${cur.length} items, [0] to [${cur.length - 1}])` };
    }
    // ids win: an id that looks like a number is still an id
    const hit = cur.find(
      (x) => x !== null && typeof x === 'object' && ((x as { id?: unknown }).id === seg || (x as { name?: unknown }).name === seg),
    );
    if (hit !== undefined) return { ok: true, value: hit };
    if (/^\d+$/.test(seg) && Number(seg) < cur.length) return { ok: true, value: cur[Number(seg)] };
    const ids = cur.map((x) => (x as { id?: string; name?: string })?.id ?? (x as { name?: string })?.name).filter(Boolean);
    return { ok: false, message: `no item "${seg}"${ids.length > 0 ? `; there are ${ids.join(', ')}` : ''} (or write a position as [N])` };
  }
  if (INDEX.test(seg)) return { ok: false, message: `${seg} is a position, but this is not a list` };
  if (cur !== null && typeof cur === 'object') {
    if (Object.hasOwn(cur, seg)) return { ok: true, value: (cur as Record<string, unknown>)[seg] };
    const leaf = findLeaf(cur, seg);
    if (leaf !== undefined) return { ok: true, value: leaf };
    return { ok: false, message: `no field "${seg}"` };
  }
  return { ok: false, message: `cannot enter "${seg}" in a ${cur === null ? 'null' : typeof cur}` };
}

/** The first leaf condition (depth first) that reads `fact`, inside a rule or a condition tree. */
function findLeaf(node: unknown, fact: string): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  const n = node as Record<string, unknown>;
  if (n.fact === fact && 'operator' in n) return n;
  for (const key of ['conditions', 'all', 'any', 'not']) {
    const child = n[key];
    const kids = Array.isArray(child) ? child : child !== undefined ? [child] : [];
    for (const k of kids) {
      const hit = findLeaf(k, fact);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

export function getByPath(root: unknown, path: Path): Step {
  let cur: Step = { ok: true, value: root };
  for (const [i, seg] of path.entries()) {
    if (!cur.ok) break;
    cur = step(cur.value, seg);
    if (!cur.ok) return { ok: false, message: `${path.slice(0, i + 1).join('.')}: ${cur.message}` };
  }
  return cur;
}

/** Sets the value at `path` in place (callers pass a copy). */
export function setByPath(root: unknown, path: Path, value: unknown): { ok: true } | { ok: false; message: string } {
  if (path.length === 0) return { ok: false, message: 'an empty path' };
  const parent = getByPath(root, path.slice(0, -1));
  if (!parent.ok) return parent;
  const last = path[path.length - 1]!;
  if (FORBIDDEN_KEYS.has(last)) return { ok: false, message: `"${last}" may not appear in a path` };
  const p = parent.value;
  if (Array.isArray(p)) {
    const target = step(p, last);
    if (!target.ok) return { ok: false, message: `${path.join('.')}: ${target.message}` };
    const idx = p.indexOf(target.value);
    p[idx] = value;
    return { ok: true };
  }
  if (p === null || typeof p !== 'object') return { ok: false, message: `${path.slice(0, -1).join('.')} is not an object` };
  (p as Record<string, unknown>)[last] = value;
  return { ok: true };
}
