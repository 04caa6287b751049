import { DateTime } from 'luxon';
import type { Count } from '../schema/common.js';
import type { z } from 'zod';
import type { Event, EventKind, Precision as PrecisionSchema, TargetType } from '../schema/event.js';

type Precision = z.infer<typeof PrecisionSchema>;
import { readDates, type DateMention } from './readDates.js';
import { readFigures, QUANTITIES, type FigureMention, type Quantity } from './readFigures.js';
import { placesOfClause, resolveFigures, toldAsMore, tollOfPlace, tollUpdate } from './resolveFigures.js';
import { findPlaces, type PlaceMention } from './findPlaces.js';
import { findTargets, headlineTargetElsewhere, type TargetMention } from './findTargets.js';
import { noAttackSpans, readParties, type Party, type Reading } from './findParties.js';
import type { PlaceLookup } from './placeLookup.js';
import { attributionFrom, readVoices } from './readVoices.js';
import { splitSentences, type Sentence } from './splitSentences.js';

/**
 * From an article to draft events: each sentence is read for dates, figures, places, targets and who did
 * what; sentences about the same occurrence become one draft with all their lines; every field keeps the
 * line and words it rests on, for the analyst to check.
 */
export type Confidence = 'high' | 'medium' | 'low';

export interface FieldEvidence {
  field: string;
  value: string;
  line: number;
  words: string;
  confidence: Confidence;
}

export interface DraftReport {
  id: string;
  kind: EventKind;
  lines: number[];
  fields: FieldEvidence[];
  /** why a field is missing or doubtful */
  problems: string[];
  /** the claims and denials among the voices that report it (the rest report it plainly) */
  claims: { by: string; line: number; words: string; stance: 'claims' | 'denies' }[];
}

export interface IngestResult {
  events: Event[];
  report: {
    file: string;
    published: string;
    zone: string;
    drafts: DraftReport[];
    /** lines the reader found nothing on that it could use, and lines it could not date or place */
    undated: { line: number; why: string }[];
    unplaced: { line: number; why: string }[];
    /** the content is plainly older than the dateline */
    olderThanDateline?: string;
  };
}

export interface IngestInput {
  text: string;
  /** the article's file name, as sources cite it */
  file: string;
  published: DateTime;
  places: PlaceLookup;
}

interface Observation {
  s: Sentence;
  /** the report's publication time */
  pub: DateTime;
  reading: Reading;
  dates: DateMention[];
  figures: FigureMention[];
  places: PlaceMention[];
  targets: TargetMention[];
}

interface Group {
  kind: EventKind;
  actor?: Party;
  target?: Party;
  obs: Observation[];
  actorWords: string;
  actorLine: number;
  actorConfidence: Confidence;
}

const ISO = { suppressMilliseconds: true } as const;
const iso = (d: DateTime) => d.toISO(ISO)!;

/** "meant to end on February 1", "a week until February 1": the terms spoken of, not when they were spoken */
const TERMS_DATE =
  /\b(until(?: the end of)?|till(?: the end of)?|to end on|end on|ends on|ending on|expire on|expires on|expiring on|from|starting|start on|starts on|by|before|after)\s*$/i;

function eventDates(o: Observation, kind: EventKind): DateMention[] {
  // a statement happened when it was said; a strike happened before it was reported
  // ("Rescuers found two more bodies at 11 a.m.": a clock time carried from the day told before times the
  // strike only in a sentence telling the strike; in one adding detail it is when the detail came)
  if (fire(kind)) {
    const ds = o.dates.filter((d) => !d.reporting && (!d.carried || fire(o.reading.kind)));
    // "Missiles hit Kyiv overnight, two days after drones struck a refinery in Ryazan on Sunday": a date in a
    // clause told against another happening ("after", "in response to") dates that one, when the sentence
    // dates its own occurrence elsewhere
    const own = ds.filter((d) => !OTHER_HAPPENING.test(o.s.text.slice(0, d.index)));
    return own.length > 0 ? own : ds;
  }
  // (a clock time carried from the day told before, "stopped all fighting at 00:00", times a strike, not words)
  const ds = o.dates.filter((d) => !TERMS_DATE.test(o.s.text.slice(0, d.index)) && !d.carried);
  // what was said or agreed was said before the report: a later date ("a meeting between 20 and 30 June",
  // "to take effect at midnight on 15 February") is what it speaks of, not when it was said
  const said = kind === 'statement' || kind === 'agreement-claim' ? ds.filter((d) => d.start < o.pub) : ds;
  // "agreed on Thursday after talks that began on Wednesday evening", "measures agreed last Wednesday took
  // effect on Monday": a deal is dated by the day it was agreed
  const agreed = kind === 'agreement-claim' ? said.filter((d) => AGREED_ON.test(o.s.text.slice(0, d.index))) : [];
  return agreed.length > 0 ? agreed : said;
}

/**
 * "after Ukraine attacked Moscow with drones ", "a response to a Ukrainian attack on Bryansk ": the clause so
 * far tells another happening ("after days of shelling" tells the same fighting, so not)
 */
const OTHER_HAPPENING =
  /\b(?:after|following|since|(?:in\s+)?(?:response|reply|retaliation)\s+(?:to|for))\s+(?!(?:several\s+|many\s+)?(?:days|weeks|hours|months|nights)\s+of\b)(?:[^\s,;]+\s+){2,}(?:on|in|at|last|early|late)?\s*$/i;

/** the kinds of fire: a strike from afar, or troops on the ground */
function fire(kind: EventKind | undefined): kind is 'strike' | 'ground-assault' {
  return kind === 'strike' || kind === 'ground-assault';
}

