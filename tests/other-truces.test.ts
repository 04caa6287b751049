import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { InputError } from '../src/problem.js';
import { ROOT, scratch } from './helpers.js';

const OTHER = path.join(ROOT, 'scenarios', 'other');
const dirs = readdirSync(OTHER).filter((d) => existsSync(path.join(OTHER, d, 'scenario.yaml')));

describe('other real truces (scenarios/other)', () => {
  it('at least two, none of them a 2025 Russia-Ukraine truce', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(2);
  });

  for (const d of dirs) {
    it(`${d}: several readings, sentences as expect cases, and every event cites its own sources.md, whose lines give outlet and date`, () => {
      // no article folder: the scenario's own notes are what its citations are checked against
      const loaded = loadScenario(path.join(OTHER, d, 'scenario.yaml'), { cwd: ROOT, articlesDir: path.join(ROOT, 'no-such-folder') });
      expect(loaded.scenario.interpretations.length).toBeGreaterThanOrEqual(3);
      expect(loaded.expect.length).toBeGreaterThanOrEqual(3);
      expect(loaded.scenario.sourceNotes).toEqual(['sources.md']);
      const notes = readFileSync(path.join(OTHER, d, 'sources.md'), 'utf8').split('\n');
      for (const e of loaded.events) {
        for (const s of e.sources) {
          expect(s.file).toBe('sources.md');
          // a fact line names its outlet and date in parentheses
          expect(notes[s.line - 1], `${e.id} cites line ${s.line}`).toMatch(/^- .*\(.*\d{4}.*\)$/);
        }
      }
    });
  }

  it('a citation of a line the notes do not have is refused, naming the scenario and the line', () => {
    const dir = dirs[0]!;
    const text = readFileSync(path.join(OTHER, dir, 'scenario.yaml'), 'utf8').replace(/line: 5\b/, 'line: 500');
    const root = scratch({
      [`scenarios/other/${dir}/scenario.yaml`]: text,
      [`scenarios/other/${dir}/sources.md`]: readFileSync(path.join(OTHER, dir, 'sources.md'), 'utf8'),
    });
    let err: unknown;
    try {
      loadScenario(path.join(root, 'scenarios', 'other', dir, 'scenario.yaml'), { cwd: root, articlesDir: path.join(root, 'none') });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => [p.code, p.file])).toContainEqual([
      'E_CITED_LINE_MISSING',
      `scenarios/other/${dir}/scenario.yaml`,
    ]);
  });
});
