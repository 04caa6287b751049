import { citeRecord } from '../sources/citeSource.js';
import { DateTime, Duration } from 'luxon';
import type { AgreementClaim, Obligation, WindowSpec } from '../schema/interpretation.js';
import { during, offsetMinutes, type Interval } from '../time/interval.js';
import { readingZone, windowPeriods } from '../time/window.js';

/**
 * The report vocabulary: the words every format (text, Markdown, HTML, the timeline, explain, diff,
 * sweep) uses for the same thing, so that they say the same about the same finding. Plain strings only:
 * each format escapes them itself (mdText, escapeXml). Light on purpose: no chart library loads here.
 */

export type PartyName = (id: string) => string;

/** A party's display name by id (the id itself when the scenario names no such party). */
export function partyNames(parties: readonly { id: string; name: string }[]): PartyName {
  const names = new Map(parties.map((p) => [p.id, p.name]));
  return (id) => names.get(id) ?? id;
}

export type PhaseStatus = 'met' | 'missed' | 'open';

/** A phase's outcome: met (a response came by the deadline), missed (the deadline passed first), open. */
export function phaseStatus(p: { met: boolean | null }): PhaseStatus {
  return p.met === true ? 'met' : p.met === false ? 'missed' : 'open';
}

/** What each phase outcome means, for legends. */
export const PHASE_STATUS_MEANING: Record<PhaseStatus, string> = {
  met: 'a response came by the deadline',
  missed: 'the deadline passed without a response',
  open: 'no deadline and no response yet',
};

/** A finding type, or an event's verdict, in words: `possible violation`, `escalation`, `no finding`. */
export const FINDING_WORD: Record<string, string> = {
  violation: 'violation',
  'possible-violation': 'possible violation',
  'escalation-trigger': 'escalation',
  none: 'no finding',
};

/** The same, as a heading in text reports. */
export const FINDING_HEAD: Record<string, string> = {
  violation: 'VIOLATION',
  'possible-violation': 'POSSIBLE VIOLATION',
  'escalation-trigger': 'ESCALATION',
  none: 'NO FINDING',
};

/** Why a strike gave no finding, as far as its time says: before or after the window, or nothing protected hit. */
export function noFindingWhy(event: Interval, window: { start: number; end: number; gaps?: readonly Interval[] | undefined }): string {
  if (event.end <= window.start && event.end > event.start) return 'before the window';
  if (event.start >= window.end) return 'after the window';
  // the runner's own containment test, so that a gap's open or closed edge reads as the rules read it
  if (window.gaps?.some((g) => during(event, g))) return 'in a gap between two periods of the window, when the truce did not bind';
  return 'nothing it protects was hit';
}

/** `broader-attack` -> `broader attack`. */
export function triggerWords(trigger: string | null | undefined): string {
  return (trigger ?? 'escalation').replace(/-/g, ' ');
}

/** One finding in words: `violation`, `possible violation`, `escalation: broader attack`. */
export function findingWords(f: { type: string; trigger?: string | null | undefined }): string {
  return f.type === 'escalation-trigger' ? `escalation: ${triggerWords(f.trigger)}` : (FINDING_WORD[f.type] ?? f.type);
}

const PLURAL: Record<string, string> = {
  city: 'cities',
  capital: 'capitals',
  town: 'towns',
  village: 'villages',
  district: 'districts',
  region: 'regions',
  country: 'countries',
};

/** A place kind in the plural: `city` -> `cities`. */
export const plural = (k: string): string => PLURAL[k] ?? `${k}s`;