/** Ukraine opening the sentence as the subject of an attack verb: "Ukraine struck", "Ukrainian drones hit" */
const SUBJECT_ATTACKER =
  /^(?:Ukraine|Ukrainian)(?:'s)?\s+(?:(?:armed\s+)?forces\s+|troops\s+|military\s+|army\s+|navy\s+|drones\s+|missiles\s+|sea drones\s+)?(?:struck|attacked|hit|fired|launched|shelled|bombed|targeted)\b/;

/**
 * where the clause a sentence opens on ends: "Ukraine struck back on Tuesday after Russian missiles hit
 * Kharkiv" tells Ukraine's fire in its main clause and the place Russia hit in the next, so only a place
 * named before it is one Ukraine struck
 */
const mainClauseEnd = (text: string) => /\b(?:after|following|when|as|while|hours after|days after)\b|;/i.exec(text)?.index ?? text.length;

/** "hours after the announcement", "a day after the talks": counted from a truce, a deal, talks or words told before */
const AFTER_TOLD =
  /\b(?:minutes|hours|an hour|shortly|soon|just|a day|days)\s+after\s+(?:the|its|his|this|that)\s+(?:announcement|declaration|decree|order|talks|meeting|summit|call|phone call|deal|agreement|truce|ceasefire|statement|speech|address)\b/i;

/** "had taken the village of", "captured the town", "took control of": troops winning ground */
const GROUND_WON =
  /\b(?:taken|took|captured?|seized?|liberated?|taken control of|took control of|gained control of)\s+(?:full\s+)?(?:control\s+of\s+)?the\s+(?:[\w-]+\s+)?(?:village|town|city|settlement|hamlet)\b/i;

/** a place's geography told in the present ("the city lies", "the town sits", "the village is located") */
const WHERE_IT_LIES =
  /\b(?:lies|lie|sits)\s+(?:within|on|along|across|near|about|some|just|close|beside|opposite|\d)|\b(?:is|are)\s+(?:located|situated)\b/i;

/** a meeting held or words said in Washington, whose calendar day is Washington's (the zone is the city's) */
const IN_WASHINGTON = /\b(?:in Washington|at the White House)\b|\bThe White House (?:said|says|announced|stated)\b/;
const WASHINGTON_ZONE = 'America/New_York';

const AGREED_ON = /\b(?:agreed|signed|sealed)\s*$/i;

/** precisions finer than a calendar day: a night, a morning, an hour */
const PARTIAL = new Set<Precision>(['part-of-day', 'hour', 'exact']);
/** "the missile struck at 8:10", "a single bomb hit": one weapon's hit, told of once (not "the first missile") */
const ONE_HIT =
  /\b(?:the|a|one|a single)\s+(?:[a-z-]+\s+)?(?:missile|rocket|bomb|drone|shell|warhead)\s+(?:struck|hit|slammed|exploded|landed|tore)\b/i;

function span(ds: DateMention[]): { start: DateTime; end: DateTime } | undefined {
  if (ds.length === 0) return undefined;
  return { start: DateTime.min(...ds.map((d) => d.start))!, end: DateTime.max(...ds.map((d) => d.end))! };
}

function overlaps(a: { start: DateTime; end: DateTime }, b: { start: DateTime; end: DateTime }): boolean {
  return a.start < b.end && b.start < a.end;
}

function countryParty(p: PlaceMention): Party | undefined {
  const name = p.country?.name.toLowerCase();
  return name === 'ukraine' ? 'ukraine' : name === 'russia' || name === 'russian federation' ? 'russia' : undefined;
}

/** "were still shelling", "is still firing", "continue to shell": fire going on as the report is written */
const GOING_ON =
  /\b(?:(?:is|are|was|were)\s+still|still|continu(?:e|es|ing)\s+to)\s+(?:shell\w*|strik\w*|attack\w*|bomb\w*|fir(?:e|es|ed|ing)\b|pound\w*|hit\w*)/i;
/** a strike told as a reply to one told before */
const REPLY = /\b(?:struck back|hit back|fired back|retaliat\w*|in (?:response|reply|retaliation)\b)/i;
/** an official Russia installed tells of the places it holds: "Russian-installed officials said" */
const OCCUPIED_VOICE = /\b(?:Moscow|Russian|Kremlin)-(?:installed|appointed)\b/i;
/**
 * the words right before a place that call it held by the other side: "the occupied city of", "the partly
 * occupied", "Russian-held", "the Russian-installed head of the occupied part of the", "Moscow-installed
 * officials in"
 */
const OCCUPIED_BEFORE =
  /(?:\b(?:occupied|Russian-held|Russian-controlled|(?:Russian-|Russia-)?annexed)\s+(?:(?:part|parts|areas?)\s+of\s+)?(?:the\s+)?(?:(?:city|town|village|port|region|settlement)\s+of\s+)?|\b(?:Moscow|Russian|Kremlin)-(?:installed|appointed)\s+(?:[\w-]+\s+){1,3}?(?:in|of|for)\s+(?:the\s+)?)$/i;

/** The side attacked, read from the places hit when the sentence does not name the attacker. */
function actorFromPlaces(places: PlaceMention[]): Party | undefined {
  const hit = places
    .filter((p) => !p.excluded)
    .map(countryParty)
    .filter((x): x is Party => x !== undefined);
  if (hit.length === 0) return undefined;
  const ua = hit.filter((x) => x === 'ukraine').length;
  return ua * 2 >= hit.length ? 'russia' : 'ukraine';
}

/** Several figures for one quantity: floors take the highest floor; rounded figures the span of all. */
function mergeCounts(fs: FigureMention[]): Count | undefined {
  if (fs.length === 0) return undefined;
  const strong = fs.filter((f) => !f.weak);
  const use = strong.length > 0 ? strong : fs;
  const launched = use.filter((f) => f.role === 'launched');
  const pool: FigureMention[] = launched.length > 0 ? launched : use.map((f) => ({ ...f, count: { low: f.count.low } }));
  const anyApprox = pool.some((f) => f.approximate);
  // a plain round figure next to "nearly"/"about" the same figure is itself rounded
  const read = pool.map((f): Count => {
    if (!anyApprox || f.approximate || f.count.high === undefined || f.count.best === undefined) return f.count;
    const near = pool.find((g) => g.approximate && (g.count.best === f.count.best || g.count.high === f.count.best));
    if (!near) return f.count;
    const half = Math.max(1, Math.floor((near.count.high! - near.count.low) / (near.count.best === undefined ? 1 : 2)));
    return { low: f.count.low - half, best: f.count.best, high: f.count.high + half };
  });
  const floors = read.filter((c) => c.high === undefined);
  const ranged = read.filter((c) => c.high !== undefined);
  const floorLow = floors.length > 0 ? Math.max(...floors.map((c) => c.low)) : 0;
  if (ranged.length === 0) return { low: floorLow };
  const low = Math.max(floorLow, Math.min(...ranged.map((c) => c.low)));
  const high =
    floors.length > 0 && floorLow > Math.max(...ranged.map((c) => c.high!)) ? undefined : Math.max(...ranged.map((c) => c.high!));
  const bests = ranged.map((c) => c.best).filter((b): b is number => b !== undefined && b >= low && (high === undefined || b <= high));
  const best = bests.length > 0 ? mode(bests) : undefined;
  // "28 drones sent at the city" and "37 shot down across the country": more were downed than the launch
  // figure holds, so it told only a part of the attack and the downed are the floor on those flown
  const downed = launched.length > 0 ? use.filter((f) => f.role === 'downed').map((f) => f.count.low) : [];
  if (downed.length > 0 && high !== undefined && Math.max(...downed) > high) return { low: Math.max(...downed) };
  return { low, ...(best !== undefined ? { best } : {}), ...(high !== undefined && high >= low ? { high } : {}) };
}

interface CasualtyItem {
  f: FigureMention;
  /** the regions the toll is told for; none: the whole event's */
  at: string[];
  /** told as more on top of a toll already given ("another", "a further", "also") */
  added: boolean;
  /** the regions its sentence names as a whole ("in the Kharkiv region"), not only a settlement in them */
  whole?: string[];
}

/**
 * Casualties told place by place add up ("three killed in Dnipro", "one in the Kharkiv region"); a toll
 * told without a place is the whole event's and wins if it is higher. Tolls for some of the places hit say
 * nothing of the others: their sum is then only a floor.
 */
function casualtyCount(told: CasualtyItem[], eventRegions: Set<string>): Count | undefined {
  if (told.length === 0) return undefined;
  // "has risen to 25": the latest count replaces the earlier ones and the parts told for its places;
  // only tolls told for other places still add
  const latest = told.filter((x) => x.f.updated);
  const theirs = new Set(latest.flatMap((x) => x.at));
  const items = latest.length === 0 ? told : told.filter((x) => x.f.updated || (x.at.length > 0 && !x.at.some((r) => theirs.has(r))));
  // "another two were injured in Kharkiv" after the lead's toll adds to it (and tells Kharkiv's toll)
  const added = items.filter((x) => x.added);
  const addedAt = new Set(added.flatMap((x) => x.at));
  const base = baseCasualtyCount(
    items.filter((x) => !x.added),
    new Set([...eventRegions].filter((r) => !addedAt.has(r.replace(/^whole:/, '')))),
  );
  if (base === undefined || added.length === 0) return baseCasualtyCount(items, eventRegions);
  const more = added.map((x) => x.f.count);
  return {
    low: base.low + more.reduce((a, c) => a + c.low, 0),
    ...(base.best !== undefined && more.every((c) => c.best !== undefined)
      ? { best: base.best + more.reduce((a, c) => a + c.best!, 0) }
      : {}),
    ...(base.high !== undefined && more.every((c) => c.high !== undefined)
      ? { high: base.high + more.reduce((a, c) => a + c.high!, 0) }
      : {}),
  };
}

function baseCasualtyCount(items: CasualtyItem[], eventRegions: Set<string>): Count | undefined {
  if (items.length === 0) return undefined;
  const totals = items.filter((x) => x.at.length === 0).map((x) => x.f);
  const parts = new Map<string, FigureMention[]>();
  for (const x of items.filter((i) => i.at.length > 0)) {
    const key = [...new Set(x.at)].sort().join('|');
    parts.set(key, [...(parts.get(key) ?? []), x.f]);
  }
  const partCounts = [...parts.values()].map((fs) => mergeCounts(fs)!);
  const covered = new Set([
    ...[...parts.keys()].flatMap((k) => k.split('|')),
    ...items.filter((i) => i.at.length > 0).flatMap((i) => (i.whole ?? []).map((r) => `whole:${r}`)),
  ]);
  const sum =
    partCounts.length === 0
      ? undefined
      : {
          low: partCounts.reduce((a, c) => a + c.low, 0),
          high: partCounts.every((c) => c.high !== undefined) ? partCounts.reduce((a, c) => a + c.high!, 0) : undefined,
          best: partCounts.every((c) => c.best !== undefined) ? partCounts.reduce((a, c) => a + c.best!, 0) : undefined,
        };
  if (totals.length > 0) {
    const t = mergeCounts(totals)!;
    if (sum === undefined || sum.low <= t.low) return t;
    return t.high !== undefined && t.high >= sum.low
      ? { ...t, low: sum.low, ...(t.best !== undefined && t.best < sum.low ? { best: sum.low } : {}) }
      : { low: sum.low };
  }
  if (sum === undefined) return undefined;
  const uncovered = [...eventRegions].some((r) => !covered.has(r));
  if (uncovered || sum.high === undefined) return { low: sum.low };
  return { low: sum.low, ...(sum.best !== undefined ? { best: sum.best } : {}), high: sum.high };
}

/** people not yet found: a toll told beside them is not final */
/** people not yet reached or a search going on: "still trapped", "might still be buried", "still searching the rubble" */
const NOT_YET_REACHED =
  /\b(?:still|yet)\s+(?:be\s+)?(?:trapped|buried)\b|\bstill\s+(?:searching|digging|clearing)\b[^.;]{0,40}\b(?:rubble|ruins|debris|wreckage|survivors|bodies)\b/i;
const MISSING =
  /\b(?:(?:are|were|remain|remained|still)\s+(?:still\s+)?(?:missing|unaccounted for)|\d+\s+(?:people\s+)?missing|(?:dozens|scores|hundreds)\s+(?:\w+\s+)?missing|trapped under the rubble)\b/i;

/** A tally kept for the whole country: its emergency service, its interior or health ministry. */
const NATIONAL_TALLY =
  /\b(?:State Emergency Service|emergency services?|Interior Minist(?:ry|er)|Health Minist(?:ry|er)|(?:interior|health) minist(?:ry|er))\b/i;

/**
 * "A missile hit an apartment building in Uman, killing 23, the Interior Ministry said": a national body's
 * toll told for the one site hit is that site's, not the whole attack's
 */
const SITE =
  /\b(?:building|block|house|home|station|market|mall|shopping (?:centre|center)|hospital|school|restaurant|pizzeria|cafe|theatre|church|dormitory|hotel)s?\b/i;

/** "in four months", "within weeks", "in the coming months": a time ahead with no day in it */
const PLANNED_AHEAD =
  /^(?:in|within)\s+(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|\d+)\s+|the\s+(?:coming|next)\s+(?:few\s+)?)(?:weeks|months|years|month|year)$/i;
/** "another strike", "a second attack": told as an occurrence besides the one before */
const SEPARATE = /\b(?:another|a second|a separate|a fresh|a new|a further)\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|raid|barrage|wave)\b/i;
/** ... and set apart from it in time */
const SET_APART = /\b(?:later|earlier|afterwards|hours after|hours before)\b/i;
/** "the ministry said ... and accused Ukraine of ...": a statement reported as news, with no date words */
const SAID_TODAY = /\b(?:said|accused)\b/i;

/** "In a separate attack", "In another strike": the text itself sets it apart */
const IN_SEPARATE =
  /^(?:In|During)\s+(?:a\s+separate|another|a\s+second|a\s+further)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|raid|incident|barrage)\b/i;
/** "a Russian air strike in which a bomb destroyed ...": aircraft dropping bombs, told as an air strike */
const AIR_STRIKE = /\b(?:air ?strikes?|airstrikes?)\b/i;
const BOMB = /\bbombs?\b/i;
const NOT_AIRCRAFT = /\b(?:missiles?|drones?|rockets?|shells?|shelling|artillery|UAVs?)\b/i;

