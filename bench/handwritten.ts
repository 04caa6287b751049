import type { Facts } from '../src/rules/deriveFacts.js';
import { after, during, overlaps } from '../src/time/interval.js';

const DAYS_30 = 30 * 86_400_000;

/**
 * The default rules of rules/*.json written by hand as plain TypeScript: the practical limit of rule
 * evaluation, to measure the compiled path against. It must give the same rules, in the same order
 * (priority, then name), as the JSON rules; the bench checks that it does.
 */
export function handwrittenRules(f: Facts): string[] {
  const out: string[] = [];
  if (f.kind !== 'strike') return out;
  const inside = during(f.eventTime, f.window);
  const binds = f.conditionStatus === 'none' || f.conditionStatus === 'holds';
  const mayBind = binds || f.conditionStatus === 'uncertain';
  if (inside && f.placeScope === 'certain' && !f.conditional) out.push('protected-place');
  if (inside && f.targetScope === 'certain' && !f.conditional) out.push('protected-target');
  if (inside && f.conditional && f.conditionStatus === 'holds' && f.scope === 'certain') out.push('reciprocal-breach');
  if (inside && f.scope === 'possible' && mayBind) out.push('partial-scope');
  if (!inside && overlaps(f.eventTime, f.window) && f.scope !== 'none' && mayBind) out.push('partial-window');
  if (inside && f.scope === 'certain' && f.conditionStatus === 'uncertain') out.push('uncertain-reciprocity');
  const continued =
    f.enforcementApplies && f.actorFirstViolation !== null && after(f.eventTime, f.actorFirstViolation, { min: 0, max: DAYS_30 });
  if (continued) out.push('hostilities-continued');
  if (f.enforcementApplies && ((inside && f.scope === 'certain' && binds) || continued) && f.munitionsLow >= 300 && f.regionsLow >= 4)
    out.push('broader-attack');
  return out;
}