/** `a`, `a and b`, `a, b and c`. */
export function listWords(xs: readonly string[], none = 'nothing'): string {
  if (xs.length === 0) return none;
  if (xs.length === 1) return xs[0]!;
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** A protected target in words: `energy` -> `energy infrastructure`. */
export const targetWords = (t: string): string => `${t} infrastructure`;

/** What an obligation protects: named places, kinds of place (capitals only when no place is named), targets. */
export function protectedThings(o: Obligation): string[] {
  const r = o.refrainFrom;
  if (r.all === true) return ['anything (all hostilities)'];
  const things = [
    ...r.places,
    ...r.placeKinds.filter((k) => k !== 'capital' || r.places.length === 0).map(plural),
    ...r.targets.map(targetWords),
  ];
  return things.length === 0 && (r.means !== undefined || r.area !== undefined) ? ['anything'] : things;
}

const MEANS_WORDS: Record<string, string> = {
  'long-range': 'long-range missiles and drones',
  air: 'air strikes and guided bombs',
  artillery: 'artillery and shelling',
  'ground-assault': 'ground assaults',
  'short-range-drones': 'FPV drones',
};

/** The means and area an obligation is limited to, in words: ` by long-range missiles and drones, within 30 km of the front line`. */
export function coverageWords(o: Obligation): string {
  const r = o.refrainFrom;
  const means = r.means ? ` by ${r.means.map((m) => MEANS_WORDS[m] ?? m).join(' or ')}` : '';
  const a = r.area;
  const area =
    a === undefined || a === 'whole-country'
      ? ''
      : 'frontLine' in a
        ? `, within ${a.frontLine.km} km of the front line`
        : `, in the rear (more than ${a.rear.km} km from the front line)`;
  return means + area;
}

/** `Russia spares Kyiv, cities, towns and energy infrastructure of Ukraine, while Ukraine complies (inferred)`. */
export function obligationSentence(o: Obligation, name: PartyName): string {
  const c = o.condition;
  const cond =
    c === undefined
      ? ''
      : c.while === 'counterparty-refrains'
        ? `, only while ${name(c.counterparty)} spares ${listWords(protectedThings({ ...o, refrainFrom: c.from }), 'nothing named')} of ${name(o.party)}${coverageWords({ ...o, refrainFrom: c.from })} (by conduct)`
        : `, while ${name(c.counterparty)} complies`;
  return `${name(o.party)} spares ${listWords(protectedThings(o), 'nothing named')} of ${name(o.towards)}${coverageWords(o)}${cond}${o.basis === 'inferred' ? ' (inferred)' : ''}`;
}

/** A count with its range: `12`, `70-80`, `2+` (no ceiling given). */
export function countWords(c: { low: number; high?: number | undefined }): string {
  return `${c.low}${c.high === undefined ? '+' : c.high !== c.low ? `-${c.high}` : ''}`;
}

/** An article citation: `000_5b12a92830bbfdb1.txt:14`. */
export function cite(s: { file: string; line: number }): string {
  return citeRecord(s) ?? `${s.file}:${s.line}`;
}

const UNITS = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
] as const;

/** An ISO-8601 duration in words: `P7D` -> `7 days`, `PT24H` -> `24 hours`, `-PT12H` -> `minus 12 hours`. */
export function durationWords(iso: string): string {
  const neg = iso.startsWith('-');
  const d = Duration.fromISO(neg ? iso.slice(1) : iso);
  if (!d.isValid) return iso;
  const o = d.toObject();
  const parts = UNITS.flatMap(([k, one]) => {
    const n = o[k];
    return n ? [`${n} ${n === 1 ? one : `${one}s`}`] : [];
  });
  const words = parts.length === 0 ? '0' : parts.join(' ');
  return neg ? `minus ${words}` : words;
}

/**
 * An instant as the data wrote it, in its own offset, in the same style as the reports' times
 * (`Sun 1 Feb 2026 00:00 (GMT+3)`): one way of writing an offset throughout.
 */
export function asWrittenTime(iso: string): string {
  const dt = DateTime.fromISO(iso, { setZone: true });
  return `${dt.toFormat('ccc d LLL yyyy HH:mm')} (${offsetWords(dt.offset)})`;
}

/** An offset in minutes as `GMT+3`, `GMT-3:30`, `GMT` (the style of the reports' times). */
export function offsetWords(minutes: number): string {
  if (minutes === 0) return 'GMT';
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `GMT${sign}${Math.floor(m / 60)}${m % 60 === 0 ? '' : `:${String(m % 60).padStart(2, '0')}`}`;
}

/** The zone once, for a report's head: `Europe/Kyiv (GMT+2)`, with every offset its times use. */
export function zoneWords(zone: string, instants: readonly number[]): string {
  const offsets = [...new Set(instants.map((ms) => offsetMinutes(ms, zone)))].sort((a, b) => a - b);
  return offsets.length === 0 ? zone : `${zone} (${offsets.map(offsetWords).join(', ')})`;
}

type WindowTerms = {
  start: string;
  end?: string | undefined;
  duration?: string | undefined;
  startInclusive?: boolean;
  endInclusive?: boolean | 'day';
};

/** What a report adds after a reading's label when the label no longer matches the window run. */
export const LABEL_NOTE = 'label written for the original window, which this run changes';

/** Per reading id, a note for a reading whose label is free text written for a window that was changed since. */
export type LabelNotes = Readonly<Record<string, string>>;

/**
 * A reading's label is free text written for its window as published ("until 1 February"). When what is
 * run moved the window (an overlay kept the label), the label may no longer describe it: say so.
 */
export function labelNotes(input: {
  scenario: { interpretations: readonly { id: string; window: WindowTerms }[] };
  labelWindows?: Readonly<Record<string, WindowTerms>> | undefined;
}): LabelNotes {
  const key = (w: WindowTerms) =>
    JSON.stringify([w.start, w.end ?? null, w.duration ?? null, w.startInclusive ?? true, w.endInclusive ?? false]);
  const out: Record<string, string> = {};
  for (const r of input.scenario.interpretations) {
    const written = input.labelWindows?.[r.id];
    if (written !== undefined && key(written) !== key(r.window)) out[r.id] = LABEL_NOTE;
  }
  return out;
}

