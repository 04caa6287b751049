import type { StreamRecord } from '../run/streamRun.js';
import { formatInstant } from '../time/interval.js';
import { findingJson, phaseJson, transitionJson } from './runJson.js';

/** One `truce.stream/v1` NDJSON record, times in the scenario's zone. */
export function streamLine(r: StreamRecord, zone: string): string {
  const t = (ms: number | null) => (ms === null ? null : formatInstant(ms, zone));
  const at = (ms: number) => formatInstant(ms, zone);
  switch (r.record) {
    case 'finding':
      return JSON.stringify({ record: 'finding', interpretation: r.interpretation, ...findingJson(r.finding) });
    case 'transition':
      return JSON.stringify({ record: 'transition', interpretation: r.interpretation, ...transitionJson(r.transition, at) });
    case 'phase':
      return JSON.stringify({ record: 'phase', interpretation: r.interpretation, ...phaseJson(r.phase, t) });
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
