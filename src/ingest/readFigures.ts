import type { Count } from '../schema/common.js';

/**
 * Figures in a sentence with what they count and how the text qualifies them, after UCDP's low/best/high:
 * "more than 70" is low 71; "at least 28" low 28; "nearly 500" high 500 with low 450 (half the unit it is
 * rounded to below); "about 450" 425-475; "up to 30" high 30 with the plural as the floor (low 2); "dozens" low 24;
 * "hundreds" low 200.
 */
export const QUANTITIES = [
  'drones',
  'missiles',
  'ballisticMissiles',
  'cruiseMissiles',
  'shells',
  'fpvDrones',
  'killed',
  'injured',
] as const;
export type Quantity = (typeof QUANTITIES)[number];

export interface FigureMention {
  quantity: Quantity;
  count: Count;
  /** launched (or suffered); downed = shot down, a floor on how many flew */
  role: 'launched' | 'downed';
  /** the text gives no number, only a plural or an article ("drone strikes", "a ballistic missile") */
  weak: boolean;
  /** stated with a qualifier ("nearly", "about") or a plain round figure */
  approximate: boolean;
  words: string;
  index: number;
  /** a part of those fired: shot down, or "not intercepted"; the launch tally, when given, holds them */
  part?: true;
  /** a toll told as updated ("has risen to 25", "are now known to have died"): the latest count */
  updated?: true;
}

/** "has risen to", "climbed to", "now stands at", "raised the toll to": the count that replaces those told before it */
const RISEN =
  /\b(?:risen|rose|rises|climbed|climbs|increased|increases|grown|grew|jumped|jumps|reached|reaches|now stands at|stood at|now at)\s+(?:to\s+)?(?:at least\s+|more than\s+)?$|\b(?:raised|revised|updated)\s+(?:[\w-]+\s+){0,4}?to\s+(?:at least\s+)?$/i;
/** "up from an overnight count of four": an earlier count, replaced */
const UP_FROM = /\bup from\s+(?:(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:count|toll|figure|tally)\s+of\s+)?$/i;

