import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ROOT, runCliHere } from './helpers.js';
import { bundleWorkbench } from '../src/workbench/bundle.js';
import type { WorkbenchData } from '../src/workbench/engine.js';
import {
  durationToMinutes,
  minutesToDuration,
  overlayOf,
  overlayYaml,
  recordEventFields,
  recordRemoved,
  recordSet,
  recordShift,
} from '../src/workbench/recorder.js';
import { parseOverlay } from '../src/workbench/parseOverlay.js';
import { loadScenario } from '../src/load/loadScenario.js';
import { scopeTerms } from '../src/workbench/schemaTerms.js';
import { PLACE_KINDS, TARGET_TYPES } from '../src/schema/event.js';
import type { Change } from '../src/schema/overlay.js';

/**
 * `truce workbench`: the page's file, its bundle (browser-only: no Node module), and its engine, run on
 * the page's own embedded data, against the CLI on every shipped scenario and what-if.
 */
const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const dir = mkdtempSync(path.join(tmpdir(), 'truce-workbench-'));

/** The page's two scripts: the embedded scenario and the bundled engine. */
function pageParts(file: string): { data: WorkbenchData; bundle: string } {
  const html = readFileSync(file, 'utf8');
  const data = /<script type="application\/json" id="truce-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
  const bundle = /<script id="truce-engine">([\s\S]*?)<\/script>/.exec(html)![1]!;
  return { data: JSON.parse(data) as WorkbenchData, bundle };
}

type Engine = {
  runBase(data: WorkbenchData): Promise<unknown>;
  runOverlayText(data: WorkbenchData, text: string): Promise<unknown>;
};

