import type { PathSegment, Problem } from '../problem.js';
import type { Event } from '../schema/event.js';
import type { SourceRef } from '../schema/common.js';
import { toMillis } from '../time/interval.js';

/** What an event is checked against: the sources and articles known, the parties of the scenario. */
export interface EventCheckBasis {
  /** article files the source list describes; empty when no source list was read (then not checked) */
  sourceFiles: ReadonlySet<string>;
  /** article file name -> its lines; absent when the articles folder is not there */
  articles?: ReadonlyMap<string, readonly string[]>;
  /** `articles` holds only a scenario's own source notes (the article folder is not there): other files are not checked */
  articlesPartial?: boolean;
}

/** The ids seen so far: id -> where (a Map, or a stream's leaner register). */
export interface IdRegister {
  get(id: string): string | undefined;
  set(id: string, where: string): unknown;
}

export type Push = (code: Problem['code'], file: string, path: PathSegment[], message: string) => void;

/** where an event's own citations are (read only: a problem's path is a copy) */
const SOURCES: readonly PathSegment[] = ['sources'];

/** A path with an index after it, or the path itself (k undefined): made only when a problem is pushed. */
const withIndex = (path: readonly PathSegment[], k: number | undefined): PathSegment[] => (k === undefined ? [...path] : [...path, k]);

/** Checks a citation: the article is a known source, the line has text, the figures are on it. */
export function citationChecks(basis: EventCheckBasis, push: Push) {
  /** `path` then `k` (if given): where the cited line is (joined only for a problem: a stream checks millions) */
  function checkLine(
    article: string,
    line: number,
    figures: readonly string[] | undefined,
    file: string,
    given: readonly PathSegment[],
    k?: number,
  ) {
    if (!basis.articles) return;
    const lines = basis.articles.get(article);
    if (!lines) {
      if (basis.articlesPartial === true) return;
      push('E_UNKNOWN_SOURCE', file, withIndex(given, k), `the article "${article}" is not in the articles folder; fix the file name`);
      return;
    }
    const text = lines[line - 1];
    if (text === undefined || text.trim() === '') {
      const at = withIndex(given, k);
      push(
        'E_CITED_LINE_MISSING',
        file,
        at.at(-1) === 'line' ? at : [...at, 'line'],
        `${article} has no text on line ${line} (it has ${lines.length} lines); cite the line that says it`,
      );
      return;
    }
    if (figures === undefined) return;
    for (const fig of figures) {
      if (!normalise(text).includes(normalise(fig))) {
        push(
          'E_FIGURE_NOT_ON_LINE',
          file,
          [...withIndex(given, k), 'figures'],
          `line ${line} of ${article} does not contain "${fig}"; cite the line that gives this figure`,
        );
      }
    }
  }
  /** `path` then `k` (if given): where the citation is */
  function checkRef(ref: SourceRef, file: string, path: readonly PathSegment[], k?: number) {
    // a dataset record cites an export row, not an article line
    if ('dataset' in ref) return;
    if (basis.sourceFiles.size > 0 && !basis.sourceFiles.has(ref.file)) {
      push(
        'E_UNKNOWN_SOURCE',
        file,
        [...withIndex(path, k), 'file'],
        `no source describes "${ref.file}"; add it to seeds/sources.yaml or fix the file name`,
      );
      return;
    }
    checkLine(ref.file, ref.line, ref.figures, file, path, k);
  }
  return { checkLine, checkRef };
}

/**
 * The checks one event gets wherever it comes from (a seed file, a scenario, an overlay, a line of an
 * NDJSON stream): its own consistency, its citations, its parties, and that its id is not taken. `ids`
 * holds the ids seen so far (id -> where), and is the only state kept between events.
 */
export function eventChecks(
  basis: EventCheckBasis,
  push: Push,
  /** how an instant is read (a stream passes its run's memo of the instants just read) */
  millis: (iso: string) => number = toMillis,
) {
  const { checkRef } = citationChecks(basis, push);
  return function checkEvent(
    e: Event,
    file: string,
    at: readonly PathSegment[],
    ids: IdRegister,
    where: string,
    parties?: ReadonlySet<string>,
    scenarioId?: string,
  ): void {
    const seen = ids.get(e.id);
    if (seen !== undefined && seen !== where) {
      push(
        'E_DUPLICATE_ID',
        file,
        [...at, 'id'],
        `event id "${e.id}" is already used in ${seen.split('#')[0]}; one real-world occurrence is one event (give it another id)`,
      );
    }
    if (seen === undefined) ids.set(e.id, where);
    if (millis(e.when.end) < millis(e.when.start)) {
      push(
        'E_INTERVAL_ORDER',
        file,
        [...at, 'when', 'end'],
        `the event ends (${e.when.end}) before it starts (${e.when.start}); swap start and end`,
      );
    }
    const m = e.munitions;
    if (m?.ballisticMissiles && m.missiles?.high !== undefined && m.ballisticMissiles.low > m.missiles.high) {
      push(
        'E_COUNT_ORDER',
        file,
        [...at, 'munitions', 'ballisticMissiles', 'low'],
        `more ballistic missiles (${m.ballisticMissiles.low}) than missiles in all (at most ${m.missiles.high}); ballistic ones are counted among the missiles`,
      );
    }
    if (e.kind === 'response' && e.phase === undefined) {
      push(
        'E_SCHEMA',
        file,
        [...at, 'phase'],
        "a response event names the enforcement phase it answers: one of the ids of the scenario plan's phases",
      );
    }
    if (parties) checkParties(e, file, at, parties, push, scenarioId);
    if (e.sources.length > 0) {
      // one path for the list, each citation's index added only to a problem's
      const sources = at.length === 0 ? SOURCES : [...at, 'sources'];
      for (let j = 0; j < e.sources.length; j++) checkRef(e.sources[j]!, file, sources, j);
    }
  };
}

/** The event's actor and target are parties of the scenario (seed events are checked once per scenario that reads them). */
export function checkParties(
  e: Event,
  file: string,
  at: readonly PathSegment[],
  parties: ReadonlySet<string>,
  push: Push,
  scenarioId?: string,
): void {
  if (!parties.has(e.actor))
    push(
      'E_UNKNOWN_PARTY',
      file,
      [...at, 'actor'],
      `unknown party "${e.actor}"${inScenario(scenarioId)}; add it to the scenario's parties or fix the id`,
    );
  if (e.target !== undefined && !parties.has(e.target))
    push(
      'E_UNKNOWN_PARTY',
      file,
      [...at, 'target'],
      `unknown party "${e.target}"${inScenario(scenarioId)}; add it to the scenario's parties or fix the id`,
    );
}

/** Which scenario a party is unknown to, worded only for a problem (a stream checks millions of events). */
const inScenario = (scenarioId: string | undefined): string => (scenarioId !== undefined ? ` (scenario ${scenarioId})` : '');

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ');
}
