import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../src/canonicalJson.js';

/** The definition: JSON.stringify, each object rebuilt from its entries sorted by key. */
const reference = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

describe('canonicalJson', () => {
  it('writes what JSON.stringify with sorted keys writes, byte for byte', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '9', '007', '-1', '4294967295', '4294967294', '__proto__', 'é', 'a'));
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.date({ noInvalidDate: true }),
      ),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('node'), { maxKeys: 6 }),
    }));
    fc.assert(
      fc.property(value.node, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });
});