/** a side's own officials telling an attack on it ("Russia's Investigative Committee said", "Ukrainian officials said") */
const OWN_AUTHORITIES: Record<'russia' | 'ukraine', RegExp> = {
  russia:
    /\b(?:Russia['’]s|Russian|Moscow['’]s)\s+(?:[\w-]+\s+){0,3}?(?:Committee|[Mm]inistry|officials?|authorities|governor|investigators|[Ss]ervice)\s+(?:[\w-]+\s+){0,2}?(?:said|says|reported|told)\b/,
  ukraine:
    /\b(?:Ukraine['’]s|Ukrainian|Kyiv['’]s)\s+(?:[\w-]+\s+){0,3}?(?:Committee|[Mm]inistry|officials?|authorities|governor|investigators|[Ss]ervice)\s+(?:[\w-]+\s+){0,2}?(?:said|says|reported|told)\b/,
};

/**
 * "The attack came a week after", "It followed days after": an occurrence told against an earlier one
 * ("The attack came after weeks of shelling in Kharkiv", "came amid months of strikes": fire told as the
 * backdrop is no more this occurrence's than an earlier strike is)
 */
const CAME_AFTER =
  /^(?:The|This|That|It|Its|Their)\s+(?:[\w'’-]+\s+){0,3}?(?:came|comes|followed|follows|happened|occurred)\s+(?:just\s+|only\s+|barely\s+)?(?:(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few)\s+)?(?:days?|weeks?|months?|hours?)\s+(?:after|before)\b|(?:after|amid)\s+(?:several\s+|many\s+)?(?:days|weeks|months|years|nights)\s+of\b)/i;

/** "launched them from near Bryansk", "fired from the Belgorod region": the place weapons were launched from */
const LAUNCHED_FROM =
  /\b(?:fired|launched|took off|flew|sent)\b[^.;]{0,60}?\bfrom\s+(?:near\s+|the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:area|region)\s+(?:and\s+)?from\s+(?:near\s+)?)?$/i;

/** "Later that day,", "Later on Tuesday,", "Earlier on Sunday,": an opening that sets the sentence apart in time */
const SET_APART_OPENING = /^(?:Later|Earlier)\s+(?:that|on|in the)\s+\w+,/i;

/** "Also on Tuesday,", "Also that day,": another item of the day's news */
const ALSO_ON = /^(?:Also|Separately)\s+(?:on|that|late|early|earlier|later|in)\b/i;

/** "three days earlier", "a week later" */
const COUNTED_APART = /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?)\s+(?:earlier|later)$/i;

/** "Earlier on Sunday", "Earlier that day": before the occurrence told before */
const EARLIER_ON = /^Earlier (?:on|that|in the)\b/i;
/** "Later on Saturday": after the occurrence told before it began */
const LATER = /^(?:later\b|hours later\b)|\blater (?:on|that)\b/i;

/** "killed at the hospital", "injured in the city": a toll told for one site, named in the sentence before */
const AT_SITE =
  /\b(?:at|in|inside|near|outside|out of) the (?:[\w-]+\s+){0,2}?(?:hospital|clinic|school|kindergarten|store|shop|hypermarket|supermarket|market|shopping (?:centre|center|mall)|station|plant|factory|site|building|block|institute|city|capital|town|village)\b/i;

/** "the station", "the plant": a site named again */
const AT_SITE_NOUN =
  /\bthe (?:same )?(hospital|clinic|school|market|station|plant|factory|refinery|depot|building|block|bridge|port|airfield|base|dam)\b/i;

/** The regions a toll is told for: its sentence's places, or the site it names in the places told before. */
function tollPlaces(o: Observation, obs: Observation[], index: number): string[] {
  const own = placesOfClause(
    o.s.text,
    o.places.filter((p) => !p.excluded),
    index,
  ).map((p) => p.region?.id ?? p.entry.id);
  // "Seventy-five were wounded, he said": the same speaker going on about the toll he gave for one place
  const prev = obs[obs.indexOf(o) - 1];
  if (
    own.length === 0 &&
    prev !== undefined &&
    /,\s*(?:he|she) (?:said|added)\.?$/i.test(o.s.text) &&
    prev.figures.some((f) => f.quantity === 'killed' || f.quantity === 'injured')
  ) {
    const there = prev.places.filter((p) => !p.excluded && p.precision === 'settlement');
    if (there.length === 1) return [there[0]!.region?.id ?? there[0]!.entry.id];
  }
  if (own.length > 0 || !AT_SITE.test(o.s.text)) return own;
  const before = obs.slice(0, obs.indexOf(o)).reverse();
  const site = before.find((x) => x.places.some((p) => !p.excluded && p.precision === 'settlement'));
  if (!site) return own;
  const settled = site.places.filter((p) => !p.excluded && p.precision === 'settlement');
  return [...new Set(settled.map((p) => p.region?.id ?? p.entry.id))];
}

/**
 * "The ministry said that drones cut power in the Kursk region on Tuesday afternoon, and that a drone hit
 * the Bryansk region early on Wednesday": one reporting sentence telling two happenings, each in its own
 * that-clause with its own time. When the two times do not meet, each clause is read as a sentence of its
 * own (same line), so that each happening gets its own draft.
 */
function splitReportedClauses(s: Sentence, pub: DateTime): Sentence[] {
  const m = /,\s+and\s+that\s+/.exec(s.text);
  if (!m) return [s];
  const parts = [s.text.slice(0, m.index), s.text.slice(m.index + m[0].length)];
  const times = parts.map((t) => span(readDates(t, { published: pub }).filter((d) => !d.reporting)));
  if (times.some((t) => t === undefined) || overlaps(times[0]!, times[1]!)) return [s];
  // (the first clause keeps a full stop, so that it is never taken for a headline)
  return [
    { ...s, text: `${parts[0]!}.` },
    { ...s, text: parts[1]! },
  ];
}

