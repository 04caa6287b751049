import type { Scenario } from '../schema/scenario.js';
import { durationMillis } from '../time/interval.js';
import type { PlanSpec } from './truceMachine.js';

/** A scenario without an enforcement plan: a statechart with its lifecycle alone, no phase regions. */
const NO_PLAN: PlanSpec = { appliesTo: [], triggerCertainty: 'certain', phases: [] };

const planSpecs = new WeakMap<NonNullable<Scenario['plan']>, PlanSpec>();

/** The plan as the statechart takes it; one object per plan, so that the machine built from it is reused. */
export function planSpec(scenario: Scenario): PlanSpec {
  const plan = scenario.plan;
  if (plan === undefined) return NO_PLAN;
  const cached = planSpecs.get(plan);
  if (cached) return cached;
  const spec: PlanSpec = {
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
  planSpecs.set(plan, spec);
  return spec;
}