const UNITS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const WORD_NUMBER = `(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:\\s+(?:hundred|thousand))?`;
const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|${WORD_NUMBER}|a dozen|two dozen|three dozen|dozens of|dozens(?=\\s+(?:more\\s+)?(?:were|have been|had been|was)\\s+(?:killed|injured|wounded|hurt)\\b)|hundreds of|scores of|several|a|an|a single)`;
const QUALIFIER = `(?:more than|over|upwards of|in excess of|at least|no fewer than|no less than|nearly|almost|close to|just under|about|around|approximately|roughly|some|an estimated|up to|as many as)`;
const FIGURE = new RegExp(`\\b(?:(${QUALIFIER})\\s+)?(${NUMBER})\\b`, 'gi');

/** A number written in digits or words ("seven", "twenty-four", "three hundred"). */
export function wordValue(w: string): number | undefined {
  const s = w.toLowerCase().replace(/,/g, '');
  if (/^\d+$/.test(s)) return Number(s);
  const mult = /\s+hundred$/.test(s) ? 100 : /\s+thousand$/.test(s) ? 1000 : 1;
  const base = s.replace(/\s+(hundred|thousand)$/, '');
  if (UNITS[base] !== undefined) return UNITS[base]! * mult;
  const [t, u] = base.split(/[- ]/);
  if (t !== undefined && TENS[t] !== undefined) return (TENS[t]! + (u !== undefined ? (UNITS[u] ?? 0) : 0)) * mult;
  return undefined;
}

/** The unit a figure is rounded to: 450 to 50, 500 to 100, 70 to 10, 7 to 1. */
export function roundingUnit(n: number): number {
  if (n === 0) return 1;
  let unit = 1;
  while (n % (unit * 10) === 0) unit *= 10;
  const significant = n / unit;
  if (significant % 10 === 5 && significant > 10) unit *= 5;
  return unit;
}

function qualified(q: string | undefined, n: number): { count: Count; approximate: boolean } {
  const half = Math.max(1, Math.floor(roundingUnit(n) / 2));
  switch ((q ?? '').toLowerCase()) {
    case 'more than':
    case 'over':
    case 'upwards of':
    case 'in excess of':
      return { count: { low: n + 1 }, approximate: false };
    case 'at least':
    case 'no fewer than':
    case 'no less than':
      return { count: { low: n }, approximate: false };
    case 'nearly':
    case 'almost':
    case 'close to':
    case 'just under':
      return { count: { low: Math.max(0, n - half), high: n }, approximate: true };
    case 'about':
    case 'around':
    case 'approximately':
    case 'roughly':
    case 'some':
    case 'an estimated':
      return { count: { low: Math.max(0, n - half), best: n, high: n + half }, approximate: true };
    // ("up to four drones", "up to 200 troops": the plural the figure counts is the floor, two)
    case 'up to':
    case 'as many as':
      return { count: { low: Math.min(2, n), high: n }, approximate: false };
    default:
      return { count: { low: n, best: n, high: n }, approximate: false };
  }
}

/**
 * Words that end the run between a figure and the munition it counts: a preposition, a verb or a person
 * ("Five people killed in Russian missile strike", "Toll rises to 12 as Russian missiles pound ...") puts
 * the munition in another phrase than the figure.
 */
const BREAK = String.raw`(?:as|after|before|when|while|since|until|in|at|on|into|onto|by|from|with|for|to|than|that|which|who|where|were|was|is|are|had|has|have|been|being|people|persons?|civilians?|children|residents?|dead|died|killed|killing|injured|injuring|wounded|hurt|hit|struck)\b`;
const DRONE = new RegExp(
  String.raw`^(?:(?!and\b|or\b|\d|${BREAK})[\w-]+\s+){0,3}?(drones?|uavs?|shaheds?|unmanned aerial vehicles?|geran-2s?|(?:unmanned|uncrewed|remote-controlled)\s+(?:surface\s+|sea\s+|naval\s+|underwater\s+)?(?:vessels?|boats?))\b`,
  'i',
);
/** ("14 Kh-101 and Kh-555 cruise missiles": two models joined by "and" are one list of the missiles counted) */
const MISSILE = new RegExp(
  String.raw`^(?:(?!and\b(?!\s+(?:cruise|ballistic)|(?<=\w-\w+\s+and)\s+\w+-\w+\s)|or\b|\d|${BREAK})([\w-]+)\s+){0,4}?(missiles?|rockets?|ones)\b`,
  'i',
);
/** "drone makers", "missile defence": the munition's name used for something else */
const NOT_MUNITION =
  /^\s*(?:makers?|manufacturers?|producers?|industry|factory|factories|plants?|production|operators?|pilots?|units?|programmes?|programs?|defen[cs]es?|systems?|alerts?|warnings?|threats?|sirens?)\b/i;
/**
 * "stored Iskander missiles", "a depot of drones", "the barge had been carrying drones": munitions kept, made
 * or carried as cargo, not fired. Carried by a vessel or vehicle of freight only: bombers or jets "carrying
 * cruise missiles" that struck a city fired them.
 */
const KEPT =
  /\b(?:(?:barges?|ships?|vessels?|boats?|tankers?|freighters?|trucks?|lorr(?:y|ies)|vans?|trains?|wagons?|convoys?|cargo)\b[^.;]{0,40}?\bcarr(?:ying|ied|ies)(?!\s+out\b)|(?:loaded|laden) with|stor(?:ed|es|ing)|stockpiled|stockpiles? of|stocks? of|arsenal of|depot of|warehouses? of|produc(?:ed|es|ing|tion of)|manufactur(?:ed|es|ing)|assembl(?:ed|es|ing)|suppl(?:ied|ies of)|deliver(?:ed|ies of)|shipments? of|bought|purchased)\s+(?:[\w-]+\s+){0,4}$/i;
/** "a week after a missile barrage hit the capital": another occurrence, set apart in time */
const OTHER_TIME =
  /\b(?:a|an|one|two|three|four|five|six|seven|several|few|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|since)\s+$/i;
const PEOPLE =
  /^(?:[\w-]+\s+){0,2}?(people|persons?|civilians?|residents?|children|adults|miners|workers?|women|men|soldiers|passengers|others?)\b/i;
const KILLED = /\b(killed|killing|dead|died|deaths|death toll|lost their lives|fatalities|fatally|bodies)\b/i;
const INJURED = /\b(injured|injuring|wounded|wounding|hurt|casualties|shrapnel wounds)\b/i;
/** "three people were taken to hospital": those in hospital are some of the injured, so a floor */
const HOSPITAL = /\b(?:(?:taken|admitted|brought|rushed) to (?:a |the )?hospitals?|hospitali[sz]ed|in hospital)\b/i;
/** "were being treated in hospital", "remain in hospital": those in hospital at the time told */
const IN_HOSPITAL = /\b(?:being treated|treated|remain(?:ed|s)?|(?:were|are|was|is)(?: still)?)\s+in\s+(?:a\s+|the\s+)?hospitals?\b/i;
/** "recovered 21 bodies so far": a count still going on is a floor */
const SO_FAR = /\b(?:so far|thus far|to date|as yet)\b/i;
/** "a missile destroyed his house": the munition doing the hitting, not shot down */
const ACTIVE_HIT = /^\s*(?:[\w-]+\s+){0,3}?(?:drones?|missiles?|rockets?|uavs?|shaheds?)\s+(?:destroyed|knocked out|brought down)\b/i;
const DOWNED =
  /\b(shot down|intercepted|destroyed|downed|brought down|knocked (?:down|out)|took down|taken down|repelled|neutrali[sz]ed|penetrated|got through|evaded|lost (?:from|off|to) (?:the )?radars?|(?:locationally|location-)\s*lost|jammed)\b/i;
const PERSON_WORD = String.raw`(?:woman|man|person|child|boy|girl|baby|infant|teenager|son|daughter|mother|father|husband|wife|brother|sister|grandmother|grandfather|doctor|nurse|paramedic|rescuer|firefighter|worker|driver|resident|civilian|pensioner)`;
const PERSONS_TOGETHER = new RegExp(
  String.raw`\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?${PERSON_WORD}\s+and\s+(?:(?:her|his|their)\s+)?(?:(a|an|one|two|three|four|five)\s+)?(?:[\w-]+\s+){0,2}?(?:women|men|${PERSON_WORD}(?:s|ren)?)\s+(?:were|have been|had been)\s+(?:(?:both|all)\s+)?(killed|injured|wounded|hurt)\b`,
  'gi',
);
/**
 * "a woman was killed", "a security guard at one of the towers was injured": one person told by an article, by
 * what they are or do (a guard, an officer, an employee are people as a worker or a driver is; the jobs
 * reports name the hurt by most often are listed, not only those one report used)
 */
const JOB_WORD = String.raw`(?:soldier|serviceman|miner|guard|officer|employee|policeman|policewoman|journalist|reporter|photographer|volunteer|teacher|student|pupil|farmer|medic|passenger|pedestrian|cyclist|motorist|electrician|engineer|priest|neighbou?r|shopkeeper|vendor|seller|postman|courier|janitor|caretaker)`;
const ONE_PERSON_HIT = new RegExp(
  String.raw`^\s*(?:[\w-]+\s+){0,2}?(?:${PERSON_WORD}|${JOB_WORD})\b(?![^,.;]*?\b(?:no one|no-one|nobody|none)\b)[^,.;]*?\b(?:was|were)\s+(?:killed|injured|wounded|hurt)\b`,
  'i',
);
/** "Two adults, one of them a doctor, were killed": the aside between a figure and its verb */
const ASIDE = /^([^,;.]*),\s*(?:(?:[\w-]+\s+){0,2}of (?:them|whom)|including|among them)\b[^,;.]*,/i;
const EACH = new RegExp(
  String.raw`^\s+(?:salvoes|salvos|volleys|waves|barrages)\s+of\s+(\d+|${WORD_NUMBER})\s+((?:[\w-]+\s+){0,2}?(?:rockets|missiles|drones|shells))\s+each\b`,
  'i',
);
const OF_GROUP = new RegExp(
  String.raw`^\s+of\s+(?:the\s+)?(?:(?:some|about|around|nearly|almost|roughly|more than|over)\s+)?(?:\d{1,3}(?:,\d{3})+|\d+|${WORD_NUMBER})\s+(?:[\w-]+\s+){0,2}?(?:people|persons|civilians|residents|soldiers|troops|servicemen|workers|passengers|children)\s+(?:[\w-]+\s+){0,3}?(?:(?:had|have|has)\s+been|were|was)\s+(?:[\w-]+\s+)?(killed|wounded|injured|hurt)\b`,
  'i',
);
/** "21 of them were shot down", "brought down 51 of them": a part of the munition told before, downed */
const OF_THEM_DOWNED = /^\s+of\s+(?:them|these|those)\b(?!\s+(?:were|was|are)\s+(?:[\w-]+\s+){0,3}?(?:missiles?|drones?|rockets?)\b)/i;
/** the last munition counted before, which "of them" refers to */
const lastMunition = (out: readonly FigureMention[]) =>
  out.filter((f) => MUNITIONS.has(f.quantity) && !f.weak && f.role === 'launched').at(-1);
/** "tried to attack", "attacked", "were launched at": the figure's own verb telling it flew at a target */
const ATTACKED_FIRST =
  /\b(?:tried to (?:attack|strike|hit|reach)|attempted to (?:attack|strike|hit)|attacked|were (?:launched|fired|sent)|targeted)\b/i;
/** "two of them were", "four were": a part of a count told before, typed by what follows */
const OF_THEM_WERE =
  /^\s+(?:of\s+(?:them|these|those)\s+(?:(?:were|was|are)\s+)?|(?:were|was|are)\s+)(?=(?:[\w-]+\s+){0,3}?(?:missiles?|drones?|rockets?)\b)/i;
/**
 * "Kh-101, Kh-555 and Kh-55 cruise missiles", "Kh-101, Kh-55 and Kalibr cruise missiles": a list of model
 * names is one name for the munition the list ends on (read as one word, so the type words still reach it)
 */
const MODEL_LIST =
  /^(\s+(?:of\s+(?:them|these|those)\s+)?)((?:[A-Z][\w-]*)(?:(?:,\s+|\s+(?:and|or)\s+)[A-Z][\w-]*)+)(?=\s+(?:[a-z-]+\s+)?(?:missiles?|rockets?|drones?)\b)/;
function collapseModels(after: string): string {
  // (only a list with a designation in it, "Kh-101", is of models: "Kharkiv, Sumy and Poltava drone attacks" is not)
  return after.replace(MODEL_LIST, (whole, lead: string, list: string) =>
    /\b[A-Za-z]+-\d/.test(list) ? `${lead}${list.replace(/,?\s+(?:and\s+|or\s+)?/g, '-')}` : whole,
  );
}
const MUNITIONS = new Set<Quantity>(['drones', 'missiles', 'ballisticMissiles', 'cruiseMissiles', 'shells', 'fpvDrones']);
/** "among them", "including", "of them": what follows a figure is its breakdown */
const BREAKDOWN = /\b(?:among them|among which|including|of them|of which|of these)\b/i;
const SUBCOUNT = /\b(including|among them|among whom|of them|included|among)\s*$/i;

/** Every figure the sentence states for munitions or casualties. */
/** An exact toll of persons told one by one ("killed a woman and her daughter"), by its verb. */
function personsToll(verb: string, n: number, words: string, index: number): FigureMention {
  return {
    quantity: /^kill/i.test(verb) ? 'killed' : 'injured',
    count: { low: n, best: n, high: n },
    role: 'launched',
    weak: false,
    approximate: false,
    words,
    index,
  };
}

export function readFigures(raw: string): FigureMention[] {
  // quotation marks inside a figure ("a significant number of ballistic” missiles") do not change it
  const sentence = raw.replace(/[“”"]/g, ' ').replace(/ {2,}/g, ' ');
  const out: FigureMention[] = [];
  // "a significant number of ballistic missiles": more than one
  for (const m of sentence.matchAll(
    /\b(?:a |an )?(?:significant|large|considerable|unspecified) number of\s+(ballistic|cruise)?\s*(missiles|drones)\b/gi,
  )) {
    const q: Quantity =
      m[1]?.toLowerCase() === 'ballistic'
        ? 'ballisticMissiles'
        : m[1]?.toLowerCase() === 'cruise'
          ? 'cruiseMissiles'
          : m[2]!.toLowerCase() === 'drones'
            ? 'drones'
            : 'missiles';
    out.push({ quantity: q, count: { low: 2 }, role: 'launched', weak: false, approximate: false, words: m[0], index: m.index });
  }
  // "killed a woman", "injuring their 14-year-old daughter": one person
  // "killed a young woman and her two-year-old daughter": single persons joined by "and" after the verb
  for (const m of sentence.matchAll(
    new RegExp(
      String.raw`\b(killed|killing|injured|injuring|wounded|wounding)\s+(?:a|an|one|her|his|their)\s+(?:[\w-]+\s+)?${PERSON_WORD}\b(?:\s+and\s+(?:her|his|their|a|an)\s+(?:[\w-]+\s+){0,2}?${PERSON_WORD}\b)?`,
      'gi',
    ),
  )) {
    out.push(personsToll(m[1]!, /\band\b/i.test(m[0]) ? 2 : 1, m[0], m.index));
  }
  // "Boy killed in Zaporizhzhia", "Woman dies after shelling": a headline drops the article, the person is one
  // (only where a headline's clause opens: "another person died" in prose is no such count)
  for (const m of sentence.matchAll(
    new RegExp(
      String.raw`(?<=^|[;:]\s*)${PERSON_WORD}\s+(killed|dies|died|injured|wounded)\b(?!\s+(?:by|a|an|the|one|two|three|four|five|his|her|their|\d)\b)`,
      'gi',
    ),
  )) {
    if (out.some((f) => f.index === m.index)) continue;
    out.push(personsToll(/^(?:kill|die)/i.test(m[1]!) ? 'killed' : 'injured', 1, m[0], m.index));
  }
  // a man "taken to hospital" (tuned6/lysychansk-2024-02-03.txt:4): one of the injured, told in passing, so a floor
  for (const m of sentence.matchAll(
    new RegExp(
      String.raw`\b(?:a|an|one)\s+(?:(?:seriously|badly|severely|critically|gravely|lightly|slightly)\s+)?(?:injured|wounded)\s+(?:[\w-]+\s+)?${PERSON_WORD}\b`,
      'gi',
    ),
  )) {
    out.push({ ...personsToll('injured', 1, m[0], m.index), count: { low: 1 } });
  }
  // a woman "taken to hospital" (tuned9/moscow-2024-11-10.txt:5): one person taken to hospital is one of the injured, a floor
  for (const m of sentence.matchAll(
    new RegExp(
      String.raw`\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?${PERSON_WORD}\s+(?:was|had been|has been)\s+(?:(?:taken|admitted|brought|rushed)\s+to\s+(?:a\s+|the\s+)?hospital|hospitali[sz]ed)\b`,
      'gi',
    ),
  )) {
    if (out.some((f) => f.index === m.index)) continue;
    out.push({ ...personsToll('injured', 1, m[0], m.index), count: { low: 1 } });
  }
  // "a woman and her infant son were killed": single persons joined by "and" are counted together
  const together: [number, number][] = [];
  for (const m of sentence.matchAll(PERSONS_TOGETHER)) {
    out.push(personsToll(m[2]!, 1 + (m[1] !== undefined ? (wordValue(m[1]) ?? 1) : 1), m[0], m.index));
    together.push([m.index, m.index + m[0].length]);
  }
  for (const m of sentence.matchAll(FIGURE)) {
    const q = m[1];
    if (together.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const raw = m[2]!.toLowerCase();
    const idx = m.index;
    const end = idx + m[0].length;
    const before = sentence.slice(Math.max(0, idx - 40), idx);
    const after = sentence.slice(end);
    // a model's designation ("Shahed-136", "Kh-101", "S-300") is no count
    if (/[A-Za-z]-$/.test(before) || /^-[A-Za-z]/.test(after)) continue;
    // dates, clock times, ordinals, percentages and the like are not counts
    if (
      /^\s*(?:[-:./]\d|%|st\b|nd\b|rd\b|th\b|per ?cent|km|kilomet|miles?\b|years?|months?|weeks?|days?|hours?|minutes?|a\.m|p\.m|-storey|-story|-point)/i.test(
        after,
      )
    )
      continue;
    if (
      /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$/i.test(
        before,
      )
    )
      continue;
    let n: number | undefined;
    let floorOnly = false;
    if (raw === 'dozens of' || raw === 'dozens') {
      n = 24;
      floorOnly = true;
    } else if (raw === 'hundreds of') {
      n = 200;
      floorOnly = true;
    } else if (raw === 'scores of') {
      n = 40;
      floorOnly = true;
    } else if (raw === 'several') {
      n = 2;
      floorOnly = true;
    } else if (raw === 'a dozen') n = 12;
    else if (raw === 'two dozen') n = 24;
    else if (raw === 'three dozen') n = 36;
    else if (raw === 'a single') n = 1;
    else n = wordValue(raw);
    if (n === undefined) continue;
    if (UP_FROM.test(before)) continue;
    // "no one was hurt" counts nobody
    if (/\b(no|not a single)\s*$/i.test(before) && raw === 'one') continue;
    const article = raw === 'a' || raw === 'an';
    // "a" counts only right before a munition ("a ballistic missile"), never "a residential building"
    const words = sentence.slice(idx, end + Math.min(after.length, 60));
    const clause = after.split(/[,;.]|\band that\b|\bwhile\b|\bbut\b/)[0] ?? after;
    let quantity: Quantity | undefined;
    let typeWord = '';
    let onePerson = false;
    let hospitalOnly = false;
    // "a week after a missile barrage", "stored 300 drones": no munition of this occurrence fired
    if (OTHER_TIME.test(before) || KEPT.test(before)) continue;
    // "two of them were Iskander-M ballistic missiles": the figure counts the type the part is told as
    const listed = collapseModels(after);
    const ofThem = article ? null : OF_THEM_WERE.exec(listed);
    const typed = ofThem ? listed.slice(ofThem[0].length) : listed;
    const munitionFor = (x: RegExpExecArray | null) =>
      x && !NOT_MUNITION.test(typed.trimStart().slice(x[0].length)) && !(article && /\bof\s/i.test(x[0])) ? x : null;
    // "367 drones and missiles": one figure for two munitions together counts neither alone
    if (
      !article &&
      /^\s*(?:[\w-]+\s+){0,2}?(?:drones?|missiles?)\s+and\s+(?:(?:cruise|ballistic|guided)\s+)?(?:missiles?|drones?)\b/i.test(typed)
    ) {
      const pair = /\b(drones?|missiles?)\s+and\s+(?:(?:cruise|ballistic|guided)\s+)?(missiles?|drones?)\b/i.exec(typed)!;
      if (pair[1]!.slice(0, 5).toLowerCase() !== pair[2]!.slice(0, 5).toLowerCase()) continue;
    }
    const d = munitionFor(DRONE.exec(typed.trimStart()));
    // "two Kinzhal and four Iskander-M ballistic missiles": a model named alone takes the unit the list ends on
    const elided = /^\s*((?:[A-Z][\w-]*\s+){1,2})and\s+(?:\d+|[a-z]+)\s+((?:[\w-]+\s+){0,3}?(?:missiles?|rockets?))\b/.exec(after);
    const mi = munitionFor(MISSILE.exec(typed.trimStart())) ?? (elided ? MISSILE.exec(`${elided[1]}${elided[2]}`) : null);
    // "about 30 of some 2,000 soldiers had been wounded": the first figure counts the casualties, the second the
    // group they were among ("two of the 20 people killed were children" tells the toll in the second)
    const ofGroup = article ? null : OF_GROUP.exec(after);
    // "three salvoes of 40 rockets each": the munitions fired are the product
    const each = EACH.exec(after);
    const perEach = each ? wordValue(each[1]!) : undefined;
    if (each && perEach !== undefined) {
      const unit = each[2]!.toLowerCase();
      quantity = /drone/.test(unit) ? 'drones' : /rocket|shell/.test(unit) ? 'shells' : 'missiles';
      typeWord = each[0];
      n *= perEach;
      together.push([end, end + each[0].length]);
    } else if (ofGroup) {
      quantity = /^kill/i.test(ofGroup[1]!) ? 'killed' : 'injured';
      together.push([end, end + ofGroup[0].length]);
    } else if (d && (!mi || d[0].length <= mi[0].length) && !/^\s*(?:people|civilians)/i.test(after)) {
      quantity = 'drones';
      typeWord = d[0];
    } else if (
      !article &&
      !mi &&
      !d &&
      OF_THEM_DOWNED.test(after) &&
      lastMunition(out) !== undefined &&
      (DOWNED.test(after.split(/[,;:]/)[0] ?? '') ||
        DOWNED.test(
          before
            .slice(-30)
            .split(/[;]|,\s*(?:while|but|and)\b/)
            .at(-1) ?? '',
        ))
    ) {
      // "fired 41 missiles ..., and 21 of them were shot down", "brought down 51 of them": those downed of the
      // munition told before
      quantity = lastMunition(out)!.quantity;
      typeWord = 'of them';
    } else if (mi) {
      const head = mi[0].toLowerCase();
      // only the words "ballistic" and "cruise" type a missile: a model named alone ("Iskander", "Kh-22")
      // leaves it untyped, as the golds and docs/data-conventions.md read it
      quantity = /ballistic/.test(head) ? 'ballisticMissiles' : /cruise/.test(head) ? 'cruiseMissiles' : 'missiles';
      // "six HIMARS rockets", "Vampire rockets": rocket artillery fires rounds (shells), not missiles
      if (quantity === 'missiles' && /\brockets?$/.test(head)) quantity = 'shells';
      typeWord = MISSILE.test(after.trimStart()) || !elided ? mi[0] : elided[1]!;
      if (/\bones$/.test(head) && quantity === 'missiles') continue;
    } else if (article && ONE_PERSON_HIT.test(after)) {
      quantity = /\b(was|were)\s+killed\b/i.test(clause) ? 'killed' : 'injured';
      onePerson = true;
    } else if (
      !article &&
      (PEOPLE.test(after.trimStart()) ||
        /^\s*(?:more\s+)?bodies\b/i.test(after) ||
        /^\s*(?:were|was|have been|had been|are)?\s*(?:killed|injured|wounded|dead|hurt)/i.test(after))
    ) {
      // ("three children were among 20 people injured": the figure after "were among" is the toll)
      if (SUBCOUNT.test(before) && !/\b(?:were|was|are|is)\s+(?:also\s+)?among\s*$/i.test(before)) continue;
      // "two children were among the dead", "... among 20 people injured": a part of a toll told elsewhere
      if (/^\s*(?:[\w-]+\s+){0,3}?(?:were|was|are|is)\s+(?:also\s+)?among\b/i.test(after)) continue;
      const verbAfter = after.replace(ASIDE, '$1').split(/[,;.]|\band that\b|\bwhile\b|\bbut\b/)[0] ?? after;
      const verbBefore = before.slice(-24);
      const k = KILLED.exec(verbAfter);
      const i = INJURED.exec(verbAfter);
      // "killing three people and injuring 12": the verb before the figure is its own
      if (/\b(killing|killed|kills?)\s+(at least\s+|more than\s+)?$/i.test(verbBefore)) quantity = 'killed';
      else if (/\b(injuring|wounding)\s+(at least\s+|more than\s+)?$/i.test(verbBefore)) quantity = 'injured';
      else if (k && (!i || k.index < i.index)) quantity = 'killed';
      else if (i) quantity = 'injured';
      else if (/\b(killing|killed|claimed the lives of|left|bodies of)\s+(at least\s+)?$/i.test(verbBefore)) quantity = 'killed';
      else if (/\b(injuring|injured|wounding|wounded)\s+(at least\s+)?$/i.test(verbBefore)) quantity = 'injured';
      else if (HOSPITAL.test(verbAfter)) {
        quantity = 'injured';
        hospitalOnly = true;
      }
      // "seven wounded were being treated in hospital": those still in hospital at the time told are a part of
      // the injured, so a floor ("were injured and taken to hospital" tells all of them)
      if (quantity === 'injured' && IN_HOSPITAL.test(verbAfter)) hospitalOnly = true;
      if (/^\s*(?:\w+\s+){0,2}of them\b/i.test(after)) continue;
    } else if (!article && /\b(killing|killed|kills?|injuring|wounding|injured|wounded)\s+(?:at least\s+|more than\s+)?$/i.test(before)) {
      quantity = /\b(killing|killed|kills?)\s+(?:at least\s+|more than\s+)?$/i.test(before) ? 'killed' : 'injured';
    } else if (
      !article &&
      /\b(?:(?:death )?toll|number of (?:the )?(?:(?:people|civilians|those)\s+)?(?:dead|killed|deaths|fatalities))\b[^.;]*\b(?:to|at|of|reached)\s+$/i.test(
        sentence.slice(0, idx),
      )
    ) {
      quantity = 'killed';
    } else if (
      !article &&
      /\bnumber of (?:the )?(?:(?:people|civilians|those)\s+)?(?:injured|wounded|injuries)\b[^.]*\b(?:to|at|reached)\s+$/i.test(
        sentence.slice(0, idx),
      )
    ) {
      // "the number of injured has risen to 40"
      quantity = 'injured';
    }
    // "put the number of missiles at about 110", "the number of drones rose to 90"
    const numberOf = /\bnumber of (?:(cruise|ballistic)\s+)?(missiles|drones)\b(?:\s+[\w-]+){0,4}?\s+(?:at|to|was|reached)\s+$/i.exec(
      sentence.slice(0, idx),
    );
    if (quantity === undefined && numberOf && !article) {
      quantity = /drones/i.test(numberOf[2]!)
        ? 'drones'
        : /ballistic/i.test(numberOf[1] ?? '')
          ? 'ballisticMissiles'
          : /cruise/i.test(numberOf[1] ?? '')
            ? 'cruiseMissiles'
            : 'missiles';
    }
    // "brought down two of the four fired at the city": the munition the sentence speaks of, as many as flew
    const ofFired = /^\s+(?:fired|launched)\b/i.test(after) && /\b(?:\d+|[a-z]+)\s+(?:out\s+)?of\s+the\s+$/i.test(before);
    if (quantity === undefined && ofFired && !article) {
      const munition = /\b(drones?|missiles?|rockets?)\b/i.exec(sentence)?.[1];
      if (munition) quantity = /drone/i.test(munition) ? 'drones' : 'missiles';
    }
    if (quantity === undefined) continue;
    if (
      article &&
      quantity !== undefined &&
      /^\s*(?:[\w-]+\s+){0,2}?(drones?|missiles?)(\s+and\s+(drones?|missiles?))?\s+(attack|strike|raid|barrage)/i.test(after)
    ) {
      out.push({
        quantity,
        count: { low: 1 },
        role: 'launched',
        weak: true,
        approximate: false,
        words: `${m[0]}${after.slice(0, 30)}`.trim(),
        index: idx,
      });
      continue;
    }
    if (
      article &&
      !onePerson &&
      quantity !== 'drones' &&
      quantity !== 'missiles' &&
      quantity !== 'ballisticMissiles' &&
      quantity !== 'cruiseMissiles' &&
      quantity !== 'shells'
    )
      continue;
    // "406 drones and nine missiles were shot down": the verb closes the whole list
    // "eight drones had been involved: five were shot down": the colon opens the breakdown
    const tail = after.split(/[,;:]|\band that\b|\bwhile\b|\bbut\b/)[0] ?? '';
    // "Two unmanned boats tried to attack the base and were destroyed": the figure attacked first, so it counts
    // those launched (all of them downed), not a part
    const attackedFirst = ATTACKED_FIRST.exec(tail);
    const downedAfter =
      DOWNED.test(tail) &&
      !/\bnot\s+(?:been\s+)?(?:shot down|intercepted|destroyed|downed)/i.test(tail) &&
      !ACTIVE_HIT.test(tail) &&
      !(attackedFirst && attackedFirst.index < (DOWNED.exec(tail)?.index ?? 0));
    // "... were intercepted, while one ballistic missile was not": the verb before stays in its own clause
    const beforeClause =
      before
        .slice(-30)
        .split(/[;]|,\s*(?:while|but|and)\b|\bwhile\b|\bbut\b/)
        .at(-1) ?? '';
    const downedBefore = DOWNED.test(beforeClause) && !/\bnot\s+$/i.test(beforeClause);
    // "35 of 53 missiles were shot down": the second figure is how many flew, as stated
    // "all 14 missiles were shot down": all of them is how many flew
    const ofTotal = /\b(?:\d+|[a-z]+)\s+(?:out\s+)?of\s+(?:the\s+)?$|\ball\s+(?:of\s+the\s+)?$/i.test(before);
    // "destroyed 72 of the missiles, among them ... 59 cruise missiles", "15 of the missiles, two Kh-22 missiles
    // among them": the breakdown of those shot down is shot down too, a part of the type fired ("all ten" is
    // all that flew, as stated)
    const ofDowned =
      !article &&
      out.some((p) => {
        if (p.role !== 'downed' || p.weak || p.index >= idx || !MUNITIONS.has(p.quantity)) return false;
        const gap = sentence.slice(p.index, idx);
        return !/[;.:]|\b(?:but|while|whereas)\b/.test(gap) && (BREAKDOWN.test(gap) || /^[^,;.]*\bamong them\b/i.test(after));
      });
    // "brought down 51 of them as well as five drones", "shot down 296 of the drones and seven of the missiles":
    // a figure joined to those downed by "and" or "as well as", with no verb of its own, is downed by the same verb
    const listedDowned =
      !article &&
      !/\b(?:were|was|had|have|has|hit|struck|fell|crashed|reached|exploded|killed|injured|damaged)\b/i.test(tail) &&
      out.some((p) => {
        if (p.role !== 'downed' || p.weak || p.index >= idx || !MUNITIONS.has(p.quantity)) return false;
        return (
          /^[^,;.:]*?\s(?:and|as well as|along with|plus)\s+$/i.test(sentence.slice(p.index, idx)) &&
          !/\b(?:but|while|whereas|were|was|had|hit|struck)\b/i.test(sentence.slice(p.index, idx))
        );
      });
    const role =
      quantity === 'killed' || quantity === 'injured' || ofTotal
        ? 'launched'
        : downedAfter || downedBefore || ofDowned || listedDowned
          ? 'downed'
          : 'launched';
    // "one ballistic missile was not intercepted": those that got through are a floor on those fired
    const notDowned =
      role === 'launched' &&
      quantity !== 'killed' &&
      quantity !== 'injured' &&
      /\bnot\s+(?:been\s+)?(?:shot down|intercepted|destroyed|downed)/i.test(tail);
    // ("its biggest attack so far" says how big the attack was, not that the count goes on)
    const soFar =
      (quantity === 'killed' || quantity === 'injured') &&
      SO_FAR.test(
        `${before.split(/[,;]/).at(-1) ?? ''} ${tail}`.replace(
          /\b(?:attack|strike|raid|barrage|assault|war)\s+(?:so far|to date|as yet)\b/gi,
          '',
        ),
      );
    const base = floorOnly || notDowned || hospitalOnly || soFar ? { count: { low: n }, approximate: false } : qualified(q, n);
    // "more than 100 drones" with no qualifier for the casualties: a plain death toll is a count as reported
    out.push({
      quantity,
      count: base.count,
      role,
      weak: (article && !onePerson) || (raw === 'one' && !onePerson) || (floorOnly && raw === 'several'),
      approximate: base.approximate,
      words: `${m[0]} ${typeWord.trim()}`.replace(/\s+/g, ' ').trim().slice(0, 60) || words,
      index: idx,
      ...(role === 'downed' || notDowned ? { part: true as const } : {}),
      ...((quantity === 'killed' || quantity === 'injured') &&
      (RISEN.test(before) ||
        // "the toll stood at 15, with 34 wounded": the figure joined to an updated toll is updated too
        (/,\s+with\s+(?:at least\s+|more than\s+)?$/i.test(before) && out.at(-1)?.updated === true) ||
        /^[^.;]*?\b(?:are|is|were|was)\s+now\b/i.test(after.replace(ASIDE, '$1').split(/[,;]/)[0] ?? ''))
        ? { updated: true as const }
        : {}),
    });
    // "45 missiles, including 32 ballistic ones" counts the ballistic ones among the missiles
  }
  // a plural with no number ("drone strikes", "cruise and ballistic missiles"): at least two
  for (const m of sentence.matchAll(
    /\b(?:(cruise|ballistic)\s+(?:and\s+(cruise|ballistic)\s+)?missiles|drones?\s+(?:strikes|attacks)|drones\b|missiles\b|rockets\b)/gi,
  )) {
    const kinds = m[0].toLowerCase();
    const lead = sentence.slice(0, m.index);
    if (OTHER_TIME.test(lead) || KEPT.test(lead) || NOT_MUNITION.test(sentence.slice(m.index + m[0].length))) continue;
    const covered = (q: Quantity) => out.some((f) => f.quantity === q && !f.weak);
    const push = (q: Quantity, low: number) => {
      if (!covered(q) && !out.some((f) => f.quantity === q))
        out.push({ quantity: q, count: { low }, role: 'launched', weak: true, approximate: false, words: m[0], index: m.index });
    };
    if (/\bdrone(s)?\s+(strikes|attacks)\b/.test(kinds) || kinds === 'drones') {
      if (kinds !== 'drones' || !/(?<![A-Za-z]-)\b(\d|dozens|hundreds)\S*\s+(?:[\w-]+\s+){0,3}drones/i.test(sentence)) push('drones', 2);
    } else if (/cruise|ballistic/.test(kinds)) {
      if (/cruise/.test(kinds)) push('cruiseMissiles', 2);
      if (/ballistic/.test(kinds)) push('ballisticMissiles', 2);
    } else if (kinds === 'rockets') {
      // "Grad rockets", "Russian rockets brought down part of a block": rocket artillery's rounds, at least two
      if (
        !/(?<![A-Za-z]-)\b(\d+|[a-z]+ty|two|three|four|five|six|seven|eight|nine|ten|several|dozens)\s+(?:[\w-]+\s+){0,3}rockets/i.test(
          sentence,
        )
      )
        push('shells', 2);
    } else if (
      kinds === 'missiles' &&
      !/(?<![A-Za-z]-)\b(\d+|[a-z]+ty|two|three|four|five|six|seven|eight|nine|ten|several|dozens)\s+(?:[\w-]+\s+){0,3}missiles/i.test(
        sentence,
      )
    ) {
      push('missiles', 2);
    }
  }
  // "put at 90 on Saturday, had climbed to 144 by Sunday": the earlier count gives way to the updated one
  // (not one told in a clause of its own: "two were killed in Kharkiv, and the toll in Dnipro rose to 12")
  const latest = out.filter(
    (f) =>
      !out.some(
        (g) =>
          g.updated &&
          g.quantity === f.quantity &&
          g.index > f.index &&
          !f.updated &&
          RISEN.test(sentence.slice(0, g.index)) &&
          !/\band\b|;/.test(sentence.slice(f.index, g.index)),
      ),
  );
  return sumLists(
    addElided(
      latest.sort((a, b) => a.index - b.index),
      sentence,
    ),
    sentence,
  );
}

/**
 * ", two in Odesa", "and seven more elsewhere": a figure whose noun and verb are those of the toll
 * before it. Case-sensitive: whether the word after the preposition is a name is what tells a place apart
 * from a state or a part of the toll's own place ("two in a critical condition", "three in the city centre").
 */
const ELIDED = new RegExp(
  String.raw`^(?:,\s*(?:and\s+)?|\s+and\s+)(\d+|${WORD_NUMBER})(\s+more)?\s+(?:(?:in|at|on|near)\s+(?:the\s+)?(\p{L}[\p{L}'’-]*)|elsewhere\b)`,
  'u',
);
/** "two on Monday and one on Tuesday", "one in May": the toll told day by day, not place by place */
const TIME_NAME =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/**
 * Two hurt "in the capital, two in Odesa" and one in a region (tuned9/energy-2024-11-28.txt:6), 16 wounded at
 * a site "and seven more elsewhere" (tuned9/kharkiv-2024-05-23.txt:5): a toll told place by place with the
 * noun and verb said once adds up. Only after a toll told for a place of its own ("five people were killed,
 * three in Kharkiv" breaks a toll down instead), and only while each item names another place: a state
 * ("two in a critical condition", "two in hospital"), a day, a part of the place ("three in the city
 * centre") or the place itself again ("in the Rivne region, two in Rivne") breaks the toll down, unless
 * the item says it is more.
 */
function addElided(fs: FigureMention[], sentence: string): FigureMention[] {
  return fs.map((f, i) => {
    if ((f.quantity !== 'killed' && f.quantity !== 'injured') || f.weak) return f;
    const next = fs[i + 1]?.index ?? sentence.length;
    let at = f.index + f.words.length;
    // the toll's own clause must name where it was told for
    const own = /^[^,;.]*?\b(?:in|at|on)\s+(?:the\s+)?[\p{Lu}a-z][^,;.]*?(?=,|\s+and\s+)/iu.exec(sentence.slice(at, next));
    // ("In the town of X two people were injured, and two more in Y", tuned9/kharkiv-2024-05-23.txt:6: the place told before it)
    const clauseBefore = sentence.slice(0, f.index).split(/[,;.]/).at(-1) ?? '';
    const ownBefore = /\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:(?:town|city|village|region)\s+of\s+)?\p{Lu}[^,;.]*$/u.test(clauseBefore);
    let where: string;
    if (own) {
      where = own[0];
      at += own[0].length;
    } else if (ownBefore) {
      const rest = /^[^,;.]*?(?=,|\s+and\s+)/.exec(sentence.slice(at, next))?.[0] ?? '';
      where = clauseBefore + rest;
      at += rest.length;
    } else return f;
    let add = 0;
    let end = at;
    for (;;) {
      const m = ELIDED.exec(sentence.slice(at, next));
      if (!m) break;
      const n = wordValue(m[1]!);
      if (n === undefined) break;
      const more = m[2] !== undefined;
      const word = m[3];
      if (word !== undefined && !more) {
        const named = /^\p{Lu}/u.test(word);
        if (named ? TIME_NAME.test(word) || new RegExp(String.raw`\b${word}\b`, 'u').test(where) : word !== 'capital') return f;
      }
      add += n;
      // on to the next comma or "and" of the list
      const rest = sentence.slice(at + m[0].length, next);
      const stop = /,|\s+and\s+|[;.]/.exec(rest);
      end = at + m[0].length + (stop ? stop.index : rest.length);
      at = end;
    }
    if (add === 0) return f;
    const c = f.count;
    return {
      ...f,
      count: {
        low: c.low + add,
        ...(c.best !== undefined ? { best: c.best + add } : {}),
        ...(c.high !== undefined ? { high: c.high + add } : {}),
      },
      words: sentence.slice(f.index, end).trim().slice(0, 80),
    };
  });
}

/**
 * "40 missiles at Kyiv and 30 missiles at Lviv", "seven Kinzhal missiles and 40 Iskander ballistic
 * missiles": launched figures of one quantity joined by "and" in one list add up.
 */
function sumLists(fs: FigureMention[], sentence: string): FigureMention[] {
  const out: FigureMention[] = [];
  for (const f of fs) {
    const prev = out.at(-1);
    const exact = (c: Count) => c.best === c.low && c.high === c.low;
    // ("59 Kh-101, Kh-555 and Kh-55 cruise missiles and three Kalibr cruise missiles": the commas of a
    // model list do not end the list of counts)
    const gap = prev ? sentence.slice(prev.index, f.index).replace(/([A-Z][\w-]*),\s+(?=[A-Z])/g, '$1 ') : '';
    if (
      prev !== undefined &&
      prev.quantity === f.quantity &&
      prev.role === f.role &&
      !prev.weak &&
      !f.weak &&
      prev.part === f.part &&
      exact(prev.count) &&
      exact(f.count) &&
      f.quantity !== 'killed' &&
      f.quantity !== 'injured' &&
      // "four Kh-22 and two Kh-59 missiles ..., along with 16 missiles from S-300 systems"
      (/^[^,.;]*\band\s+$/.test(gap.slice(prev.words.length > 0 ? 1 : 0)) ||
        /^[^.;]*\b(?:along with|as well as|together with|plus)\s+$/.test(gap.slice(1))) &&
      !/\b(?:including|of them|of which|among them)\b/i.test(gap)
    ) {
      const n = prev.count.low + f.count.low;
      out[out.length - 1] = { ...prev, count: { low: n, best: n, high: n }, words: `${prev.words} and ${f.words}`.slice(0, 80) };
      continue;
    }
    out.push(f);
  }
  return out;
}
