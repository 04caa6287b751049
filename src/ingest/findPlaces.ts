import type { PlaceEntry, PlaceLookup } from './placeLookup.js';

/**
 * Places a sentence names, matched against the hierarchy: "the Kharkiv region" and "the Kharkiv, Kyiv and
 * Poltava regions" are regions; a bare name is the settlement when the hierarchy has one by that name,
 * else the region ("Dnipropetrovsk"); "X district" is a district of the last settlement named.
 */
export interface PlaceMention {
  entry: PlaceEntry;
  /** the region-level unit (oblast, Kyiv City, krai) the place lies in */
  region?: PlaceEntry;
  country?: PlaceEntry;
  name: string;
  precision: 'settlement' | 'region';
  /** for a district: the settlement it belongs to */
  settlement?: string;
  words: string;
  index: number;
  /** the text says it was not hit ("no strikes on the Kyiv region") */
  excluded: boolean;
}

const CAP = String.raw`[A-Z][\p{L}'’ʼ-]+`;
const NAME = String.raw`${CAP}(?:[ -](?:${CAP}|on-Don|Rih))*`;
const LIST_REGIONS = new RegExp(
  String.raw`\b(?:the\s+)?((?:${NAME})(?:\s*,\s*(?:${NAME}))*(?:,?\s+and\s+(?:${NAME})))\s+(regions|oblasts|provinces)\b`,
  'gu',
);
const ONE_REGION = new RegExp(String.raw`\b(?:the\s+)?(${NAME})\s+(region|oblast|Oblast|province|krai|Krai|Republic)\b`, 'gu');
const DISTRICT = new RegExp(String.raw`\b(?:the\s+)?(${CAP})\s+(district|raion)\b`, 'gu');
const AROUND = new RegExp(
  String.raw`\b(${NAME})\s+and\s+(?:the\s+|its\s+)?(?:nearby|surrounding|neighbouring|neighboring)\s+(?:areas|region|villages|towns|suburbs|settlements)\b`,
  'gu',
);
const DISTRICTS = new RegExp(String.raw`\b((?:${CAP})(?:\s*,\s*(?:${CAP}))*,?\s+and\s+(?:${CAP}))\s+(?:districts|raions)\b`, 'gu');
const CITY_PART =
  /^['’]s\s+(?:(?:[A-Z][\p{L}-]+,?\s+(?:and\s+)?)+(?:district|raion)s?\b|(?:[\w-]+\s+){0,2}?(?:districts?|outskirts|suburbs|cent(?:re|er)|residents|airports?|metro|streets|skies|neighbou?rhoods?|(?:left|right) bank|power|grid|infrastructure|buildings|homes|apartments?|mayor|governor|military administration|air defen[cs]es?)\b)/u;
const MUNITION_OR_DEBRIS =
  /\b(?:debris|fragments?|wreckage|missiles?|drones?|rockets?|shells?|bombs?|projectiles?|munitions?|warheads?)\b/i;
/**
 * a launch site's list: "fired ... from the X area and from near Y". The list runs from "from" to its last
 * item unbroken: a comma or a verb of hitting between them ("launched from Kursk, hit homes in Rivne and
 * near Lutsk") starts what was hit.
 */
const LAUNCH_LIST =
  /\b(?:fired|launched|took off|taking off)\b[^.;]{0,60}?\bfrom\b(?:(?!\b(?:hit|hitting|struck|striking|strikes?|attack(?:ed|ing|s)?|damag(?:ed|ing)|targeted|in|at|on)\b)[^.;,]){0,50}?\b(?:and|or)\s+(?:from\s+)?(?:near|around|outside)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}$|\b(?:fired|launched|took off|taking off)\s+(?:[\w'’-]+\s+){0,4}?from\s+(?:near|around|outside)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}$/i;

/**
 * A capital opening a clause ("Moscow confirms fires", "Moscow, which denies it, made no comment", "said
 * Moscow was spreading them") is its government acting or speaking, not a place hit: news prose names a
 * city hit as the object of the attack, after a preposition, or as the subject of a passive or of what a
 * city suffers ("Kyiv was hit", "Kyiv came under attack", "Kyiv and Kharkiv"), headline forms included ("Kyiv
 * rocked by blasts", "Kyiv plunged into darkness", "Kyiv remains without power"). One convention, so that no
 * list of speaking verbs has to grow with every report.
 */
const CLAUSE_OPENS = /(?:^|[;:]\s*|,\s*(?:and|but|while)\s+|\b(?:said|says|saying|that|but|while)\s+)(?:the\s+)?$/;
const CITY_SUFFERS =
  /^\s*(?:,[^,]{0,60},\s*)?(?:(?:also|again|itself|too)\s+)?(?:(?:was|were|is|are|has been|had been|have been|came|comes|come|got|went)\s+(?:(?:also|again|repeatedly|heavily|briefly|once more)\s+)?(?:hit|struck|attacked|targeted|shelled|rocked|bombed|under|plunged|left|without|shaken)\b|(?:suffered|shook|shuddered|woke|endured|saw|faced|lost)\b|[a-z]+ed\s+(?:by|into)\b|(?:plunged|plunges|rocked|battered|pounded|remains?|remained|stays?|stayed)\s+(?:without|in|under|dark|into|by|after)\b|(?:and|or|,)\s+(?:its|the|[A-Z])|(?:region|oblast|city|residents|districts?|suburbs|outskirts|metro)\b)/;
/** a finite verb after the subject (and any aside): "confirms", "was spreading", "made"; a noun ("Moscow
 * airports", "Moscow Mayor") makes the capital an adjective of place instead */
const FINITE_VERB =
  /^\s*(?:,[^,]{0,60},\s*)?(?:(?:also|again|now|still|already|later|then|quickly)\s+)?(?:was|were|is|are|has|had|have|will|would|could|can|did|does|do|made|makes|gave|said|told|took|sent|(?!(?:airports|residents|streets|suburbs|outskirts|districts|skies|neighbourhoods|neighborhoods|buildings|homes|apartments)\b)[a-z]+(?:ed|es|s))\b/;
function capitalAsActor(sentence: string, start: number, end: number): boolean {
  const after = sentence.slice(end);
  return CLAUSE_OPENS.test(sentence.slice(0, start)) && FINITE_VERB.test(after) && !CITY_SUFFERS.test(after);
}
/** "representatives of the", "delegates from the separatist-held parts of the": who a place sends to speak */
const SPOKEN_FOR =
  /\b(?:representatives?|delegates?|delegations?|envoys?|negotiators?)\s+(?:of|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:(?:parts?|areas?|territor(?:y|ies))\s+of\s+(?:the\s+)?)?$/i;
/** "the annexation of the", "annexed": what a side takes as its own */
const ANNEXED = /\b(?:annexation|annexing|incorporation|incorporating|accession)\s+(?:of\s+)?(?:the\s+)?$/i;
/** "the far bank of the", "across the", "the river": where a river is told, not a city */
const RIVER_LEAD = /\b(?:banks?|shores?|side|mouth|waters)\s+of\s+the\s+$|\b(?:across|along|crossed|crossing)\s+the\s+$|\b[Rr]iver\s+$/;
const BARE = new RegExp(String.raw`\b(${NAME})\b`, 'gu');
const SPEAKER_AFTER =
  /^\s*(?:'s\s+)?(?:(?:always|never|again|also|now|still|already)\s+)?(?:lies|lied|said|says|has said|had said|accused|denied|denies|made no comment|(?:did|does|has|had) not (?:yet )?comment(?:ed)?|(?:had|has|have) nothing to do|claimed|announced|responded|rejected|told|wants|warned|insisted|demanded|refused|agreed|(?:is|was|has been)\s+(?:positioning|seeking|trying|pushing|insisting|demanding|preparing)|and Moscow|and Kyiv|regime|government|authorities|(?:(?:had|has|have)\s+)?(?:(?:also|already|again)\s+)?(?:sent|launched|fired|blames|blamed|called|calls|accused|denied|said|claimed|warned)|(?:does|did|do|has|had|have|would|will)\s+not)\b/;
const NOT_PLACES = new Set([
  'Russia',
  'Ukraine',
  'Russian',
  'Ukrainian',
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'Interior',
  'President',
  'Prime',
  'Minister',
  'Mayor',
  'Kremlin',
  'Telegram',
  'Facebook',
  'State',
  'Emergency',
  'Service',
  'Air',
  'Force',
  'Energy',
  'Ministry',
  'Defence',
  'Defense',
  'Moscow time',
]);

function resolve(lookup: PlaceLookup, name: string, wantRegion: boolean): PlaceEntry | undefined {
  const found = lookup.lookup(name);
  if (found.length === 0) return undefined;
  const region = found.find((e) => e.kind === 'region');
  const settlement = found.find((e) => e.kind === 'capital' || e.kind === 'city' || e.kind === 'town' || e.kind === 'village');
  if (wantRegion) return region ?? settlement;
  return settlement ?? region ?? found[0];
}

function describe(lookup: PlaceLookup, entry: PlaceEntry): { region?: PlaceEntry; country?: PlaceEntry } {
  const chain = [entry, ...lookup.ancestors(entry.id)];
  const region = chain.find((e) => e.kind === 'region');
  const country = chain.find((e) => e.kind === 'country');
  return { ...(region ? { region } : {}), ...(country ? { country } : {}) };
}

export function findPlaces(sentence: string, lookup: PlaceLookup, lastSettlement?: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const excludedAt = (i: number) =>
    /\bno (?:strikes|attacks|hits|damage) (?:on|in)\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, i - 30), i)) ||
    /\bno (?:strikes|attacks) (?:on|in)\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, i - 34), i).replace(/\bthe\s+$/, ''));
  const push = (entry: PlaceEntry, name: string, words: string, index: number, precision: 'settlement' | 'region', settlement?: string) => {
    if (out.some((o) => o.entry.id === entry.id)) return;
    // "the head of the Dnipropetrovsk region", "Volgograd governor": an official's title, not a place hit
    if (
      /\b(head|heads|governor|governors|mayor|chief|administration|authorities|officials?|police) (of|in) (the )?$/i.test(
        sentence.slice(Math.max(0, index - 30), index),
      )
    )
      return;
    // "representatives of the separatist-held parts of the Donetsk and Luhansk regions", "envoys from Kyiv": a place
    // standing for the people who speak or sign for it, not a place hit
    if (SPOKEN_FOR.test(sentence.slice(Math.max(0, index - 80), index))) return;
    // "signed the annexation of the Zaporizhzhia region", "annexing Crimea": a territory a side claims as its own is
    // spoken of, not hit
    if (ANNEXED.test(sentence.slice(Math.max(0, index - 40), index))) return;
    // "the far bank of the Dnipro", "the Dnipro river": a river named for a city is no place hit
    if (
      entry.kind !== 'region' &&
      (RIVER_LEAD.test(sentence.slice(Math.max(0, index - 40), index)) ||
        /^\s+[Rr]iver\b/.test(sentence.slice(index + words.length)) ||
        // ("boats on the Dnipro near Kherson", "an island in the Dnipro.": a city takes no article, so "the" before
        // its name with nothing after it but where it lies is the river; "in the Kharkiv city centre" stays)
        (/\b(?:on|in|into)\s+the\s+$/.test(sentence.slice(Math.max(0, index - 10), index)) &&
          /^(?:\s*[,.;]|\s*$|\s+(?:near|by|outside|south|north|east|west|upstream|downstream)\b)/.test(
            sentence.slice(index + words.length),
          )))
    )
      return;
    // "fired by bombers flying over Russia's Kursk region", "launched from the Black Sea": where the attack came from
    if (
      /\b(?:(?:flying|flew|operating)\s+(?:over|from)|(?:fired|launched|took off|taking off)\s+from)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}$/i.test(
        sentence.slice(Math.max(0, index - 40), index),
      ) ||
      // fired "from the X area and from near Y" (tuned9/kyiv-2024-03-21.txt:4): each place of the list is a launch site
      LAUNCH_LIST.test(sentence.slice(Math.max(0, index - 120), index))
    )
      return;
    // ("Kharkiv mayor X said drones had struck three districts of the city": the title's place is the one the
    // sentence tells as hit)
    const unit = entry.kind === 'region' ? 'region' : 'city|town|village|capital';
    const titleHit = new RegExp(
      String.raw`\b(?:hit|struck|strikes?|attack(?:ed|s)?|shelled|damaged|destroyed)\b[^.;]*\bthe (?:${unit})\b|\bthe (?:${unit})\b[^.;]{0,40}\b(?:was|were|had been|has been) (?:hit|struck|attacked|shelled)\b`,
      'i',
    ).test(sentence.slice(index + words.length));
    if (
      /^[\w\s'-]{0,12}?\b(governor|mayor|officials?|authorities|administration)\b/i.test(
        sentence.slice(index + words.length, index + words.length + 24),
      ) &&
      !/\b(in|on|at|over)\s+(the\s+)?$/i.test(sentence.slice(Math.max(0, index - 10), index)) &&
      !titleHit
    )
      return;
    out.push({
      entry,
      ...describe(lookup, entry),
      name,
      precision,
      ...(settlement ? { settlement } : {}),
      words,
      index,
      excluded: excludedAt(index),
    });
  };
  for (const m of sentence.matchAll(LIST_REGIONS)) {
    const names = m[1]!.split(/\s*,\s*|\s+and\s+/).filter(Boolean);
    let ok = false;
    for (const full of names) {
      // "Russia's Belgorod and Kursk regions": the possessive before the first name is not part of it
      const words = full.split(' ');
      const n =
        words.map((_, i) => words.slice(i).join(' ')).find((x) => resolve(lookup, `${x} region`, true) ?? resolve(lookup, x, true)) ?? full;
      const e = resolve(lookup, `${n} region`, true) ?? resolve(lookup, n, true);
      if (e?.kind === 'region' || e?.kind === 'capital') {
        push(e.kind === 'capital' ? (resolve(lookup, `${n} Oblast`, true) ?? e) : e, `${n} region`, m[0], m.index, 'region');
        ok = true;
      }
    }
    if (ok) taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of sentence.matchAll(ONE_REGION)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const e = resolve(lookup, `${m[1]!} ${m[2]!.toLowerCase()}`, true) ?? resolve(lookup, m[1]!, true);
    if (e === undefined || e.kind !== 'region') continue;
    push(e, `${m[1]} region`, m[0], m.index, 'region');
    taken.push([m.index, m.index + m[0].length]);
  }
  let settlement = lastSettlement;
  // "Kharkiv's Kyivskyi district": the possessive ending is not part of the name (indexes kept)
  const plain = sentence.replace(/(\p{L})['’]s\b/gu, '$1  ');
  for (const m of plain.matchAll(BARE)) {
    const a = m.index;
    const b = a + m[0].length;
    if (!free(a, b)) continue;
    const words = m[1]!.split(' ');
    // the longest run of capitalised words that names a place
    for (let k = words.length; k >= 1; k--) {
      for (let s = 0; s + k <= words.length; s++) {
        const name = words.slice(s, s + k).join(' ');
        if (k === 1 && NOT_PLACES.has(name)) continue;
        const e = resolve(lookup, name, false);
        if (e === undefined || e.kind === 'country') continue;
        const start = a + words.slice(0, s).join(' ').length + (s > 0 ? 1 : 0);
        // "Vladimir Putin": a first name that is also a place, followed by a surname no hierarchy knows
        const next = words[s + k];
        if (
          next !== undefined &&
          // "Russian President Vladimir Putin": a title before it makes it a first name too
          (s === 0 ||
            /^(?:President|Minister|Mayor|Governor|Secretary|Chancellor|General|Patriarch|spokesman|envoy)$/.test(words[s - 1]!)) &&
          !/^(Oblast|Region|City|Mayor|Governor|Krai|Republic|District|Regional|Military|Administration)$/.test(next) &&
          lookup.lookup(next).length === 0
        )
          continue;
        if (SPEAKER_AFTER.test(sentence.slice(start + name.length))) continue;
        if (/^\s+time\b/.test(sentence.slice(start + name.length))) continue;
        // "Moscow's approach", "Kyiv's forces": a capital in the possessive is its government, unless what
        // follows is a part of the city ("Kyiv's Obolonskyi district", "Moscow's airports", "the capital's outskirts")
        const owned = sentence.slice(start + name.length);
        if (e.kind === 'capital' && /^['’]s\s/.test(owned) && !CITY_PART.test(owned)) continue;
        if (e.kind === 'capital' && capitalAsActor(sentence, start, start + name.length)) continue;
        // "Blinken arrived in Kyiv on a visit": where a visitor went, not a place hit ("landed" too, unless what
        // landed is debris or a munition: "debris from a downed drone landed in Kharkiv" is a place hit)
        // ("a train about to leave for Lviv", "a convoy bound for Kyiv": where people were going, not where it hit)
        const visitor =
          /\b(?:arrived|arriving|arrives|landed|visited|visiting|visit to|trip to|travell?ed to|flew to|(?:leave|leaves|leaving|left|bound|heading|headed|departing|departed|set off|way)\s+(?:for|to))\s+(?:in\s+)?$/i.exec(
            sentence.slice(Math.max(0, start - 16), start),
          );
        if (visitor && !(/^landed/i.test(visitor[0]) && MUNITION_OR_DEBRIS.test(sentence.slice(0, start)))) continue;
        // "no immediate comment from Kyiv", "confrontation with Moscow": a capital standing for its government
        // ("sabotage ordered by Kyiv", "an attack planned by Moscow": the agent of a passive is who acted)
        if (
          e.kind === 'capital' &&
          /\b(?:comment|response|reaction|word|statement|reply|confrontation|talks|relations|ties|negotiations|dialogue|contacts?|pressure|sanctions)\s+(?:from|by|with|on|against)\s+$|\b(?:blame|blamed|blaming|accuse|accused|accusing|urged|urging)\s+$|\b(?:ordered|planned|organi[sz]ed|staged|orchestrated|masterminded|committed|carried out|backed|sponsored|directed|commissioned)\s+by\s+$/i.test(
            sentence.slice(Math.max(0, start - 24), start),
          )
        )
          continue;
        if (
          /\b(?:from|of)\s+$/.test(sentence.slice(Math.max(0, start - 6), start)) &&
          /\bwho\b|'s/.test(sentence.slice(start + name.length, start + name.length + 4))
        )
          continue;
        if (!free(start, start + name.length)) continue;
        const isSettlement = e.kind !== 'region';
        push(e, isSettlement ? e.name : `${name} region`, name, start, isSettlement ? 'settlement' : 'region');
        if (isSettlement) settlement = e.name;
        taken.push([start, start + name.length]);
      }
    }
  }
  const district = (name: string, words: string, index: number) => {
    const s = settlement !== undefined ? lookup.lookup(settlement).find((e) => e.kind !== 'region') : undefined;
    if (!s || NOT_PLACES.has(name)) return;
    const region = describe(lookup, s).region;
    const pseudo: PlaceEntry = {
      id: `${s.id}-${name.toLowerCase()}`,
      name: `${name} district`,
      kind: 'district',
      within: s.id,
      aliases: [],
    };
    if (out.some((o) => o.entry.id === pseudo.id)) return;
    out.push({
      entry: pseudo,
      ...(region ? { region } : {}),
      ...describe(lookup, s),
      name: `${name} district`,
      precision: 'settlement',
      settlement: s.name,
      words,
      index,
      excluded: false,
    });
  };
  for (const m of sentence.matchAll(DISTRICT)) district(m[1]!, m[0], m.index);
  // "the Shevchenkivskyi and Solomianskyi districts"
  for (const m of sentence.matchAll(DISTRICTS))
    for (const name of m[1]!.split(/\s*,\s*|\s+and\s+/).filter(Boolean)) district(name, m[0], m.index);
  // "Kyiv and nearby areas", "Kharkiv and the surrounding region": the region around the city as well
  for (const m of sentence.matchAll(AROUND)) {
    const city = out.find((o) => o.precision === 'settlement' && o.words === m[1]);
    const e = city ? (resolve(lookup, `${m[1]} Oblast`, true) ?? resolve(lookup, `${m[1]} region`, true)) : undefined;
    if (e?.kind === 'region') push(e, `${m[1]} region`, m[0], m.index, 'region');
  }
  // "the centre of the city", "flew towards the capital": the settlement named last, when the sentence names none
  const back = /\b[Tt]he (city|town|capital)\b(?!\s+of\b)/.exec(sentence);
  // (the "biggest" attack "on the capital since" the start of the war, tuned9/moscow-2024-11-10.txt:3, measures this attack against past ones:
  // it names no place hit this time)
  const measured =
    back !== null &&
    /\b(?:biggest|largest|heaviest|worst|most\s+\w+)\s+(?:[\w-]+\s+){0,3}?(?:on|against)\s+$/i.test(
      sentence.slice(Math.max(0, back.index - 50), back.index),
    ) &&
    /^[^.;]{0,40}?\b(?:since|ever|of the war|in (?:the|its) history)\b/i.test(sentence.slice(back.index + back[0].length));
  if (back && !measured && lastSettlement !== undefined && !out.some((o) => o.precision === 'settlement')) {
    const e = lookup.lookup(lastSettlement).find((x) => x.kind !== 'region' && x.kind !== 'country');
    if (e && (back[1] !== 'capital' || e.kind === 'capital')) push(e, e.name, back[0], back.index, 'settlement');
  }
  return out.sort((x, y) => x.index - y.index);
}
