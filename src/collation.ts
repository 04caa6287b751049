/**
 * `localeCompare` without ICU's collator where its answer is known. A collator's first use costs a start
 * 6-7 ms (ICU loads its data and V8 lists the locales it has; README, Cold start), which sorting a few
 * rule names and ids does not repay. Under the root collation (en-US's; C and POSIX are en-US too), the
 * printable ASCII characters but none of the rarer ones each have a primary weight of their own, in the
 * order below (space, punctuation, symbols, digits, letters), with no contractions among them; a capital
 * differs from its small letter only at the third level. So two such strings compare by their characters'
 * ranks, a prefix first, and when those are all equal by the first difference in case, small first
 * (tests/collation.test.ts holds this to `localeCompare` on random strings). Anything else, or another
 * locale, asks ICU.
 */
const ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';
/** rank + 1 of each ASCII code (0: not known here); capitals share their small letter's rank */
const RANK = new Uint8Array(128);
for (let i = 0; i < ORDER.length; i++) RANK[ORDER.charCodeAt(i)] = i + 1;
for (let c = 65; c <= 90; c++) RANK[c] = RANK[c + 32]!;

let rootOrder = false;

/**
 * Says whether the process's default collation is the root one. Only the CLI says so, from the locale
 * variables ICU reads (src/cli/intlFree.ts); a library user's process keeps `localeCompare` throughout.
 */
export function assumeRootCollation(yes: boolean): void {
  rootOrder = yes;
}

const isCapital = (c: number) => c >= 65 && c <= 90;

/** The sign of `a.localeCompare(b)` in the root collation; NaN when a character is not one known here. */
export function compareRoot(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const rx = x < 128 ? RANK[x]! : 0;
    const ry = y < 128 ? RANK[y]! : 0;
    if (rx === 0 || ry === 0) return Number.NaN;
    if (rx !== ry) {
      // the rest must still be characters known here for the answer to be the collator's
      for (let j = i + 1; j < a.length; j++) if (a.charCodeAt(j) >= 128 || RANK[a.charCodeAt(j)] === 0) return Number.NaN;
      for (let j = i + 1; j < b.length; j++) if (b.charCodeAt(j) >= 128 || RANK[b.charCodeAt(j)] === 0) return Number.NaN;
      return rx < ry ? -1 : 1;
    }
  }
  for (const s of [a, b]) for (let j = n; j < s.length; j++) if (s.charCodeAt(j) >= 128 || RANK[s.charCodeAt(j)] === 0) return Number.NaN;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const cx = isCapital(a.charCodeAt(i));
    if (cx !== isCapital(b.charCodeAt(i))) return cx ? 1 : -1;
  }
  return 0;
}

/** The sign `a.localeCompare(b)` has in this process's default locale. */
export function compareText(a: string, b: string): number {
  if (rootOrder) {
    const r = compareRoot(a, b);
    if (!Number.isNaN(r)) return r;
  }
  return a.localeCompare(b);
}
