import { InputError, UsageError } from '../problem.js';
import { formatProblems } from './formatProblems.js';

/** Documented in the README: the one place errors become exit codes. */
export const EXIT = { ok: 0, testsFailed: 1, invalidInput: 2, internal: 3 } as const;

/** Raised by `truce test` when a scenario expectation failed (the report is already printed). */
export class TestsFailed extends Error {
  constructor(readonly failures: number) {
    super(`${failures} scenario case(s) failed`);
    this.name = 'TestsFailed';
  }
}

/** stdout was closed by its reader (`truce ... | head`): the run ends quietly, with success, as Unix tools do. */
export class OutputClosed extends Error {
  constructor() {
    super('stdout closed');
    this.name = 'OutputClosed';
  }
}

export interface ErrorReport {
  code: number;
  message: string;
}

/** Maps any error to an exit code and the text for stderr; a stack only with --debug. */
export function reportError(err: unknown, debug: boolean): ErrorReport {
  if (err instanceof InputError) {
    const n = err.problems.length;
    return { code: EXIT.invalidInput, message: `${formatProblems(err.problems)}\n${n} problem${n === 1 ? '' : 's'}; nothing was written` };
  }
  if (err instanceof OutputClosed) return { code: EXIT.ok, message: '' };
  if (err instanceof UsageError) return { code: EXIT.invalidInput, message: `truce: ${err.message}` };
  if (err instanceof TestsFailed) return { code: EXIT.testsFailed, message: `truce: ${err.message}` };
  const e = err instanceof Error ? err : new Error(String(err));
  const detail = debug ? `\n${e.stack ?? ''}` : ' (run again with --debug for the stack trace)';
  return {
    code: EXIT.internal,
    message: `truce: internal error: ${e.message}${detail}\nThis is a bug in truce; please report it with the command you ran and its input files.`,
  };
}
