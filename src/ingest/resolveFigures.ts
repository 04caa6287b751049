import type { Count } from '../schema/common.js';
import type { FigureMention, Quantity } from './readFigures.js';

/**
 * Which figure answers which question, read across all the lines of one drafted event rather than
 * sentence by sentence. `readFigures` reads each sentence's candidates; this sees every candidate of the
 * event at once, with what the sentence says about it (an earlier count, a count still going on, a part of a
 * list), and keeps, drops or widens each before the event's counts are merged. The principles are those of
 * docs/data-conventions.md (Figures, "Read across the report"):
 *
 * - the latest count replaces earlier ones: a count the text tells as superseded ("had first reported",
 *   "the first count was") gives way to any count told plainly; told alone, it is only a floor (tolls rise);
 * - a floor stays a floor: a toll told while the count goes on ("rescuers were still searching", "had cleared
 *   about 65% of the wreckage") is a floor on the dead, as "so far" is;
 * - a part never stands for the whole: a smaller toll told later for the same place is within the larger one
 *   unless told as more; a count told for one place while the attack is told for several regions (tolls) or
 *   other towns (launch figures) is a floor; launch figures that add up to a larger exact total of the same
 *   munition, or are told as a part of it ("among them"), are its breakdown, not rival totals;
 * - a type one voice names ("FPV drones") types the count another voice gives.
 *
 * Sentence-level readings (those still in hospital as a floor, shot-down lists adding up, rocket artillery
 * as shells) stay in readFigures.
 */
export interface FigureLine {
  text: string;
  figures: readonly FigureMention[];
  /** the places the line names (none: it names no place); a district goes by its settlement */
  places?: readonly { id: string; kind: string }[];
}

const CASUALTY = new Set<Quantity>(['killed', 'injured']);
const MUNITION = new Set<Quantity>(['drones', 'missiles', 'ballisticMissiles', 'cruiseMissiles']);
/** "including six Kinzhals", "among them", "of which": a part of the figure told before it */
const PART_OF = /\b(?:including|among them|among which|of them|of which|of these)\s+(?:some\s+)?$/i;

/**
 * "had first reported", "the first count was", "initially put the toll at": a count the text says was superseded;
 * "the toll climbed through the morning: at 8 a.m. ... three dead": a count told on the way to the final one
 * (not "rose to 12", which tells the updated count itself)
 */
const EARLIER =
  /\b(?:first|initially|originally|earlier|previously)\s+(?:reported|put|gave|given|said|counted|announced|estimated|recorded)\b|\b(?:first|initial|earlier|previous|original)\s+(?:count|toll|tally|figure|estimate|report)s?\b|\b(?:toll|count|tally|number of (?:the\s+)?(?:dead|victims|casualties|injured|wounded))\s+(?:had\s+|has\s+)?(?:climbed|rose|risen|grew|grown|mounted|increased|kept rising)\b(?!\s+(?:to|by|from)\b)/i;
/**
 * An earlier count marks the figures told after it in its line ("had first reported one dead and five wounded;
 * by 6 p.m. the count stood at five dead"), not those the line tells before it ("22 wounded, officials said;
 * police had first reported one death" tells the count, then what came first).
 */
function toldAfterEarlier(text: string, index: number): boolean {
  const m = new RegExp(EARLIER.source, 'gi');
  return [...text.matchAll(m)].some((x) => x.index < index && !LATER_COUNT.test(text.slice(x.index + x[0].length, index)));
}
/** told after an earlier count in its line, in a later clause of its own (see LATER_COUNT) */
function toldAfterLater(text: string, index: number): boolean {
  const m = new RegExp(EARLIER.source, 'gi');
  return [...text.matchAll(m)].some((x) => x.index < index && LATER_COUNT.test(text.slice(x.index + x[0].length, index)));
}
/**
 * "first reported five dead; by Saturday the toll had risen to 11 killed and 47 injured", "first reported five
 * dead, and the ministry later put the toll at seven killed and 18 injured": a later count told after the
 * earlier one in its line ends the earlier count's words (a new clause after a semicolon, "later", "now")
 */
const LATER_COUNT = /;|\b(?:later|subsequently|since then|now)\b/i;

