import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdTable } from '../src/load/idTable.js';

describe('IdTable: the ids a stream has seen, against a Map', () => {
  it('answers as a Map of id -> first line does, through growth and colliding slots', () => {
    fc.assert(
      fc.property(
        // few distinct characters and short ids: many repeats, many ids of one length, many shared slots
        fc.array(fc.oneof(fc.stringMatching(/^[ab-]{0,4}$/), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 3000 }),
        (ids) => {
          const table = new IdTable();
          const map = new Map<string, number>();
          ids.forEach((id, line) => {
            expect(table.get(id)).toBe(map.get(id));
            table.add(id, line);
            if (!map.has(id)) map.set(id, line);
          });
          expect(table.size).toBe(map.size);
          for (const [id, line] of map) expect(table.get(id)).toBe(line);
          expect(table.get('never-added\u0000')).toBeUndefined();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps a hundred thousand ids exactly (several growths of every array)', () => {
    const table = new IdTable();
    for (let i = 0; i < 100_000; i++) table.add(`syn-${i}`, i + 1);
    table.add('syn-5', 999_999);
    expect(table.size).toBe(100_000);
    expect(table.get('syn-0')).toBe(1);
    expect(table.get('syn-5')).toBe(6);
    expect(table.get('syn-99999')).toBe(100_000);
    expect(table.get('syn-100000')).toBeUndefined();
    expect(table.get('syn-')).toBeUndefined();
  });

  it('keeps ids longer than a chunk of its bytes, wide ones too, among short ones', () => {
    const table = new IdTable();
    const long = 'x'.repeat(1_500_000);
    const wide = `${'\u0100'.repeat(600_000)}y`;
    const ids = ['a', long, 'b', wide, `${long}z`, 'c', long.slice(1)];
    ids.forEach((id, line) => table.add(id, line + 1));
    table.add(long, 99);
    ids.forEach((id, line) => expect(table.get(id)).toBe(line + 1));
    expect(table.get(`${long}x`)).toBeUndefined();
    expect(table.get(wide.slice(1))).toBeUndefined();
    expect(table.size).toBe(ids.length);
  });
});
