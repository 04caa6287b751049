import type { TargetType } from '../schema/event.js';

/** What was hit, by class, from the words used. Thresholds of meaning live in this one table. */
export const TARGET_WORDS: readonly [TargetType, RegExp][] = [
  [
    'energy',
    /\b(energy (?:infrastructure|facilit(?:y|ies)|system|sector|grid|sites?)|power (?:plants?|stations?|facilit(?:y|ies)|grid|lines?)|thermal power|substations?|electricity transmission|transmission facilit(?:y|ies)|(?:oil )?refiner(?:y|ies)|oil depots?|fuel depots?|fuel and energy|gas (?:processing|facilit(?:y|ies)|infrastructure)|(?:gas|oil|fuel) pipelines?|boiler (?:houses?|rooms?|plants?)|gas (?:metering|compressor|distribution) stations?|(?:cut|cutting|knocked out|knocking out)\s+(?:the\s+)?(?:power|electricity)|energy)\b/i,
  ],
  [
    'residential',
    /\b(residential|apartment|apartments|blocks? of flats|high-rises?|tower blocks?|homes|(?<!\b(?:that|which|it|boiler|printing|publishing)\s)houses?(?! of\b)(?!\s+(?:its|the|a|an|their|his|her)\b)|private houses?|multi-stor(?:e)?y|dwellings?|dormitor(?:y|ies))\b/i,
  ],
  ['health', /\b(hospitals?|clinics?|medical (?:facilit(?:y|ies)|centre|center)|maternity|ambulances?|retirement home|care home)\b/i],
  ['education', /\b(schools?|kindergartens?|universit(?:y|ies)|educational|college|institute|academy|lyceum)\b/i],
  [
    'civilian-transport',
    /\b(rail(?:way)?s?|trains?|trolleybus(?:es)?|(?:mini)?bus(?:es)?|trams?|metro|transport infrastructure|railway station|airport|(?<!\b(?:into|in|to|from|leave|left|reached)\s)(?:sea)?ports?(?!\s+(?:city|cities|town|towns))|port infrastructure|civilian cars|convoy of (?:civilian )?cars)\b/i,
  ],
  [
    'civilian-infrastructure',
    /\b(civilian infrastructure|civil infrastructure|infrastructure facilit(?:y|ies)|water supply|critical infrastructure|civilian (?:buildings|objects|facilities|sites)|(?:petrol|gas|filling) stations?|fire (?:engines?|trucks?|stations?)|pumping stations?|water (?:pumping|treatment) (?:stations?|plants?)|bridges?(?!\s+(?:the|a|an|their|its|our|this|that|these|those)\b)|dams?)\b/i,
  ],
  [
    'non-residential',
    /\b(non-?residential|government (?:building|quarter|headquarters)|Cabinet of Ministers|administrative buildings?|administration (?:buildings?|headquarters|offices)|(?:city|town|village|municipal|regional|district) council (?:buildings?|offices|headquarters)|(?:city|town) halls?|(?:printing|publishing) (?:houses?|works|plants?)|printing works|(?<!\b(?:unnamed|undisclosed|unidentified)\s)(?:industrial )?enterprises?(?!,?\s+(?:which|that|whose)\s+[^.;]{0,30}?\bnot\s+(?:name|identify|specify|disclose))|office (?:buildings?|blocks?|centres?|centers?|towers?)|industrial plants?|shipyards?|business cent(?:re|er)|(?:hyper|super)markets?|shops?|offices|caf(?:e|é)s?|shopping (?:centres?|centers?|malls?)|(?:department|home improvement) stores?|warehouses?|(?<!\b(?:eastern|southern|northern|western|military|war|whole|entire)\s)theat(?:re|er)s?(?!\s+of\s+(?:war|operations))|cinemas?|museums?|bakery|bakeries|restaurants?|pizzerias?|hotels?|holiday complex(?:es)?|recreation cent(?:re|er)s?|cathedrals?|(?<!\b(?:from|to|at)\s)church(?:es)?(?!\s+(?:holidays?|feasts?|services?|leaders?))|monaster(?:y|ies)|mosques?|synagogues?|(?:car )?(?<!\b(?:oil|stock|financial|global|world|bond|currency|grain|commodity|gas|equity|energy|credit|European|Asian|US)\s)markets?)\b/i,
  ],
  [
    'military',
    /\b(military (?:units?|bases?|airfields?|facilit(?:y|ies)|institutes?|academ(?:y|ies)|installations?|depots?|command posts?|positions)|barracks|air ?bases?|airfields?|(?:naval|navy) bases?|(?:landing|patrol|missile|amphibious|naval|navy|supply|command) ships?|frigates?|corvettes?|submarines?|(?:fleet|army|military|naval|navy|brigade|regiment|battalion|corps|general staff) headquarters|headquarters of (?:[\w'’-]+\s+){0,4}?(?:fleet|army|navy|brigade|regiment|battalion|division|corps)|(?:army|military|border|defensive|front-?line|artillery) positions|(?:army|military) checkpoints?|(?:ammunition|arms|munitions|weapons) (?:depots?|stores|dumps?|storage (?:sites?|facilit(?:y|ies)))|military logistics (?:cent(?:re|er)s?|hubs?|bases?)|(?:housing|quartering|sheltering) (?:troops|soldiers|servicemen))\b/i,
  ],
  ['diplomatic', /\b(consulate|embassy)\b/i],
  [
    'civilians',
    /\b(civilians|civilian(?! (?:buildings|objects|facilities|sites|infrastructure|targets|areas))|(?:killed|injured|wounded) (?:a|an|one) (?:woman|man|child|resident|person))\b/i,
  ],
];

const LAUNCHED_FROM = /\b(?:launched|fired|flying|flown|took off|taking off)\s+from\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$/i;
const NEAR = /\b(?:near|next to|close to|beside|opposite|not far from)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$/i;
/** "no threat" to a dam (tuned9/energy-2024-03-22.txt:4), "no danger to the plant": what the text says was not at risk */
const NO_THREAT = /\bno\s+(?:threat|danger|risk)\s+(?:of|to)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?$/i;
/** "no military facilities in the area" (tuned9/izium-2025-02-04.txt:6): a class told as absent from where the hit was */
const ABSENT_LEAD = /\b(?:there\s+(?:were|was|are|is)\s+)?no\s+(?:[\w-]+\s+)?$/i;
const ABSENT_REST = /^\s+(?:(?:[\w-]+\s+){0,2}?)(?:in|near|around)\s+(?:the\s+)?(?:area|vicinity|neighbou?rhood|district|building|site)\b/i;
/** "on the road across the dam", "the street past the hospital": a site a road runs by only locates a hit */
const ROUTE = /\b(?:road|street|highway|route|avenue)\s+(?:across|over|along|past|towards|to|near)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?$/i;
/** "the landing ship in the port of Feodosia", "shipping in the port was halted": a port only locates a vessel */
const VESSEL_IN =
  /\b(?:ships?|shipping|vessels?|boats?|submarines?|frigates?|corvettes?|tankers?|cruisers?)\b[^.;]{0,50}?\b(?:in|at)\s+the\s+$/i;
const NOT_HIT = /^\s*(?:[\w-]+\s+){0,2}?(?:was|were|had been|have been|has been)\s+(?:(?:hit|damaged|struck|destroyed|affected)\b)/i;

/**
 * "briefly shutting Vnukovo airport", "the airport stopped arrivals", "schools were closed": a site told as shut
 * or halted is an effect of the attack, not a site hit
 */
const SHUT_LEAD =
  /\b(?:shut(?:ting|s)?(?:\s+down)?|clos(?:ing|ed|es)|halt(?:ing|ed|s)?|suspend(?:ing|ed|s)?)\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,2}$/i;
const SHUT_REST = /^\s+(?:(?:was|were|had been|has been)\s+)?(?:(?:briefly|temporarily)\s+)?(?:stopped|suspended|halted|closed|shut)\b/i;
/** "the state railway said": the word names a speaker, not what was hit */
const SPEAKER = /^(?:\s*,)?\s+(?:company\s+|operator\s+)?(?:said|says|reported|reports|announced|added|told)\b/i;
/** "people went into shelters and metro stations": where people sheltered, not what was hit */
const SHELTER = /\b(?:shelters?|sheltered|sheltering|took cover|taking cover|hid|hiding)\b(?:\s+[\w-]+){0,3}\s+$/i;
/** "a fuel supplier for the airfield", "the depot serving the air base": what the site hit serves */
const SERVES = /\b(?:serving|supplying|supplies|supplier (?:for|of|to))\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,3}$/i;
/** "residents of nearby houses were moved out": the homes people were moved from around a site */
const AROUND =
  /\b(?:residents|people|families|tenants)\s+(?:of|from)\s+(?:the\s+)?(?:nearby|neighbouring|neighboring|surrounding|adjacent)\s+$/i;

/**
 * A word of a class that does not tell a hit: where the attack came from ("launched from a submarine"), a
 * landmark that locates the hit ("houses near the railway station"), what the text says was not hit ("no
 * civilian buildings had been damaged"), a speaker ("the state railway said"), where people sheltered
 * ("into shelters and metro stations"), what the site hit serves ("a fuel supplier for the airfield") and
 * the homes around a site people were moved from.
 */
function notHit(sentence: string, found: RegExpExecArray | RegExpMatchArray): boolean {
  const at = found.index ?? 0;
  const lead = sentence.slice(Math.max(0, at - 40), at);
  const rest = sentence.slice(at + found[0].length);
  return (
    LAUNCHED_FROM.test(lead) ||
    NEAR.test(lead) ||
    (/\bno\s+(?:[\w-]+\s+){0,2}$/i.test(lead) && NOT_HIT.test(rest)) ||
    NO_THREAT.test(lead) ||
    (ABSENT_LEAD.test(lead) && ABSENT_REST.test(rest)) ||
    ROUTE.test(lead) ||
    (/^(?:sea)?ports?$/i.test(found[0]) && VESSEL_IN.test(sentence.slice(Math.max(0, at - 80), at))) ||
    SPEAKER.test(rest) ||
    SHUT_LEAD.test(lead) ||
    SHUT_REST.test(rest) ||
    SHELTER.test(lead) ||
    SERVES.test(lead) ||
    AROUND.test(lead)
  );
}

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
    let found = m;
    if (
      target === 'residential' &&
      /^residential$/i.test(m[0]) &&
      /non-?residential/i.test(sentence.slice(Math.max(0, m.index - 4), m.index + 11))
    ) {
      // "a non-residential building ... an apartment block": the other words still name homes
      const rest = re.exec(sentence.replace(/non-?residential/gi, (x) => '_'.repeat(x.length)));
      if (!rest) continue;
      found = rest;
    }
    // "taken to hospital", "in hospital": where the hurt went, not what was hit
    if (
      target === 'health' &&
      /\b(?:to|in|into)\s+$/i.test(sentence.slice(Math.max(0, m.index - 6), m.index)) &&
      /^hospital$/i.test(m[0])
    ) {
      const rest = new RegExp(re.source, 'gi');
      const other = [...sentence.matchAll(rest)].find(
        (x) => !/\b(?:to|in|into)\s+$/i.test(sentence.slice(Math.max(0, x.index - 6), x.index)),
      );
      if (!other) continue;
      found = other;
    }
    // "without power", "energy war", "energy workers" speak of effects and people, not what was hit
    if (target === 'energy' && /^energy$/i.test(m[0]) && !/\b(attack|strike|hit|target|damag)/i.test(sentence)) continue;
    if (
      target === 'energy' &&
      /^energy$/i.test(m[0]) &&
      /\benergy (workers?|worker|minister|ministry|company|war)\b/i.test(sentence) &&
      !/\benergy (infrastructure|facilit)/i.test(sentence)
    )
      continue;
    // "a former vocational college": what a building was is not what it is (it may house troops now)
    // ("a former Soviet air base now used by bombers" still is one)
    if (
      /\bformer\s+(?:[\w-]+\s+)?$/i.test(sentence.slice(Math.max(0, found.index - 24), found.index)) &&
      !/^[\w\s-]{0,30}?\bnow\s+(?:used|housing|serving|home)\b/i.test(sentence.slice(found.index))
    )
      continue;
    // "launched from a submarine": where the attack came from, not what it hit
    // "houses near the railway station": a landmark that locates what was hit is not hit itself
    // "no civilian buildings had been damaged": what the text says was not hit
    // (a later word of the class may still name a hit: "the state railway said ... a railway bridge was hit")
    const hit = notHit(sentence, found)
      ? [...sentence.matchAll(new RegExp(re.source, 'gi'))].find((x) => x.index > found.index && !notHit(sentence, x))
      : found;
    if (!hit) continue;
    out.push({ target, words: hit[0], index: hit.index });
  }
  return out;
}

/**
 * "Russian missiles black out much of Ukraine; newborn killed in maternity ward strike": a headline telling two
 * occurrences gives each the targets its body tells, so a class the headline names that the body tells only in
 * another occurrence's lines is that occurrence's, not this one's
 */
export function headlineTargetElsewhere<S, G extends { obs: readonly { s: S; targets: readonly TargetMention[] }[] }>(
  t: TargetMention,
  mine: G,
  all: readonly G[],
  isHeadline: (s: S) => boolean,
): boolean {
  const told = (g: G) => g.obs.some((o) => !isHeadline(o.s) && o.targets.some((u) => u.target === t.target));
  return all.some((g) => g !== mine && told(g)) && !told(mine);
}
