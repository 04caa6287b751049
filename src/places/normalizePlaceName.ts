const PLAIN = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/**
 * How place names are compared: case, diacritics, apostrophes (Kyiv's "Bila Tserkva" and "Zhytomyr'"
 * come written both ways), hyphens and spacing do not matter.
 */
export function normalizePlaceName(name: string): string {
  // most names are plain ASCII words with single spaces, for which every step below but the case and
  // "the " does nothing: a place index normalizes each of the seeds' 736 names on every run's start
  if (PLAIN.test(name)) {
    const lower = name.toLowerCase();
    return lower.startsWith('the ') ? lower.slice(4) : lower;
  }
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ‘`ʹ´]/g, '')
    .replace(/[-‐‑–—_.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Words that make a name a region's: "Kharkiv region", "Belgorod Oblast", "Krasnodar Krai", "Republic of Tatarstan". */
const REGION_SUFFIX = / (region|oblast|oblasts|krai|kray|province|governorate|autonomous okrug|okrug|autonomous oblast|republic)$/;
const REGION_PREFIX = /^(republic of|autonomous republic of) /;
/** Ukrainian and Russian adjectival forms: Kharkivska, Belgorodskaya, Krasnodarsky, Primorsky. */
const ADJECTIVE = /(ska|skaya|skiy|skyi|sky|skii|ckaya|tska|zka)$/;

/**
 * The stems a region's name can be looked up by, or none when the name does not say "region": "Kharkiv
 * region" and "Kharkivska oblast" both give "kharkiv"; "the Belgorod region" gives "belgorod".
 */
export function regionStems(normalized: string): string[] {
  let stem = normalized;
  let marked = false;
  for (;;) {
    const next = stem.replace(REGION_SUFFIX, '').replace(REGION_PREFIX, '');
    if (next === stem) break;
    stem = next.trim();
    marked = true;
  }
  if (!marked || stem === '') return [];
  const out = [stem];
  const bare = stem.replace(ADJECTIVE, '');
  if (bare !== stem && bare.length >= 3) out.push(bare);
  return out;
}
