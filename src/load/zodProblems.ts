/** Kept for src/load/ndjsonEvents.ts (truce-18b rewrites it): import from src/schema/zodProblems.ts instead. */
export { zodProblems } from '../schema/zodProblems.js';
