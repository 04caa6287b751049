import type { StreamRecord } from '../run/streamRun.js';
import { formatInstant } from '../time/interval.js';

/** One `truce.stream/v1` NDJSON record, times in the scenario's zone. */
export function streamLine(r: StreamRecord, zone: string): string {
  const t = (ms: number | null) => (ms === null ? null : formatInstant(ms, zone));
  switch (r.record) {
    case 'finding': {
      const f = r.finding;
      return JSON.stringify({
        record: 'finding',
        interpretation: r.interpretation,
        type: f.type,
        rule: f.rule,
        eventId: f.eventId,
        party: f.party,
        certainty: f.certainty,
        trigger: f.trigger ?? null,
        explanation: f.explanation,
      });
    }
    case 'transition': {
      const x = r.transition;
      return JSON.stringify({
        record: 'transition',
        interpretation: r.interpretation,
        at: t(x.at),
        region: x.region,
        from: x.from,
        to: x.to,
        cause: x.cause,
      });
    }
    case 'phase': {
      const p = r.phase;
      return JSON.stringify({
        record: 'phase',
        interpretation: r.interpretation,
        phase: p.phase,
        enteredAt: t(p.enteredAt),
        dueBy: t(p.dueBy),
        trigger: p.trigger,
        triggerEventId: p.triggerEventId,
        party: p.party,
        met: p.met,
        respondedAt: t(p.respondedAt),
        responseEventId: p.responseEventId,
      });
    }
    case 'summary':
      return JSON.stringify({
        record: 'summary',
        interpretation: r.interpretation,
        window: {
          start: t(r.window.start),
          end: t(r.window.end),
          startInclusive: r.window.startInclusive,
          endInclusive: r.window.endInclusive,
        },
        finalState: r.finalState,
        finalRegions: r.regions,
        firstViolations: r.firstViolations.map((v) => ({
          party: v.party,
          eventId: v.eventId,
          start: t(v.interval.start),
          end: t(v.interval.end),
        })),
        events: r.events,
      });
  }
}
