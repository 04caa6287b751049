import type { Event } from '../schema/event.js';
import type { Facts, FactContext } from '../rules/deriveFacts.js';
import { formatHuman, type Interval } from '../time/interval.js';

/** Human phrases for the placeholders of a rule's `explain` sentence. */
export function explainVars(
  e: Event,
  facts: Facts,
  ctx: FactContext,
  reading: string,
  zone: string,
  partyName: (id: string) => string,
  firstViolationId: string | undefined,
): Record<string, string> {
  const list = (xs: string[]) => (xs.length === 0 ? 'nothing named' : xs.join(', '));
  const matched = [...ctx.places.matched, ...ctx.targets.matched];
  const possible = [...ctx.places.possible, ...ctx.targets.possible];
  const cp = ctx.counterpartyFirstViolation;
  // a placeholder names one of these, never something every object inherits ({constructor}, {toString})
  return Object.assign(Object.create(null) as Record<string, string>, {
    actor: partyName(e.actor),
    reading,
    when: describeInterval(facts.eventTime, zone),
    window: describeWindow(facts.window, zone),
    matchedPlaces: list(ctx.places.matched),
    matchedTargets: list(ctx.targets.matched.map((t) => `${t} infrastructure`)),
    matched: list(matched),
    possible: list(possible),
    reach: matched.length > 0 ? list(matched) : `possibly ${list(possible)}`,
    // only what was known by the event's end: a stream must explain it the same way as a whole run
    counterparty:
      facts.conditionStatus === 'holds' || !cp
        ? `before any violation by ${partyName(ctx.obligation?.condition?.counterparty ?? '')}`
        : `${partyName(ctx.obligation?.condition?.counterparty ?? '')}'s first ${ctx.counterpartyBreachCertain === false ? 'possible ' : ''}${ctx.obligation?.condition?.while === 'counterparty-refrains' ? 'act of the kind it was to refrain from' : 'violation'} ${describeInterval(cp, zone)}`,
    firstViolation: facts.actorFirstViolation
      ? `${firstViolationId ?? 'a strike'} ${describeInterval(facts.actorFirstViolation, zone)}`
      : 'none',
    munitions: `at least ${facts.munitionsLow} drones and missiles`,
    regions: `${facts.regionsLow} regions (${[...new Set(e.places.flatMap((p) => (p.region ? [p.region] : [])))].join(', ')})`,
  });
}

export function describeInterval(i: Interval, zone: string): string {
  if (i.end <= i.start) return `at ${formatHuman(i.start, zone)}`;
  return `between ${formatHuman(i.start, zone)} and ${formatHuman(i.end, zone)}`;
}

export function describeWindow(w: Interval, zone: string): string {
  return `${w.startInclusive === false ? '(' : '['}${formatHuman(w.start, zone)}, ${formatHuman(w.end, zone)}${w.endInclusive ? ']' : ')'}`;
}
