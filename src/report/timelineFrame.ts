import { DateTime } from 'luxon';
import type { RunReport } from '../run/runScenario.js';
import { timelineRange } from './mermaid.js';

/**
 * The time frame of the timeline picture and the vocabulary its parts share: the colours, the row a
 * mark sits in (a Datum), and the shift of every instant to the scenario zone's wall-clock time.
 *
 * Time zone: Vega draws times in UTC or in the machine's local zone, neither of which is the scenario's.
 * So every instant is pre-shifted to the scenario zone's wall-clock time and declared as UTC (the axis
 * title says so): the picture reads the same on any machine.
 */

export const DAY = 86_400_000;

export const COLORS = {
  window: '#cfe0f3',
  violation: '#c62828',
  'possible violation': '#f2a900',
  'escalation trigger': '#7b1fa2',
  'no finding': '#e6e6e6',
  'reported strike': '#37474f',
  'phase: entry to due time': '#ffd8a8',
} as const;
export type Category = keyof typeof COLORS;

export const STATUS_COLOR = { missed: '#b71c1c', met: '#2e7d32', open: '#616161' } as const;

/** One mark of the picture: which lane and row it sits in, where it starts (and ends), how it looks. */
export interface Datum {
  kind: 'lane' | 'window' | 'strike' | 'finding' | 'escalation' | 'phase' | 'due' | 'response' | 'label' | 'label-right';
  lane: string;
  row: string;
  start: number;
  end?: number;
  category?: Category;
  text?: string;
  size?: number;
  fill?: string;
  stroke?: string;
  description?: string;
  weight?: string;
}

/** Shifts an instant to the wall-clock time of `zone`, as if that were UTC. */
export function wallClock(ms: number, zone: string): number {
  return ms + DateTime.fromMillis(ms, { zone }).offset * 60_000;
}

export function fmt(ms: number, zone: string, f: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat(f);
}

export interface TimeFrame {
  zone: string;
  /** the first and last instants the run's windows and findings reach */
  from: number;
  to: number;
  /** the time axis: from the midnight before `from` to the end of the day half a day after `to` */
  domainStart: number;
  domainEnd: number;
  /** drawing width in px, and the time one px spans */
  width: number;
  msPerPx: number;
  /** an instant as it is drawn: shifted to the zone's wall-clock time */
  w: (ms: number) => number;
}

export function timeFrame(report: RunReport, width: number): TimeFrame {
  const zone = report.scenario.timeZone;
  // one zone lookup per quarter hour, not per bar: luxon's offset lookup dominated charts of many strikes
  // (offsets change only on quarter hours)
  const offsets = new Map<number, number>();
  const w = (ms: number) => {
    const q = Math.floor(ms / 900_000);
    let wall = offsets.get(q);
    if (wall === undefined) {
      wall = wallClock(q * 900_000, zone) - q * 900_000;
      offsets.set(q, wall);
    }
    return ms + wall;
  };
  const [from, to] = timelineRange(report);
  const domainStart = DateTime.fromMillis(from, { zone }).startOf('day').toMillis();
  const domainEnd = DateTime.fromMillis(to, { zone }).plus({ hours: 12 }).endOf('day').plus({ milliseconds: 1 }).toMillis();
  return { zone, from, to, domainStart, domainEnd, width, msPerPx: (domainEnd - domainStart) / width, w };
}
