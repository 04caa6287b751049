import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { Precision as PrecisionSchema } from '../schema/event.js';
import { wordValue } from './readFigures.js';

type Precision = z.infer<typeof PrecisionSchema>;

/**
 * Dates in a sentence, resolved against the publication time in the article's zone. chrono-node finds
 * explicit dates, weekdays and the common relative words; the domain's conventions sit on top:
 * a night runs 18:00 to 09:00; "overnight" in a report means the night before it; a weekday is the last
 * one on or before publication unless the sentence speaks of the future; "early" is midnight to noon.
 */
export interface DateMention {
  start: DateTime;
  end: DateTime;
  precision: Precision;
  /** the words the date rests on */
  words: string;
  /** where in the sentence (for telling which verb it belongs to) */
  index: number;
  /** attached to a reporting verb ("said on Sunday"): when it was said, a bound on when it happened */
  reporting: boolean;
  /** the text names a day or month outright (not relative to the dateline) */
  explicit: boolean;
  confidence: 'high' | 'medium' | 'low';
  /** "from about 1 a.m.": the time something began, not the whole of it */
  opens?: boolean;
  /** a clock time with no day of its own, put on the day the text spoke of last */
  carried?: boolean;
}

export interface DateContext {
  published: DateTime;
  /** the day the previous sentence was about, for "that night", "the same day" */
  previousDay?: DateTime;
  /** that day was told by its small hours or its morning ("early on Saturday"): its night is the one before */
  previousEarly?: boolean;
  /** it was a night ("overnight", from the evening before): its day is the morning it ends on */
  previousNight?: boolean;
  /** it was a span of days or a month ("over the past 24 hours", "in December"): no one day to put a clock time on */
  previousWide?: boolean;
  /** the sentence tells a strike or an assault: done before the report, so never dated after it */
  past?: boolean;
}

const NIGHT_START = 18;
const NIGHT_END = 9;
const MORNING = [5, 12] as const;
const AFTERNOON = [12, 18] as const;
const EVENING = [17, 24] as const;

const FUTURE =
  /\b(will|would|is set to|are set to|set to|is due to|are due to|due to|plans? to|planned|scheduled|next|upcoming|ahead of)\b/i;
const REPORTING =
  /\b(said|says|told|reported|announced|wrote|posted|alleged|claimed|added|stated|confirmed|declared)\s+(late\s+|early\s+)?(on\s+|in\s+|by\s+)?$/i;

/** a weekday named alone, with no month or number that would fix it */
const WEEKDAY_ONLY =
  /^(?!.*\d)(?!.*\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b).*\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/i;