/** A dateline or a headline: one of the first lines, short, with no closing stop. */
function isHeadline(s: Sentence): boolean {
  return s.line <= 3 && !/[.!?"”’]$/.test(s.text) && s.text.split(/\s+/).length < 20;
}

function mode(xs: number[]): number {
  const n = new Map<number, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

function countText(c: Count): string {
  if (c.high === undefined) return `${c.low}+`;
  if (c.low === c.high) return `${c.low}`;
  return `${c.low}-${c.high}${c.best !== undefined ? ` (best ${c.best})` : ''}`;
}

/** Figures in the line as it spells them, for the citation check (E_FIGURE_NOT_ON_LINE). */
function figureTokens(words: string): string[] {
  return [
    ...words.matchAll(/\d{1,3}(?:,\d{3})+|\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+ty)\b/gi),
  ].map((m) => m[0]);
}

export function ingestArticle(input: IngestInput): IngestResult {
  const pub = input.published;
  const sentences = splitSentences(input.text).flatMap((s) => splitReportedClauses(s, pub));
  const observations: Observation[] = [];
  let previousDay: DateTime | undefined;
  let previousEarly = false;
  let previousNight = false;
  let previousWide = false;
  let lastSettlement: string | undefined;
  let datelineCapital: string | undefined;
  for (const s of sentences) {
    // a photo caption retells a picture's own day, not the news
    if (/\((?:[A-Z]{1,6} )?Photos?\)|\bis seen (?:speaking|during|at)\b/.test(s.text)) continue;
    const reading = readParties(s.text);
    const dates = readDates(s.text, {
      published: pub,
      ...(previousDay ? { previousDay, previousEarly, previousNight, previousWide } : {}),
      // ("the plant was first hit on 17 July" in a June report: the July before, not the coming one)
      ...(fire(reading.kind) ? { past: true } : {}),
    });
    const places = findPlaces(s.text, input.places, lastSettlement ?? (/\bthe capital\b/i.test(s.text) ? datelineCapital : undefined));
    // ("asked allies to let Ukraine strike the air bases": an attack not yet made hits nothing it names)
    const noAttack = noAttackSpans(s.text);
    const targets = findTargets(s.text).filter((t) => !noAttack.some(([a, b]) => t.index >= a && t.index < b));
    const o: Observation = { s, pub, reading, dates, figures: readFigures(s.text), places, targets };
    observations.push(o);
    // "that night" refers back to a named day rather than to a night already resolved
    // a date something was said on ("officials said on Monday") is not the day the story is about
    const told = dates.filter((d) => !d.reporting);
    const last = told.filter((d) => d.precision === 'day' || d.explicit).at(-1) ?? told.at(-1);
    if (last) {
      previousDay = last.start;
      // ("shortly after midnight", an hour, is as early as "early on Saturday")
      // (past midnight: "late on Monday", ending at midnight, is still Monday)
      previousWide = last.precision === 'days' || last.precision === 'month';
      previousNight = last.precision === 'part-of-day' && last.start.hour >= 17 && last.end > last.start.startOf('day').plus({ days: 1 });
      previousEarly =
        (last.precision === 'part-of-day' || last.precision === 'hour') &&
        last.start.hour < 12 &&
        last.end.hour <= 12 &&
        last.end.hasSame(last.start, 'day');
    }
    // ("launched them from near Bryansk": where weapons came from is not where they hit, so "the
    // city" after it is still the one hit)
    const settled = places
      .filter((p) => p.precision === 'settlement' && p.entry.kind !== 'district' && !LAUNCHED_FROM.test(s.text.slice(0, p.index)))
      .at(-1);
    // a dateline ("KYIV, 25 August") says where the report was filed, not which town "the town" is
    // (a dateline is a heading line: a sentence opening with an acronym, "NATO, ...", is not one)
    if (settled && !(isHeadline(s) && /^[A-Z][A-Z .'-]+,/.test(s.text))) lastSettlement = settled.entry.name;
    else if (settled?.entry.kind === 'capital') datelineCapital = settled.entry.name;
  }

  anchorToTruce(observations);
  const older = olderThanDateline(observations, pub);
  const lead = sentences.find((s) => !isHeadline(s) && observations.some((o) => o.s === s));

  // "the occupied city of Makiivka", "Russian-occupied Lysychansk", "Russian-installed officials in Donetsk":
  // a place the report calls occupied is held by the other side, so the country it lies in on the map says
  // nothing of who struck there (for the whole report: a later line naming it, or a town of a region so
  // called, is on the same side of the line). Only the place the word qualifies, at the level it names.
  const occupied = new Set(
    observations.flatMap((o) =>
      o.places
        .filter(
          (p) => !p.excluded && (OCCUPIED_VOICE.test(o.s.text) || OCCUPIED_BEFORE.test(o.s.text.slice(Math.max(0, p.index - 80), p.index))),
        )
        .map((p) => (p.precision === 'region' ? (p.region?.id ?? p.entry.id) : p.entry.id)),
    ),
  );
  // "Mikhail Razvozhayev, the Russian-installed governor, said four people had been killed": an official Russia
  // installed who names no place speaks for the region of the places told just before, which Russia holds
  observations.forEach((o, i) => {
    // (only when the official tells what the strike did there, a toll or damage: "said the region was calm" or
    // "said a drone was shot down" after shells hit Nikopol or Zaporizhzhia, cities Ukraine holds in regions
    // Russia partly holds, tells nothing of who holds the place hit)
    const toldHit = o.figures.some((f) => f.quantity === 'killed' || f.quantity === 'injured') || o.targets.length > 0;
    if (!OCCUPIED_VOICE.test(o.s.text) || !toldHit || o.places.some((p) => !p.excluded)) return;
    const before = observations
      .slice(0, i)
      .filter((x) => !isHeadline(x.s) && x.places.some((p) => !p.excluded))
      .at(-1);
    for (const p of before?.places ?? []) if (!p.excluded) occupied.add(p.region?.id ?? p.entry.id);
  });
  const held = (p: PlaceMention) => occupied.has(p.entry.id) || (p.region !== undefined && occupied.has(p.region.id));
  const groups: Group[] = [];
  let current: Group | undefined;
  const undated: { line: number; why: string }[] = [];
  let tollHeadline: Observation | undefined;
  for (const o of observations) {
    // "The attack came a week after a Russian strike on Sumy killed 12": the strike it is told against is
    // background, neither a new occurrence nor places and figures of this one
    if (CAME_AFTER.test(o.s.text)) {
      undated.push({ line: o.s.line, why: 'tells the occurrence against an earlier one named as background; not read' });
      continue;
    }
    // ("Putin said on Sunday", not "Putin said"): a leader's words are an occurrence only on a day of their own
    const kind = o.reading.needsDate && eventDates(o, 'statement').length === 0 ? undefined : o.reading.kind;
    if (kind === undefined) {
      // a sentence that only adds detail (damage, a figure, a place) continues the occurrence before it
      // ("The city lies within range of Russian guns on the far bank of the Dnipro": where a place lies, told in
      // the present of a map, is context, and the places it names were not hit)
      // ("its forces had taken the village of Novooleksandrivka": ground won is an advance of its own, not a detail of
      // the fire told before, so the place it names was not hit by it)
      // ("More people are still trapped under the rubble", "Rescuers are still searching the wreckage": a line
      // telling the count is not over names no figure, yet it makes the toll told before a floor)
      const adds =
        !WHERE_IT_LIES.test(o.s.text) &&
        !GROUND_WON.test(o.s.text) &&
        (o.figures.length > 0 || o.targets.length > 0 || o.places.length > 0 || MISSING.test(o.s.text) || NOT_YET_REACHED.test(o.s.text));
      // (the day a later count was told, "had climbed to 144 by Sunday", dates nothing: the line goes on about the strike)
      if (fire(current?.kind) && tollUpdate(o.s.text, o.figures)) o.dates = [];
      const dated = eventDates(o, 'strike').length > 0;
      // "the number of injured in Zaporizhzhia had risen to 14" after a second occurrence elsewhere: a
      // detail told of a place goes with the occurrence at that place
      const mine = new Set(o.places.filter((p) => !p.excluded).map((p) => p.region?.id ?? p.entry.id));
      const regionsIn = (g: Group) =>
        new Set(g.obs.filter((x) => !isHeadline(x.s)).flatMap((x) => x.places.map((p) => p.region?.id ?? p.entry.id)));
      // "the mayor blamed Ukrainian forces" after shells hit a bus stop in an occupied city: with no attacker told,
      // the side the officials of the place hit blame is the attacker (their word, so medium)
      const blamed = o.reading.blames;
      if (blamed && current !== undefined && fire(current.kind) && current.actor === undefined) {
        current.actor = blamed;
        current.target = blamed === 'russia' ? 'ukraine' : 'russia';
        current.actorWords = o.reading.words || (/\bblam\w+\s+[\w'’]+/i.exec(o.s.text)?.[0] ?? '');
        current.actorLine = o.s.line;
        current.actorConfidence = 'medium';
      }
      const there =
        fire(current?.kind) && mine.size > 0 && ![...mine].some((r) => regionsIn(current!).has(r))
          ? groups.filter((g) => fire(g.kind) && [...mine].every((r) => regionsIn(g).has(r))).at(-1)
          : undefined;
      // ("Sumy death toll rises to 12" over the story: a headline telling only a toll comes before the strike
      // it counts, so it waits for the first strike told at a place it names)
      if (current === undefined && isHeadline(o.s) && tollUpdate(o.s.text, o.figures)) tollHeadline = o;
      if (there && adds && !dated) there.obs.push(o);
      else if (
        current !== undefined &&
        fire(current.kind) &&
        adds &&
        !dated &&
        observations.indexOf(o) - observations.indexOf(current.obs.at(-1)!) <= 2
      )
        current.obs.push(o);
      continue;
    }
    if (!fire(kind)) {
      const ds = eventDates(o, kind);
      // "Peskov claimed ... . Speaking on January 30, he told reporters ...": the next sentence dates it
      const next = observations[observations.indexOf(o) + 1];
      if (
        ds.length === 0 &&
        next !== undefined &&
        next.reading.kind === undefined &&
        /^(speaking|asked|he|she|they|in (?:a|an|his|her))\b/i.test(next.s.text)
      ) {
        const nd = eventDates(next, kind);
        if (nd.length > 0) {
          groups.push({
            kind,
            obs: [o, next],
            actorWords: o.reading.words,
            actorLine: o.s.line,
            actorConfidence: o.reading.actor ? 'medium' : 'low',
            ...(o.reading.actor ? { actor: o.reading.actor } : {}),
            ...(o.reading.target ? { target: o.reading.target } : {}),
          });
          continue;
        }
      }
      // "the four would meet again in four months": talks planned only weeks or months ahead have no day set
      // yet, so no occurrence to draft (talks "set to resume on Wednesday" have one)
      if (kind === 'talks' && ds.length > 0 && ds.every((d) => d.start > pub && PLANNED_AHEAD.test(d.words.trim()))) {
        undated.push({ line: o.s.line, why: `talks ("${o.reading.words}") planned only "${ds[0]!.words}" ahead, no day set; not drafted` });
        continue;
      }
      if (ds.length === 0 && !(kind === 'statement' && SAID_TODAY.test(o.s.text))) {
        // ("agreed to a truce to begin on 20 March": its only date is the one it speaks of, after the report)
        const after = o.dates.some((d) => !d.reporting && d.start >= pub);
        undated.push({
          line: o.s.line,
          why: after
            ? `a ${kind} ("${o.reading.words}") whose only date is after publication, the day it speaks of, not when it was said or agreed; not drafted`
            : `a ${kind} ("${o.reading.words}") with no date words; not drafted`,
        });
        continue;
      }
      const g: Group = {
        kind,
        obs: [o],
        actorWords: o.reading.words,
        actorLine: o.s.line,
        actorConfidence: o.reading.actor ? 'medium' : 'low',
        ...(o.reading.actor ? { actor: o.reading.actor } : {}),
        ...(o.reading.target ? { target: o.reading.target } : {}),
      };
      groups.push(g);
      // "On Sunday Putin said Ukraine's special services had planned the attack": when the text names no
      // attacker of the attack told before, the side hit blaming the other names it. The map's side of
      // the places gives way only where neither it nor the text says who was hit (occupied, annexed) or
      // the speaker's own authorities tell the attack ("Russia's Investigative Committee said three were
      // killed"): else it is a leader denying his side's strike ("Putin said Kyiv staged" a missile on
      // Kharkiv), and the map is right
      const told = [...groups].reverse().find((x) => fire(x.kind));
      const blames = o.reading.blames;
      const sideHit =
        told !== undefined &&
        (told.actor === undefined ||
          told.actorConfidence === 'low' ||
          (told.actorConfidence === 'medium' &&
            o.reading.actor !== undefined &&
            told.obs.some((x) => OWN_AUTHORITIES[o.reading.actor as 'russia' | 'ukraine']?.test(x.s.text))));
      if (told && blames && sideHit && told.actor !== blames) {
        told.actor = blames;
        told.target = blames === 'russia' ? 'ukraine' : 'russia';
        told.actorWords = o.reading.words;
        told.actorLine = o.s.line;
        told.actorConfidence = 'medium';
      }
      continue;
    }
    // "the occupied city of Makiivka", "Russian-occupied Lysychansk": a place the other side holds is no
    // longer its country's side, so the side it belongs to on the map tells nothing of who struck it
    const fromPlaces = actorFromPlaces(o.places.filter((p) => !held(p)));
    // nobody strikes its own side: "Russia said Ukrainian drones hit Belgorod" names the wrong party first
    // ("Ukraine struck the Crimean port of Sevastopol": Ukraine opening the sentence as the subject of an attack
    // verb on a place on Ukraine's map strikes a place Russia holds, Crimea or occupied Donbas; "Russian drones
    // hit the Belgorod region" still names the wrong party, and the map guards misreads inside clauses)
    // ("Ukraine's navy said it destroyed a patrol boat in Crimea": a side owning its attack names itself, whatever
    // side of the map the place lies on)
    const named =
      o.reading.actor !== undefined &&
      !o.reading.owned &&
      !(o.reading.actor === 'ukraine' && SUBJECT_ATTACKER.test(o.s.text) && o.places.some((p) => p.index < mainClauseEnd(o.s.text))) &&
      fromPlaces !== undefined &&
      o.reading.actor !== fromPlaces &&
      o.places.every((p) => countryParty(p) === o.reading.actor)
        ? fromPlaces
        : o.reading.actor;
    const actor = named ?? fromPlaces ?? current?.actor;
    const ds = eventDates(o, 'strike');
    const when = span(ds);
    const strikeGroups = groups.filter((g) => fire(g.kind));
    let home: Group | undefined;
    if (o.reading.counter && !when && strikeGroups.some((g) => g.actor !== named)) {
      // "X said it was Russia that had shelled the station": the other side's account of the occurrence
      // told before at that site, not a strike of its own
      const site = AT_SITE_NOUN.exec(o.s.text)?.[1]?.toLowerCase();
      const others = [...strikeGroups].reverse().filter((g) => g.actor !== named);
      home = others.find((g) => site !== undefined && g.obs.some((x) => new RegExp(`\\b${site}\\b`, 'i').test(x.s.text))) ?? others[0];
      home!.obs.push(o);
      continue;
    } else if (SEPARATE.test(o.s.text) && SET_APART.test(o.s.text) && strikeGroups.length > 0) {
      // "Later on Saturday, another strike ...": a second occurrence, not more of the first
      home = undefined;
    } else if (when) {
      // a whole named day ("on Thursday") meets a night only at its edge: it must meet the occurrence's
      // narrowest time ("early on Friday"), not just the night that began the evening before
      const wholeDays = ds.every((d) => d.precision === 'day');
      home = [...strikeGroups].reverse().find((g) => {
        const gds = g.obs.flatMap((x) => eventDates(x, 'strike'));
        const gw = span(gds);
        const narrowest = gds.reduce<DateMention | undefined>(
          (a, b) => (a === undefined || b.end.diff(b.start).toMillis() < a.end.diff(a.start).toMillis() ? b : a),
          undefined,
        );
        return (
          (g.actor === actor || actor === undefined || g.actor === undefined) &&
          (gw === undefined || overlaps(gw, when)) &&
          (!wholeDays || narrowest === undefined || overlaps(narrowest, when))
        );
      });
    } else if (actor === undefined || (named === undefined && fromPlaces === undefined)) {
      // no attacker and no place: the occurrence the article is mostly about
      home = [...strikeGroups]
        .reverse()
        .reduce<Group | undefined>((best, g) => (best === undefined || g.obs.length > best.obs.length ? g : best), undefined);
    } else if (current !== undefined && fire(current.kind) && (current.actor === actor || current.actor === undefined)) {
      // an undated sentence goes on about the occurrence the text spoke of last
      home = current;
    } else {
      home = [...strikeGroups].reverse().find((g) => g.actor === actor || g.actor === undefined);
      // an undated sentence about the other side's attack is a different occurrence
      if (home && named !== undefined && home.actor !== undefined && home.actor !== named) home = undefined;
    }
    // "In a separate air strike, a bomb destroyed a house on a street of the city": the text sets it apart
    // itself, so with no place of its own (a street, a district) it is another occurrence in the same place
    if (home && IN_SEPARATE.test(o.s.text) && !/\balso\b/i.test(o.s.text) && o.places.every((p) => p.excluded)) home = undefined;
    // "Earlier on Saturday, drones were shot down over three other regions": set apart in time and told of
    // other places, a separate occurrence even on the same day
    const regionsOf = (ps: PlaceMention[]) => ps.filter((p) => !p.excluded).map((p) => p.region?.id ?? p.entry.id);
    const own = regionsOf(o.places);
    // ("later, missiles also hit Lviv" stays one barrage)
    // ("In a separate attack, drones struck Kherson" likewise)
    if (
      home &&
      (/^(?:earlier|later|separately)\b/i.test(o.s.text) || IN_SEPARATE.test(o.s.text)) &&
      !/\balso\b/i.test(o.s.text) &&
      own.length > 0
    ) {
      const theirs = new Set(home.obs.filter((x) => !isHeadline(x.s)).flatMap((x) => regionsOf(x.places)));
      if (theirs.size > 0 && own.every((r) => !theirs.has(r))) home = undefined;
      // ("Later that day, a drone hit a car in Marhanets" after shelling on Nikopol: set apart in time and told
      // of settlements none of which was hit before, another occurrence though both lie in one region)
      const settlements = (ps: PlaceMention[]) => ps.filter((p) => !p.excluded && p.precision === 'settlement').map((p) => p.entry.id);
      const mineS = settlements(o.places);
      const theirsS = new Set(home?.obs.filter((x) => !isHeadline(x.s)).flatMap((x) => settlements(x.places)) ?? []);
      if (home && mineS.length > 0 && theirsS.size > 0 && mineS.every((x) => !theirsS.has(x)) && SET_APART_OPENING.test(o.s.text))
        home = undefined;
    }
    // "drones sent against a refinery in the Saratov region over the past 24 hours" beside a hit on Sudzha
    // pinned to one morning: a wide window that merely holds a pinned hit, told of other places, is
    // another occurrence
    if (home && when && own.length > 0) {
      const hours = (w: { start: DateTime; end: DateTime }) => w.end.diff(w.start, 'hours').hours;
      const pinned = Math.min(...home.obs.flatMap((x) => eventDates(x, 'strike')).map(hours));
      const theirs = new Set(home.obs.filter((x) => !isHeadline(x.s)).flatMap((x) => regionsOf(x.places)));
      if (pinned <= 12 && Math.min(...ds.map(hours)) >= 24 && theirs.size > 0 && own.every((r) => !theirs.has(r))) home = undefined;
    }
    // "Also on Tuesday, artillery shelled Nikopol" after missiles hit Kryvyi Rih: a sentence opening on "Also
    // on <day>" tells another occurrence of that day when it names none of the settlements hit before
    if (home && ALSO_ON.test(o.s.text)) {
      const settlements = (ps: PlaceMention[]) => ps.filter((p) => !p.excluded && p.precision === 'settlement').map((p) => p.entry.id);
      const mineS = settlements(o.places);
      const theirsS = new Set(home.obs.filter((x) => !isHeadline(x.s)).flatMap((x) => settlements(x.places)));
      if (mineS.length > 0 && theirsS.size > 0 && mineS.every((x) => !theirsS.has(x))) home = undefined;
    }
    // "A day earlier, strikes had killed two": a time of its own, counted from the story's, is set apart
    if (home && ds.some((d) => COUNTED_APART.test(d.words))) home = undefined;
    // "Earlier on Sunday, Russia had fired 120 missiles at the grid" after a strike on one city late on
    // Sunday: set on a named day before it, with an attacker and no place of its own, another occurrence
    if (home && EARLIER_ON.test(o.s.text) && !/\balso\b/i.test(o.s.text) && own.length === 0 && named !== undefined) home = undefined;
    if (home) {
      home.obs.push(o);
      if (home.actor === undefined && actor !== undefined) {
        home.actor = actor;
        home.target = actor === 'russia' ? 'ukraine' : 'russia';
        home.actorWords = named ? o.reading.words : 'the places hit';
        home.actorLine = o.s.line;
        home.actorConfidence = named ? 'high' : 'medium';
      }
      current = home;
    } else {
      const headed =
        tollHeadline !== undefined &&
        fire(kind) &&
        tollHeadline.places.some((p) => o.places.some((q) => q.entry.id === p.entry.id || q.region?.id === p.entry.id));
      current = {
        kind,
        obs: headed ? [tollHeadline!, o] : [o],
        ...(actor ? { actor, target: actor === 'russia' ? 'ukraine' : 'russia' } : {}),
        actorWords: named ? o.reading.words : fromPlaces ? 'the places hit' : '',
        actorLine: o.s.line,
        actorConfidence: named ? 'high' : fromPlaces ? 'medium' : 'low',
      } as Group;
      groups.push(current);
      if (headed) tollHeadline = undefined;
    }
  }

  if (older) {
    // an article about one earlier period: its strikes by one side are one occurrence there
    for (let i = 0; i < groups.length; i++) {
      const a = groups[i]!;
      if (!fire(a.kind)) continue;
      for (let j = groups.length - 1; j > i; j--) {
        const b = groups[j]!;
        if (fire(b.kind) && b.actor === a.actor) {
          a.obs.push(...b.obs);
          groups.splice(j, 1);
        }
      }
      a.obs.sort((x, y) => observations.indexOf(x) - observations.indexOf(y));
    }
  }

  const events: Event[] = [];
  const drafts: DraftReport[] = [];
  const unplaced: { line: number; why: string }[] = [];
  const ids = new Set<string>();
  // the truces, deals, talks and words drafted so far, for fire told "hours after the announcement"
  const saidBefore: { start: DateTime; kind: EventKind }[] = [];
  for (const g of groups) {
    const fields: FieldEvidence[] = [];
    const problems: string[] = [];
    const allDs = g.obs.flatMap((o) => eventDates(o, g.kind).map((d) => ({ d, line: o.s.line })));
    // when the content is older than the dateline, words read against the dateline give way to dates the text names
    const statedDates = older ? allDs.filter((x) => x.d.explicit) : [];
    const ds = statedDates.length > 0 && statedDates.length < allDs.length ? statedDates : allDs;
    if (ds !== allDs)
      problems.push(
        `${allDs
          .filter((x) => !x.d.explicit)
          .map((x) => `"${x.d.words}" (line ${x.line})`)
          .join(', ')} not read against the dateline: ${older!.why}`,
      );
    let when: { start: DateTime; end: DateTime; precision: Precision; evidence: string; confidence: Confidence };
    const told = saidBefore.at(-1);
    const relativeOnly = ds.every((x) => !x.d.explicit);
    const before = groups
      .slice(0, groups.indexOf(g))
      .filter((x) => fire(x.kind) && x.obs.some((o) => eventDates(o, 'strike').length > 0))
      .at(-1);
    if (
      ds.length === 0 &&
      before &&
      (/^(meanwhile|at the same time|elsewhere)\b/i.test(g.obs[0]!.s.text) || IN_SEPARATE.test(g.obs[0]!.s.text))
    ) {
      // "Meanwhile, ...", "In a separate attack, ...": about the days of the occurrence told before
      const w = span(before.obs.flatMap((o) => eventDates(o, 'strike')))!;
      when = {
        start: w.start.startOf('day'),
        end: w.end.startOf('day').plus({ days: w.end.hour === 0 && w.end.minute === 0 ? 0 : 1 }),
        precision: 'days',
        evidence: `line ${g.obs[0]!.s.line}: "${g.obs[0]!.s.text.split(/\s+/)[0]}", the days of the occurrence told before it`,
        confidence: 'medium',
      };
    } else if (ds.length === 0 && g.kind === 'statement' && !older) {
      // a side's words reported as the day's news ("the ministry said ... and accused ..."): said that day
      const first = g.obs[0]!.s.line;
      when = {
        start: pub.startOf('day'),
        end: pub.startOf('day').plus({ days: 1 }),
        precision: 'day',
        evidence: `line ${first}: reported with no date words, so on the day of publication`,
        confidence: 'low',
      };
      problems.push('not dated by the text: taken as said on the day of publication');
    } else if (ds.length === 0 && before && fire(g.kind) && REPLY.test(g.obs[0]!.s.text)) {
      // "Russia had struck back", "in retaliation": a reply comes after the occurrence it answers, and
      // before the report
      const w = span(before.obs.flatMap((o) => eventDates(o, 'strike')))!;
      when = {
        start: w.start,
        end: pub,
        precision: 'days',
        evidence: `line ${g.obs[0]!.s.line}: told as a reply to the occurrence before it (from ${iso(w.start)}), up to publication`,
        confidence: 'low',
      };
      problems.push('not dated by the text: after the occurrence it answers, up to publication');
    } else if (ds.length === 0 && fire(g.kind) && !older && told && AFTER_TOLD.test(g.obs[0]!.s.text)) {
      // "accused Moscow of launching 60 drones hours after the announcement": fire told against a truce, a deal
      // or words told before comes after it, and before the report
      when = {
        start: told.start,
        end: pub,
        precision: 'days',
        evidence: `line ${g.obs[0]!.s.line}: "${AFTER_TOLD.exec(g.obs[0]!.s.text)![0]}", after the ${told.kind} told before (from ${iso(told.start)}), up to publication`,
        confidence: 'low',
      };
      problems.push(`not dated by the text: after the ${told.kind} it is told against, up to publication`);
    } else if (ds.length === 0 && fire(g.kind) && !older && GOING_ON.test(g.obs[0]!.s.text)) {
      // "Russian forces were still shelling the city": fire told as going on while the report is written is
      // of the day of publication, up to it
      when = {
        start: pub.startOf('day'),
        end: pub,
        precision: 'day',
        evidence: `line ${g.obs[0]!.s.line}: told as still going on, so the day of publication up to it`,
        confidence: 'low',
      };
      problems.push('not dated by the text: told as going on, so the day of publication');
    } else if (ds.length === 0) {
      const first = g.obs[0]!.s.line;
      const w = older
        ? { start: older.month, end: older.month.plus({ months: 1 }), precision: 'month' as const, why: older.why }
        : {
            start: pub.minus({ days: 7 }).startOf('day'),
            end: pub,
            precision: 'days' as const,
            why: `no date words on lines ${g.obs.map((o) => o.s.line).join(', ')}; the week before publication`,
          };
      when = { ...w, evidence: `line ${first}: ${w.why}`, confidence: 'low' };
      undated.push({ line: first, why: w.why });
      problems.push(`not dated by the text: ${w.why}`);
    } else if (older && relativeOnly) {
      when = {
        start: older.month,
        end: older.month.plus({ months: 1 }),
        precision: 'month',
        evidence: `${ds.map((x) => `line ${x.line}: "${x.d.words}"`).join('; ')} would date it from the dateline, but ${older.why}`,
        confidence: 'medium',
      };
      problems.push(`relative date words read against a dateline the content is older than: ${older.why}`);
    } else {
      // several sentences about one occurrence: news words for a night ("overnight", "early on Saturday")
      // cut it differently, so the span of those that overlap the narrowest; a wider one that contains it
      // (a day, a month) adds nothing
      const all = ds.map((x) => x.d);
      const width = (d: DateMention) => d.end.diff(d.start).toMillis();
      // (a clock time carried from a day told before, "at about 11 a.m." after "on Wednesday", times one hit
      // within the time its day was told by, which stays the narrowest the text gives the whole of)
      const told = all.some((d) => !d.carried) ? all.filter((d) => !d.carried) : all;
      const narrowest = told.reduce((a, b) => (width(b) < width(a) ? b : a));
      // a whole day that holds the narrowest ("Palm Sunday" beside "Sunday morning") adds nothing: a part
      // of the day or a night that only overlaps it ("overnight" beside "early on Saturday") widens it
      const holds = (d: DateMention) => d.start <= narrowest.start && narrowest.end <= d.end && !PARTIAL.has(d.precision);
      const near = all.filter(
        (d) => d === narrowest || (d.start < narrowest.end && narrowest.start < d.end && width(d) <= 36 * 3600_000 && !holds(d)),
      );
      const agree = all.every((d) => d.start < narrowest.end && narrowest.start < d.end);
      const use = agree ? near : all;
      let s0: DateTime = DateTime.min(...use.map((d) => d.start))!;
      const e0 = DateTime.max(...use.map((d) => d.end))!;
      const widest = use.reduce((a, b) => (width(b) > width(a) ? b : a));
      const prior = before ? span(before.obs.flatMap((o) => eventDates(o, 'strike'))) : undefined;
      if (prior && LATER.test(g.obs[0]!.s.text) && prior.start > s0 && prior.start < e0) s0 = prior.start;
      let precision = widest.precision;
      let e1: DateTime = e0;
      // "early on Tuesday" and "at 2:50 a.m.": a strike on one place told at a clock time happened in that
      // hour; "from about 1 a.m." is when it began, within the night told. Clock times told for one of
      // several regions hit time that place's part, not the whole attack
      // (a morning, an afternoon or an evening named already is the time of day: a clock time in it times
      // one hit of several, "the first missile hit at around 10:15")
      const hours = use.filter((d) => d.precision === 'hour' && /\d/.test(d.words));
      const others = use.filter((d) => !hours.includes(d));
      const small = (d: DateMention) => d.precision === 'part-of-day' && (d.start.hour < 5 || d.start.hour >= 18);
      // (a launch site, "launched them from near Bryansk", is no place hit; a city that is a region of its own and the
      // region named for it around it, "Kyiv" and "the Kyiv region", are one area)
      const regions = new Set(
        g.obs
          .filter((x) => !isHeadline(x.s))
          .flatMap((x) =>
            x.places
              .filter((p) => !p.excluded && !LAUNCHED_FROM.test(x.s.text.slice(0, p.index)))
              .map((p) => (p.region?.name ?? p.entry.name).replace(/\s+(?:City|Oblast|Krai|Region)$/i, '')),
          ),
      );
      // a whole day ("on 3 May") with the clock time of one weapon's hit in it ("the missile struck at about
      // 9:10 a.m.") is timed by that hour: one weapon hits once. Shells or missiles told at a clock time are
      // one hit of several, and a part of the day named is the time the text gives the whole of
      const textOf = (d: DateMention) => g.obs.find((o) => o.dates.includes(d))?.s.text ?? '';
      const inside = (d: DateMention) => hours.every((h) => d.start <= h.start && h.end <= d.end.plus({ hours: 1 }));
      const timed =
        others.every(small) || (others.every((d) => d.precision === 'day' && inside(d)) && hours.every((h) => ONE_HIT.test(textOf(h))));
      if (g.kind === 'strike' && agree && hours.length > 0 && others.length > 0 && timed && regions.size <= 1) {
        const at = hours.filter((d) => !d.opens);
        if (at.length > 0) {
          s0 = DateTime.min(...at.map((d) => d.start))!;
          e1 = DateTime.max(...at.map((d) => d.end))!;
          precision = 'hour';
        } else s0 = DateTime.max(s0, DateTime.min(...hours.map((d) => d.start))!);
      }
      // troops fighting on into the day of the report: the assault runs up to it
      if (g.kind === 'ground-assault' && e1 > pub.startOf('day')) {
        e1 = pub;
        precision = 'days';
      }
      // a truce declared or in force is dated by the day it was told of ("took effect at midnight on Thursday")
      if (g.kind === 'agreement-claim' && (precision === 'hour' || precision === 'exact')) {
        s0 = s0.startOf('day');
        e1 = s0.plus({ days: 1 });
        precision = 'day';
      }
      when = {
        start: s0,
        end: e1,
        precision,
        evidence: ds.map((x) => `line ${x.line}: "${x.d.words}"`).join('; ') + ` (published ${iso(pub)})`,
        confidence: all.every((d) => d.confidence === 'high') ? 'high' : 'medium',
      };
      if (!agree) problems.push('the dates of its sentences do not overlap; the interval spans them all');
    }
    // "would meet Trump in Washington on Monday", "the White House said on Tuesday": words said or talks held in
    // Washington fall on Washington's calendar day, not the dateline's
    if (!fire(g.kind) && when.precision === 'day' && ds.length > 0 && IN_WASHINGTON.test(g.obs[0]!.s.text)) {
      const d = when.start.setZone(pub.zone);
      const start = DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, { zone: WASHINGTON_ZONE });
      const days = Math.max(1, Math.round(when.end.diff(when.start, 'days').days));
      when = { ...when, start, end: start.plus({ days }), evidence: `${when.evidence}, Washington's day` };
    }
    if (!fire(g.kind) && ds.length > 0) saidBefore.push({ start: when.start, kind: g.kind });
    for (const x of ds)
      fields.push({
        field: 'when',
        value: `${iso(when.start)} .. ${iso(when.end)} (${when.precision})`,
        line: x.line,
        words: x.d.words,
        confidence: when.confidence,
      });

    const placeMentions = new Map<string, { p: PlaceMention; line: number }>();
    // ("In a separate air strike, a bomb destroyed a house on a street": set apart with no place of its own,
    // it is in the place of the occurrence told before, whose words name it)
    const placeObs =
      before && IN_SEPARATE.test(g.obs[0]!.s.text) && g.obs.every((o) => o.places.every((p) => p.excluded))
        ? [...before.obs.filter((o) => !isHeadline(o.s)), ...g.obs]
        : g.obs;
    for (const o of placeObs)
      for (const p of o.places) if (!placeMentions.has(p.entry.id)) placeMentions.set(p.entry.id, { p, line: o.s.line });
    // a region named alongside one of its own settlements adds nothing
    // a side's words are said where its leader or office speaks, which the text rarely places: the places
    // they name ("would stop firing once Ukraine left the Kherson region") are what they speak of, not where they were said
    // (a truce claimed or agreed likewise: "representatives of the separatist-held parts of the Donetsk and
    // Luhansk regions committed to a ceasefire" names who agreed it, and the places a truce holds in are its terms)
    const spoken = g.kind === 'statement' || g.kind === 'agreement-claim';
    const spokenOf = spoken ? [...placeMentions.values()].filter(({ p }) => !p.excluded) : [];
    if (spokenOf.length > 0)
      problems.push(
        `places its words speak of, not where it was said: ${spokenOf.map(({ p, line }) => `${p.name} (line ${line})`).join(', ')}`,
      );
    const hit = spoken ? [] : [...placeMentions.values()].filter(({ p }) => !p.excluded);
    const places = hit.map(({ p }) => ({
      name: p.name,
      ...(p.settlement ? { settlement: p.settlement } : {}),
      ...(p.region ? { region: p.region.name } : {}),
      kind: p.entry.kind === 'region' ? ('region' as const) : p.entry.kind,
      precision: p.precision,
    }));
    for (const { p, line } of hit)
      fields.push({
        field: 'places',
        value: `${p.name}${p.region ? ` (${p.region.name})` : ''}`,
        line,
        words: p.words,
        confidence: p.precision === 'region' ? 'high' : 'medium',
      });
    const placesExcluded = [...placeMentions.values()].filter(({ p }) => p.excluded).map(({ p }) => p.name);
    if (places.length === 0 && fire(g.kind)) {
      unplaced.push({ line: g.obs[0]!.s.line, why: 'no place in the hierarchy is named in its sentences' });
      problems.push('no place named that the hierarchy knows');
    }

    const targets: TargetType[] = [];
    const named = g.obs.some((o) => o.targets.some((t) => t.target !== 'civilians'));
    // what a pause or a statement speaks of ("strikes on energy infrastructure") is its terms, not a hit
    // ("its strikes had destroyed military bases": what the attacker says it hit is its claim, not a target told)
    for (const o of fire(g.kind) ? g.obs.filter((x) => g.actor === undefined || x.reading.claimBy !== g.actor) : [])
      for (const t of o.targets)
        if (isHeadline(o.s) && headlineTargetElsewhere(t, g, groups, isHeadline)) continue;
        else if (!targets.includes(t.target) && !(named && t.target === 'civilians')) {
          targets.push(t.target);
          fields.push({ field: 'targets', value: t.target, line: o.s.line, words: t.words, confidence: 'medium' });
        }

    // a strike that killed or hurt people and names nothing else it hit: the people were what it hit
    if (targets.length === 0 && fire(g.kind)) {
      const toll = g.obs.flatMap((o) =>
        o.figures.filter((f) => f.quantity === 'killed' || f.quantity === 'injured').map((f) => ({ f, o })),
      )[0];
      if (toll) {
        targets.push('civilians');
        fields.push({ field: 'targets', value: 'civilians', line: toll.o.s.line, words: toll.f.words, confidence: 'low' });
      }
    }
    const byQ = new Map<Quantity, FigureMention[]>();
    const figLines = new Map<number, string[]>();
    const casualtyItems: (CasualtyItem & { headline: boolean; lead: boolean; places: string[] })[] = [];
    const resolved = resolveFigures(
      g.obs.map((o) => ({
        text: o.s.text,
        figures: o.figures,
        // a district goes by its settlement's entry (its `within`), as the settlement itself does
        places: o.places
          .filter((p) => !p.excluded)
          .map((p) => ({ id: p.entry.kind === 'district' ? (p.entry.within ?? p.entry.id) : p.entry.id, kind: p.entry.kind })),
      })),
    );
    for (const [i, o] of g.obs.entries())
      for (const f of resolved[i]!) {
        byQ.set(f.quantity, [...(byQ.get(f.quantity) ?? []), f]);
        // a headline's toll ("... kill four") sums up the whole event, wherever it names; so does a lead
        // (the first full sentence) giving a national body's tally, which local officials' tolls break down
        const headline = isHeadline(o.s) && !tollOfPlace(o.s.text, f.index, o.places);
        const added = !headline && o.s !== lead && toldAsMore(o.s.text, f.index);
        // "Russia's defence ministry said its missile hit a military train and claimed 200 were killed": the
        // attacker's own word on whom its strike killed is its claim, not the toll (the side hit tells that)
        const voices = readVoices(o.s.text);
        const attackersWord = g.actor !== undefined && voices.length > 0 && voices.every((v) => !v.local && v.party === g.actor);
        if ((f.quantity === 'killed' || f.quantity === 'injured') && !attackersWord)
          casualtyItems.push({
            f,
            headline,
            added,
            lead: o.s === lead && NATIONAL_TALLY.test(o.s.text) && !SITE.test(o.s.text.slice(0, f.index)),
            places: tollPlaces(o, g.obs, f.index),
            whole: o.places.filter((p) => !p.excluded && p.precision === 'region').map((p) => p.region?.id ?? p.entry.id),
            at: [],
          });
        fields.push({
          field: f.quantity,
          value: `${countText(f.count)}${f.role === 'downed' ? ' (shot down: a floor on how many flew)' : ''}`,
          line: o.s.line,
          words: f.words,
          confidence: f.weak ? 'low' : f.approximate ? 'medium' : 'high',
        });
        if (!f.weak) figLines.set(o.s.line, [...(figLines.get(o.s.line) ?? []), ...figureTokens(f.words.split(' ').slice(0, 3).join(' '))]);
      }
    const counts: Partial<Record<Quantity, Count>> = {};
    const eventRegions = new Set(hit.map(({ p }) => p.region?.id ?? p.entry.id));
    // "a separate hit elsewhere in the Poltava region": a region hit in its own right, in a sentence naming
    // none of its settlements, is not covered by a toll told for one settlement in it
    for (const o of g.obs)
      for (const p of o.places) {
        const r = p.region?.id ?? p.entry.id;
        // ("the village of Serhiivka in the Odesa region" only locates a village the hierarchy may not know)
        const locates = /\b[A-Z][\p{L}'’-]+,?\s+(?:in|of)\s+$/u.test(o.s.text.slice(Math.max(0, p.index - 30), p.index));
        if (
          !p.excluded &&
          p.precision === 'region' &&
          !locates &&
          !o.places.some((x) => x.precision === 'settlement' && (x.region?.id ?? x.entry.id) === r)
        )
          eventRegions.add(`whole:${r}`);
      }
    for (const q of QUANTITIES) {
      // a headline drops qualifiers ("killing four" for "at least four"): when the body tells the same
      // number, the body's words stand for it
      const told = casualtyItems.filter(
        (x, _, all) =>
          x.f.quantity === q &&
          !(
            x.headline &&
            all.some(
              (y) =>
                !y.headline &&
                y.f.quantity === q &&
                // ("boy killed": a headline's person told without a number word is no number the body repeats)
                figureTokens(x.f.words)[0] !== undefined &&
                figureTokens(y.f.words)[0]?.toLowerCase() === figureTokens(x.f.words)[0]?.toLowerCase(),
            )
          ),
      );
      // the lead's toll is the whole event's unless a headline's is there to say what the parts add up to
      const headlined = told.some((x) => x.headline);
      const items = told.map((x) => ({ ...x, at: x.headline || (x.lead && !headlined) ? [] : x.places }));
      const c = q === 'killed' || q === 'injured' ? casualtyCount(items, eventRegions) : mergeCounts(byQ.get(q) ?? []);
      if (c) counts[q] = c;
    }
    // "30 are still unaccounted for": while people are missing, the dead counted so far are a floor
    if (counts.killed && g.obs.some((o) => MISSING.test(o.s.text) || NOT_YET_REACHED.test(o.s.text)))
      counts.killed = { low: counts.killed.low };
    // "Russian cruise missiles slammed into ..." and "four fired": when one type alone is named, with no
    // number of its own, the missiles counted are all of that type
    const onlyType = (['cruiseMissiles', 'ballisticMissiles'] as const).filter((q) => counts[q] !== undefined);
    if (
      onlyType.length === 1 &&
      counts.missiles?.best !== undefined &&
      (byQ.get(onlyType[0]!) ?? []).every((f) => f.weak) &&
      counts.missiles.low >= counts[onlyType[0]!]!.low
    )
      counts[onlyType[0]!] = { ...counts.missiles };
    // every missile, ballistic and cruise ones included
    const typed = (counts.ballisticMissiles?.low ?? 0) + (counts.cruiseMissiles?.low ?? 0);
    if (typed > 0 && (counts.missiles === undefined || counts.missiles.low < typed)) {
      const m = counts.missiles;
      const b = counts.ballisticMissiles;
      const c = counts.cruiseMissiles;
      // only the types the text names: their sum is exact when each of them is
      // untyped missiles told only as parts ("three shot down", "five not intercepted") are among the typed ones
      const partsOnly = (byQ.get('missiles') ?? []).every((f) => f.part || f.weak);
      const exact =
        (m === undefined || (partsOnly && m.high === undefined && m.low <= typed)) &&
        (b === undefined || b.high === b.low) &&
        (c === undefined || c.high === c.low) &&
        (b?.high !== undefined || c?.high !== undefined);
      counts.missiles = exact
        ? { low: typed, best: typed, high: typed }
        : m?.high !== undefined && m.high >= typed
          ? { ...m, low: typed }
          : { low: typed };
    }
    const munitions = Object.fromEntries(
      (['drones', 'missiles', 'ballisticMissiles', 'cruiseMissiles', 'shells', 'fpvDrones'] as const)
        .filter((q) => counts[q])
        .map((q) => [q, counts[q]!]),
    );
    const casualties = Object.fromEntries((['killed', 'injured'] as const).filter((q) => counts[q]).map((q) => [q, counts[q]!]));

    // who reports it, who only claims it, who denies it: from the voices of its own sentences
    const said = attributionFrom(
      g.obs.flatMap((o) => readVoices(o.s.text).map((v) => ({ v, line: o.s.line }))),
      { ...(g.actor ? { actor: g.actor } : {}), ...(g.target ? { target: g.target } : {}) },
    );
    for (const v of said.voices)
      fields.push({
        field: v.stance === 'denies' ? 'deniedBy' : 'reportedBy',
        value: `${v.by}${v.stance === 'claims' ? ' (a claim)' : ''}`,
        line: v.line,
        words: v.words,
        confidence: 'medium',
      });
    const claims = said.voices.flatMap((v) =>
      v.stance === 'reports' ? [] : [{ by: v.by, line: v.line, words: v.words, stance: v.stance }],
    );
    if (g.actor) fields.push({ field: 'actor', value: g.actor, line: g.actorLine, words: g.actorWords, confidence: g.actorConfidence });
    else problems.push(fire(g.kind) ? 'the attacker is not named and the places do not tell' : 'who spoke or acted is not named');

    const day = when.start.setZone(pub.zone).toISODate()!;
    let id = `draft-${g.actor ?? 'unknown'}-${g.kind}-${day}`;
    for (let n = 2; ids.has(id); n++) id = `draft-${g.actor ?? 'unknown'}-${g.kind}-${day}-${n}`;
    ids.add(id);

    const lines = [...new Set(g.obs.map((o) => o.s.line))].sort((a, b) => a - b);
    const sources = lines.map((line) => {
      const said = fields.filter((f) => f.line === line).map((f) => `${f.field}: "${f.words}"`);
      const figs = [...new Set(figLines.get(line) ?? [])];
      return {
        file: input.file,
        line,
        ...(figs.length > 0 ? { figures: figs } : {}),
        says: said.length > 0 ? said.join('; ') : 'same occurrence (no field read here)',
      };
    });
    const claimNote =
      claims.length > 0
        ? ` Attribution ${said.attribution}: ${claims.map((c) => `${c.by} ${c.stance === 'denies' ? 'denies' : 'claims'} ("${c.words}", line ${c.line})`).join('; ')}.`
        : '';
    // an occurrence told as an air strike by bombs, with no missile, drone or gun in its sentences, is an
    // air-strike (aircraft); "air strikes" said of missiles and drones stay strikes
    const text = g.obs.map((o) => o.s.text).join(' ');
    const kind = g.kind === 'strike' && AIR_STRIKE.test(text) && BOMB.test(text) && !NOT_AIRCRAFT.test(text) ? 'air-strike' : g.kind;
    const event: Event = {
      id,
      kind,
      actor: g.actor ?? 'unknown',
      ...(g.target ? { target: g.target } : {}),
      when: { start: iso(when.start), end: iso(when.end), precision: when.precision, evidence: when.evidence },
      places,
      placesExcluded,
      targets,
      ...(Object.keys(munitions).length > 0 ? { munitions } : {}),
      ...(Object.keys(casualties).length > 0 ? { casualties } : {}),
      attribution: said.attribution,
      ...(said.reportedBy.length > 0 ? { reportedBy: said.reportedBy } : {}),
      ...(said.deniedBy.length > 0 ? { deniedBy: said.deniedBy } : {}),
      sources,
      note: `Draft by truce ingest from ${input.file}, lines ${lines.join(', ')}; check every field against the article, then remove \`draft: true\`.${claimNote}${problems.length > 0 ? ` Doubts: ${problems.join('; ')}.` : ''}`,
      draft: true,
    };
    events.push(event);
    drafts.push({ id, kind, lines, fields, problems, claims });
  }

  return {
    events,
    report: {
      file: input.file,
      published: iso(pub),
      zone: pub.zoneName ?? String(pub.offset),
      drafts,
      undated,
      unplaced,
      ...(older ? { olderThanDateline: older.why } : {}),
    },
  };
}

/**
 * The article's own dates all lie well before its dateline (a December strike in a February article):
 * relative words like "overnight" must then not be read against the dateline.
 */
function olderThanDateline(obs: Observation[], pub: DateTime): { month: DateTime; why: string } | undefined {
  // the dateline itself (or a date on the day of publication) says nothing of how old the content is
  // ("the town, under curfew from February to May 2022, lies near the border": a date in a sentence that
  // tells or names no attack is background, and says nothing of how old the report's news is)
  // ("In January, drones struck a block in the city" after "drones hit Odesa overnight": a sentence opening on
  // a date of its own sets it for itself, a past occurrence told beside news dated from the dateline)
  const relativeNews = obs.some(
    (o) => fire(o.reading.kind) && !isHeadline(o.s) && o.dates.some((d) => !d.explicit && !d.reporting && d.index > 0),
  );
  // ("In January a strike on the city killed nine": news prose often drops the comma after a short fronted
  // date, so a month or year opening the sentence sets it apart as well)
  const fronted = (o: Observation, d: DateMention) =>
    relativeNews &&
    d.index <= 3 &&
    (/^[^,]{0,40},/.test(o.s.text.slice(d.index)) || (/^in\s+$/i.test(o.s.text.slice(0, d.index)) && d.precision !== 'day'));
  const explicit = obs
    .filter((o) => o.reading.kind !== undefined || NAMES_ATTACK.test(o.s.text))
    .flatMap((o) =>
      o.dates
        .filter((d) => d.explicit && !d.reporting && !d.start.hasSame(pub, 'day') && !fronted(o, d))
        .map((d) => ({ d, line: o.s.line })),
    );
  if (explicit.length === 0) return undefined;
  const recent = explicit.filter((x) => pub.diff(x.d.end, 'days').days < 21);
  if (recent.length > 0) return undefined;
  const latest = explicit.reduce((a, b) => (b.d.end > a.d.end ? b : a));
  return {
    month: latest.d.start.startOf('month'),
    why: `the article names only earlier dates (latest: "${latest.d.words}" on line ${latest.line}, ${latest.d.start.toFormat('LLLL yyyy')}), weeks before its dateline ${pub.toISODate()}`,
  };
}

const NAMES_ATTACK =
  /\b(?:attacks?|strikes?|struck|raids?|barrages?|shell(?:ed|ing|s)?|missiles?|drones?|rockets?|bomb(?:s|ed|ing)?|hit|fire|fired)\b/i;

/** "for 36 hours from noon Moscow time on Friday": when a truce the article speaks of begins */
const TRUCE_WORDS = /\b(?:truce|ceasefire|cease-fire|hold fire|pause|moratorium)\b/i;
const TRUCE_FROM =
  /\b(?:from|starting(?: at)?|begins? at|began at|beginning at|(?:takes?|took) effect at|(?:comes?|came) into force at|since)\s+$/i;
/** "within three hours of the truce taking effect": from its start to N hours after */
const TRUCE_WITHIN =
  /\bwithin\s+(an|one|two|three|four|five|six|\d+)\s+hours?\s+of\s+the\s+(?:truce|ceasefire|cease-fire|pause)(?:'s)?\s+(?:taking effect|coming into force|beginning|starting|start)\b/i;
const HOURS: Record<string, number> = { an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
/** "minutes after the truce took effect", "hours before the truce was due to begin" */
const TRUCE_RELATIVE =
  /\b(minutes|hours|an hour|shortly|soon|just)\s+(after|before)\s+the\s+(?:truce|ceasefire|cease-fire|pause)\s+(?:was due to |was set to |had )?(?:took effect|take effect|taken effect|began|begun|begin|started|start|came into force|come into force|kicked in)\b/i;

/**
 * A strike told by the truce's own clock ("minutes after the truce took effect") is dated from the truce's
 * start as the article states it: minutes after is the hour after it, hours after the six hours after it;
 * "hours before" ends at it.
 */
function anchorToTruce(obs: Observation[]): void {
  const start = obs
    .filter((o) => TRUCE_WORDS.test(o.s.text))
    .flatMap((o) => o.dates.filter((d) => d.precision === 'hour' && TRUCE_FROM.test(o.s.text.slice(0, d.index))))[0]?.start;
  if (start === undefined) return;
  for (const o of obs) {
    const w = TRUCE_WITHIN.exec(o.s.text);
    if (w) {
      const n = HOURS[w[1]!.toLowerCase()] ?? Number(w[1]);
      o.dates = [
        ...o.dates,
        {
          words: w[0],
          index: w.index,
          reporting: false,
          explicit: false,
          confidence: 'medium',
          start,
          end: start.plus({ hours: n }),
          precision: n <= 3 ? 'hour' : 'part-of-day',
        },
      ];
      continue;
    }
    const m = TRUCE_RELATIVE.exec(o.s.text);
    if (!m) continue;
    const short = !/^hours$/i.test(m[1]!);
    const base = { words: m[0], index: m.index, reporting: false, explicit: false, confidence: 'medium' as const };
    if (/after/i.test(m[2]!)) {
      o.dates = [...o.dates, { ...base, start, end: start.plus({ hours: short ? 1 : 6 }), precision: short ? 'hour' : 'part-of-day' }];
      continue;
    }
    const holding = o.dates.filter((d) => d.start < start && start < d.end);
    if (holding.length > 0) o.dates = o.dates.map((d) => (holding.includes(d) ? { ...d, end: start } : d));
    else
      o.dates = [
        ...o.dates,
        { ...base, start: start.minus({ hours: short ? 1 : 6 }), end: start, precision: short ? 'hour' : 'part-of-day' },
      ];
  }
}
