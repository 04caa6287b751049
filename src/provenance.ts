import { createHash } from 'node:crypto';
import { VERSION } from './version.js';
import type { ScenarioInput } from './run/runScenario.js';
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

/** Two reports with the same stamp came from the same tool version, rules and scenario. */
export function provenanceOf(input: ScenarioInput): Provenance {
  return {
    tool: 'truce',
    version: VERSION,
    rulesHash: hash({ rules: input.rules, conditions: input.conditions }),
    scenarioHash: hash({ scenario: input.scenario, events: [...input.events].sort((a, b) => a.id.localeCompare(b.id)) }),
  };
}

function hash(value: unknown): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}
