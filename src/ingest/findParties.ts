import type { EventKind } from '../schema/event.js';

/**
 * Who did what, from the sentence that reports it. The parties are the two belligerents named most in
 * the reporting; anyone else ("Poland", "the US") is left to the analyst.
 */
export type Party = 'russia' | 'ukraine' | 'united-states' | 'poland';

export interface Reading {
  kind: EventKind | undefined;
  actor?: Party;
  target?: Party;
  /** the sentence reports a claim or denial by someone ("claimed", "denied", "alleged") */
  claimBy?: string;
  words: string;
}

const RU = String.raw`(?:Russia|Russian|Russia's|Moscow|Kremlin|Putin)`;
const UA = String.raw`(?:Ukraine|Ukrainian|Ukraine's|Kyiv's forces|Zelensky|Zelenskyy)`;
const ATTACK_VERB = String.raw`(?:struck|strikes?|attacked|attacks?|launched|fired|hit|hits|pounded|bombarded|shelled|unleashed|targeted|barrage|assault|raid|killed|killing)`;
const ATTACKER = (who: string) =>
  new RegExp(
    String.raw`\b${who}\s+(?:(?:forces|troops|military|army|drones?|missiles?|strikes?|attacks?|air attack|shelling|drone attack|missile attack|missile and drone attack|drone and missile attack|barrage|ballistic missiles?|cruise missiles?)\b\s*)?(?:(?!said|says|claimed|told|reported|alleged|accused|condemned|denounced|called|described|blamed|urged)\w+\s+){0,3}?${ATTACK_VERB}\b|\b${who}\s+(?:drones?|missiles?|strikes?|attacks?|shelling|forces|troops)\b|\b(?:by|from)\s+${who}\b(?!(?:'s)?\s+own\b)`,
    'i',
  );
const RU_ATTACKS = ATTACKER(RU);
const UA_ATTACKS = ATTACKER(UA);
const STRIKE =
  /\b(strikes?|struck|attack(?:s|ed)?|barrage|bombard(?:ed|ment)|shell(?:ed|ing)|explosions?|hit|missiles?|drones?|shrapnel|wreckage|debris|blasts?|raid|(?:came|come|comes|was|were) under (?:heavy )?fire)\b/i;
const CASUALTY = /\b(killed|killing|dead|died|injured|wounded|hurt)\b/i;
const TRUCE =
  /\b(truce|ceasefire|cease-fire|pause|moratorium|halt (?:to )?(?:all )?(?:\w+ )?(?:military activity|fighting|strikes|attacks)|not to (?:attack|strike)|refrain from (?:striking|attacking))\b/i;
const AGREE = /\b(agreed|agrees|agree|accepted|declared|declares|announced|ordered|ordering|proposed|offered)\b/i;
const TALKS = /\b(talks|negotiations|meeting|summit)\b/i;
const CLAIM = /\b(claimed|alleged|accused|denied|rejected|insisted|dismissed)\b/i;
/** "dismissed the truce as cover": a side's word against a truce, a statement rather than its terms */
const REJECTS =
  /\b(?:dismissed|rejected|denounced)\s+(?:the|a|it|this|Moscow's|Russia's|Putin's|Kyiv's)\s*(?:[\w-]+\s+){0,2}?(?:truce|ceasefire|cease-fire|pause|offer|proposal)\b/i;
const SPEAKER = new RegExp(
  String.raw`\b(${RU}|${UA}|Trump|US president|Washington|the White House|Poland)\b[^.]{0,60}?\b(said|says|claimed|alleged|accused|denied|declared|announced|told|dismissed|rejected)\b`,
  'i',
);

function party(word: string): Party | undefined {
  if (new RegExp(`^${RU}$`, 'i').test(word)) return 'russia';
  if (new RegExp(`^${UA}$`, 'i').test(word)) return 'ukraine';
  if (/^(Trump|US president|Washington|the White House)$/i.test(word)) return 'united-states';
  if (/^Poland$/i.test(word)) return 'poland';
  return undefined;
}

const NOT_AN_ATTACK =
  /\b(not to|refrain from|stop|halt|avoid|avoided|refrained from|no longer)\s+(attack|strik|shell|bomb|target)|\b(pause|halt|stop|end|moratorium)\s+(?:in|to|on|of)\s+(?:[\w-]+\s+){0,2}(attacks|strikes)\b/i;
/** what has been going on "for months", "since October": background, not an occurrence */
const HABITUAL =
  /\b(for (?:months|weeks|years)|(?:have|has) been \w+ing|(?:has|have) continued|in recent (?:weeks|months|days)|every (?:night|day)|repeatedly|routinely|near-daily|regularly)\b/i;
const PASSIVE_HIT =
  /\b(was|were|had been|have been|has been)\s+(?:(?:also|again|too|likewise|then|later|repeatedly)\s+)?(hit|struck|attacked|targeted|shelled|rocked)\b|\bexplosions?\b|\bblasts?\b/i;

// "Ukraine accused Russia of striking a hospital": an attack told as someone's accusation
const ACCUSED = (who: string) =>
  new RegExp(
    String.raw`\b(?:accused|accuses|accusing|blamed|blames)\s+${who}(?:\s+(?:forces|troops|military))?\s+(?:of|for)\s+(?:an?\s+)?(?:striking|attacking|hitting|shelling|bombing|targeting|firing|launching|strikes?|attacks?)\b`,
    'i',
  );
// "Russia's defence ministry said it had struck ...": a side owning its own attack
const OWNED = (who: string) =>
  new RegExp(
    String.raw`\b${who}\b[^.]{0,40}?\b(?:said|says|claimed|claims|announced)(?:\s+[\w-]+){0,3}?\s+(?:that\s+)?(?:it|its forces|its troops|they)\s+(?:had\s+|has\s+|have\s+)?(?:struck|hit|attacked|targeted|launched|fired)\b`,
    'i',
  );

