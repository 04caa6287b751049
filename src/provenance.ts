import { createHash } from 'node:crypto';
import { VERSION } from './version.js';
import type { ScenarioInput } from './run/runScenario.js';
import { compareText } from './collation.js';
import { canonicalJson } from './canonicalJson.js';

// kept here too: its own module lets the browser bundle (src/workbench) hash without node:crypto
export { canonicalJson };

export interface Provenance {
  tool: 'truce';
  version: string;
  /** sha256 of the rule set (rules and shared conditions), canonical JSON */
  rulesHash: string;
  /** sha256 of the scenario as run (overlays applied, seed events included), canonical JSON */
  scenarioHash: string;
  /**
   * where the events came from: `stream` (`--events`: the scenario hash then covers its terms only,
   * since a stream's header is written before its events are read) or the scenario's own; absent: the scenario's
   */
  events?: 'scenario' | 'stream';
}

/** The two hashes of a stamp, which the scenario cache keeps with a loaded scenario (src/load/loadCache.ts). */
export interface Hashes {
  rulesHash: string;
  scenarioHash: string;
  /** the scenario hash with no events, a stream's stamp (see Provenance.events) */
  termsHash?: string;
}

/**
 * Where a scenario read from the cache carries the hashes worked out when it was loaded: a symbol, not
 * enumerable, so neither JSON, structuredClone nor a spread (`{ ...loaded, events }`, a different input)
 * carries it on. A constant, not state: the hashes live on the object they describe.
 */
export const HASHES: unique symbol = Symbol('truce.hashes');

export function hashesOf(input: ScenarioInput): Required<Hashes> {
  return {
    rulesHash: rulesHash(input),
    scenarioHash: scenarioHash(input, input.events),
    termsHash: scenarioHash(input, []),
  };
}

const rulesHash = (input: ScenarioInput) => hash({ rules: input.rules, conditions: input.conditions });
const scenarioHash = (input: ScenarioInput, events: ScenarioInput['events']) =>
  hash({ scenario: input.scenario, events: [...events].sort((a, b) => compareText(a.id, b.id)) });

/**
 * Two reports with the same stamp came from the same tool version, rules and scenario. `terms`: the
 * scenario's terms only, its events left out (a stream's, whose events come from elsewhere).
 */
export function provenanceOf(input: ScenarioInput, terms = false): Provenance {
  // hashing the scenario and rules is about 5 ms of a cached start; the cache worked them out once
  const kept = (input as { [HASHES]?: Hashes })[HASHES];
  return {
    tool: 'truce',
    version: VERSION,
    rulesHash: kept?.rulesHash ?? rulesHash(input),
    scenarioHash: (terms ? kept?.termsHash : kept?.scenarioHash) ?? scenarioHash(input, terms ? [] : input.events),
  };
}

function hash(value: unknown): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}
