import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { runScenario } from '../src/run/runScenario.js';
import { ROOT, scratch } from './helpers.js';

describe('rule explanation placeholders', () => {
  it('read the named phrases only, never what every object inherits ({constructor}, {toString})', async () => {
    const dir = scratch({ 'scenarios/jan-feb-2026.yaml': readFileSync(path.join(ROOT, 'scenarios', 'jan-feb-2026.yaml'), 'utf8') });
    const file = path.join(dir, 'rules', 'protected-place.json');
    const rule = JSON.parse(readFileSync(file, 'utf8')) as { event: { params: { explain: string } } };
    rule.event.params.explain = '{constructor} {toString} {hasOwnProperty} by {actor}';
    writeFileSync(file, JSON.stringify(rule, null, 2));
    const loaded = loadScenario(path.join('scenarios', 'jan-feb-2026.yaml'), { cwd: dir, articlesDir: path.join(dir, 'no-articles') });
    const report = await runScenario(loaded);
    const explained = report.runs.flatMap((r) => r.findings).filter((f) => f.rule === 'protected-place');
    // the 2-3 February strike is a violation of a protected place under washington and kyiv (README table)
    expect(explained.length).toBeGreaterThan(0);
    for (const f of explained) expect(f.explanation).toBe('{constructor} {toString} {hasOwnProperty} by Russia');
  });
});
