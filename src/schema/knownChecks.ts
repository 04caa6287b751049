import type { Test } from './happyPath.js';
import { Count, FIRST_YEAR, Instant, LAST_YEAR } from './common.js';
import { parseInstant } from './parseInstant.js';

const FIRST_MS = Date.UTC(FIRST_YEAR, 0, 1);
const END_MS = Date.UTC(LAST_YEAR + 1, 0, 1);

/**
 * Instant's refinement where it certainly passes: parseInstant reads only the forms the refinement's
 * patterns accept (four-digit year, `T`, hours and minutes, `Z` or an offset with its colon, at most
 * 14 hours), and gives NaN for anything else, which is left to zod; what remains is the range of years.
 */
const instant: Test = (v) => {
  const ms = parseInstant(v as string);
  return ms >= FIRST_MS && ms < END_MS;
};

/** Count's refinement: exactly the three comparisons it words a problem for, none of them true. */
const count: Test = (v) => {
  const { low, best, high } = v as Count;
  return (
    (best === undefined || best >= low) && (high === undefined || high >= low) && (high === undefined || best === undefined || best <= high)
  );
};

/** The refinements of the event format the happy path runs without zod (happyPath's `known`). */
export const KNOWN_CHECKS: ReadonlyMap<typeof Instant | typeof Count, Test> = new Map<typeof Instant | typeof Count, Test>([
  [Instant, instant],
  [Count, count],
]);
