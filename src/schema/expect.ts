import { z } from 'zod';
import { Id, Instant } from './common.js';
import { PhaseId } from './event.js';
import { FindingType, Certainty } from './rule.js';
import { PROBLEM_CODES } from './problemCodes.js';

const FindingMatch = z.strictObject({
  event: Id,
  type: FindingType.optional(),
  rule: Id.optional(),
  certainty: Certainty.optional(),
});

/** One scenario test case, written as a sentence, checked by `truce test`. */
export const ExpectCase = z.strictObject({
  name: z.string().min(1),
  interpretation: Id.optional(),
  /** each must be among the findings */
  findings: z.array(FindingMatch).optional(),
  /** none may match a finding */
  noFindings: z.array(FindingMatch).optional(),
  /** the phases that must be reached, with what must hold of them */
  phases: z
    .array(
      z.strictObject({
        phase: PhaseId,
        enteredAt: Instant.optional(),
        dueBy: Instant.nullable().optional(),
        met: z.boolean().nullable().optional(),
      }),
    )
    .optional(),
  /** phases that must not be reached */
  noPhases: z.array(PhaseId).optional(),
  finalState: z.enum(['claimed', 'agreed', 'inForce', 'breached', 'collapsed', 'expired']).optional(),
  /** the scenario must fail to load with this error code */
  error: z.enum(PROBLEM_CODES).optional(),
});

export type ExpectCase = z.infer<typeof ExpectCase>;
