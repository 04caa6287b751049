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
  /** "it was Russia that had shelled the station": the other side's account of an occurrence told before */
  counter?: boolean;
  /** a statement that is an occurrence only when its sentence has a date of its own ("On Sunday Putin said") */
  needsDate?: boolean;
  /** a side's leader saying the other side carried out the attack told before ("planned the attack") */
  blames?: Party;
  /** "Ukraine's navy said it destroyed a patrol boat": the side owns the attack itself, whatever side of the map it hit */
  owned?: boolean;
  words: string;
}

// the Russian-backed separatist forces of Donbas (2014-2022) are counted on Russia's side
const RU = String.raw`(?:Russia|Russian|Russia's|Moscow|Kremlin|Putin|separatists?|rebels?)`;
const UA = String.raw`(?:Ukraine|Ukrainian|Ukraine's|Kyiv's forces|Zelensky|Zelenskyy|Poroshenko)`;
// ("bombed", "bombing": an aircraft's attack, as "shelled" is artillery's)
const ATTACK_VERB = String.raw`(?:struck|strikes?|attacked|attacks?|launched|fired|hit|hits|pounded|bombarded|bombed|bombing|shelled|unleashed|targeted|barrage|assault|raid|killed|killing|dropped)`;
// "Russia had sent 117 drones", "Ukraine used 40 drones": a side sending munitions is attacking with them
const SENT_MUNITIONS = String.raw`(?:had\s+|has\s+|have\s+)?(?:sent|used|flew|directed)\s+(?:[\w,-]+\s+){0,3}?(?:drones|missiles|rockets|bombs|UAVs)\b`;
// a party after a preposition of place ("drones smuggled into Russia hit bombers", "attacks on Ukraine
// killed", "a drone attack on Russian troops") is where the attack went, not who made it, in every form
const NOT_AFTER_PLACE = String.raw`(?<!\b(?:into|in|inside|on|at|over|against|across|toward|towards)\s)`;
// ("Ukraine had staged the attack": one side's charge that the other faked an attack, not an attack by it)
// ("Russia would bring the attack before the Security Council": what a side would or will do is not done, so a
// modal between the side and the attack word tells no attack by it)
const ATTACKER = (who: string) =>
  new RegExp(
    String.raw`${NOT_AFTER_PLACE}\b${who}\s+(?:(?:forces|troops|military|army|drones?|missiles?|rockets?|artillery|(?:unmanned\s+)?(?:boats?|surface vessels?)|strikes?|attacks?|air attack|shelling|drone attack|missile attack|missile and drone attack|drone and missile attack|barrage|ballistic missiles?|cruise missiles?)\b\s*)?(?:(?!said|says|claimed|told|reported|alleged|accused|condemned|denounced|called|described|blamed|urged|staged|faked|was\b|were\b|been\b|would\b|will\b|could\b|might\b|should\b)\w+\s+){0,3}?${ATTACK_VERB}\b|${NOT_AFTER_PLACE}\b${who}\s+(?:drones?|missiles?|rockets?|artillery|strikes?|attacks?|shelling|forces|troops)\b|${NOT_AFTER_PLACE}\b${who}\s+(?:[A-Z][\w]*-[\w-]+\s+)(?:[a-z-]+\s+)?(?:drones?|missiles?|rockets?)\b|${NOT_AFTER_PLACE}\b${who}\s+${SENT_MUNITIONS}|\b(?:by|from)\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?${who}\b(?!(?:'s)?\s+own\b)`,
    'i',
  );
const RU_ATTACKS = ATTACKER(RU);
const UA_ATTACKS = ATTACKER(UA);
const STRIKE =
  /\b(strikes?|struck|attack(?:s|ed)?|barrage|bombard(?:ed|ment)|bombed|bombing|shell(?:ed|ing)|explosions?|exploded|hit|missiles?|drones?|rockets?|shrapnel|wreckage|debris|blasts?|raid|(?:guided |glide |aerial )?bombs|(?:came|come|comes|was|were) under (?:heavy )?fire)\b/i;
/** "Ukrainian forces brought down 37 drones": the side that shoots them down is the one attacked */
const DOWNED =
  /\b(?:shot down|brought down|intercepted|destroyed|downed|repelled|repulsed)\s+(?:[\w-]+\s+){0,4}?(?:drones?|missiles?|UAVs?|rockets?|Shaheds?)\b/i;