/** Text safe inside XML and HTML elements and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Who did an act, when the sources do not settle it: `DISPUTED: reported by Ukraine, denied by Russia`,
 * `CLAIMED: reported by Ukraine, not confirmed`; empty for a confirmed act.
 */
export function attributionWords(
  e: { attribution?: string | undefined; reportedBy?: readonly string[] | undefined; deniedBy?: readonly string[] | undefined },
  name: PartyName,
): string {
  const status = e.attribution ?? ((e.deniedBy?.length ?? 0) > 0 ? 'disputed' : 'confirmed');
  if (status === 'confirmed') return '';
  const by = e.reportedBy?.length ? `reported by ${listWords(e.reportedBy.map(name))}` : 'reported';
  const denied = e.deniedBy?.length ? `, denied by ${listWords(e.deniedBy.map(name))}` : '';
  return `${status.toUpperCase()}: ${by}${denied}${status === 'claimed' ? ', not confirmed' : ''}`;
}

/**
 * When a phase is due: `due <time>`; for a deadline counted from the response to an earlier phase that
 * has not come, what it waits for; else `none` (the sources give no deadline).
 */
export function dueWords(
  p: { dueBy: number | null; awaiting?: string | undefined },
  time: (ms: number) => string,
  none = 'no deadline in the sources',
): string {
  if (p.dueBy !== null) return `due ${time(p.dueBy)}`;
  return p.awaiting !== undefined ? `no deadline yet: it counts from a response to the ${p.awaiting} phase, none so far` : none;
}

type SourceLike = { file: string; line: number };

const CLAIM_WORDS: Record<string, string> = {
  accepted: 'accepted',
  'declined-to-confirm': 'declined to confirm',
  reciprocated: 'reciprocated',
  requested: 'requested',
  declared: 'declared the truce',
  rejected: 'rejected',
  'accepted-with-conditions': 'accepted with conditions',
  joined: 'joined',
};

/**
 * One party's claim about how the truce came about: `Russia accepted`, `Ukraine joined on <time>`,
 * `Ukraine accepted with conditions: its restraint covers energy; only while the ceasefire holds`.
 */
export function claimWords(
  c: Pick<AgreementClaim, 'by' | 'claim' | 'conditions' | 'on'>,
  name: PartyName,
  time: (ms: number) => string,
): string {
  const on = c.on !== undefined ? ` on ${time(Date.parse(c.on))}` : '';
  const conditions = c.conditions?.length ? `: ${c.conditions.join('; ')}` : '';
  return `${name(c.by)} ${CLAIM_WORDS[c.claim] ?? c.claim}${on}${conditions}`;
}

/** One line of a window's history: a period, a gap between two periods, or a party's declared end. */
export interface WindowPeriodLine {
  kind: 'period' | 'gap' | 'ended';
  words: string;
  sources: readonly SourceLike[];
}

/**
 * A window that changed, period by period (`renewal 1: <start> to <end>`), with the gaps between them
 * and a declared end; empty for a window of one period with a stated end (its one line says it all).
 */
export function windowPeriodLines(
  reading: { window: WindowSpec; timeZone?: string | undefined },
  scenarioZone: string,
  time: (ms: number) => string,
  name: PartyName,
): WindowPeriodLine[] {
  const w = reading.window;
  if ((w.renewals ?? []).length === 0 && w.endedBy === undefined && w.open !== true) return [];
  const out: WindowPeriodLine[] = [];
  // counted in the reading's zone, as the run counts them
  const periods = windowPeriods(w, readingZone(reading, scenarioZone));
  periods.forEach((p, i) => {
    const prev = periods[i - 1];
    if (prev !== undefined && p.start > prev.end)
      out.push({
        kind: 'gap',
        words: `gap: ${time(prev.end)} to ${time(p.start)}, covered by no period (the truce did not bind)`,
        sources: [],
      });
    const to = p.open ? 'open end' : `to ${time(p.end)}${p.endInclusive ? ' (included)' : ''}`;
    const label = i === 0 ? 'first period' : `renewal ${i}`;
    out.push({ kind: 'period', words: `${label}: ${time(p.start)} ${to}`, sources: i === 0 ? [] : (w.renewals?.[i - 1]?.sources ?? []) });
  });
  if (w.endedBy !== undefined)
    out.push({
      kind: 'ended',
      words: `declared over by ${name(w.endedBy.party)} from ${time(Date.parse(w.endedBy.at))}`,
      sources: w.endedBy.sources,
    });
  return out;
}