/** what a search of a strike site is for or through: the rubble, survivors, bodies, people trapped */
const SOUGHT = String.raw`(?:rubble|ruins|debris|wreckage|survivors|bodies|victims|missing|trapped|residents|people)`;
/**
 * "rescuers were still searching for residents trapped", "had cleared about 65% of the wreckage", "the day was
 * not yet over": the count is still going on. Tied to a search of the site ("still looking into the cause",
 * "cleared 90% of the town" are no count going on).
 */
const ONGOING = new RegExp(
  [
    String.raw`\b(?:still|continu(?:e|ed|es|ing) to)\s+(?:searching|search|digging|dig|clearing|clear|looking)\b(?=[^.;]{0,50}\b${SOUGHT}\b)`,
    String.raw`\b(?:search|rescue)(?:es|\s+operations?|\s+work)?\s+(?:(?:for|through|of)\s+[^.;,]{1,40}?\s+)?(?:(?:is|are|was|were)\s+)?(?:still\s+)?(?:continu(?:e|ed|es|ing)|going on|under way|ongoing)\b`,
    String.raw`\bday\s+(?:was|is|had)\s+not yet (?:over|ended)\b`,
    // "more are still trapped under it", "some people might still be buried": people not yet reached
    String.raw`\b(?:still|yet)\s+(?:be\s+)?(?:trapped|buried)\b`,
    String.raw`\bcleared\s+(?:about\s+|some\s+|only\s+)?\d+\s*(?:%|per ?cent)\s+of\s+the\s+${SOUGHT}`,
  ].join('|'),
  'i',
);

/** "the toll across the country", "nationwide", "the overall toll": a toll told for the whole attack */
const WHOLE_TOLL =
  /\b(?:toll|tally|count)\s+(?:[\w-]+\s+){0,3}?(?:across|throughout|for|in)\s+the\s+(?:whole\s+)?country\b|\bnationwide\s+(?:toll|tally|count)\b|\b(?:national|overall|total)\s+(?:death\s+)?(?:toll|tally|count)\b/i;
/** "shot down over several regions" tells where munitions flew, not where they hit */
const SHOT_DOWN = /\b(?:shot down|intercepted|downed|brought down|destroyed \d+)\b/i;
/** "across the country", "in several regions": the attack told for more than the places named */
const WIDE =
  /\b(?:across|throughout|all over) the country\b|\b(?:in|across|throughout|on)\s+(?:several|many|most|a number of|\w+ other)\s+(?:\w+\s+)?regions\b|\bnationwide\b/gi;
/** what makes a wide phrase tell the attack: hits, launches, tolls, damage and the power cuts it caused */
const HIT_WORD =
  /\b(?:hit|struck|strikes?|attack(?:s|ed)?|launched|fired|shelled|shelling|killed|injured|wounded|damaged?|destroyed|power cuts|outages|blackouts)\b/i;
const CLAUSE = /[,;]|\s(?:as|while|when|after|before)\s/;
/** the attack told as wide: a wide phrase in a clause about the attack ("alerts sounded across the country" is not) */
const toldAsWide = (text: string) =>
  [...text.matchAll(WIDE)].some((m) => {
    const clause = (part: string, last: boolean) => (last ? part.split(CLAUSE).at(-1) : part.split(CLAUSE)[0]) ?? '';
    return HIT_WORD.test(`${clause(text.slice(0, m.index), true)} ${clause(text.slice(m.index), false)}`);
  });