/** the clause just before a date opens on "after" and tells something done: "after drones hit Odesa on" */
const PAST_AFTER =
  /\b(?:after|following)\s+(?:[\w'’-]+\s+){0,6}?(?:hit|struck|attacked|shelled|killed|fired|launched|bombed|pounded|targeted)\b[^,;.]*$/i;
/** "On Tuesday Putin said": a day opening the clause of a verb of saying */
const SAID_AFTER = /^\s*,?\s*(?:[\w'’.-]+\s+){0,4}?(?:said|says|told|announced|declared|stated)\b/i;
/** "Envoys met in Geneva on 17 July": a meeting or signing told as done was done before the report */
const DONE = /\b(?:met|signed|took place|(?:was|were) held|held talks)\b/i;
/** "at 8 a.m. officials counted three dead": the time a count was told, not the time of what it counts */
const COUNTED_AT = /^\s*,?\s*(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:counted|reported|recorded)\b/i;
/** "by Tuesday morning 18 were dead", "as of Monday": the state as of then, a bound on when it happened */
const AS_OF = /\b(?:by|as of)\s+$/i;
/** "the toll rose to 40 on Monday", "had climbed to 12 by Sunday": when a toll stood so, not when the strike was */
const TOLL_STATE =
  /\b(?:rose|risen|rises|climbed|climbs|reached|reaches|stood|stands|increased|jumped|grew|grown)\s+(?:to\s+|at\s+)?(?:at least\s+|more than\s+)?[\w,-]+(?:\s+(?:people|dead|deaths|killed|injured|wounded))?\s+(?:late\s+|early\s+)?(?:on\s+|by\s+|in\s+)?$/i;

/** "Thursday was declared a day of mourning", "declared Sunday a day of mourning": a day that follows the
 * happening and is named for it, so it bounds it and never dates it */
const MOURNING =
  /^\s*(?:(?:was|is|will be|has been|had been)\s+)?(?:declared\s+|named\s+|proclaimed\s+)?(?:as\s+)?an?\s+(?:national\s+|official\s+|citywide\s+)?day of (?:mourning|remembrance)\b/i;

/** "noon Moscow time on Friday", "18:00 Kyiv time on 8 May": declarations often keep the declaring side's clock */
const CLOCK_IN_ZONE =
  /\b(noon|midday|midnight|\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|\d{1,2}:\d{2})\s+(Moscow|Kyiv|Kiev|GMT|UTC|local)\s+time\s+((?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}))/gi;
const ZONES: Record<string, string> = {
  moscow: 'Europe/Moscow',
  kyiv: 'Europe/Kyiv',
  kiev: 'Europe/Kyiv',
  gmt: 'UTC',
  utc: 'UTC',
};

function clockOf(t: string): [number | undefined, number] {
  const w = t.toLowerCase().replace(/\s+/g, '');
  if (w === 'noon' || w === 'midday') return [12, 0];
  if (w === 'midnight') return [0, 0];
  const m = /^(\d{1,2})(?::(\d{2}))?(a\.m\.|p\.m\.|am|pm)?$/.exec(w);
  if (!m) return [undefined, 0];
  let h = Number(m[1]);
  if (m[3]?.startsWith('p') && h < 12) h += 12;
  if (m[3]?.startsWith('a') && h === 12) h = 0;
  return [h, Number(m[2] ?? 0)];
}

/** "after a strike in", "since the raid of": a strike named by its date as a reference point */
const REFERENCE_STRIKE =
  /\b(?:after|since|than)\s+(?:a|an|the|last|its)\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|raid|barrage|bombardment|assault|(?:missile|drone|bomb|shell|rocket)s?\s+(?:hit|struck|killed|slammed into)\s+(?:[\w'’-]+\s+){0,4}?)\s*(?:in|on|of|last)?\s*$/i;
/** a clause telling history ("had restarted", "has been shut") or comparing ("the largest", "the first") */
const COMPARISON = /\b(?:first|largest|biggest|heaviest|deadliest|worst|longest|most)\b/i;
const HISTORY_OR_COMPARISON = new RegExp(
  String.raw`\b(?:had|has|have)\s+(?:(?:only|just|already|not|never|since)\s+)?\w+(?:ed|en|un|t)\b|${COMPARISON.source}`,
  'i',
);

const WEEKDAY = /^(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/i;
const MIDDLE_OF_NIGHT =
  /\b(?:in the (?:middle|dead) of (?:the )?night|in the small hours|in the early hours|in the pre-?dawn hours) (?:on|of) ((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2})\b/gi;
const PAST_HOURS =
  /\b(?:(?:over|in|during|within)\s+)?the (?:past|last|previous) (\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|twenty-four|forty-eight|seventy-two) (hours?|days?)\b/gi;
/** "three days earlier", "a week after" (chrono's words for a day counted from another) */
const OFFSET = /^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(days?|weeks?)\s+(earlier|later|after|before)$/i;
/** "40 minutes after", "an hour before": a gap between happenings (minutes and hours too) */
const GAP =
  /(?:^|\s)(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|\d+)\s+(?:minutes?|hours?)\s+(?:after|before)$/i;

/**
 * Days named by a fixed-date holiday ("on New Year's Day"): a calendar date told by its name, so read as
 * that date (the last one before publication unless the sentence speaks of the future). Only holidays
 * with one date everywhere: Christmas falls on 25 December or 7 January depending on the church (CHRISTMAS
 * below tells them apart by the report's own date).
 */
const HOLIDAYS: Record<string, [month: number, day: number]> = {
  "new year's day": [1, 1],
  "new year's eve": [12, 31],
};
const HOLIDAY = /\b(?:on\s+)?(New Year['’]s (?:Day|Eve))\b/gi;
const holidayKey = (w: string) => w.toLowerCase().replace(/’/g, "'");
/**
 * "on Christmas morning" in a report filed that week: the church is told by the report's own date. Within a
 * week after 25 December it is that day (the Eve the 24th); within a week after 7 January, or when the text
 * says "Orthodox", the 7th. Farther from either, the name leaves the day open and dates nothing.
 */
const CHRISTMAS =
  /\b(?:on\s+)?(Orthodox\s+)?Christmas(?:\s+(Day|Eve|morning|afternoon|evening|night))?\b(?!\s+(?:truce|ceasefire|ceasefires|tree|market|holidays|greetings)\b)/gi;
function christmasDay(pub: DateTime, orthodox: boolean): DateTime | undefined {
  const day = pub.startOf('day');
  for (const [month, dom] of orthodox
    ? [[1, 7]]
    : [
        [12, 25],
        [1, 7],
      ]) {
    for (const year of [day.year, day.year - 1]) {
      const d = DateTime.fromObject({ year, month: month!, day: dom! }, { zone: pub.zone });
      const back = day.diff(d, 'days').days;
      if (back >= 0 && back <= 7) return d;
    }
  }
  return undefined;
}

/** A weekday or a day of a month, as the day it names (the last one before publication unless future). */
function namedDay(words: string, pub: DateTime, lean: Lean): DateTime | undefined {
  const holiday = HOLIDAYS[holidayKey(words)];
  if (holiday) return yearFor(pub, holiday[0], holiday[1], lean);
  const r = chrono.en.parse(words, pub.toJSDate(), { forwardDate: false })[0]?.start;
  if (r === undefined) return undefined;
  if (r.isCertain('day') && r.isCertain('month'))
    return r.isCertain('year')
      ? DateTime.fromObject({ year: r.get('year')!, month: r.get('month')!, day: r.get('day')! }, { zone: pub.zone })
      : yearFor(pub, r.get('month')!, r.get('day')!, lean);
  if (r.isCertain('weekday')) return weekdayNear(pub, r.get('weekday') === 0 ? 7 : r.get('weekday')!, lean === 'after');
  return undefined;
}

/**
 * words for a day or a part of one, told against the day the text spoke of last ("the night before the
 * talks" is told against the talks; "The same night Russia sent drones" opens on its time, then its subject:
 * only a phrase ending in "before" takes an object)
 */
const ANAPHORIC_DAY =
  /\b(?:(that same (?:night|day|morning|afternoon|evening)|that night|the same night|that day|the same day|later in the day|earlier in the day|the following night|the next night|the previous night|the next day|the following day|the previous day|that morning|that afternoon|that evening|the next morning|the following morning)|(the night before|the day before)(?!\s+(?:the|a|an|his|her|its|their|Russia|Ukraine|Moscow|Kyiv)\b))\b/gi;
/** "on the evening of 8 March", "the morning of Sunday": chrono loses the day behind "of" */
const PART_OF_DAY =
  /\b(?:on |in )?the (morning|afternoon|evening) of ((?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2})|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b/gi;

interface Part {
  from: number;
  to: number;
  /** hours end past midnight when `to` > 24 */
  label: 'night' | 'morning' | 'afternoon' | 'evening' | 'early' | 'late' | 'day';
}

function partAround(before: string, after: string, matched: string): Part {
  const near = `${before.slice(-24)} ${matched} ${after.slice(0, 16)}`.toLowerCase();
  const nightAfter = /^\s*(night|overnight)\b/i.test(after) || /\bnight\b/i.test(matched);
  if (nightAfter || /\bovernight\b/.test(near)) return { from: NIGHT_START, to: 24 + NIGHT_END, label: 'night' };
  if (/\bmorning\b/.test(near)) return { from: MORNING[0], to: MORNING[1], label: 'morning' };
  if (/\bafternoon\b/.test(near)) return { from: AFTERNOON[0], to: AFTERNOON[1], label: 'afternoon' };
  // "in his nightly address on Thursday": the evening
  if (/\bevening\b|\bnightly\b/.test(near)) return { from: EVENING[0], to: EVENING[1], label: 'evening' };
  if (/\b(early|early hours of|small hours of|pre-?dawn hours of)\s*(on\s+)?$/i.test(before.slice(-24)))
    return { from: 0, to: 12, label: 'early' };
  // "late on Friday": the evening up to midnight; past midnight a report would name the next day
  if (/\blate\s*(on\s+)?$/i.test(before.slice(-12))) return { from: 18, to: 24, label: 'late' };
  return { from: 0, to: 24, label: 'day' };
}

/** The last `weekday` (1 = Monday .. 7 = Sunday) on or before the day, or the next on or after it. */
function weekdayNear(pub: DateTime, weekday: number, future: boolean): DateTime {
  const day = pub.startOf('day');
  const diff = weekday - day.weekday;
  if (future) return day.plus({ days: (diff + 7) % 7 });
  return day.minus({ days: (7 - diff) % 7 });
}

/**
 * Which way from publication a day told without its year lies: after it (the sentence speaks of what is to
 * come), before it (it tells a strike: what the report tells as done was done by the time it was filed),
 * or near it (anything else: a date nearly a year back may be one in the coming weeks).
 */
type Lean = 'after' | 'before' | 'near';

/** A month and day with no year: the year that puts it nearest before (or, for the future, after) publication. */
function yearFor(pub: DateTime, month: number, day: number, lean: Lean): DateTime {
  const zone = pub.zone;
  const candidates = [-1, 0, 1].map((k) => DateTime.fromObject({ year: pub.year + k, month, day }, { zone }));
  const pubDay = pub.startOf('day');
  if (lean === 'after') return candidates.find((c) => c >= pubDay) ?? candidates[2]!;
  const past = [...candidates].reverse().find((c) => c <= pubDay.plus({ days: 1 })) ?? candidates[0]!;
  if (lean === 'before') return past;
  // "between 20 and 30 June" in a report of 2 June: a date told without its year lies near the report, so
  // one nearly a year back gives way to the same date in the coming weeks
  const next = candidates.find((c) => c > pubDay.plus({ days: 1 }));
  if (next !== undefined && pubDay.diff(past, 'days').days > 240 && next.diff(pubDay, 'days').days <= 60) return next;
  return past;
}

function cap(end: DateTime, pub: DateTime): DateTime {
  return end > pub ? pub : end;
}

function mention(
  start: DateTime,
  end: DateTime,
  precision: Precision,
  words: string,
  index: number,
  sentence: string,
  explicit: boolean,
  confidence: DateMention['confidence'],
  pub: DateTime,
): DateMention {
  // a night or a morning cannot reach past the report; a named day is its whole day by convention
  const capped = start < pub && precision === 'part-of-day' ? cap(end, pub) : end;
  return {
    start,
    end: capped,
    precision,
    words: words.trim(),
    index,
    // "hit by Monday's strike" is no "as of"
    reporting:
      REPORTING.test(sentence.slice(0, index)) ||
      MOURNING.test(sentence.slice(index + words.length)) ||
      /\bdeclared\s+$/i.test(sentence.slice(0, index)) ||
      TOLL_STATE.test(sentence.slice(0, index)) ||
      COUNTED_AT.test(sentence.slice(index + words.length)) ||
      (AS_OF.test(sentence.slice(0, index)) && !/^\S+?['’]s\b/.test(sentence.slice(index))),
    explicit,
    confidence,
  };
}

function dayWithPart(day: DateTime, part: Part): { start: DateTime; end: DateTime; precision: Precision } {
  return {
    start: day.plus({ hours: part.from }),
    end: day.plus({ hours: part.to }),
    precision: part.label === 'day' ? 'day' : 'part-of-day',
  };
}

/** Every date the sentence states, in order of appearance. */
export function readDates(sentence: string, ctx: DateContext): DateMention[] {
  const pub = ctx.published;
  const zone = pub.zone;
  const pubDay = pub.startOf('day');
  const future = FUTURE.test(sentence);
  const lean: Lean = future ? 'after' : ctx.past || DONE.test(sentence) ? 'before' : 'near';
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);

  for (const m of sentence.matchAll(HOLIDAY)) {
    const d = namedDay(m[1]!, pub, lean)!;
    out.push(mention(d, d.plus({ days: 1 }), 'day', m[0], m.index, sentence, true, 'high', pub));
    taken.push([m.index, m.index + m[0].length]);
  }

  for (const m of sentence.matchAll(CHRISTMAS)) {
    const word = m[2]?.toLowerCase();
    const d = christmasDay(pub, m[1] !== undefined);
    if (d === undefined) continue;
    const day = word === 'eve' ? d.minus({ days: 1 }) : d;
    const part =
      word === 'morning'
        ? MORNING
        : word === 'afternoon'
          ? AFTERNOON
          : word === 'evening'
            ? EVENING
            : word === 'night'
              ? [NIGHT_START, 24 + NIGHT_END]
              : undefined;
    const [from, to] = part ?? [0, 24];
    out.push(
      mention(day.plus({ hours: from }), day.plus({ hours: to }), part ? 'part-of-day' : 'day', m[0], m.index, sentence, true, 'high', pub),
    );
    taken.push([m.index, m.index + m[0].length]);
  }

  // "the night of 2 to 3 February", "the night of February 2-3", "night into Tuesday"
  for (const m of sentence.matchAll(/\b(?:on\s+)?the night (?:of|to|into)\s+([^,.;]{3,40})/gi)) {
    const idx = m.index;
    const parsed = chrono.en.parse(m[1]!, pub.toJSDate(), { forwardDate: false });
    const days = m[1]!.match(
      /^(\d{1,2})\s*(?:-|–|to|and)\s*(\d{1,2})\s+([A-Z][a-z]+)|^([A-Z][a-z]+)\s+(\d{1,2})\s*(?:-|–|to|and)\s*(\d{1,2})/,
    );
    if (days) {
      const monthName = days[3] ?? days[4]!;
      const d1 = Number(days[1] ?? days[5]);
      const d2 = Number(days[2] ?? days[6]);
      const monthDt = DateTime.fromFormat(monthName.slice(0, 3), 'LLL', { locale: 'en' });
      if (monthDt.isValid) {
        const first = yearFor(pub, monthDt.month, d1, lean);
        const second = first.plus({ days: d2 - d1 });
        // (the words end at the month: "on the night of 4 to 5 May", not the clause that follows it)
        const words = `${m[0].slice(0, m[0].length - m[1]!.length)}${days[0]}`;
        out.push(
          mention(
            first.plus({ hours: NIGHT_START }),
            second.plus({ hours: NIGHT_END }),
            'part-of-day',
            words,
            idx,
            sentence,
            true,
            'high',
            pub,
          ),
        );
        taken.push([idx, idx + words.length]);
        continue;
      }
    }
    const r = parsed[0];
    if (r === undefined) continue;
    const weekday = r.start.get('weekday');
    let day: DateTime | undefined;
    if (r.start.isCertain('day') && r.start.isCertain('month')) {
      day = r.start.isCertain('year')
        ? DateTime.fromObject({ year: r.start.get('year')!, month: r.start.get('month')!, day: r.start.get('day')! }, { zone })
        : yearFor(pub, r.start.get('month')!, r.start.get('day')!, lean);
    } else if (weekday !== null && r.start.isCertain('weekday')) {
      day = weekdayNear(pub, weekday === 0 ? 7 : weekday, future);
    }
    if (day === undefined) continue;
    // "the night of Saturday to Sunday": the night that ends on the second day
    const pair = /^(?:\w+day)\s+(?:to|into|and)\s+(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/i.exec(m[1]!);
    if (pair && r.start.isCertain('weekday') && !r.start.isCertain('day')) {
      const second = ['mon', 'tues', 'wednes', 'thurs', 'fri', 'satur', 'sun'].indexOf(pair[1]!.toLowerCase()) + 1;
      day = weekdayNear(pub, second, future).minus({ days: 1 });
    }
    const into = /\binto\b|\bto\b/i.test(m[0].slice(0, 20)) || pair !== null;
    const words = m[0];
    if (pair) day = day.plus({ days: 1 });
    if (into || day.hasSame(pubDay, 'day')) {
      // the night that ends on the named day
      out.push(
        mention(
          day.minus({ days: 1 }).plus({ hours: NIGHT_START }),
          day.plus({ hours: NIGHT_END }),
          'part-of-day',
          words,
          idx,
          sentence,
          true,
          'high',
          pub,
        ),
      );
    } else {
      // "the night of 19 November": the night into it or out of it; the text does not say which
      out.push(
        mention(
          day.minus({ days: 1 }).plus({ hours: NIGHT_START }),
          day.plus({ days: 1, hours: NIGHT_END }),
          'days',
          words,
          idx,
          sentence,
          true,
          'medium',
          pub,
        ),
      );
    }
    taken.push([idx, idx + m[0].length]);
  }

  // "from noon Moscow time on Friday": a clock time told in a named zone, on a named day
  for (const m of sentence.matchAll(CLOCK_IN_ZONE)) {
    const idx = m.index;
    if (!free(idx, idx + m[0].length)) continue;
    const clockZone = ZONES[m[2]!.toLowerCase()] ?? zone;
    const parsed = chrono.en.parse(m[3]!, pub.toJSDate(), { forwardDate: false })[0];
    if (parsed === undefined) continue;
    const r = parsed.start;
    let day: DateTime | undefined;
    if (r.isCertain('day') && r.isCertain('month'))
      day = r.isCertain('year')
        ? DateTime.fromObject({ year: r.get('year')!, month: r.get('month')!, day: r.get('day')! }, { zone })
        : yearFor(pub, r.get('month')!, r.get('day')!, lean);
    else if (r.isCertain('weekday')) day = weekdayNear(pub, r.get('weekday') === 0 ? 7 : r.get('weekday')!, future);
    if (day === undefined) continue;
    const [h, min] = clockOf(m[1]!);
    if (h === undefined) continue;
    const at = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: h, minute: min }, { zone: clockZone }).setZone(
      zone,
    );
    out.push(mention(at, at.plus({ hours: 1 }), 'hour', m[0], idx, sentence, r.isCertain('month'), 'high', pub));
    taken.push([idx, idx + m[0].length]);
  }

  // "in the middle of the night on Sunday": that day's small hours, up to the night's end
  for (const m of sentence.matchAll(MIDDLE_OF_NIGHT)) {
    const idx = m.index;
    const day = namedDay(m[1]!, pub, lean);
    if (day === undefined || !free(idx, idx + m[0].length)) continue;
    out.push(mention(day, day.plus({ hours: NIGHT_END }), 'part-of-day', m[0], idx, sentence, !WEEKDAY.test(m[1]!), 'high', pub));
    taken.push([idx, idx + m[0].length]);
  }

  // "on the evening of 8 March": that part of the named day
  for (const m of sentence.matchAll(PART_OF_DAY)) {
    const idx = m.index;
    const day = namedDay(m[2]!, pub, lean);
    if (day === undefined || !free(idx, idx + m[0].length)) continue;
    const p = m[1]!.toLowerCase();
    const [from, to] = p === 'morning' ? MORNING : p === 'afternoon' ? AFTERNOON : EVENING;
    out.push(
      mention(day.plus({ hours: from }), day.plus({ hours: to }), 'part-of-day', m[0], idx, sentence, !WEEKDAY.test(m[2]!), 'high', pub),
    );
    taken.push([idx, idx + m[0].length]);
  }

  // "over the past 24 hours": the days that window touches, up to the report
  for (const m of sentence.matchAll(PAST_HOURS)) {
    const idx = m.index;
    if (!free(idx, idx + m[0].length) || /\bfor\s*$/i.test(sentence.slice(0, idx))) continue;
    const n = wordValue(m[1]!);
    if (n === undefined) continue;
    const from = /^hour/i.test(m[2]!) ? pub.minus({ hours: n }) : pubDay.minus({ days: n });
    out.push(mention(from.startOf('day'), pub, 'days', m[0], idx, sentence, false, 'high', pub));
    taken.push([idx, idx + m[0].length]);
  }

  // chrono: explicit dates, weekdays, yesterday, last week/month, N days ago
  const found = chrono.en.parse(sentence, pub.toJSDate(), { forwardDate: false });
  // a clock time with no day of its own ("at 2:50 a.m.") is on the day the text spoke of last, unless the
  // sentence names a day itself
  const namesDay = found.some((r) => r.start.isCertain('weekday') || (r.start.isCertain('day') && r.start.isCertain('month')));
  for (const r of found) {
    const a = r.index;
    const b = r.index + r.text.length;
    if (!free(a, b)) continue;
    const text = r.text;
    const before = sentence.slice(0, a);
    const after = sentence.slice(b);
    const s = r.start;
    const lower = text.toLowerCase();
    // "put at 11 on Tuesday": news style writes a clock time with a.m., p.m. or minutes, so a bare number
    // after "at" is a figure, not an hour
    const clock =
      s.isCertain('hour') && /\d(?::\d{2}|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|h\b|o['’]clock))|\b(?:noon|midday|midnight)\b/i.test(text);
    if (s.isCertain('hour') && !clock && /^at\s+\d{1,2}\b/i.test(text.trim()) && !s.isCertain('day')) {
      const d = s.isCertain('weekday') ? weekdayNear(pub, s.get('weekday') === 0 ? 7 : s.get('weekday')!, future) : undefined;
      if (d === undefined) continue;
      const on = text.replace(/^at\s+\d{1,2}\s*/i, '');
      out.push(mention(d, d.plus({ days: 1 }), 'day', on, a + text.indexOf(on), sentence, false, 'high', pub));
      taken.push([a, b]);
      continue;
    }
    if (
      clock &&
      /\d/.test(text) &&
      !namesDay &&
      !s.isCertain('day') &&
      !s.isCertain('weekday') &&
      !s.isCertain('month') &&
      ctx.previousDay !== undefined &&
      !ctx.previousWide &&
      !/\b(?:since|until|till|by)\s*$/i.test(before) &&
      // ("the evacuation was to begin at 11 a.m.": the hour of what was to happen, not of what did)
      !/\b(?:was|were|is|are)\s+(?:due\s+|set\s+|scheduled\s+)?to\s+\w+\s+(?:at\s+)?(?:about\s+|around\s+)?$/i.test(before)
    ) {
      const h = s.get('hour')!;
      // a night told before ("overnight") holds the small hours of the morning it ends on
      const day = ctx.previousDay.startOf('day').plus({ days: ctx.previousNight && h < 12 ? 1 : 0 });
      const at = day.plus({ hours: h, minutes: s.get('minute') ?? 0 });
      // "from about 1 a.m.": when it began
      const from = /\bfrom\s+(?:about|around|approximately|roughly)?\s*$/i.exec(before);
      const words = `${from ? from[0] : ''}${text}`;
      const m = mention(
        at.minus({ hours: 1 }),
        at.plus({ hours: 1 }),
        'hour',
        words,
        a - (from?.[0].length ?? 0),
        sentence,
        false,
        'medium',
        pub,
      );
      out.push({ ...m, carried: true, ...(from ? { opens: true } : {}) });
      taken.push([a, b]);
      continue;
    }
    // a bare clock time ("at 18:50") or a year alone says nothing here that a day does not
    if (
      !s.isCertain('day') &&
      !s.isCertain('weekday') &&
      !s.isCertain('month') &&
      !/yesterday|last|ago|earlier|week|today|tonight|night|morning/.test(lower)
    )
      continue;
    if (/\bsince\s*$/i.test(before)) continue;
    // "the refinery had just resumed work after a strike in November", "the largest attack since the raid of 12
    // March": a strike named as the reference point of a clause of history (perfect tense) or comparison is
    // another strike, and its date is not the occurrence's
    const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf(',')) + 1);
    if (REFERENCE_STRIKE.test(before) && HISTORY_OR_COMPARISON.test(clause)) continue;
    // "the first drone attack on Lviv in 12 days": the gap since the last one, not a day ahead
    if (/^in\s+(?:\d+|[a-z-]+)\s+(?:days|weeks|months|years)$/i.test(text.trim()) && COMPARISON.test(before)) continue;
    // a duration ("for a week", "within three hours") is not a date
    if (
      /^(?:for\s+|within\s+)?(?:a|an|one|two|three|\d+)\s+(?:week|day|month|year|hour|minute)s?$/i.test(text.trim()) ||
      // ("ran for about 16 hours")
      /^(?:for|within)\s+(?:about|around|nearly|almost|some|roughly|more than|over|up to)\s+/i.test(text.trim()) ||
      /\b(?:for|within)\s*$/i.test(before)
    )
      continue;
    // "a week after a missile barrage hit the city": told against another happening, not the report
    if (OFFSET.test(text.trim()) && /^(?:after|before)$/i.test(text.trim().split(/\s+/).at(-1)!)) continue;
    // "the second 40 minutes after the first", "two hours before the talks": a gap between two happenings
    // the text tells, at any scale, never a time counted from the report
    if (GAP.test(text.trim())) continue;
    // "Russia now says", "is now in force": "now" is the time of writing, which dates the report and no
    // happening it tells of (chrono reads it as the publication hour)
    if (/^(?:right\s+)?now$/i.test(text.trim())) continue;
    // ("later in the day": the day told before, read below; chrono takes "in the day" for a day ahead)
    if (/^in the day$/i.test(text.trim())) continue;
    // "three days earlier": counted from the day the story is on, not from the dateline
    const offset = OFFSET.exec(text.trim());
    if (offset && ctx.previousDay !== undefined && /^(?:earlier|later)$/i.test(offset[3]!)) {
      const n = wordValue(offset[1]!) ?? 1;
      const unit = offset[2]!.toLowerCase().replace(/s$/, '') as 'day' | 'week';
      // a night ("overnight" into Wednesday) is on the day it ends: "a day earlier" is Tuesday
      const d = ctx.previousDay.startOf('day').plus({ days: ctx.previousNight ? 1 : 0 });
      const at = /^earlier$/i.test(offset[3]!) ? d.minus({ [`${unit}s`]: n }) : d.plus({ [`${unit}s`]: n });
      out.push(mention(at, at.plus({ [`${unit}s`]: 1 }), unit === 'day' ? 'day' : 'days', text, a, sentence, false, 'medium', pub));
      taken.push([a, b]);
      continue;
    }
    const part = partAround(before, after, text);
    let day: DateTime | undefined;
    let explicit = false;
    if (/\blast month\b/.test(lower)) {
      const m = pubDay.startOf('month').minus({ months: 1 });
      out.push(mention(m, m.plus({ months: 1 }), 'month', text, a, sentence, false, 'high', pub));
      taken.push([a, b]);
      continue;
    }
    if (/\blast week\b/.test(lower)) {
      const w = pubDay.startOf('week').minus({ weeks: 1 });
      out.push(mention(w, w.plus({ weeks: 1 }), 'days', text, a, sentence, false, 'high', pub));
      taken.push([a, b]);
      continue;
    }
    if (/\bthis week\b/.test(lower)) {
      const w = pubDay.startOf('week');
      out.push(mention(w, pub, 'days', /earlier\s*$/i.test(before) ? `earlier ${text}` : text, a, sentence, false, 'high', pub));
      taken.push([a, b]);
      continue;
    }
    if (/\blast night\b|\btonight\b/.test(lower)) {
      const d = /tonight/.test(lower) ? pubDay : pubDay.minus({ days: 1 });
      out.push(
        mention(
          d.plus({ hours: NIGHT_START }),
          d.plus({ days: 1, hours: NIGHT_END }),
          'part-of-day',
          text,
          a,
          sentence,
          false,
          'high',
          pub,
        ),
      );
      taken.push([a, b]);
      continue;
    }
    if (/\b(this morning|today|earlier today)\b/.test(lower)) day = pubDay;
    else if (s.isCertain('day') && s.isCertain('month')) {
      explicit = true;
      day = s.isCertain('year')
        ? DateTime.fromObject({ year: s.get('year')!, month: s.get('month')!, day: s.get('day')! }, { zone })
        : /yesterday|ago|earlier|later/.test(lower)
          ? DateTime.fromObject({ year: s.get('year')!, month: s.get('month')!, day: s.get('day')! }, { zone })
          : yearFor(pub, s.get('month')!, s.get('day')!, lean);
      if (/yesterday|ago|earlier|later/.test(lower)) explicit = false;
    } else if (s.isCertain('weekday')) {
      const wd = s.get('weekday')!;
      // "On Tuesday Putin said Russia would stop firing", "said on Tuesday that it would": the day something
      // was said is past, whatever future it speaks of
      const saidThen = REPORTING.test(before) || SAID_AFTER.test(after);
      day = weekdayNear(pub, wd === 0 ? 7 : wd, future && !saidThen);
    } else if (s.isCertain('month')) {
      // "in December": the whole month, the last one before publication unless said of the future
      const month = s.get('month')!;
      // ("from April to September 2022": the year told at a span's end holds for its start)
      const year = s.isCertain('year')
        ? s.get('year')!
        : r.end?.isCertain('year') && r.end.get('month')! >= month
          ? r.end.get('year')!
          : future
            ? month >= pub.month
              ? pub.year
              : pub.year + 1
            : month <= pub.month
              ? pub.year
              : pub.year - 1;
      const m = DateTime.fromObject({ year, month, day: 1 }, { zone });
      out.push(mention(m, m.plus({ months: 1 }), 'month', text, a, sentence, true, 'high', pub));
      taken.push([a, b]);
      continue;
    }
    if (day === undefined || !day.isValid) continue;
    // "overnight into Sunday", "the night to Tuesday": the night that ends on that day; "overnight and
    // into Friday morning" runs on through that morning
    const into = /\b(?:overnight|night)(?:\s+and)?\s+(?:into|to)\s+$/i.exec(before);
    if (into) {
      const morning = /\bmorning\b/i.test(text) || /^\s*morning\b/i.test(after);
      const words = `${into[0]}${text}${!/\bmorning\b/i.test(text) && morning ? ' morning' : ''}`;
      out.push(
        mention(
          day.minus({ days: 1 }).plus({ hours: NIGHT_START }),
          day.plus({ hours: morning ? MORNING[1] : NIGHT_END }),
          'part-of-day',
          words,
          a - into[0].length,
          sentence,
          explicit,
          'high',
          pub,
        ),
      );
      taken.push([a, b]);
      continue;
    }
    // "at around 4 a.m. on Sunday": the hour around the stated time; "at midnight on Thursday" the hour from it
    if (s.isCertain('hour') && s.get('hour') !== null) {
      const at = day.plus({ hours: s.get('hour')!, minutes: s.get('minute') ?? 0 });
      const sharp = /^(?:at\s+)?(?:midnight|noon|midday)\b/i.test(text) && !/\b(?:around|about|approximately|roughly)\s*$/i.test(before);
      // "shortly before midnight on Tuesday": the last hour of Tuesday, not its first
      if (/^midnight\b/i.test(text) && /\b(?:shortly|just|soon|minutes|moments)\s+before\s*$/i.test(before)) {
        const end = day.plus({ days: 1 });
        const pre = /\S+\s+before\s*$/i.exec(before)![0];
        out.push(mention(end.minus({ hours: 1 }), end, 'hour', `${pre}${text}`, a - pre.length, sentence, explicit, 'medium', pub));
        taken.push([a, b]);
        continue;
      }
      out.push(mention(sharp ? at : at.minus({ hours: 1 }), at.plus({ hours: 1 }), 'hour', text, a, sentence, explicit, 'medium', pub));
      taken.push([a, b]);
      continue;
    }
    const span = dayWithPart(day, part);
    const pre = before.match(/\b(late|early)\s+(on\s+)?$/i)?.[0] ?? '';
    const post = after.match(/^\s*(night|morning|evening|afternoon)\b/i)?.[0] ?? '';
    out.push(mention(span.start, span.end, span.precision, `${pre}${text}${post}`, a - pre.length, sentence, explicit, 'high', pub));
    taken.push([a, b]);
  }

  // "that night", "the same day", "the next morning": the day the text spoke of last
  for (const m of sentence.matchAll(ANAPHORIC_DAY)) {
    if (!free(m.index, m.index + m[0].length) || ctx.previousDay === undefined) continue;
    const d = ctx.previousDay.startOf('day');
    // ("that same day" is "the same day"; "that same evening" is "that evening")
    const w = m[0]
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/^that same (night|day)$/, 'the same $1')
      .replace(/^that same /, 'that ');
    const night = ctx.previousEarly ? d.minus({ days: 1 }) : d;
    const nightOf = (x: DateTime) => ({
      s: x.plus({ hours: NIGHT_START }),
      e: x.plus({ days: 1, hours: NIGHT_END }),
      p: 'part-of-day' as const,
    });
    const partOf = (x: DateTime, [from, to]: readonly [number, number]) => ({
      s: x.plus({ hours: from }),
      e: x.plus({ hours: to }),
      p: 'part-of-day' as const,
    });
    const dayOf = (x: DateTime) => ({ s: x, e: x.plus({ days: 1 }), p: 'day' as const });
    const span =
      // ("the same night": the night told before, as "that night")
      w === 'that night' || w === 'the same night'
        ? nightOf(night)
        : w === 'the following night' || w === 'the next night'
          ? nightOf(d.plus({ days: 1 }))
          : w === 'the previous night' || w === 'the night before'
            ? nightOf(d.minus({ days: 1 }))
            : w === 'the next day' || w === 'the following day'
              ? dayOf(d.plus({ days: 1 }))
              : w === 'the day before' || w === 'the previous day'
                ? dayOf(d.minus({ days: 1 }))
                : w === 'that morning'
                  ? partOf(d, MORNING)
                  : w === 'that afternoon'
                    ? partOf(d, AFTERNOON)
                    : w === 'that evening'
                      ? partOf(d, EVENING)
                      : w === 'the next morning' || w === 'the following morning'
                        ? partOf(d.plus({ days: 1 }), MORNING)
                        : dayOf(d);
    out.push(mention(span.s, span.e, span.p, m[0], m.index, sentence, false, 'medium', pub));
    taken.push([m.index, m.index + m[0].length]);
  }

  // "overnight", "during the night", "in the early hours": the night before the report
  for (const m of sentence.matchAll(
    /\b(overnight|during the night|through the night|in the early hours|in the small hours|in the pre-?dawn hours|at night|(?:shortly |just |soon )?after midnight|before dawn|before daybreak|at dawn)\b/gi,
  )) {
    if (!free(m.index, m.index + m[0].length)) continue;
    // a weekday or date already read in the same sentence carries the night (chrono saw "Monday night")
    if (out.some((o) => o.precision === 'part-of-day' && !o.reporting)) continue;
    // ("in the small hours", "in the predawn hours", "before daybreak": the early hours in other words)
    const early = /early hours|small hours|midnight|dawn|daybreak/i.test(m[0]);
    // a report dated days after the event, whose story is already on an earlier day ("early on Saturday"
    // in a Monday report): "after midnight" is that day's small hours; a bare "overnight" keeps the news
    // convention of the night before the report
    const told = ctx.previousDay?.startOf('day');
    // "before dawn on Sunday", "shortly after midnight on 3 March": the small hours of the day it names
    const on =
      /^\s+(?:on\s+)?((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|New Year['’]s (?:Day|Eve)|\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2})\b/.exec(
        sentence.slice(m.index + m[0].length),
      );
    const named = early && on ? namedDay(on[1]!, pub, lean) : undefined;
    // ("in the early hours of Tuesday" in a Wednesday report, then "fired 14 missiles overnight": the
    // night told is the one whose small hours the story is on, not the night before the report)
    const nightEnds =
      named ??
      ((early || ctx.previousEarly) && told !== undefined && told < pubDay ? (ctx.previousEarly ? told : told.plus({ days: 1 })) : pubDay);
    const start = early ? nightEnds : nightEnds.minus({ days: 1 }).plus({ hours: NIGHT_START });
    // "shortly after midnight": the hour after it
    const soon = /^(?:shortly|just|soon) after midnight$/i.test(m[0]);
    // dawn comes before the night's end; the small hours and "after midnight" run on to noon like "early on"
    const end = nightEnds.plus({ hours: soon ? 1 : /(?:before|at) (?:dawn|daybreak)/i.test(m[0]) ? NIGHT_END : early ? 12 : NIGHT_END });
    out.push(mention(start, end, soon ? 'hour' : 'part-of-day', m[0], m.index, sentence, false, pub.hour < 5 ? 'medium' : 'high', pub));
    taken.push([m.index, m.index + m[0].length]);
  }

  // ("over the weekend": chrono gives its Saturday only; a weekend is Saturday and Sunday; chrono's words
  // keep the comma of "over the weekend, killing two", the commonest place the phrase stands)
  for (const [i, d] of out.entries())
    if (/\bweekend\W*$/i.test(d.words) && d.precision === 'day' && d.start.weekday >= 6) {
      const saturday = d.start.minus({ days: d.start.weekday - 6 });
      out[i] = { ...d, start: saturday, end: saturday.plus({ days: 2 }), precision: 'days' };
    }
  // ("Zelensky said he would ask for air defence after Russian missiles hit Kyiv on Tuesday": the future the
  // main clause speaks of is not that of the strike it answers, told in the past after "after")
  for (const [i, d] of out.entries())
    if (future && d.start > pubDay && WEEKDAY_ONLY.test(d.words) && PAST_AFTER.test(sentence.slice(0, d.index))) {
      out[i] = { ...d, start: d.start.minus({ days: 7 }), end: d.end.minus({ days: 7 }) };
    }
  return out.sort((x, y) => x.index - y.index);
}
