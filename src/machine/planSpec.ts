import type { Scenario } from '../schema/scenario.js';
import { durationMillis } from '../time/interval.js';
import type { PlanSpec } from './truceMachine.js';

/** A scenario without an enforcement plan: a statechart with its lifecycle alone, no phase regions. */
const NO_PLAN: PlanSpec = { appliesTo: [], triggerCertainty: 'certain', phases: [] };

/**
 * The plan as the statechart takes it. Made anew on each call (a run makes it once, in its RunContext);
 * the statechart's memos key it by what it says (machine/memoSimulate.ts), not by which object it is.
 */
export function planSpec(scenario: Pick<Scenario, 'plan'>): PlanSpec {
  const plan = scenario.plan;
  if (plan === undefined) return NO_PLAN;
  return {
    appliesTo: plan.appliesTo,
    triggerCertainty: plan.triggerCertainty,
    opensPhases: plan.opensPhases,
    phases: plan.phases.map((p) => ({
      id: p.id,
      trigger: p.trigger,
      requires: p.requires,
      deadlineMs: p.deadline === null ? null : durationMillis(p.deadline),
      countedFrom: p.countedFrom,
      respondedBy: p.respondedBy,
      respondsWith: p.respondsWith,
    })),
  };
}
