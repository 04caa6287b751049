import type { Party } from './findParties.js';

/**
 * Who a sentence says reports, claims or denies what it tells (the vocabulary of issue 13: `reportedBy`,
 * `deniedBy`, `attribution`). A party is named ("Russia's defence ministry said", "Zelensky said") or is
 * an official the sentence does not give a country ("the governor said", "officials said"): those speak
 * for the side whose places were hit, as local officials do, and are marked `local`.
 */
export interface Voice {
  party?: Party;
  local: boolean;
  /** reports: states it ("said", "reported"); claims: asserts it as a claim ("claimed", "alleged",
   * "accused"); denies: rejects it or lays it on someone else ("denied", "rejected", "blamed") */
  stance: 'reports' | 'claims' | 'denies';
  words: string;
}

const NAMED = String.raw`(Russia|Russian|Russia's|Moscow|Kremlin|Putin|Peskov|Ukraine|Ukrainian|Ukraine's|Kyiv|Zelensky|Zelenskyy|Trump|the White House|Washington|Poland|Polish)`;
const OFFICIAL = String.raw`(officials|authorities|(?:the\s+)?(?:regional\s+)?governor|(?:the\s+)?mayor|(?:the\s+)?air force|(?:the\s+)?(?:defen[cs]e|interior|foreign|health) minist(?:ry|er)|(?:the\s+)?(?:state\s+)?emergency service|(?:the\s+)?military administration|(?:the\s+)?police|prosecutors|(?:the\s+)?military|rescuers|(?:grid operator\s+)?Ukrenergo)`;
const VERB = String.raw`(said|says|reported|told|confirmed|announced|wrote|claimed|claims|alleged|alleges|accused|accuses|denied|denies|rejected|rejects|dismissed|dismisses|blamed|blames)`;
const DENY = /^(denied|denies|rejected|rejects|dismissed|dismisses|blamed|blames)$/i;
const CLAIM = /^(claimed|claims|alleged|alleges|accused|accuses)$/i;
// "..., the governor said": a speaker with its verb, within one clause; "according to X" as well. The
// lookahead consumes only the speaker, so a later speaker in the same stretch is read on its own
const SPEAKER_VERB = new RegExp(String.raw`\b(?:${NAMED}|${OFFICIAL})\b(?=([^.;,]{0,60}?)\b${VERB}\b)`, 'gi');
/** what the speaker did before the verb: another clause ("struck X and officials said") whose subject it is */
const CLAUSE_BREAK =
  /\b(?:and|but|while|as|which|who|after|when)\b|\b(?:struck|strikes?|hit|hits|attacked|launched|fired|killed|killing|injured|targeted|shelled|pounded|damaged|destroyed)\b/i;
const ACCORDING = new RegExp(String.raw`\baccording to\s+(?:[\w'’]+\s+){0,3}?(?:${NAMED}|${OFFICIAL})\b`, 'gi');

function party(word: string): Party | undefined {
  if (/^(Russia|Russian|Russia's|Moscow|Kremlin|Putin|Peskov)$/i.test(word)) return 'russia';
  if (/^(Ukraine|Ukrainian|Ukraine's|Kyiv|Zelensky|Zelenskyy|Ukrenergo)$/i.test(word)) return 'ukraine';
  if (/^(Trump|the White House|Washington)$/i.test(word)) return 'united-states';
  if (/^(Poland|Polish)$/i.test(word)) return 'poland';
  return undefined;
}

/** Every voice of the sentence, in the order they are written. */
export function readVoices(sentence: string): Voice[] {
  const out: (Voice & { index: number })[] = [];
  // the verb each voice takes, by its position: the nearest speaker before it owns it
  const taken = new Set<number>();
  for (const m of sentence.matchAll(SPEAKER_VERB)) {
    const named = m[1] ?? '';
    const official = m[2] ?? '';
    const gap = m[3] ?? '';
    const verb = m[4] ?? '';
    const verbAt = m.index + m[0].length + gap.length;
    // "Russian missiles struck Kharkiv and regional officials said": the party is the subject of "struck",
    // the officials of "said"
    if (CLAUSE_BREAK.test(gap)) continue;
    // "Kyiv" as a speaker is the government; as a place it says nothing of who speaks
    if (named.toLowerCase() === 'kyiv' && !(/^\s*$/.test(gap) && /^(?:said|says|claimed|accused|denied|rejected|blamed)$/i.test(verb)))
      continue;
    // "Russia's defence ministry said": one voice, the party's, not a second local one
    if (taken.has(verbAt)) continue;
    taken.add(verbAt);
    // a party named within the official's own words ("Russia's defence ministry", "Ukraine's air force")
    const p = named ? party(named) : party(official.split(/\s+/).pop() ?? '');
    const stance: Voice['stance'] = DENY.test(verb) ? 'denies' : CLAIM.test(verb) ? 'claims' : 'reports';
    out.push({
      ...(p ? { party: p } : {}),
      local: p === undefined,
      stance,
      words: sentence.slice(m.index, verbAt + verb.length).trim(),
      index: m.index,
    });
  }
  for (const m of sentence.matchAll(ACCORDING)) {
    const who = m[0].replace(/^according to\s+/i, '');
    const named = new RegExp(NAMED, 'i').exec(who)?.[0];
    const p = named ? party(named) : undefined;
    out.push({ ...(p ? { party: p } : {}), local: p === undefined, stance: 'reports', words: m[0], index: m.index });
  }
  // "Russia denied ..., officials said": the denial is the named party's, not the reporters'
  return out.sort((a, b) => a.index - b.index).map(({ index: _, ...v }) => v);
}

export interface AttributionReading {
  reportedBy: string[];
  deniedBy: string[];
  attribution: 'confirmed' | 'claimed' | 'disputed';
  voices: { by: string; stance: Voice['stance']; line: number; words: string }[];
}

/**
 * An event's attribution from the voices of its sentences: disputed when a party denies it; claimed when
 * it rests only on claims ("claimed", "alleged", "accused") and nobody states it plainly or owns it;
 * confirmed otherwise (stated as reported fact, or owned by the side that did it).
 */
export function attributionFrom(voices: { v: Voice; line: number }[], event: { actor?: string; target?: string }): AttributionReading {
  const who = (v: Voice): string | undefined => v.party ?? (v.local ? event.target : undefined);
  const named = voices
    .map(({ v, line }) => ({ by: who(v), stance: v.stance, line, words: v.words }))
    .filter((x): x is { by: string; stance: Voice['stance']; line: number; words: string } => x.by !== undefined);
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  const deniedBy = sorted(named.filter((x) => x.stance === 'denies').map((x) => x.by));
  const reportedBy = sorted(named.filter((x) => x.stance !== 'denies' && !deniedBy.includes(x.by)).map((x) => x.by));
  const plain = named.some((x) => x.stance === 'reports' && !deniedBy.includes(x.by));
  const owned = event.actor !== undefined && reportedBy.includes(event.actor);
  const claimedOnly = named.some((x) => x.stance === 'claims') && !plain && !owned;
  const attribution = deniedBy.length > 0 ? 'disputed' : claimedOnly ? 'claimed' : 'confirmed';
  return { reportedBy, deniedBy, attribution, voices: named };
}
