import type { Problem } from '../problem.js';
import { parseDataFile, type ParsedFile } from './parseDataFile.js';

/** What parseDataFile gives for one file name and text. */
export interface ParseResult {
  parsed?: ParsedFile;
  problems: Problem[];
}

/**
 * Parsed files shared between the loads of a caller that loads many times over files that mostly do not
 * change (a property test of hundreds of mutants, a sweep, the workbench): each file name and text is
 * parsed once, positions and all. Owned by its caller and passed in the load options (`parseMemo`),
 * never kept by a module, so a load without one parses everything as before.
 *
 * Keyed by the display name and the whole text (the problems name the file, the text decides the rest):
 * the file is still read on every load, only the parse is shared, so an edited file is parsed afresh.
 * The data handed out is frozen, since every load that reads the same text gets the same objects: a
 * loader that changed them would change every later load, and fails loudly instead.
 */
export class ParseMemo {
  /** in order of last use, oldest first */
  private readonly entries = new Map<string, ParseResult>();

  /** `capacity`: how many file versions are kept (each holds its parsed document, for positions) */
  constructor(private readonly capacity = 64) {}

  parse(file: string, text: string): ParseResult {
    const key = `${file}\u0000${text}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const result = parseDataFile(file, text);
    if (result.parsed) deepFreeze(result.parsed.data);
    Object.freeze(result.problems);
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return result;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Freezes parsed data and all it holds (an explicit stack: nesting is bounded by MAX_DEPTH, the stack need not be). */
function deepFreeze(value: unknown): void {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
}
