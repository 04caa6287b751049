import type { PathSegment } from '../problem.js';
import type { PlaceEntry } from '../schema/places.js';

export interface PlaceIssue {
  /** index into the list checked */
  at: number;
  path: PathSegment[];
  code: 'E_DUPLICATE_ID' | 'E_SCHEMA';
  message: string;
}

/** Where a kind may sit: a settlement within a region (or country), a region within a country. */
const RANK: Record<PlaceEntry['kind'], number> = { district: 0, village: 1, town: 1, city: 1, capital: 1, region: 2, country: 3 };

/**
 * Cross-checks of a hierarchy: ids unique, every `within` names a place of the list, no loops, and a
 * place never within something smaller than itself.
 */
export function checkPlaces(entries: readonly PlaceEntry[]): PlaceIssue[] {
  const issues: PlaceIssue[] = [];
  const ids = new Map<string, PlaceEntry>();
  entries.forEach((e, at) => {
    if (ids.has(e.id))
      issues.push({
        at,
        path: ['id'],
        code: 'E_DUPLICATE_ID',
        message: `place "${e.id}" is listed twice; give the second a different id or remove it`,
      });
    else ids.set(e.id, e);
  });
  entries.forEach((e, at) => {
    if (e.within === undefined || ids.get(e.id) !== e) return;
    const outer = ids.get(e.within);
    if (!outer) {
      issues.push({
        at,
        path: ['within'],
        code: 'E_SCHEMA',
        message: `"${e.within}" is no place of the hierarchy; name the id of the place that contains ${e.name}`,
      });
      return;
    }
    if (RANK[outer.kind] < RANK[e.kind] || (RANK[outer.kind] === RANK[e.kind] && e.kind !== 'district' && e.kind !== 'region')) {
      issues.push({
        at,
        path: ['within'],
        code: 'E_SCHEMA',
        message: `${e.name} (${e.kind}) cannot lie within ${outer.name} (${outer.kind}); a settlement lies within a region or country, a region within a country`,
      });
    }
    const seen = new Set<string>([e.id]);
    let p: PlaceEntry | undefined = outer;
    while (p) {
      if (seen.has(p.id)) {
        issues.push({
          at,
          path: ['within'],
          code: 'E_SCHEMA',
          message: `${e.name} lies, through its \`within\` chain, within itself; break the loop`,
        });
        return;
      }
      seen.add(p.id);
      p = p.within === undefined ? undefined : ids.get(p.within);
    }
  });
  return issues;
}
