import { z } from 'zod';
import { Id } from './common.js';
import { Trigger } from './plan.js';
import { SAFE_PATH } from './safePath.js';

/** A condition's `path`: only `$.name` and `[index]` steps (no JSONPath filters or scripts). */
const SafePath = z.string().regex(SAFE_PATH, { message: 'a path may only use $.name and [index] steps, e.g. $.start' });

/** json-rules-engine's `{ fact, params?, path? }` value reference. */
const FactRef = z.strictObject({
  fact: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
  path: SafePath.optional(),
});

const Leaf = z.strictObject({
  fact: z.string().min(1),
  operator: z.string().min(1),
  value: z.unknown(),
  params: z.record(z.string(), z.unknown()).optional(),
  path: SafePath.optional(),
  priority: z.number().int().min(1).optional(),
});

const Reference = z.strictObject({ condition: z.string().min(1) });

/** json-rules-engine's condition tree: all / any / not / a named condition / a leaf. */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | { condition: string } | z.infer<typeof Leaf>;

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    Reference,
    Leaf,
  ]),
);

export const TopCondition = z.union([
  z.strictObject({ all: z.array(Condition).min(1) }),
  z.strictObject({ any: z.array(Condition).min(1) }),
  z.strictObject({ not: Condition }),
  Reference,
]);

export const FINDING_TYPES = ['violation', 'possible-violation', 'escalation-trigger'] as const;
export const FindingType = z.enum(FINDING_TYPES);
export const Certainty = z.enum(['certain', 'possible']);

/** The article clause a rule encodes. */
const Encodes = z.strictObject({ file: z.string().min(1), line: z.number().int().min(1), clause: z.string().min(1) });

/** One rule: json-rules-engine's format plus the clause it encodes and how to explain a firing. */
export const Rule = z.strictObject({
  name: Id,
  description: z.string().min(1),
  encodes: z.array(Encodes).min(1),
  priority: z.number().int().min(1).default(1),
  conditions: TopCondition,
  event: z.strictObject(
    {
      type: FindingType,
      params: z.strictObject({
        certainty: Certainty,
        /** for escalation triggers: which plan trigger this is */
        trigger: Trigger.optional(),
        /** a sentence with {placeholders} filled from the event's facts */
        explain: z.string().min(1),
      }),
    },
    { error: 'a rule needs an `event` with `type` and `params` (certainty, explain)' },
  ),
});

/** A rule file holds one rule or a small family of them. */
export const RuleFile = z.union([Rule, z.strictObject({ format: z.literal('truce.rules/v1'), rules: z.array(Rule).min(1) })]);

/** Named conditions shared by rules (json-rules-engine's `engine.setCondition`). */
export const ConditionsFile = z.strictObject({
  format: z.literal('truce.conditions/v1'),
  conditions: z.record(Id, TopCondition),
});

export { FactRef };
export type Rule = z.infer<typeof Rule>;
export type FindingType = z.infer<typeof FindingType>;
export type Certainty = z.infer<typeof Certainty>;
