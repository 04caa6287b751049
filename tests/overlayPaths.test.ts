import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getByPath, setByPath, splitPath } from '../src/overlay/paths.js';
import { loadScenario } from '../src/load/loadScenario.js';
import { ROOT, scratch } from './helpers.js';

/** A list whose ids look like positions: "5" is the fourth item, the sixth item is "a". */
const doc = () => ({
  events: [{ id: '0' }, { id: '2' }, { id: 'b' }, { id: '5', when: 'by id' }, { id: 'x' }, { id: 'a', when: 'at [5]' }],
});

describe('paths into lists: ids win, positions are written [N]', () => {
  it('"events.5" is the event whose id is "5", even where a sixth event exists', () => {
    expect(getByPath(doc(), splitPath('events.5.when'))).toEqual({ ok: true, value: 'by id' });
  });

  it('"events[5]" and "events.[5]" are the sixth event', () => {
    expect(getByPath(doc(), splitPath('events[5].when'))).toEqual({ ok: true, value: 'at [5]' });
    expect(getByPath(doc(), splitPath('events.[5].when'))).toEqual({ ok: true, value: 'at [5]' });
  });

  it('a bare number that is no id is read as a position, as overlays written before [N] meant it', () => {
    expect(getByPath(doc(), splitPath('events.4.id'))).toEqual({ ok: true, value: 'x' });
    expect(getByPath(doc(), splitPath('events.0.id'))).toEqual({ ok: true, value: '0' });
  });

  it('set writes where get reads: the event with id "5", not the sixth', () => {
    const d = doc();
    expect(setByPath(d, splitPath('events.5.when'), 'changed')).toEqual({ ok: true });
    expect(d.events[3]!.when).toBe('changed');
    expect(d.events[5]!.when).toBe('at [5]');
  });

  it('a position past the end, or on something that is no list, says so', () => {
    const past = getByPath(doc(), splitPath('events[9]'));
    expect(past.ok).toBe(false);
    expect(!past.ok && past.message).toMatch(/position \[9\] is past the end \(6 items/);
    const notList = getByPath({ plan: { id: 'p' } }, splitPath('plan[0]'));
    expect(!notList.ok && notList.message).toMatch(/\[0\] is a position, but this is not a list/);
  });

  it('an overlay whose event id is "5" edits that event, not the sixth of the base', () => {
    const base = readFileSync(path.join(ROOT, 'scenarios', 'jan-feb-2026.yaml'), 'utf8');
    const dir = scratch({ 'scenarios/jan-feb-2026.yaml': base });
    const overlay = `format: truce.overlay/v1
extends: jan-feb-2026.yaml
id: five
title: an event with id 5
changes:
  - addEvents:
      - id: '5'
        kind: strike
        actor: russia
        target: ukraine
        when: { start: '2026-02-04T01:00:00+02:00', end: '2026-02-04T02:00:00+02:00', precision: hour, evidence: test }
        places: [{ name: Kyiv, region: Kyiv City, kind: capital, precision: settlement }]
        sources: [{ file: 000_5b12a92830bbfdb1.txt, line: 15 }]
        note: an invented strike
  - set: { path: events.5.when.end, value: '2026-02-04T03:00:00+02:00' }
`;
    writeFileSync(path.join(dir, 'scenarios', 'five.yaml'), overlay);
    const loaded = loadScenario(path.join('scenarios', 'five.yaml'), { cwd: dir, articlesDir: path.join(dir, 'no-articles') });
    expect(loaded.events.find((e) => e.id === '5')!.when.end).toBe('2026-02-04T03:00:00+02:00');
    // the base's events are as they were
    const plain = loadScenario(path.join('scenarios', 'jan-feb-2026.yaml'), { cwd: dir, articlesDir: path.join(dir, 'no-articles') });
    for (const e of plain.events) expect(loaded.events.find((x) => x.id === e.id)).toEqual(e);
  });
});