/** "it destroyed 57 drones over the region": what a side destroyed was weapons in flight */
const SHOT_DOWN_AFTER = /^\s+(?:(?:[\w,-]+\s+){0,3}?)(?:drones?|missiles?|UAVs?|rockets?|Shaheds?)\b/i;
/** "in breach of the moratorium on strikes": an accusation of an attack, not the terms of a pause */
const IN_BREACH =
  /\b(?:in (?:breach|violation) of|breaching|violating|breaking)\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,3}?(?:truce|ceasefire|cease-fire|pause|moratorium)(?:\s+on\s+(?:[\w-]+\s+){0,4}?(?:strikes|attacks))?/gi;
/** "accused Ukraine of breaking the truce 488 times": a tally of breaches is a side's statement, not one strike */
const BREACH_TALLY =
  /\b(?:brok\w*|break\w*|violat\w*|breach\w*)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:truce|ceasefire|cease-fire|pause|moratorium)\s+(?:more than\s+|over\s+|at least\s+|nearly\s+)?[\d,]+\s+times\b/i;
/** "accused Ukraine of continuing to shell towns": an accusation of fire */
const ACCUSED_OF_FIRE =
  /\baccus\w+\s+(?:[\w'-]+\s+){1,3}?of\s+(?:continuing\s+to\s+|still\s+)?(?:shell|attack|strik|fir|bomb|launch|target)\w*/i;
/** "the ceasefire took effect at midnight", "the pause came into force" */
const TAKES_EFFECT =
  /\b(?:truce|ceasefire|cease-fire|pause|moratorium)\s+(?:[\w-]+\s+){0,12}?(?:took effect|takes effect|came into force|comes into force|began|begins)\b/i;
const BREACH_WORDS = /\b(?:brok|break|violat|breach)/i;
/** "The strike was part of ...": the definite article refers back to the occurrence told before */
const ANAPHORIC = /^(?:The|This|That) (?:strike|attack|raid|barrage|bombardment|shelling)\b/;
const CASUALTY = /\b(killed|killing|dead|died|injured|wounded|hurt)\b/i;
// ("would hold fire from 10 a.m.": a truce told by what the forces will do)
const TRUCE =
  /\b(truce|ceasefire|cease-fire|hold fire|holding fire|pause|moratorium|halt (?:to )?(?:all )?(?:\w+ )?(?:military activity|fighting|strikes|attacks)|not to (?:attack|strike)|refrain from (?:striking|attacking))\b/i;
// ("signed a protocol under which a ceasefire", "committed to a ceasefire": a deal signed or a word given is a
// truce agreed)
const AGREE = /\b(agreed|agrees|agree|accepted|declared|declares|announced|ordered|ordering|proposed|offered|signed|committed)\b/i;
// ("US and Ukrainian delegations met in Jeddah": delegations, envoys or negotiators meeting are talks)
/** a side at a table: its leader or envoy by name, or its delegation ("the Russian side") */
const MEET_WHOM = String.raw`(?:(?:US\s+)?President\s+)?(?:Putin|Zelenskyy?|Poroshenko|Trump|Biden|Witkoff|Lavrov|Rubio|Yermak|Umerov)\b|(?:the\s+)?(?:Russian|Ukrainian|US|U\.S\.|American)\s+(?:president|leader|delegation|side|negotiators|envoys?|counterparts?)\b`;
// ("said he would meet Trump in Washington on Monday": one side's leader set to meet another side, by name
// or by its adjective, is talks; "would meet demand" names no side)
// ("Zelensky met Trump at the White House", "Putin and Zelensky will meet in Istanbul on Thursday": leaders
// who met, or will meet somewhere or on a day, are talks too; "met soldiers" names no side)
const TALKS = new RegExp(
  String.raw`\b(talks|negotiations|meeting|summit|(?:delegations|delegation|envoys|negotiators)\s+(?:[\w-]+\s+){0,3}?(?:met|meet|held)|(?:would|will|to)\s+meet\s+(?:with\s+)?(?:${MEET_WHOM})|\bmet\s+(?:with\s+)?(?:${MEET_WHOM})|(?:${MEET_WHOM})[^.;]{0,40}?\b(?:would|will|to)\s+meet\s+(?:again\s+)?(?:in|on|at|next|this|face)\b)`,
  'i',
);
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
  if (/^(Trump|US|U\.S\.|American|US president|Washington|the White House|(?:the )?United States)$/i.test(word)) return 'united-states';
  if (/^Poland$/i.test(word)) return 'poland';
  return undefined;
}

// an attack asked for, allowed or wished ("asked allies to let Ukraine strike the bases", "urged them to
// hit back") is told as not yet happened
const NOT_AN_ATTACK =
  /\blet\s+(?:[\w'-]+\s+){1,2}?(?:strike|attack|hit|target)\b|\b(?:allow|allows|allowed|allowing|permit|permitted|permission|ask|asks|asked|asking|urge|urges|urged|urging|want|wants|wanted)\s+(?:[\w'-]+\s+){0,3}?to\s+(?:strike|attack|hit|target)\b|\b(not to|refrain from|stop|halt|avoid|avoided|refrained from|no longer)\s+(attack|strik|shell|bomb|target)|\b(pause|halt|stop|end|moratorium)\s+(?:in|to|on|of)\s+(?:[\w-]+\s+){0,2}(attacks|strikes)\b/i;
/**
 * The words that name an attack or a truce without telling one: "in breach of the moratorium on strikes" (an
 * accusation, not the terms of a pause), "reached no ceasefire" (talks that agreed none). One rewrite for
 * every reader; `keepLength` keeps indexes into the text (spans the caller maps back).
 */
function neutralise(text: string, keepLength = false): string {
  const to = (word: string) => (w: string) => (keepLength ? word.slice(0, w.length).padEnd(w.length) : word);
  return text
    .replace(IN_BREACH, (m) => m.replace(/\b(strikes|attacks)\b/gi, to('acts')))
    .replace(NO_TRUCE_AGREED, (m) => m.replace(/\b(truce|ceasefire|cease-fire|halt)\b/gi, to('deal')));
}

/** a threat or a vow of fire, or fire told with a modal ("would hit back", "could strike") */
const THREAT =
  /\b(?:threaten(?:s|ed|ing)?|vow(?:s|ed|ing)?|promis(?:es|ed|ing)|pledg(?:es|ed|ing)|warn(?:s|ed|ing)?)\b(?=[^.;]*?\b(?:strike|strikes|attack|attacks|hit|target|retaliat\w*|respond|response|revenge)\b)|\b(?:would|could|will|might|may|can)\s+(?:(?:soon|again|also|now|then)\s+)?(?:strike|attack|hit|target|retaliate|respond|shell|bomb)\b/gi;
/** where a clause opens on the happening a threat answers: "vowed to respond after ...", "following" */
const THREAT_ANSWERS = /\b(?:after|following|in (?:response|reply|retaliation) (?:to|for))\b/i;
/** a clause that opens on a subordinator ends at its comma: "After Washington allowed Kyiv to strike ..., Ukraine fired" */
const LEADING_SUBORDINATE = /^\s*(?:After|When|Since|Once|Although|Though|While|Before|As|Because|Weeks after|Days after)\b/;

/**
 * Where the text tells an attack only as asked for, allowed, refrained from or stopped: the clause of each
 * such phrase (a sentence cut at semicolons; a leading subordinate clause ends at its comma), as [start, end)
 * ranges into the text. What these clauses name was not hit.
 */
export function noAttackSpans(text: string): [number, number][] {
  const raw = neutralise(text, true);
  const out: [number, number][] = [];
  // "vowed to respond with missile strikes", "warned that Ukraine would hit back": an attack threatened or
  // told as what a side would do is none yet, from the threat to the end of its clause (a strike told
  // before it, "Russia struck Kyiv, and Zelensky warned that more would follow", stands)
  // ("Zelensky vowed to respond after Russian missiles hit Kyiv", "Russia will keep striking, the Kremlin said
  // after drones hit Odesa": the clause that tells what the threat answers tells fire that happened, so the
  // threat's reach ends where "after" or "following" opens it)
  for (const m of raw.matchAll(THREAT)) {
    const semi = raw.indexOf(';', m.index);
    const end = semi < 0 ? raw.length : semi;
    const answered = THREAT_ANSWERS.exec(raw.slice(m.index + m[0].length, end));
    out.push([m.index, answered ? m.index + m[0].length + answered.index : end]);
  }
  for (const m of raw.matchAll(new RegExp(NOT_AN_ATTACK.source, 'gi'))) {
    const start = raw.lastIndexOf(';', m.index) + 1;
    const semi = raw.indexOf(';', m.index);
    const end = semi < 0 ? raw.length : semi;
    const comma = raw.indexOf(',', start);
    if (LEADING_SUBORDINATE.test(raw.slice(start)) && comma > 0 && comma < end) out.push(m.index < comma ? [start, comma] : [comma, end]);
    else out.push([start, end]);
  }
  return out;
}
/** the words that tell an attack, blanked where the text tells none */
const ATTACK_WORDS = /\b(attack\w*|strik\w*|struck|hit|missiles?|drones?|shelling)\b/gi;
const blank = (text: string, spans: [number, number][]) =>
  spans.reduce((t, [a, b]) => t.slice(0, a) + t.slice(a, b).replace(ATTACK_WORDS, (w) => '_'.padEnd(w.length)) + t.slice(b), text);

/** what has been going on "for months", "since October": background, not an occurrence */
const HABITUAL =
  /\b(for (?:months|weeks|years)|(?:have|has) been \w+ing|(?:has|have) continued|in recent (?:weeks|months|days)|every (?:night|day)|repeatedly|routinely|near-daily|regularly)\b/i;
const PASSIVE_HIT =
  /\b(was|were|had been|have been|has been)\s+(?:(?:also|again|too|likewise|then|later|repeatedly)\s+)?(hit|struck|attacked|targeted|shelled|rocked)\b|\bexplosions?\b|\bexploded\b|\bblasts?\b/i;

// "Ukraine accused Russia of striking a hospital": an attack told as someone's accusation
const ACCUSED = (who: string) =>
  new RegExp(
    String.raw`\b(?:accused|accuses|accusing|blamed|blames)\s+${who}(?:\s+(?:forces|troops|military))?\s+(?:(?:on|last|this|early|late)\s+\w+\s+|yesterday\s+|today\s+)?(?:of|for)\s+(?:an?\s+|the\s+|this\s+|that\s+)?(?:striking|attacking|hitting|shelling|bombing|targeting|firing|launching|blowing up|strikes?|attacks?)\b`,
    'i',
  );
// "Russia's defence ministry said it had struck ...": a side owning its own attack
const OWNED = (who: string) =>
  new RegExp(
    String.raw`\b${who}\b[^.]{0,40}?\b(?:said|says|claimed|claims|announced)(?:\s+[\w-]+){0,3}?\s+(?:that\s+)?(?:it|its forces|its troops|its strikes|its missiles|its drones|they)\s+(?:had\s+|has\s+|have\s+)?(?:struck|hit|attacked|targeted|launched|fired|destroyed)\b`,
    'i',
  );

/**
 * "reached no ceasefire", "without agreeing a truce", "no truce was agreed": talks that agreed no truce
 * ("agreed on no halt to the fighting": a halt to the fighting is a truce, and agreeing on none is agreeing none)
 */
const NO_TRUCE_AGREED =
  /\b(?:reach\w*|agree\w*|secur\w*|settl\w*)\s+(?:on\s+)?no\s+(?:[\w-]+\s+)?(?:truce|ceasefire|cease-fire|halt\s+to\s+(?:the\s+)?(?:fighting|strikes|attacks))\b|\bwithout\s+(?:reaching|agreeing(?:\s+on)?|securing)\s+(?:a|any)\s+(?:[\w-]+\s+)?(?:truce|ceasefire|cease-fire)\b|\bno\s+(?:[\w-]+\s+)?(?:truce|ceasefire|cease-fire)\s+(?:was|has been|had been)\s+(?:agreed|reached)\b/gi;

export function readParties(text: string): Reading {
  // a truce not agreed is no truce told: what the sentence tells is the talks, or what they did agree
  const raw = neutralise(text);
  if (BREACH_TALLY.test(raw) && !CASUALTY.test(raw)) {
    const speaker = SPEAKER.exec(raw);
    const by = speaker ? party(speaker[1]!) : undefined;
    // the side accused of the breaches ("accused Ukraine of", "Russian forces had broken"); the other spoke
    const breaker = new RegExp(
      String.raw`\baccus\w+\s+(${RU}|${UA})|\b(${RU}|${UA})\s+(?:forces|troops|army|military)?\s*(?:had\s+|has\s+|have\s+)?(?:brok|break|violat|breach)`,
      'i',
    ).exec(raw);
    const accused = breaker ? party(breaker[1] ?? breaker[2]!) : undefined;
    const other = accused === 'russia' ? 'ukraine' : accused === 'ukraine' ? 'russia' : undefined;
    const who = by !== undefined && by !== accused ? by : other;
    return {
      kind: 'statement',
      ...(who ? { actor: who } : {}),
      ...(who === 'russia' ? { target: 'ukraine' as const } : who === 'ukraine' ? { target: 'russia' as const } : {}),
      ...(who ? { claimBy: who } : {}),
      words: BREACH_TALLY.exec(raw)![0],
    };
  }
  // ("the ministry said it destroyed 57 drones": a side destroying weapons in flight tells
  // the other side's attack, which it shot down, not an attack of its own)
  const owned = (who: string) => {
    const m = OWNED(who).exec(raw);
    return m && /destroyed$/i.test(m[0]) && SHOT_DOWN_AFTER.test(raw.slice(m.index + m[0].length)) ? null : m;
  };
  const ownedRu = owned(RU);
  const ownedUa = owned(UA);
  const accused = ACCUSED(RU).exec(raw) ?? ownedRu;
  const accusedUa = ACCUSED(UA).exec(raw) ?? ownedUa;
  if ((accused || accusedUa) && !NOT_AN_ATTACK.test(raw) && !TRUCE.test(raw)) {
    const ru = accused !== null && (accusedUa === null || accused.index <= accusedUa.index);
    const speaker = SPEAKER.exec(raw);
    const claimBy = speaker ? (party(speaker[1]!) ?? speaker[1]) : undefined;
    const m = (ru ? accused : accusedUa)!;
    // "blamed Ukrainian forces for the attack": a definite article refers back, so this is the other
    // side's account of an occurrence already told, not a new one
    const counter = /\b(?:for|of)\s+(?:the|this|that)\s+\w+$/i.test(m[0]);
    return {
      kind: 'strike',
      actor: ru ? 'russia' : 'ukraine',
      target: ru ? 'ukraine' : 'russia',
      ...(claimBy ? { claimBy } : {}),
      ...(counter ? { counter } : {}),
      ...(m === ownedRu || m === ownedUa ? { owned: true } : {}),
      words: m[0],
    };
  }
  // a request not to attack, or a habit of attacking, names an attacker but reports no attack
  // (a request is told in its own clause: "After Washington allowed Kyiv to strike ..., Ukraine fired")
  const sentence =
    HABITUAL.test(raw) && !/\b(overnight|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b/i.test(raw)
      ? raw.replace(ATTACK_WORDS, '_')
      : blank(raw, noAttackSpans(raw));
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
  // "Ukrainian air defences shot down 20 drones that Russia fired": the defender is named first; with no
  // attacker named ("Ukrainian forces brought down 37 drones"), the side shooting them down was attacked
  const downed = DOWNED.exec(sentence);
  if (
    actor === 'ukraine' &&
    (ru
      ? /\b(air defen[cs]es?|air force|military|forces)\b[^.]{0,20}\b(shot down|intercepted|destroyed|downed|repelled|repulsed)\b/i.test(
          sentence,
        )
      : downed !== null &&
        ua!.index + ua![0].length <= downed.index &&
        /^\S+\s+(?:[\w-]+\s+){0,2}?(?:had\s+|has\s+)?(?:shot down|brought down|intercepted|destroyed|downed|repelled|repulsed)\b/i.test(
          sentence.slice(ua!.index),
        ))
  ) {
    actor = 'russia';
    words = ru ? ru[0] : `${ua![0]} ${downed?.[0] ?? ''}`.trim();
  }
  if (
    actor !== 'ukraine' &&
    /\bRussia(?:'s|n)?\s+(?:defen[cs]e ministry|air defen[cs]es?|ministry of defen[cs]e)\b[^.]*\b((shot down|intercepted|destroyed|downed)\s+(?:[\w-]+\s+){0,4}?(?:drones?|missiles?|UAVs?|rockets?)\b|repelled)/i.test(
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
  // "Putin's ceasefire took effect at midnight": the truce told as in force, with no fire in the sentence
  const inForce = TAKES_EFFECT.test(raw) && !STRIKE.test(sentence) && !BREACH_WORDS.test(sentence);
  if (TRUCE.test(raw) && (AGREE.test(raw) || inForce) && !CASUALTY.test(sentence) && (actor === undefined || !STRIKE.test(sentence))) {
    const by = speaker ? party(speaker[1]!) : undefined;
    const owner = new RegExp(String.raw`\b(${RU}|${UA})(?:'s)?\s+(?:[\w-]+\s+){0,3}?(?:truce|ceasefire|cease-fire|pause)\b`, 'i').exec(raw);
    // ("the leaders of Russia, Ukraine, Germany and France agreed"): a deal of several parties is the
    // party named first's, as talks are
    const first = new RegExp(String.raw`\b(${RU}|${UA})\b`, 'i').exec(raw);
    const who = /\bPutin\b[^.]{0,40}\b(declared|ordered|announced)\b/i.test(sentence)
      ? 'russia'
      : (by ??
        (inForce && owner
          ? party(owner[1]!.replace(/'s$/, ''))
          : AGREED_BY.test(raw) && first
            ? party(first[1]!.replace(/'s$/, ''))
            : undefined));
    return { kind: 'agreement-claim', ...(who ? { actor: who } : {}), words: TRUCE.exec(raw)![0] };
  }
  // a count in words is a count ("four cruise missiles were fired at the port"): news style spells out
  // numbers below ten
  const munitionCount =
    /\b(\d[\d,]*|dozens of|hundreds of|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+){0,2}(drones|missiles|rockets)\b/i.test(
      sentence,
    ) &&
    /\b(launched|fired|used|using|sent|attacked|struck|hit|shot down|downed|intercepted|destroyed|directed|repelled|repulsed)\b/i.test(
      sentence,
    );
  const attackPhrase =
    /\b(drone|missile|air|rocket|artillery|ballistic)\s+(strikes?|attacks?|barrage)\b|\bshelling\b/i.test(sentence) ||
    // "Drones hit Odesa", "a missile struck a school": a munition doing the striking
    // ("Rockets from multiple launchers slammed into", "Grad rockets fell on", "Sea drones attack a base")
    // ("Also on Tuesday, artillery shelled Nikopol": guns named without their side still fire)
    /\b(drones?|missiles?|rockets?|shells?|bombs?|strikes?|artillery)\s+(?:[\w-]+\s+){0,3}?(hit|hits|struck|shelled|pounded|attack|attacks|attacked|targeted|slammed into|damaged|destroyed|fell on|landed on|brought down)\b/i.test(
      sentence,
    ) ||
    PASSIVE_HIT.test(sentence);
  if (
    STRIKE.test(sentence) &&
    (actor !== undefined || CASUALTY.test(sentence) || munitionCount || attackPhrase || ANAPHORIC.test(sentence))
  ) {
    const counter = new RegExp(
      String.raw`\bit was (?:the\s+)?(?:${RU}|${UA})(?:\s+(?:forces|troops|army|military))?\s+(?:that|who)\b`,
      'i',
    ).test(sentence);
    // "Ukrainian troops with tanks attacked border positions": troops on the ground, not fire from afar
    const ground = GROUND_WORDS.test(sentence) && TROOPS_ATTACK.test(sentence) && !AIR_MEANS.test(sentence);
    return {
      kind: ground ? 'ground-assault' : 'strike',
      ...base,
      ...(counter ? { counter } : {}),
      words: words || STRIKE.exec(sentence)![0],
    };
  }
  if (TRUCE.test(sentence) && CLAIM.test(sentence)) {
    const by = speaker ? party(speaker[1]!) : undefined;
    // a claim about the truce's terms is a claim about the agreement; an accusation of breaking it is a statement
    // ("accused Ukraine of continuing to shell towns" is an accusation of breaking it too)
    const kind: EventKind =
      /\b(brok|break|violat|breach)/i.test(sentence) || REJECTS.test(sentence) || ACCUSED_OF_FIRE.test(sentence)
        ? 'statement'
        : 'agreement-claim';
    return {
      kind,
      ...(by ? { actor: by } : {}),
      ...(by === 'russia' ? { target: 'ukraine' as const } : by === 'ukraine' ? { target: 'russia' as const } : {}),
      ...(claimBy ? { claimBy } : {}),
      words: claim![0],
    };
  }
  if (TALKS.test(sentence) && /\b(set to|will|to resume|to hold|held|met|meet)\b/i.test(sentence)) {
    // talks take two sides, and the format names one actor: the party the sentence names first (its
    // subject, usually), the other as its counterpart
    // ("US and Ukrainian delegations": "US" is a side only as a whole word in capitals)
    const sides = [
      ...sentence.matchAll(new RegExp(String.raw`\b(${RU}|${UA}|Trump|Washington|the White House|American|US|U\.S\.)(?![\w.])`, 'gi')),
    ]
      .filter((m) => !/^u\.?s\.?$/.test(m[1]!))
      .map((m) => party(m[1]!))
      .filter((p): p is Party => p !== undefined);
    // ("Ukraine, Russia and the US held three-way talks"): with the United States brokering between the two
    // sides, the talks are the broker's, with Russia, the side it brings to the table, their target
    const three = ['russia', 'ukraine', 'united-states'].every((p) => sides.includes(p as Party));
    const first = three ? 'united-states' : sides[0];
    const other = three ? 'russia' : sides.find((p) => p !== first);
    return {
      kind: 'talks',
      ...(first ? { actor: first } : {}),
      ...(other ? { target: other } : {}),
      words: TALKS.exec(sentence)![0],
    };
  }
  // "On Sunday Putin said Ukraine's special services had planned the attack": a side's leader speaking on a
  // day of his own is a statement, an occurrence of its own (with no day, it only reports)
  const leader = LEADER_SAYS.exec(sentence);
  if (
    leader &&
    (BLAMES.test(sentence) ||
      LEADER_ON_ATTACK.test(sentence) ||
      ENDS_DEAL.test(sentence) ||
      WITHDRAWAL.test(sentence) ||
      TERMS.test(sentence) ||
      CALLS_HOLD_FIRE.test(raw) ||
      INVOLVED.test(sentence))
  ) {
    const by: Party = /^(?:Putin|(?:the\s+)?Kremlin)$/i.test(leader[1]!) ? 'russia' : 'ukraine';
    const involved = INVOLVED.exec(sentence);
    // ("Kyiv was behind the attack", "the Kyiv regime": a capital said to take part in an attack is its government)
    const named = involved ? (/^Kyiv$/i.test(involved[1]!) ? 'ukraine' : party(involved[1]!.replace(/'s$/, ''))) : undefined;
    // ("the United States was directly involved in the attack": the party a leader says took part is whom
    // his word is against, a third party too)
    const other: Party = named !== undefined && named !== by ? named : by === 'russia' ? 'ukraine' : 'russia';
    const blamed = BLAMES.exec(sentence);
    const blames = blamed ? party(blamed[1]!.replace(/'s$/, '')) : named === 'russia' || named === 'ukraine' ? named : undefined;
    return {
      kind: 'statement',
      actor: by,
      target: other,
      needsDate: true,
      ...(blames !== undefined && blames !== by ? { blames } : {}),
      words: leader[0],
    };
  }
  // "the mayor blamed Ukrainian forces": the side blamed for fire told
  // before, in a sentence that tells no occurrence of its own
  const blamed = BLAMED_SIDE.exec(sentence);
  const blamedSide = blamed ? party(blamed[1]!.replace(/'s$/i, '')) : undefined;
  return { kind: undefined, ...base, ...(blamedSide ? { blames: blamedSide } : {}), words };
}

const BLAMED_SIDE = new RegExp(
  String.raw`\b(?:blamed|blames|blaming)\s+(?:the\s+)?(${RU}|${UA})(?=\s+(?:forces|troops|military|army|artillery|gunners|side)\b|\s+for\b|[,.;]|\s*$)`,
  'i',
);

/** "The leaders of Russia, Ukraine, Germany and France agreed", "measures agreed ... by the group of Ukraine, Russia" */
const AGREED_BY = /\b(?:agreed|agree|signed|reached|committed)\b/i;
const GROUND_WORDS =
  /\b(?:street fighting|ground (?:assault|attack|offensive)|incursion|tanks|armou?red vehicles|infantry|stormed|storming)\b/i;
const TROOPS_ATTACK =
  /\b(?:troops|forces|soldiers|units|fighters)\b[^.;]{0,100}?\b(?:attacked|attacking|advanced|advancing|stormed|storming|assaulted)\b/i;
const AIR_MEANS = /\b(?:drones?|missiles?|bombs?|air ?strikes?|aircraft|jets|UAVs?)\b/i;
/** a head of state or his office, speaking */
const LEADER_SAYS =
  /\b(Putin|(?:the\s+)?Kremlin|Zelenskyy?|Poroshenko)\b[^.;]{0,30}?\b(?:said|says|called|accused|blamed|announced|warned|told|urged|appealed)\b/i;
/**
 * "called on Russia and its proxies to stop firing", "urged Kyiv to hold its fire": a leader asking the other
 * side to stop shooting is his side's word on a truce, news of its own (not the truce agreed)
 */
const CALLS_HOLD_FIRE =
  /\b(?:called on|calls on|calling on|urged|urges|appealed to)\s+(?:[\w'-]+\s+){1,5}?to\s+(?:stop|cease|halt|hold)\s+(?:firing|fire|shooting|shelling|the fighting|(?:their|its)\s+fire)\b/i;
/** "the United States was directly involved in the attack": a leader naming a party that took part in the attack told before */
const INVOLVED = new RegExp(
  String.raw`\b(${RU}|${UA}|Kyiv|(?:the\s+)?United States|Washington)(?:\s+regime)?\s+(?:was|were|had been)\s+(?:directly\s+|personally\s+)?(?:involved in|responsible for|behind)\s+(?:the|this|that)\s+(?:attack|strike|blast|explosion|bombing|shelling)\b`,
  'i',
);
/**
 * What a leader says that is news of its own: his word on the attack told before ("called the attack a
 * provocation", "accused Kyiv of"), a deal his side ends ("would not extend the grain deal"), his troops'
 * withdrawal ("had left the besieged town in a planned withdrawal")
 */
const LEADER_ON_ATTACK = new RegExp(
  String.raw`\b(?:called|blamed|condemned|described)\s+(?:the|this|that)\s+(?:attack|strike|blast|explosion|incursion|bombing|shelling|offensive)\b|\baccus\w*\s+(?:${RU}|${UA}|Kyiv|Moscow)\b|\b(?:said|says)\s+(?:that\s+)?(?:the|this|that)\s+(?:attack|strike|strikes|barrage|bombing|shelling)\s+(?:was|were|had been)\b`,
  'i',
);
const ENDS_DEAL =
  /\b(?:would not|will not|won't|wouldn't|refused to|declined to)\s+(?:extend|renew|prolong)\b|\b(?:withdrew|pulled out|quit|suspended|suspends)\s+(?:from\s+|of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:deal|agreement|accord|treaty|initiative)\b/i;
/**
 * "would open negotiations only if the troops left": a leader
 * setting his side's terms (what it would do, on a condition) is news of its own
 */
const TERMS =
  /\b(?:would|will)\s+(?:(?:immediately|only)\s+)?(?:cease fire|stop firing|halt (?:the )?(?:fighting|offensive)|open (?:peace )?(?:talks|negotiations)|negotiate|end the war|withdraw)\b[^.;]*?\b(?:as soon as|only if|on condition that|provided that|if|once)\b/i;
const WITHDRAWAL = /\b(?:withdrawal|withdrew|pull-out|pulled out|retreat(?:ed)?)\b/i;
/** "Ukraine's special services had planned the attack": who carried out the attack told before */
const BLAMES = new RegExp(
  String.raw`\b(${RU}|${UA})(?:'s)?\s+(?:[\w-]+\s+){0,3}?(?:had\s+|has\s+)?(?:planned|organi[sz]ed|carried out|ordered|staged|was behind|were behind)\s+(?:the|this|that)\s+(?:attack|strike|blast|explosion|bombing|operation)\b`,
  'i',
);