/** "fired 32 missiles at Ukraine": the launch told for the whole country (the place hierarchy names no country) */
const AT_COUNTRY = /\b(?:at|on|against|across|over|into)\s+(?:Ukraine|Russia)\b(?!'s)/;

/** "most of them at Izmail", "mainly at Kyiv": where most of a launch went, so not all of it */
const MOSTLY_AT = /\b(?:most of them|mostly|mainly|chiefly|largely|primarily)\s+(?:at|on|against|towards|over)\b/i;

/** "fitted with cluster munitions", "armed with", "carrying": what sets some munitions of a type apart */
const FEATURED = /^\s*(?:(?:that|which)\s+(?:were|had been)\s+)?(?:fitted|armed|equipped|tipped|loaded)\s+with\b|^\s*carrying\b/i;

/** "Kharkiv and its outskirts", "the city and its suburbs": the towns around a city told with it */
const SURROUNDINGS =
  /\band\s+(?:its|the\s+(?:city's|town's))\s+(?:outskirts|suburbs|surroundings|environs|surrounding\s+(?:area|villages|towns|district))\b/i;
/** "sent at the refinery", "fired at the airfield": a launch aimed at one site (a common noun, not a place) */
const AT_SITE =
  /^[^.;]{0,40}?\b(?:sent|fired|launched|directed|aimed|flown)\s+(?:at|against|towards)\s+(?:the|a|an)\s+(?!(?:country|whole|region|regions|capital|city|town|south|north|east|west)\b)[a-z][\w-]*/;

/** "FPV drones": short-range first-person-view drones, counted apart from the long-range ones */
const FPV_ALL = /\bFPV\s+(?:attack\s+|kamikaze\s+)?drones?\b/gi;
/** a long-range type named for a drone count: it is not an FPV count */
const DRONE_TYPE = /\b(?:Shahed|Geran|Gerbera|Lancet|Orlan|Lyutyi|Liutyi|Mohajer|long-range|decoy)\b/i;

/** "and the rest cruise missiles", "the others were": the munitions of a total not told by type before */
const THE_REST = /\b(?:the\s+(?:rest|remainder|others|remaining(?:\s+\w+)?))\s+(?:(?:of them|were|are|was)\s+)*$/i;

interface Candidate {
  f: FigureMention;
  line: number;
}

const floor = (c: Count): Count => ({ low: c.low });

/** The figures of each line of one event, resolved against all the others (same order as `lines`). */
export function resolveFigures(lines: readonly FigureLine[]): FigureMention[][] {
  const all: Candidate[] = lines.flatMap((l, line) => l.figures.map((f) => ({ f, line })));
  const drop = new Set<FigureMention>();
  const replace = new Map<FigureMention, FigureMention>();
  const ongoing = lines.some((l) => ONGOING.test(l.text));

  for (const q of CASUALTY) {
    const told = all.filter((c) => c.f.quantity === q);
    // the latest count replaces earlier ones
    const marked = told.filter((c) => !c.f.updated && toldAfterEarlier(lines[c.line]!.text, c.f.index));
    const plain = told.filter((c) => !marked.includes(c));
    // (a count told after the earlier one in its own later clause is the count of its time: it stands unless a
    // larger count is told plainly elsewhere, "the count stood at 15 wounded" by evening, 21 wounded by the next day)
    for (const c of plain)
      if (
        !c.f.updated &&
        toldAfterLater(lines[c.line]!.text, c.f.index) &&
        plain.some((p) => p.line !== c.line && p.f.count.low > c.f.count.low)
      )
        drop.add(c.f);
    // (a first count the later one repeats was not superseded: it tells the same number)
    const earlier = marked.filter((c) => !plain.some((p) => p.f.count.low === c.f.count.low));
    // (a later plain count smaller than it, "two killed in the village of X", may be a part: the earlier count
    // gives way only to one at least as large, else it stays a floor)
    for (const c of earlier)
      if (plain.some((p) => p.f.count.low >= c.f.count.low)) drop.add(c.f);
      else replace.set(c.f, { ...c.f, count: floor(c.f.count), approximate: false });
    // a count told while the search goes on is a floor
    if (ongoing && q === 'killed')
      for (const c of plain) replace.set(c.f, { ...(replace.get(c.f) ?? c.f), count: floor(c.f.count), approximate: false });
  }

  // parts never stand for the whole: a toll told for the whole country ("put the toll across the country at
  // five dead") holds the tolls told place by place, "two more in the Kyiv region" included, when they fit in it
  for (const q of CASUALTY) {
    const told = all.filter((c) => c.f.quantity === q && !drop.has(c.f) && !c.f.weak);
    const wholes = told.filter((c) => WHOLE_TOLL.test(lines[c.line]!.text));
    if (wholes.length === 0) continue;
    const whole = Math.max(...wholes.map((c) => c.f.count.low));
    const parts = told.filter((c) => c.f.count.low < whole && !wholes.includes(c));
    if (parts.length > 0 && parts.reduce((a, c) => a + c.f.count.low, 0) <= whole) for (const c of parts) drop.add(c.f);
  }

  // parts never stand for the whole: a smaller toll told later for a place the larger toll was told for
  // ("shelling killed 10 in Kherson" ... "a shell hit a bus in Kherson, killing one") is within it, unless
  // it is told as more ("another", "also" in its own clause)
  for (const q of CASUALTY) {
    const told = all.filter((c) => c.f.quantity === q && !drop.has(c.f) && !c.f.weak);
    for (const c of told) {
      const mine = (lines[c.line]!.places ?? []).map((p) => p.id);
      if (mine.length === 0 || c.f.updated || toldAsMore(lines[c.line]!.text, c.f.index)) continue;
      const whole = told.find(
        (w) => w.line < c.line && w.f.count.low > c.f.count.low && mine.every((r) => (lines[w.line]!.places ?? []).some((p) => p.id === r)),
      );
      if (whole) drop.add(c.f);
    }
  }

  // parts never stand for the whole: a count told for one place while the attack is told for more is a floor
  // ("more than 70 missiles at Ukraine" ... "two killed in a village in the Zaporizhzhia region"; "seven
  // missiles struck the city" ... "two other towns were hit in the same attack")
  const SETTLEMENT = new Set(['city', 'town', 'village', 'capital', 'settlement']);
  // ("sent 44 drones against Ukraine, most of them at Izmail", "41 missiles at Ukraine, mainly at Kyiv and
  // Kharkiv": a launch at the whole country told as aimed mostly at some towns hit others too)
  const launchedAtCountry = lines.some(
    (l) =>
      AT_COUNTRY.test(l.text) &&
      MOSTLY_AT.test(l.text) &&
      l.figures.some((f) => MUNITION.has(f.quantity) && f.role === 'launched' && !f.weak),
  );
  const wholeCountry = lines.some((l) => toldAsWide(l.text) && !SHOT_DOWN.test(l.text)) || launchedAtCountry;
  // (only towns told as hit count: "30 km from the Russian city of Belgorod" is where, not another town hit)
  const settlements = new Set(
    lines.filter((l) => HIT_WORD.test(l.text)).flatMap((l) => (l.places ?? []).filter((p) => SETTLEMENT.has(p.kind)).map((p) => p.id)),
  );
  for (const c of all) {
    if (drop.has(c.f) || c.f.part || c.f.count.high === undefined) continue;
    const mine = lines[c.line]!.places ?? [];
    if (mine.length === 0) continue;
    const oneSettlement = mine.every((p) => SETTLEMENT.has(p.kind)) && new Set(mine.map((p) => p.id)).size === 1;
    const partOfCountry = CASUALTY.has(c.f.quantity) && wholeCountry;
    // ("fired 32 missiles at Ukraine, most of them at Kyiv" tells the whole attack's)
    // (a city "and its outskirts" struck with 15 missiles, tuned9/kharkiv-2024-05-23.txt:3, tells the towns around it too)
    const partOfTowns =
      MUNITION.has(c.f.quantity) &&
      oneSettlement &&
      settlements.size > 1 &&
      !AT_COUNTRY.test(lines[c.line]!.text) &&
      !SURROUNDINGS.test(lines[c.line]!.text);
    if (partOfCountry || partOfTowns) {
      const f = replace.get(c.f) ?? c.f;
      replace.set(c.f, { ...f, count: floor(f.count), approximate: false });
    }
  }

  const exactLaunch = (c: Candidate) =>
    !c.f.weak && !c.f.part && c.f.role === 'launched' && c.f.count.best === c.f.count.low && c.f.count.high === c.f.count.low;

  // parts never stand for the whole: a launch told at one site (drones "sent at the refinery", tuned9/kstovo-2025-01-29.txt:5)
  // while the same attack is told in several other regions ("drone attacks were reported in the Smolensk, Tver
  // and Bryansk regions") is a floor on the attack's
  const regionsElsewhere = lines.some(
    (l) =>
      HIT_WORD.test(l.text) &&
      !SHOT_DOWN.test(l.text) &&
      (l.places ?? []).length >= 2 &&
      (l.places ?? []).every((p) => p.kind === 'region'),
  );
  if (regionsElsewhere)
    for (const c of all) {
      if (!MUNITION.has(c.f.quantity) || !exactLaunch(c) || drop.has(c.f)) continue;
      const text = lines[c.line]!.text;
      if ((lines[c.line]!.places ?? []).some((p) => p.kind === 'region') || AT_COUNTRY.test(text)) continue;
      if (!AT_SITE.test(text.slice(c.f.index + c.f.words.length))) continue;
      const f = replace.get(c.f) ?? c.f;
      replace.set(c.f, { ...f, count: floor(f.count), approximate: false });
    }

  // parts never stand for the whole: a launch told for the whole country ("fired 88 missiles at Ukraine") holds
  // the smaller counts of the same munition told place by place ("eight missiles struck the plant in X")
  for (const q of MUNITION) {
    const wholes = all.filter((c) => c.f.quantity === q && exactLaunch(c) && AT_COUNTRY.test(lines[c.line]!.text));
    if (wholes.length === 0) continue;
    const whole = Math.max(...wholes.map((c) => c.f.count.low));
    for (const c of all)
      if (
        c.f.quantity === q &&
        c.f.role === 'launched' &&
        !c.f.part &&
        !wholes.includes(c) &&
        c.f.count.low < whole &&
        // (an FPV drone is of another class than the long-range ones launched at the country)
        !/\bFPV\b/i.test(c.f.words) &&
        (lines[c.line]!.places ?? []).length > 0 &&
        !AT_COUNTRY.test(lines[c.line]!.text)
      )
        drop.add(c.f);
  }

  // those flown are at least those downed: launch floors ("dozens of drones attacked") below a count shot down
  // ("53 drones had been shot down") say less than it, and give way to it
  for (const q of MUNITION) {
    const live = all.filter((c) => c.f.quantity === q && !c.f.weak && !drop.has(c.f));
    const downed = live.filter((c) => c.f.role === 'downed');
    const launched = live.filter((c) => c.f.role === 'launched');
    if (downed.length === 0 || launched.length === 0) continue;
    const most = Math.max(...downed.map((c) => c.f.count.low));
    if (launched.every((c) => c.f.count.high === undefined && c.f.count.low < most)) for (const c of launched) drop.add(c.f);
  }

  // "cruise missiles fitted with cluster munitions": a type told of munitions by a feature of some of them is a
  // plural of its own among those counted, not a name for all of them
  for (const c of all)
    if (
      c.f.weak &&
      c.f.count.low >= 2 &&
      (c.f.quantity === 'cruiseMissiles' || c.f.quantity === 'ballisticMissiles') &&
      FEATURED.test(lines[c.line]!.text.slice(c.f.index + c.f.words.length))
    )
      replace.set(c.f, { ...c.f, weak: false });

  // "19 missiles ... two of them were ballistic missiles and the rest cruise missiles": the rest is the total
  // less the parts told by type
  const total = Math.max(0, ...all.filter((c) => c.f.quantity === 'missiles' && exactLaunch(c)).map((c) => c.f.count.low));
  for (const c of all) {
    if (!c.f.weak || (c.f.quantity !== 'cruiseMissiles' && c.f.quantity !== 'ballisticMissiles') || total === 0) continue;
    if (!THE_REST.test(lines[c.line]!.text.slice(Math.max(0, c.f.index - 30), c.f.index))) continue;
    const parts = all.filter(
      (o) => o.f.quantity !== c.f.quantity && (o.f.quantity === 'cruiseMissiles' || o.f.quantity === 'ballisticMissiles') && exactLaunch(o),
    );
    const rest = total - parts.reduce((a, o) => a + o.f.count.low, 0);
    if (parts.length > 0 && rest > 0) replace.set(c.f, { ...c.f, count: { low: rest, best: rest, high: rest }, weak: false });
  }

  // one type named alone, with no number of its own, types the missiles counted: "five missiles shot down" and
  // "Storm Shadow cruise missiles were used" are at least five cruise missiles (an exact count is typed whole
  // where the event's counts are merged)
  const types = (['cruiseMissiles', 'ballisticMissiles'] as const).filter((q) => all.some((c) => c.f.quantity === q));
  const missileCounts = all.filter((c) => c.f.quantity === 'missiles' && !c.f.weak && !drop.has(c.f));
  if (types.length === 1 && missileCounts.length > 0) {
    const floorOf = Math.max(...missileCounts.map((c) => c.f.count.low));
    for (const c of all.filter((x) => x.f.quantity === types[0]))
      if (c.f.weak && !replace.has(c.f) && floorOf > c.f.count.low) replace.set(c.f, { ...c.f, count: { low: floorOf } });
  }

  // the missiles told with no number ("Russian missiles black out ...") are those one type counts ("about 70
  // cruise missiles"): every missile is of the one type told, so the missiles take its count
  const typedLaunch = (['cruiseMissiles', 'ballisticMissiles'] as const).map((q) =>
    all.filter((c) => c.f.quantity === q && !c.f.weak && !c.f.part && c.f.role === 'launched' && !drop.has(c.f)),
  );
  const untyped = all.filter((c) => c.f.quantity === 'missiles' && !drop.has(c.f));
  const [oneType] = typedLaunch.filter((x) => x.length > 0);
  if (
    typedLaunch.filter((x) => x.length > 0).length === 1 &&
    all.every(
      (c) => (c.f.quantity !== 'cruiseMissiles' && c.f.quantity !== 'ballisticMissiles') || c.f.quantity === oneType![0]!.f.quantity,
    ) &&
    untyped.some((c) => c.f.count.low >= 2) &&
    untyped.every((c) => c.f.weak)
  ) {
    const most = oneType!.reduce((a, c) => (c.f.count.low > a.f.count.low ? c : a));
    for (const c of untyped.filter((x) => x.f.count.low >= 2))
      replace.set(c.f, { ...(replace.get(c.f) ?? c.f), count: most.f.count, weak: false, approximate: most.f.approximate });
  }

  // parts never stand for the whole: launch figures that fit inside a larger exact total of the same munition
  // ("18 missiles, among them six Kinzhals"; "nine cruise missiles ... and three land-based missiles") are its
  // breakdown, not rival totals; two totals that disagree still span both (mergeCounts)
  const exact = (c: Candidate) =>
    !c.f.weak && !c.f.part && c.f.role === 'launched' && c.f.count.best === c.f.count.low && c.f.count.high === c.f.count.low;
  for (const q of MUNITION) {
    const told = all.filter((c) => c.f.quantity === q && exact(c));
    if (told.length < 2) continue;
    const whole = Math.max(...told.map((c) => c.f.count.low));
    const smaller = told.filter((c) => c.f.count.low < whole);
    const marked = smaller.filter((c) => PART_OF.test(lines[c.line]!.text.slice(Math.max(0, c.f.index - 30), c.f.index)));
    // typed missiles told apart are parts of the missiles too
    const typed =
      q === 'missiles'
        ? all
            .filter((c) => (c.f.quantity === 'cruiseMissiles' || c.f.quantity === 'ballisticMissiles') && exact(c))
            .map((c) => c.f.count.low)
        : [];
    const values = [...new Set(smaller.map((c) => c.f.count.low))];
    const breakdown = values.reduce((a, n) => a + n, 0) + [...new Set(typed)].reduce((a, n) => a + n, 0) === whole;
    for (const c of breakdown ? smaller : marked) drop.add(c.f);
  }

  // a type one voice names types the count another gives: "117 drones" and "FPV drones had attacked" are
  // 117 FPV drones (as one missile type named alone takes the missile count). An FPV mention with a count of
  // its own ("an FPV drone hit a car") types only that count, and a count with a type of its own ("120 Shahed
  // drones") keeps it.
  const own = (c: Candidate, m: RegExpMatchArray) => m.index! >= c.f.index && m.index! <= c.f.index + c.f.words.length;
  const fpvs = lines.flatMap((l, line) => [...l.text.matchAll(FPV_ALL)].map((m) => ({ m, line })));
  const drones = all.filter((c) => c.f.quantity === 'drones' && !drop.has(c.f));
  const counted = drones.filter((c) => fpvs.some(({ m, line }) => line === c.line && own(c, m)));
  const uncounted = fpvs.some(({ m, line }) => !drones.some((c) => c.line === line && own(c, m)));
  for (const c of drones) {
    const typed = DRONE_TYPE.test(c.f.words) || DRONE_TYPE.test(lines[c.line]!.text.slice(c.f.index, c.f.index + c.f.words.length + 20));
    if (counted.includes(c) || (uncounted && !typed)) replace.set(c.f, { ...(replace.get(c.f) ?? c.f), quantity: 'fpvDrones' });
  }

  return lines.map((l) => l.figures.filter((f) => !drop.has(f)).map((f) => replace.get(f) ?? f));
}

/**
 * "two more people were also killed in Kharkiv": a toll told as more adds to the one told before; "also"
 * counts only in the figure's own clause ("killing one person, and an ambulance was also hit" tells one
 * death within the toll, the "also" is the ambulance's).
 */
function alsoOwnClause(text: string, index: number): boolean {
  const before =
    text
      .slice(Math.max(0, index - 30), index)
      .split(/[,;]/)
      .at(-1) ?? '';
  const after = text.slice(index, index + 60).split(/[,;]|\s(?:and|while|but|as)\s/)[0] ?? '';
  return /\balso\b/i.test(before) || /\balso\b/i.test(after);
}

/** "another two", "a further three", "two more", "were also killed": a toll told as more than one before it */
export function toldAsMore(text: string, index: number): boolean {
  return (
    /\b(?:another|a further|additional)\s+$/i.test(text.slice(Math.max(0, index - 30), index)) ||
    /^\S+\s+more\b(?!\s+than)/i.test(text.slice(index)) ||
    // "two more people were killed and 14 injured": both told as more
    /\b\S+\s+more\s+(?:[\w-]+\s+)?(?:were|have been|had been)\s+(?:killed|injured|wounded|hurt)\s+and\s+$/i.test(text.slice(0, index)) ||
    alsoOwnClause(text, index)
  );
}

/** where one clause of a line ends and the next begins, for tolls told place by place */
const CLAUSE_BREAK = /;|,\s*(?:and|while|but|whereas)\s+/g;

/**
 * "In Zaporizhzhia a boy was killed and seven people were wounded, ..., and five civilians were hurt in the
 * Dnipropetrovsk region": a line telling tolls place by place, one clause each, gives each toll the places
 * of its own clause; a clause naming none (or a line of one clause) goes by all the places the line names.
 */
export function placesOfClause<P extends { index: number }>(text: string, places: readonly P[], index: number): P[] {
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => [m.index, m.index + m[0].length] as const);
  const start = breaks.filter(([, b]) => b <= index).at(-1)?.[1] ?? 0;
  const end = breaks.find(([a]) => a >= index)?.[0] ?? text.length;
  const mine = places.filter((p) => p.index >= start && p.index < end);
  return mine.length > 0 ? mine : [...places];
}

/**
 * "Kharkiv death toll rises to 10": a headline's toll told as one place's is that place's, not the whole
 * event's (a headline's bare toll, "Missile strike kills four", sums up the event)
 */
export function tollOfPlace(text: string, index: number, places: readonly { words: string }[]): boolean {
  const before = text.slice(0, index);
  return places.some(({ words: n }) =>
    new RegExp(String.raw`(?:^|[^\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:['’]s)?\s+(?:death\s+)?toll\b`, 'u').test(before),
  );
}

/**
 * "The number of wounded had climbed to 144 by Sunday", "On Wednesday rescuers recovered two more bodies, raising
 * the toll to 10": a line telling only casualties, told as a count (a toll, the number of wounded, bodies
 * recovered), dated later than the strike, is the strike's count as of that day, not an occurrence of its own
 */
export function tollUpdate(text: string, figures: readonly FigureMention[]): boolean {
  return (
    figures.length > 0 &&
    figures.every((f) => CASUALTY.has(f.quantity)) &&
    /\b(?:toll|number of (?:the\s+)?(?:dead|killed|wounded|injured|victims|casualties)|bodies|body|count(?:ed)?|tally)\b/i.test(text)
  );
}
