/**
 * Random mutations of parsed data files, for the property test (validate accepts => nothing crashes) and
 * `npm run fuzz`. Randomness comes in through `pick(n)` (a whole number in [0, n)), so fast-check's
 * shrinking and a seeded generator can both drive it. Values are chosen to stay near the formats (other
 * instants, durations, ids of the same document, edge numbers), so that many mutants still validate and
 * reach the runner: a mutant refused at once tests only the schema.
 */
export type Pick = (n: number) => number;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Step = string | number;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DURATION = /^-?P/;
const ID = /^[a-z0-9][a-z0-9-]*$/;

const INSTANTS = [
  '1900-01-01T00:00:00+14:00',
  '1900-01-01T00:00:00Z',
  '2200-12-31T23:59:59-14:00',
  '2200-12-31T23:59:59Z',
  '2026-01-29T00:00:00+02:00',
  '2026-02-02T18:00:00+02:00',
  '2026-02-03T00:00:00.500+03:00',
  '2026-02-01T00:00:00+23:59',
  '2026-02-01T00:00:00',
  '2026-02-30T00:00:00+02:00',
  '1899-12-31T23:59:59Z',
  '2201-01-01T00:00:00Z',
];
const DURATIONS = ['PT0S', 'PT1S', 'PT12H', 'P1D', 'P7D', 'P1M', 'P300Y', 'P301Y', '-PT12H', 'PT0.5S', 'P300000Y', 'P1Y2M3DT4H5M6S', 'P'];
const NUMBERS = [0, 1, 2, 3, 4, 299, 300, 301, 1_000_000, 2 ** 31, 2 ** 53, -1, 0.5];
const STRINGS = [
  'constructor',
  'toString',
  '5',
  '0',
  '',
  'x',
  'system',
  'Europe/Kyiv',
  'UTC+14',
  'UTC+15',
  'during',
  '{constructor} {when}',
  '$.start',
  '$[0]',
];

function paths(value: Json, at: Step[] = [], out: Step[][] = []): Step[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) paths(value[k]!, [...at, k], out);
  return out;
}

function strings(value: Json, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const get = (root: Json, path: Step[]): Json => path.reduce<Json>((v, s) => (v as Record<string, Json>)[s as string]!, root);

function shiftInstant(s: string, pick: Pick): string {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return s;
  const hours = [-48, -24, -12, -1, 1, 12, 24, 48, 24 * 365 * 200][pick(9)]!;
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(s)?.[1] ?? 'Z';
  const sign = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(ms + hours * 3_600_000 + sign * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

/** A value to put where `old` was. */
function replacement(old: Json, pool: string[], pick: Pick): Json {
  if (typeof old === 'string') {
    if (INSTANT.test(old)) return pick(2) === 0 ? shiftInstant(old, pick) : INSTANTS[pick(INSTANTS.length)]!;
    if (DURATION.test(old)) return DURATIONS[pick(DURATIONS.length)]!;
    if (ID.test(old) && pick(2) === 0) return pool[pick(pool.length)]!;
    return STRINGS[pick(STRINGS.length)]!;
  }
  if (typeof old === 'number') return pick(2) === 0 ? old + [-1, 1][pick(2)]! : NUMBERS[pick(NUMBERS.length)]!;
  if (typeof old === 'boolean') return !old;
  // a value of another type altogether, now and then
  return [null, 'x', 0, [], {}, true][pick(6)]!;
}

/** Applies `count` mutations to a deep copy of `data`; returns the copy and what was done (for reports). */
export function mutate(data: unknown, count: number, pick: Pick): { data: unknown; done: string[] } {
  const root = structuredClone(data) as Json;
  const pool = [...strings(root)].filter((s) => ID.test(s)).sort();
  const done: string[] = [];
  for (let m = 0; m < count; m++) {
    const all = paths(root).filter((p) => p.length > 0);
    if (all.length === 0) break;
    const path = all[pick(all.length)]!;
    const parent = get(root, path.slice(0, -1)) as Record<string, Json> | Json[];
    const key = path.at(-1)!;
    const old = (parent as Record<string, Json>)[key as string]!;
    const op = pick(10);
    if (op === 0) {
      // remove it
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      done.push(`remove ${path.join('.')}`);
    } else if (op === 1 && Array.isArray(parent)) {
      // repeat it (a duplicate id, a repeated phase)
      parent.splice(key as number, 0, structuredClone(old));
      done.push(`repeat ${path.join('.')}`);
    } else if (op === 2 && Array.isArray(old) && old.length > 1) {
      old.reverse();
      done.push(`reverse ${path.join('.')}`);
    } else {
      const value = replacement(old, pool, pick);
      (parent as Record<string, Json>)[key as string] = value;
      done.push(`set ${path.join('.')} = ${JSON.stringify(value)}`);
    }
  }
  return { data: root, done };
}
