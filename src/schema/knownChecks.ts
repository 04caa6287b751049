import type { Test } from './happyPath.js';
import { Count, countInOrder, Instant, instantInRange } from './common.js';
import { parseInstant } from './parseInstant.js';

/**
 * Instant's refinement where it certainly passes: parseInstant reads only the forms the refinement's
 * patterns accept (four-digit year, `T`, hours and minutes, `Z` or an offset with its colon, at most
 * 14 hours), and gives NaN for anything else, which is left to zod; what remains is the range of years.
 */
const instant: Test = (v) => instantInRange(parseInstant(v as string));

/** Count's refinement: exactly the three comparisons it words a problem for, none of them true. */
const count: Test = (v) => countInOrder(v as Count);

/** The refinements of the event format the happy path runs without zod (happyPath's `known`). */
export const KNOWN_CHECKS: ReadonlyMap<typeof Instant | typeof Count, Test> = new Map<typeof Instant | typeof Count, Test>([
  [Instant, instant],
  [Count, count],
]);
