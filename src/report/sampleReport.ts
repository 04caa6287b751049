import type { Tally } from '../sample/tally.js';
import { estimate, type Estimate } from '../sample/tally.js';
import type { Provenance } from '../provenance.js';
import { table } from './compareText.js';
import { compareText } from '../collation.js';

export interface SampleReportInput {
  scenario: { id: string; title: string };
  draws: number;
  seed: number;
  tally: Tally;
  provenance: Provenance;
  /** the scenario's readings in its own order (the order every report keeps); absent: by id */
  readingOrder?: readonly string[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const est = (e: Estimate) => ({ count: e.count, p: round(e.p), ci95: [round(e.low), round(e.high)] });

/** `truce.sample/v1`: per reading, the probability of each finding and phase with a 95 % interval. */
export function sampleJson(r: SampleReportInput) {
  const n = r.tally.draws;
  return {
    format: 'truce.sample/v1' as const,
    provenance: r.provenance,
    scenario: r.scenario,
    draws: n,
    seed: r.seed,
    readings: Object.fromEntries(
      Object.entries(r.tally.readings)
        .sort(([a], [b]) => byOrder(r.readingOrder, a, b))
        .map(([id, t]) => [
          id,
          {
            findings: sorted(t.findings).map(([k, c]) => {
              const [eventId, type] = k.split('|');
              return { eventId, type, ...est(estimate(c, n)) };
            }),
            phases: sorted(t.phases).map(([phase, c]) => ({
              phase,
              reached: est(estimate(c, n)),
              met: est(estimate(t.met[phase] ?? 0, n)),
            })),
            finalStates: sorted(t.finalStates).map(([state, c]) => ({ state, ...est(estimate(c, n)) })),
          },
        ]),
    ),
  };
}

export function sampleText(r: SampleReportInput): string {
  const j = sampleJson(r);
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const ci = (e: { p: number; ci95: number[] }) => [pct(e.p), `[${pct(e.ci95[0]!)}, ${pct(e.ci95[1]!)}]`];
  const out = [
    `${r.scenario.title} [${r.scenario.id}]: ${j.draws} draws, seed ${r.seed}`,
    `truce ${r.provenance.version}, rules ${r.provenance.rulesHash}, scenario ${r.provenance.scenarioHash}`,
  ];
  for (const [id, rd] of Object.entries(j.readings)) {
    out.push('', `== ${id}`);
    const rows = [['', 'p', '95% interval']];
    for (const f of rd.findings) rows.push([`${f.type} ${f.eventId}`, ...ci(f)]);
    for (const p of rd.phases) {
      rows.push([`phase ${p.phase} reached`, ...ci(p.reached)]);
      rows.push([`phase ${p.phase} met`, ...ci(p.met)]);
    }
    for (const s of rd.finalStates) rows.push([`final state ${s.state}`, ...ci(s)]);
    out.push(...table(rows).map((l) => `   ${l}`));
  }
  return out.join('\n') + '\n';
}

function sorted(m: Record<string, number>): [string, number][] {
  return Object.entries(m).sort(([a], [b]) => compareText(a, b));
}

function byOrder(order: readonly string[] | undefined, a: string, b: string): number {
  const i = order?.indexOf(a) ?? -1;
  const j = order?.indexOf(b) ?? -1;
  // unknown ids after the known ones, by id
  return (i < 0 ? Infinity : i) - (j < 0 ? Infinity : j) || compareText(a, b);
}