describe('truce workbench: the file', () => {
  it('writes one self-contained page: the scenario as JSON, the engine inline, no reference to anything outside', async () => {
    const out = path.join(dir, 'what-if.html');
    const r = await runCliHere(['workbench', SCENARIO, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    const { data, bundle } = pageParts(out);
    expect(data.format).toBe('truce.workbench/v1');
    expect(data.base.scenario.id).toBe('jan-feb-2026');
    expect(data.base.events.length).toBeGreaterThan(5);
    // an overlay saved beside the page extends the scenario by this path
    expect(path.resolve(dir, data.extends)).toBe(path.join(ROOT, SCENARIO));
    // nothing is fetched: no src= or href= to another file, no URL
    expect(/<script[^>]+src=|<link[^>]+href=/.exec(html)?.[0]).toBeUndefined();
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(Buffer.byteLength(html)).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('refuses without --out, and on a bad scenario writes nothing (exit 2, no stack trace)', async () => {
    const a = await runCliHere(['workbench', SCENARIO]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--out/);
    const out = path.join(dir, 'never.html');
    const b = await runCliHere(['workbench', 'scenarios/no-such.yaml', '--out', out]);
    expect(b.code).toBe(2);
    expect(b.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    const c = await runCliHere(['workbench', SCENARIO, '--out', SCENARIO]);
    expect(c.code).toBe(2);
    expect(readFileSync(path.join(ROOT, SCENARIO), 'utf8')).toMatch(/^# yaml-language-server/);
  });
});

describe('the browser bundle', () => {
  it('builds for the browser platform (esbuild refuses Node built-ins there) and imports no node: module', async () => {
    const outfile = path.join(dir, 'bundle.js');
    const { bytes, warnings } = await bundleWorkbench(outfile);
    expect(warnings).toEqual([]);
    expect(bytes).toBeGreaterThan(100_000);
    const text = readFileSync(outfile, 'utf8');
    // (matches shown with their surroundings, not the whole bundle)
    const around = (re: RegExp) => [...text.matchAll(re)].map((m) => text.slice(Math.max(0, m.index - 60), m.index + 60));
    expect(around(/require\(\s*["']node:|from\s*["']node:|import\(\s*["']node:/g)).toEqual([]);
    // nor the Node-only parts of the core: worker threads, the threaded sampler, the file loader
    expect(around(/worker_threads|readFileSync|observedFs/g)).toEqual([]);
    expect(around(/<!--/g)).toEqual([]);
  });
});

describe('the page engine gives the CLI verdicts', () => {
  const out = path.join(dir, 'same.html');
  let made: CliResult;
  let parts: ReturnType<typeof pageParts> | null;
  let engine: Engine;
  beforeAll(async () => {
    made = await runCliHere(['workbench', SCENARIO, '--out', out]);
    parts = made.code === 0 ? pageParts(out) : null;
    // the bundle exactly as the page carries it, run in this Node (Web Crypto, structuredClone are global here too)
    if (parts) vm.runInThisContext(parts.bundle, { filename: 'workbench.bundle.js' });
    engine = (globalThis as unknown as { truceEngine: Engine }).truceEngine;
  });

  it('the scenario itself: truce.run/v1 JSON equal to `truce run --format json`, provenance included', async () => {
    expect(made.code, made.stderr).toBe(0);
    const cli = await runCliHere(['run', SCENARIO, '--format', 'json', '--no-cache']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(await engine.runBase(parts!.data)).toEqual(JSON.parse(cli.stdout));
  });

  const whatifs = readdirSync(path.join(ROOT, 'scenarios/whatif')).filter((f) => f.endsWith('.yaml'));
  it.each(whatifs)('scenarios/whatif/%s: the overlay applied in the page equals `truce run` of the file', async (name) => {
    const file = path.join('scenarios/whatif', name);
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    // every shipped what-if extends the scenario the page carries
    expect(
      path.resolve(
        ROOT,
        'scenarios/whatif',
        parseOverlay(text).ok ? (parseOverlay(text) as { overlay: { extends: string } }).overlay.extends : '',
      ),
    ).toBe(path.join(ROOT, SCENARIO));
    const cli = await runCliHere(['run', file, '--format', 'json', '--no-cache']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(await engine.runOverlayText(parts!.data, text)).toEqual(JSON.parse(cli.stdout));
  });

  it('a page made of a what-if itself runs it as `truce run` does', async () => {
    const file = 'scenarios/whatif/ukraine-strikes-first.yaml';
    const page = path.join(dir, 'of-whatif.html');
    const r = await runCliHere(['workbench', file, '--out', page]);
    expect(r.code, r.stderr).toBe(0);
    const cli = await runCliHere(['run', file, '--format', 'json', '--no-cache']);
    expect(await engine.runBase(pageParts(page).data)).toEqual(JSON.parse(cli.stdout));
  });

  it('a what-if the page cannot apply says why (the change and the message)', async () => {
    const bad =
      'format: truce.overlay/v1\nextends: ../jan-feb-2026.yaml\nid: bad\ntitle: Bad\nchanges:\n  - removeEvents: [no-such-event]\n';
    await expect(engine.runOverlayText(parts!.data, bad)).rejects.toThrow(/no-such-event/);
  });
});

describe('the overlay recorder', () => {
  const base = { base: loadScenario(path.join(ROOT, SCENARIO)) };
  const ev = base.base.events.find((e) => e.id === 'ru-strike-2026-02-02-03')!;

  it('one change per thing changed: a second edit of the same path replaces the first; the base value removes it', () => {
    let c: Change[] = recordSet([], 'interpretations.washington.window.start', '2026-01-27T00:00:00+02:00', '2026-01-29T00:00:00+02:00');
    c = recordSet(c, 'interpretations.washington.window.start', '2026-01-26T00:00:00+02:00', '2026-01-29T00:00:00+02:00');
    expect(c).toEqual([{ set: { path: 'interpretations.washington.window.start', value: '2026-01-26T00:00:00+02:00' } }]);
    expect(recordSet(c, 'interpretations.washington.window.start', '2026-01-29T00:00:00+02:00', '2026-01-29T00:00:00+02:00')).toEqual([]);
  });

  it('an edit below a path already set goes into that change; an edit above replaces those below', () => {
    const w = {
      start: '2026-01-29T00:00:00+02:00',
      end: '2026-02-05T00:00:00+02:00',
      startInclusive: true,
      endInclusive: false,
      basis: 'b',
    };
    let c: Change[] = recordSet([], 'interpretations.washington.window', w);
    c = recordSet(c, 'interpretations.washington.window.endInclusive', true, false);
    expect(c).toEqual([{ set: { path: 'interpretations.washington.window', value: { ...w, endInclusive: true } } }]);
    const d = recordSet(recordSet([], 'plan.phases.diplomatic.deadline', 'PT12H'), 'plan.phases', []);
    expect(d).toEqual([{ set: { path: 'plan.phases', value: [] } }]);
  });

  it('event fields merge into one updateEvent; removals stay last; a field set back to the base drops out', () => {
    let c: Change[] = recordRemoved([], 'ru-strike-2026-02-01-miners', true);
    c = recordEventFields(c, base.base.events, ev.id, { places: ev.places.slice(1) });
    c = recordEventFields(c, base.base.events, ev.id, { placesExcluded: ['Kyiv'] });
    expect(c.map((x) => Object.keys(x)[0])).toEqual(['updateEvent', 'removeEvents']);
    expect(Object.keys((c[0] as { updateEvent: { set: object } }).updateEvent.set)).toEqual(['places', 'placesExcluded']);
    c = recordEventFields(c, base.base.events, ev.id, { places: ev.places, placesExcluded: ev.placesExcluded });
    expect(c).toEqual([{ removeEvents: ['ru-strike-2026-02-01-miners'] }]);
    expect(recordRemoved(c, 'ru-strike-2026-02-01-miners', false)).toEqual([]);
  });

  it('shifts: minutes to a signed ISO duration and back; 0 removes the shift', () => {
    for (const m of [30, 90, -720, 1440 + 15]) expect(durationToMinutes(minutesToDuration(m))).toBe(m);
    expect(minutesToDuration(-720)).toBe('-PT12H');
    expect(recordShift(recordShift([], 'x', 60), 'x', 0)).toEqual([]);
  });

  it('the YAML it writes is a valid overlay that reads back to the same changes', () => {
    const c = recordEventFields(recordSet([], 'plan.phases.diplomatic.deadline', 'PT12H', 'PT24H'), base.base.events, ev.id, {
      targets: ['energy'],
    });
    const yaml = overlayYaml(overlayOf({ extends: '../jan-feb-2026.yaml', id: 'x', title: 'X' }, c));
    const back = parseOverlay(yaml);
    expect(back.ok && back.overlay.changes).toEqual(c);
    writeFileSync(path.join(dir, 'rt.yaml'), yaml);
  });

  it("the scope terms offered come from the format: every list in an obligation's refrainFrom, enums with their values", () => {
    const terms = scopeTerms();
    expect(terms.map((t) => t.key)).toEqual(expect.arrayContaining(['places', 'placeKinds', 'targets']));
    expect(terms.find((t) => t.key === 'placeKinds')!.options).toEqual([...PLACE_KINDS]);
    expect(terms.find((t) => t.key === 'targets')!.options).toEqual([...TARGET_TYPES]);
    expect(terms.find((t) => t.key === 'places')!.options).toBeNull();
  });
});
