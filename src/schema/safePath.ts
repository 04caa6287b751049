/**
 * What a condition's `path` may be: `$.a.b[0]`-style member access only. A format rule (the rule file's
 * schema refuses anything else), so it lives here; src/rules/safePath.ts resolves it.
 */
export const SAFE_PATH = /^\$((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)$/;