export function readParties(raw: string): Reading {
  const accused = ACCUSED(RU).exec(raw) ?? OWNED(RU).exec(raw);
  const accusedUa = ACCUSED(UA).exec(raw) ?? OWNED(UA).exec(raw);
  if ((accused || accusedUa) && !NOT_AN_ATTACK.test(raw) && !TRUCE.test(raw)) {
    const ru = accused !== null && (accusedUa === null || accused.index <= accusedUa.index);
    const speaker = SPEAKER.exec(raw);
    const claimBy = speaker ? (party(speaker[1]!) ?? speaker[1]) : undefined;
    return {
      kind: 'strike',
      actor: ru ? 'russia' : 'ukraine',
      target: ru ? 'ukraine' : 'russia',
      ...(claimBy ? { claimBy } : {}),
      words: (ru ? accused : accusedUa)![0],
    };
  }
  // a request not to attack, or a habit of attacking, names an attacker but reports no attack
  const sentence =
    NOT_AN_ATTACK.test(raw) || (HABITUAL.test(raw) && !/\b(overnight|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b/i.test(raw))
      ? raw.replace(/\b(attack\w*|strik\w*|struck|hit|missiles?|drones?|shelling)\b/gi, '_')
      : raw;
  const ru = RU_ATTACKS.exec(sentence);
  const ua = UA_ATTACKS.exec(sentence);
  let actor: Party | undefined;
  let words = '';
  if (ru && (!ua || ru.index <= ua.index)) {
    actor = 'russia';
    words = ru[0];
  } else if (ua) {
    actor = 'ukraine';
    words = ua[0];
  }
  // "Ukrainian air defences shot down 20 drones that Russia fired": the defender is named first
  if (
    actor === 'ukraine' &&
    /\b(air defen[cs]es?|air force|military|forces)\b[^.]{0,20}\b(shot down|intercepted|destroyed|downed)\b/i.test(sentence) &&
    ru
  ) {
    actor = 'russia';
    words = ru[0];
  }
  if (
    actor !== 'ukraine' &&
    /\bRussia(?:'s|n)?\s+(?:defen[cs]e ministry|air defen[cs]es?|ministry of defen[cs]e)\b[^.]*\b(shot down|intercepted|destroyed|downed|repelled)\b/i.test(
      sentence,
    )
  ) {
    actor = 'ukraine';
    words = 'Russian air defences downed';
  }
  const target: Party | undefined = actor === 'russia' ? 'ukraine' : actor === 'ukraine' ? 'russia' : undefined;
  const claim = CLAIM.exec(sentence);
  const speaker = SPEAKER.exec(sentence);
  const claimBy = claim ? (speaker ? (party(speaker[1]!) ?? speaker[1]) : undefined) : undefined;
  const base = { ...(actor ? { actor } : {}), ...(target ? { target } : {}), ...(claimBy ? { claimBy } : {}) };
  if (TRUCE.test(raw) && AGREE.test(raw) && !CASUALTY.test(sentence) && (actor === undefined || !STRIKE.test(sentence))) {
    const by = speaker ? party(speaker[1]!) : undefined;
    const who = /\bPutin\b[^.]{0,40}\b(declared|ordered|announced)\b/i.test(sentence) ? 'russia' : by;
    return { kind: 'agreement-claim', ...(who ? { actor: who } : {}), words: TRUCE.exec(raw)![0] };
  }
  const munitionCount =
    /\b(\d[\d,]*|dozens of|hundreds of)\s+(?:[\w-]+\s+){0,2}(drones|missiles|rockets)\b/i.test(sentence) &&
    /\b(launched|fired|used|using|sent|attacked|struck|hit|shot down|downed|intercepted|destroyed|directed)\b/i.test(sentence);
  const attackPhrase =
    /\b(drone|missile|air|rocket|artillery|ballistic)\s+(strikes?|attacks?|barrage)\b|\bshelling\b/i.test(sentence) ||
    // "Drones hit Odesa", "a missile struck a school": a munition doing the striking
    /\b(drones?|missiles?|rockets?|shells?|bombs?|strikes?)\s+(?:[\w-]+\s+){0,2}?(hit|struck|attacked|targeted|slammed into|damaged|destroyed)\b/i.test(
      sentence,
    ) ||
    PASSIVE_HIT.test(sentence);
  if (STRIKE.test(sentence) && (actor !== undefined || CASUALTY.test(sentence) || munitionCount || attackPhrase)) {
    return { kind: 'strike', ...base, words: words || STRIKE.exec(sentence)![0] };
  }
  if (TRUCE.test(sentence) && CLAIM.test(sentence)) {
    const by = speaker ? party(speaker[1]!) : undefined;
    // a claim about the truce's terms is a claim about the agreement; an accusation of breaking it is a statement
    const kind: EventKind = /\b(brok|break|violat|breach)/i.test(sentence) || REJECTS.test(sentence) ? 'statement' : 'agreement-claim';
    return {
      kind,
      ...(by ? { actor: by } : {}),
      ...(by === 'russia' ? { target: 'ukraine' as const } : by === 'ukraine' ? { target: 'russia' as const } : {}),
      ...(claimBy ? { claimBy } : {}),
      words: claim![0],
    };
  }
  if (TALKS.test(sentence) && /\b(set to|will|to resume|to hold|held|met|meet)\b/i.test(sentence))
    return { kind: 'talks', words: TALKS.exec(sentence)![0] };
  return { kind: undefined, ...base, words };
}
