import type { Part, SamplePart, SweepPart } from '../schema/part.js';
import type { SampleReportInput } from '../report/sampleReport.js';
import type { SweepRow } from '../sweep/sweep.js';
import { canonicalJson } from '../canonicalJson.js';
import { emptyTally, mergeTally } from '../sample/tally.js';
import { InputError, type Problem } from '../problem.js';

export type Merged =
  | { kind: 'sample'; report: SampleReportInput }
  | { kind: 'sweep'; rows: SweepRow[]; paths: string[]; timeZone: string; provenance: SweepPart['provenance'] };

/**
 * Partial results back into one: the tallies added, the rows put back in order. Refused unless the
 * parts come from one run (same format, provenance, seed or grid, shard count) and together cover its
 * whole range exactly once. Pure: the same parts in any order give the same result.
 */
export function mergeParts(parts: readonly { file: string; part: Part }[]): Merged {
  if (parts.length === 0) throw new InputError([mismatch('(merge)', 'no parts given; name the files that `--shard I/N` wrote')]);
  const [head, ...rest] = parts;
  // what every part of one run shares: all but its own shard, range and results
  const run = (p: Part) => {
    const { shard, range, ...same } = p;
    if ('tally' in same) return canonicalJson({ ...same, tally: undefined, count: shard.count });
    return canonicalJson({ ...same, rows: undefined, count: shard.count });
  };
  const problems: Problem[] = [];
  const want = run(head!.part);
  for (const p of rest) {
    if (run(p.part) !== want)
      problems.push(
        mismatch(
          p.file,
          `this part is not from the same run as ${head!.file} (${differs(head!.part, p.part)}); merge only the parts of one run`,
        ),
      );
  }
  if (problems.length > 0) throw new InputError(problems);

  const sorted = [...parts].sort((a, b) => a.part.shard.index - b.part.shard.index);
  const count = head!.part.shard.count;
  const total = head!.part.format === 'truce.sample-part/v1' ? head!.part.draws : head!.part.combinations;
  const indices = new Set(sorted.map((p) => p.part.shard.index));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !indices.has(i));
  if (missing.length > 0)
    throw new InputError([
      mismatch(
        '(merge)',
        `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} of ${head!.file}'s run ${missing.length > 1 ? 'are' : 'is'} missing; merge every part of the run`,
      ),
    ]);
  let expected = 0;
  for (let i = 0; i < sorted.length; i++) {
    const { file, part } = sorted[i]!;
    if (i > 0 && sorted[i - 1]!.part.shard.index === part.shard.index)
      problems.push(mismatch(file, `shard ${part.shard.index}/${count} is given twice (also ${sorted[i - 1]!.file})`));
    else if (part.range.from !== expected)
      problems.push(
        mismatch(
          file,
          `shard ${part.shard.index}/${count} starts at ${part.range.from}, where ${expected} was expected: a shard is missing or its range was changed`,
        ),
      );
    expected = part.range.to;
  }
  if (problems.length === 0 && expected !== total)
    problems.push(mismatch(sorted.at(-1)!.file, `the parts cover ${expected} of ${total}; a range was changed`));
  if (problems.length > 0) throw new InputError(problems);

  if (head!.part.format === 'truce.sample-part/v1') {
    const tally = emptyTally();
    for (const { file, part } of sorted as { file: string; part: SamplePart }[]) {
      if (part.tally.draws !== part.range.to - part.range.from)
        problems.push(mismatch(file, `the tally counts ${part.tally.draws} draws for a range of ${part.range.to - part.range.from}`));
      mergeTally(tally, part.tally);
    }
    if (problems.length > 0) throw new InputError(problems);
    const p = head!.part;
    return {
      kind: 'sample',
      report: {
        scenario: p.scenario,
        draws: p.draws,
        seed: p.seed,
        tally,
        provenance: p.provenance,
        ...(p.readingOrder ? { readingOrder: p.readingOrder } : {}),
      },
    };
  }
  const p = head!.part as SweepPart;
  return {
    kind: 'sweep',
    rows: (sorted as { part: SweepPart }[]).flatMap((s) => s.part.rows),
    paths: p.vary.map((v) => v.slice(0, v.indexOf('='))),
    timeZone: p.timeZone,
    provenance: p.provenance,
  };
}

function mismatch(file: string, message: string): Problem {
  return { code: 'E_SHARD_MISMATCH', file, path: [], message };
}

/** The first thing two parts disagree on, for the message. */
function differs(a: Part, b: Part): string {
  const keys = ['format', 'provenance', 'scenario', 'seed', 'draws', 'vary', 'interpretation', 'combinations', 'timeZone'] as const;
  for (const k of keys) {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (canonicalJson(x) !== canonicalJson(y)) return `${k}: ${canonicalJson(y)} vs ${canonicalJson(x)}`;
  }
  return `shard count: ${b.shard.count} vs ${a.shard.count}`;
}
