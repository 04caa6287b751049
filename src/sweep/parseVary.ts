import { DateTime, Duration } from 'luxon';
import { UsageError } from '../problem.js';

export interface Vary {
  path: string;
  values: (string | number)[];
}

const MAX_VALUES = 10_000;

/**
 * `PATH=FROM..TO:STEP` over dates (ISO date-times, step a duration), durations (ISO, step a duration)
 * or numbers. The step follows the last colon, since date-times have colons of their own.
 */
export function parseVary(spec: string): Vary {
  const eq = spec.indexOf('=');
  const colon = spec.lastIndexOf(':');
  const range = eq > 0 && colon > eq ? spec.slice(eq + 1, colon) : '';
  const [from, to] = range.split('..');
  if (eq <= 0 || colon <= eq || from === undefined || to === undefined || from === '' || to === '') {
    throw new UsageError(`--vary "${spec}" is not PATH=FROM..TO:STEP, e.g. plan.phases.diplomatic.deadline=PT12H..PT48H:PT6H`);
  }
  const path = spec.slice(0, eq);
  const step = spec.slice(colon + 1);
  const values = NUMBER.test(from)
    ? numbers(spec, from, to, step)
    : from.startsWith('P')
      ? durations(spec, from, to, step)
      : dates(spec, from, to, step);
  // a sweep of nothing would print an empty table and pass for an answer
  if (values.length === 0) throw new UsageError(`--vary "${spec}" gives no values; check FROM, TO and STEP`);
  return { path, values };
}

function guard(spec: string, n: number): void {
  if (n > MAX_VALUES) throw new UsageError(`--vary "${spec}" gives more than ${MAX_VALUES} values; take a larger step`);
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function numbers(spec: string, fromText: string, toText: string, stepText: string): number[] {
  if (!NUMBER.test(toText)) throw new UsageError(`--vary "${spec}": FROM is a number, so TO must be one too, not "${toText}"`);
  const from = Number(fromText);
  const to = Number(toText);
  const step = Number(stepText);
  if (!Number.isFinite(step) || step <= 0) throw new UsageError(`--vary "${spec}": the step must be a positive number`);
  if (to < from) throw new UsageError(`--vary "${spec}": TO is below FROM`);
  guard(spec, Math.floor((to - from) / step) + 1);
  const out: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) out.push(Math.round((from + i * step) * 1e9) / 1e9);
  return out;
}

function stepOf(spec: string, stepText: string): Duration {
  const d = Duration.fromISO(stepText);
  if (!d.isValid || d.toMillis() <= 0)
    throw new UsageError(`--vary "${spec}": the step "${stepText}" must be a positive ISO duration such as PT6H`);
  return d;
}

function durations(spec: string, fromText: string, toText: string, stepText: string): string[] {
  const from = Duration.fromISO(fromText);
  const to = Duration.fromISO(toText);
  if (!from.isValid || !to.isValid) throw new UsageError(`--vary "${spec}": FROM and TO must be ISO durations such as PT12H`);
  const step = stepOf(spec, stepText).toMillis();
  if (to.toMillis() < from.toMillis()) throw new UsageError(`--vary "${spec}": TO is shorter than FROM`);
  guard(spec, Math.floor((to.toMillis() - from.toMillis()) / step) + 1);
  const out: string[] = [];
  for (let ms = from.toMillis(); ms <= to.toMillis(); ms += step)
    out.push(
      Duration.fromMillis(ms)
        .shiftTo('hours', 'minutes')
        .normalize()
        .toISO()!
        .replace(/(\d)H0M$/, '$1H'),
    );
  return out;
}

function dates(spec: string, fromText: string, toText: string, stepText: string): string[] {
  const from = DateTime.fromISO(fromText, { setZone: true });
  const to = DateTime.fromISO(toText, { setZone: true });
  // both bounds carry their offset: a bare local time would be read in the machine's zone
  const offsetOf = (t: string) => /(?:([+-])(\d\d):(\d\d)|Z)$/.exec(t);
  const fo = offsetOf(fromText);
  const too = offsetOf(toText);
  if (!from.isValid || !to.isValid || !fo || !too) {
    throw new UsageError(
      `--vary "${spec}": FROM and TO must both be ISO date-times with an offset, e.g. 2026-01-26T00:00:00+02:00 (a time without one would depend on the machine's zone)`,
    );
  }
  for (const o of [fo, too]) {
    if (o[1] !== undefined && Number(o[2]) * 60 + Number(o[3]) > 14 * 60)
      throw new UsageError(
        `--vary "${spec}": the offset ${o[0]} is beyond the ±14:00 that any place keeps; fix it (Kyiv is +02:00 in winter)`,
      );
  }
  if (to < from) throw new UsageError(`--vary "${spec}": TO is before FROM`);
  const step = stepOf(spec, stepText);
  guard(spec, Math.floor((to.toMillis() - from.toMillis()) / step.toMillis()) + 1);
  const out: string[] = [];
  for (let t = from; t <= to; t = t.plus(step)) out.push(t.toISO({ suppressMilliseconds: true })!);
  return out;
}
