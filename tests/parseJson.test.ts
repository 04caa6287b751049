import { describe, expect, it } from 'vitest';
import { parseDataFile } from '../src/load/parseDataFile.js';

// JSON seed files go through JSON.parse (the YAML parser only to place a problem): the result must be
// what the YAML parser gave for the same text, problems and positions included.
describe('parseDataFile on .json files', () => {
  const doc = JSON.stringify({ format: 'truce.seed/v1', events: [{ id: 'a', note: 'x: {y}' }, { id: 'b' }] }, null, 2);

  it('gives the same data as for the same text read as YAML', () => {
    const json = parseDataFile('s.json', doc);
    const yaml = parseDataFile('s.yaml', doc);
    expect(json.problems).toEqual([]);
    expect(json.parsed!.data).toEqual(yaml.parsed!.data);
  });

  it('places a path where the YAML parser places it', () => {
    const json = parseDataFile('s.json', doc).parsed!;
    const yaml = parseDataFile('s.yaml', doc).parsed!;
    for (const path of [['events', 1, 'id'], ['events', 0, 'note'], ['format'], ['events', 5]]) {
      expect(json.locate(path)).toEqual(yaml.locate(path));
    }
    expect(json.locate(['events', 1, 'id'])).toEqual({ line: 9, col: 13 });
  });

  it('refuses a duplicate key, which JSON.parse alone would let through', () => {
    const r = parseDataFile('s.json', '{"format": "truce.seed/v1", "events": [], "events": []}');
    expect(r.parsed).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(['E_PARSE']);
  });

  it('refuses a forbidden key with its position', () => {
    const r = parseDataFile('s.json', '{"events": [{"id": "a",\n "__proto__": {"x": 1}}]}');
    expect(r.problems).toMatchObject([{ code: 'E_FORBIDDEN_KEY', line: 2, col: 2 }]);
  });

  it('leaves YAML written in a .json file, and an empty one, to the YAML parser', () => {
    expect(parseDataFile('s.json', 'format: truce.seed/v1\nevents: []\n').parsed!.data).toEqual({ format: 'truce.seed/v1', events: [] });
    expect(parseDataFile('s.json', 'null').problems.map((p) => p.code)).toEqual(['E_EMPTY']);
  });

  it('counts a colon inside a string, escaped quotes included, as no key', () => {
    const r = parseDataFile('s.json', '{"a": "x\\": y", "b": ":"}');
    expect(r.problems).toEqual([]);
    expect(r.parsed!.data).toEqual({ a: 'x": y', b: ':' });
  });
});
