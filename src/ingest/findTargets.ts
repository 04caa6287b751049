import type { TargetType } from '../schema/event.js';

/** What was hit, by class, from the words used. Thresholds of meaning live in this one table. */
export const TARGET_WORDS: readonly [TargetType, RegExp][] = [
  [
    'energy',
    /\b(energy (?:infrastructure|facilit(?:y|ies)|system|sector|grid|sites?)|power (?:plants?|stations?|facilit(?:y|ies)|grid|lines?)|thermal power|substations?|electricity transmission|transmission facilit(?:y|ies)|(?:oil )?refiner(?:y|ies)|oil depots?|fuel depots?|fuel and energy|gas (?:processing|facilit(?:y|ies)|infrastructure)|energy)\b/i,
  ],
  [
    'residential',
    /\b(residential|apartment|apartments|blocks? of flats|high-rises?|tower blocks?|homes|houses|private houses|multi-stor(?:e)?y|dwellings?|dormitor(?:y|ies))\b/i,
  ],
  ['health', /\b(hospitals?|clinics?|medical (?:facilit(?:y|ies)|centre|center)|maternity|ambulances?|retirement home|care home)\b/i],
  ['education', /\b(schools?|kindergartens?|universit(?:y|ies)|educational|college)\b/i],
  [
    'civilian-transport',
    /\b(rail(?:way)?s?|trains?|trolleybus(?:es)?|bus(?:es)?|metro|transport infrastructure|railway station|airport)\b/i,
  ],
  [
    'civilian-infrastructure',
    /\b(civilian infrastructure|civil infrastructure|infrastructure facility|water supply|critical infrastructure)\b/i,
  ],
  ['non-residential', /\b(non-?residential)\b/i],
  ['diplomatic', /\b(consulate|embassy)\b/i],
  ['civilians', /\b(civilians?|(?:killed|injured|wounded) (?:a|an|one) (?:woman|man|child|resident|person))\b/i],
];

export interface TargetMention {
  target: TargetType;
  words: string;
  index: number;
}

export function findTargets(sentence: string): TargetMention[] {
  const out: TargetMention[] = [];
  for (const [target, re] of TARGET_WORDS) {
    const m = re.exec(sentence);
    if (!m) continue;
    // "non-residential" is not residential
    if (
      target === 'residential' &&
      /non-?residential/i.test(sentence) &&
      !/\b(?<!non-?)residential\b/i.test(sentence.replace(/non-?residential/gi, ''))
    )
      continue;
    // "without power", "energy war", "energy workers" speak of effects and people, not what was hit
    if (target === 'energy' && /^energy$/i.test(m[0]) && !/\b(attack|strike|hit|target|damag)/i.test(sentence)) continue;
    if (
      target === 'energy' &&
      /^energy$/i.test(m[0]) &&
      /\benergy (workers?|worker|minister|ministry|company|war)\b/i.test(sentence) &&
      !/\benergy (infrastructure|facilit)/i.test(sentence)
    )
      continue;
    out.push({ target, words: m[0], index: m.index });
  }
  return out;
}
