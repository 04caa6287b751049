import type { FindingType, Certainty } from '../schema/rule.js';
import type { Trigger } from '../schema/plan.js';

/** What a rule concluded about one event under one reading: our type, not json-rules-engine's. */
export interface Finding {
  type: FindingType;
  rule: string;
  eventId: string;
  /** the party whose act it is */
  party: string;
  certainty: Certainty;
  /** for escalation triggers: which plan trigger */
  trigger?: Trigger;
  explanation: string;
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than silently dropped. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
