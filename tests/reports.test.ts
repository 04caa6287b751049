import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/load/loadScenario.js';
import { runScenario, type RunReport } from '../src/run/runScenario.js';
import { compareReadings } from '../src/run/compare.js';
import { provenanceOf } from '../src/provenance.js';
import { runMarkdown } from '../src/report/runMarkdown.js';
import { runHtml } from '../src/report/runHtml.js';
import { compareMarkdown } from '../src/report/compareMarkdown.js';
import { compareHtml } from '../src/report/compareHtml.js';
import { ganttChart, mermaidText, readingStateDiagram } from '../src/report/mermaid.js';
import { timelineSpec, timelineSvg, wallClock } from '../src/report/timelineChart.js';
import { input, runCliHere, scenario, strike } from './helpers.js';

const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const loaded = loadScenario(SCENARIO);
const report = await runScenario(loaded);
const prov = provenanceOf(loaded);
const READINGS = ['washington', 'kremlin', 'kyiv'];

/** The bodies of the ```mermaid blocks of a Markdown text. */
function mermaidBlocks(md: string): string[] {
  return [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

const GANTT_KEYWORD =
  /^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|title|section|click|href|call|acc)/i;

/** Checks a gantt chart against Mermaid's gantt grammar as we use it; returns the tasks. */
function checkGantt(src: string) {
  const lines = src.trimEnd().split('\n');
  expect(lines[0]).toBe('gantt');
  expect(lines).toContain('    dateFormat YYYY-MM-DD HH:mm');
  const tasks: { text: string; tags: string[]; id: string; start: string; end: string; section: string }[] = [];
  let section = '';
  for (const line of lines.slice(1)) {
    const l = line.trim();
    if (/^(title|dateFormat|axisFormat|todayMarker) /.test(l)) {
      expect(l, line).not.toMatch(/[#;]/);
      continue;
    }
    if (l.startsWith('section ')) {
      section = l.slice(8);
      expect(section, line).not.toMatch(/[#:;%]/);
      continue;
    }
    const m = /^([^:#;%]+) : ([^#;%]+)$/.exec(l);
    expect(m, `a task line: ${line}`).not.toBeNull();
    const text = m![1]!.trim();
    expect(GANTT_KEYWORD.test(text) || /^\d{4}-\d{2}-\d{2}/.test(text), text).toBe(false);
    const data = m![2]!.split(',').map((d) => d.trim());
    const tags = data.filter((d) => ['done', 'active', 'crit', 'milestone'].includes(d));
    const [id, start, end] = data.slice(tags.length);
    expect(data.length, line).toBe(tags.length + 3);
    expect(id, line).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    expect(start, line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(end, line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(end! >= start!, line).toBe(true);
    tasks.push({ text, tags, id: id!, start: start!, end: end!, section });
  }
  const ids = tasks.map((t) => t.id);
  expect(new Set(ids).size).toBe(ids.length);
  return tasks;
}

/** Checks a state diagram: ids Mermaid accepts, labels without : # ; */
function checkStateDiagram(src: string) {
  const lines = src.trimEnd().split('\n');
  expect(lines[0]).toBe('stateDiagram-v2');
  for (const line of lines.slice(1)) {
    const edge = /^\s*(\S+) --> (\S+)(?: : (.*))?$/.exec(line);
    if (edge) {
      for (const id of [edge[1]!, edge[2]!]) expect(id === '[*]' || /^[A-Za-z][A-Za-z0-9_]*$/.test(id), line).toBe(true);
      if (edge[3] !== undefined) expect(edge[3], line).not.toMatch(/[:#;{}]/);
      continue;
    }
    expect(line, line).toMatch(/^\s*(direction LR|state "[^":#;]+" as [A-Za-z][A-Za-z0-9_]*|state [A-Za-z][A-Za-z0-9_]* \{|\}|--)$/);
  }
}

/** Every row of every Markdown table has as many cells as its header. */
function checkTables(md: string) {
  const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('| ') || !lines[i + 1]?.startsWith('| ---')) continue;
    const n = cells(lines[i]!);
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(cells(lines[j]!), lines[j]).toBe(n);
  }
}

describe('runMarkdown on jan-feb-2026', () => {
  const md = runMarkdown(report, prov);

  it('has the summary per reading, the divergences, every reading, the events and the provenance stamp', () => {
    expect(md.startsWith('# The one-week truce of late January 2026 and the strikes of 1-3 February\n')).toBe(true);
    expect(md).toContain(`rules \`${prov.rulesHash}\` · scenario \`${prov.scenarioHash}\``);
    expect(md).toContain(`| truce | ${prov.version} | \`${prov.rulesHash}\` | \`${prov.scenarioHash}\` (\`jan-feb-2026\`) |`);
    for (const h of ['## Summary per reading', '## Where the readings diverge', '## Timeline', '## Events', '## Provenance'])
      expect(md).toContain(`\n${h}\n`);
    for (const r of READINGS) expect(md).toContain(`## Reading \`${r}\`: `);
    expect(md).toMatch(/\| \*\*`kremlin`\*\*<br>.*\| none \| none reached \| \*\*expired\*\* \|/);
    expect(md).toContain(
      '| `ru-strike-2026-02-02-03` \\*<br>strike, from Mon 2 Feb 2026 18:00 (GMT+2) | **violation** + escalation: broader attack<br>`protected-place` | no finding | **violation** + escalation: broader attack<br>`protected-place`, `protected-target` |',
    );
    checkTables(md);
  });

  it('gives every finding with its sources (article file and line)', () => {
    const washington = md.slice(md.indexOf('## Reading `washington`'), md.indexOf('## Reading `kremlin`'));
    expect(washington).toMatch(
      /\| `ru-strike-2026-02-01-miners`<br>Sun 1 Feb 2026 00:00 \(GMT\+2\) \| possible violation \| `partial-scope` \| possible \| .* \| `000_5b12a92830bbfdb1.txt:14` \|/,
    );
    expect(washington).toContain('| `diplomatic` | Mon 2 Feb 2026 18:00 (GMT+2) | Tue 3 Feb 2026 18:00 (GMT+2) | **missed** |');
    const kremlin = md.slice(md.indexOf('## Reading `kremlin`'), md.indexOf('## Reading `kyiv`'));
    expect(kremlin).toContain('No finding under this reading.');
  });

  it('draws the timeline as a Mermaid gantt: windows, strikes and phases in wall-clock Kyiv time', () => {
    const blocks = mermaidBlocks(md);
    expect(blocks.filter((b) => b.startsWith('gantt\n'))).toHaveLength(1);
    const tasks = checkGantt(blocks[0]!);
    const task = (id: string) => tasks.find((t) => t.id === id);
    expect(task('w_kremlin')).toMatchObject({
      tags: ['done'],
      start: '2026-01-24 23:00',
      end: '2026-01-31 23:00',
      section: 'kremlin (final expired)',
    });
    expect(task('w_washington')).toMatchObject({ start: '2026-01-29 00:00', end: '2026-02-05 00:00' });
    expect(task('ev_ru_strike_2026_02_02_03')).toMatchObject({ section: 'Reported', start: '2026-02-02 18:00', end: '2026-02-03 12:00' });
    expect(task('f_kyiv_ru_strike_2026_02_02_03')).toMatchObject({ tags: ['crit'] });
    expect(task('f_washington_ru_strike_2026_02_01_miners')).toMatchObject({ tags: ['active'] });
    expect(task('f_kremlin_ru_strike_2026_02_02_03')).toMatchObject({ tags: [], text: 'no finding ru-strike-2026-02-02-03' });
    expect(task('p_washington_us_backed')).toMatchObject({
      start: '2026-02-02 18:00',
      end: '2026-02-05 18:00',
      text: 'us-backed phase due Thu 5 Feb 18.00, missed',
    });
    expect(task('p_kremlin_diplomatic')).toBeUndefined();
    // the strikes of July and December 2025, months from any window, stay out of the chart
    expect(tasks.some((t) => t.start.startsWith('2025'))).toBe(false);
  });

  it("draws each reading's path through the statechart as a Mermaid state diagram", () => {
    const diagrams = mermaidBlocks(md).filter((b) => b.startsWith('stateDiagram-v2\n'));
    expect(diagrams).toHaveLength(3);
    diagrams.forEach(checkStateDiagram);
    expect(diagrams[1]).toContain('lifecycle_inForce --> lifecycle_expired : Sat 31 Jan 23.00 the window closed with no violation');
    expect(diagrams[0]).toContain(
      'diplomatic_open --> diplomatic_missed : Tue 3 Feb 18.00 the diplomatic deadline passed with no response event',
    );
    expect(diagrams[0]).toContain('state us_backed_phase {');
  });

  it('is byte-identical from run to run', async () => {
    expect(runMarkdown(await runScenario(loaded), provenanceOf(loaded))).toBe(md);
  });
});

describe('Mermaid labels and Markdown text are escaped', () => {
  it('mermaidText removes what breaks Mermaid', () => {
    expect(mermaidText('due 18:00; see #3: 50% done {x}')).toBe('due 18.00 see 3 50 done x');
    expect(mermaidText('section: foo')).toBe('- section foo');
    expect(mermaidText('2026-02-01 strike')).toBe('- 2026-02-01 strike');
    expect(mermaidText('a --> b\nc')).toBe('a -> b c');
    expect(mermaidText('"quoted" `code`')).toBe('quoted code');
  });

  it('a title, label and source with : # ; | < > stay inert in Markdown, Mermaid and HTML', async () => {
    const s = scenario({ title: 'Truce #2: the <b>east</b>; a | b' });
    s.interpretations[0]!.label = 'reading: "x" | <script>alert(1)</script>';
    const e = strike('a', {
      start: '2026-02-02T23:00:00+02:00',
      sources: [{ file: '000_5b12a92830bbfdb1.txt', line: 4, says: '<script>alert(2)</script> | x' }],
    });
    const rep = await runScenario(input([e], s));
    const p = provenanceOf(input([e], s));
    const md = runMarkdown(rep, p);
    expect(md.startsWith('# Truce #2: the &lt;b&gt;east&lt;/b&gt;; a \\| b\n')).toBe(true);
    expect(md).toContain('reading: "x" \\| &lt;script&gt;alert(1)&lt;/script&gt;');
    checkTables(md);
    const [gantt, state] = mermaidBlocks(md);
    checkGantt(gantt!);
    checkStateDiagram(state!);
    const html = await runHtml(rep, p);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt; | x');
    expect(html).toContain('<title>Truce #2: the &lt;b&gt;east&lt;/b&gt;; a | b</title>');
  });
});

describe('runHtml on jan-feb-2026', async () => {
  const html = await runHtml(report, prov);

  it('is one self-contained page: no script, no external resource, a policy that forbids fetching', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|@font-face/i);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect([...html.matchAll(/url\(([^)]*)\)/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
    // only XML namespace names, which are never fetched
    expect([...new Set([...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]))].sort()).toEqual([
      'http://www.w3.org/1999/xlink',
      'http://www.w3.org/2000/svg',
    ]);
  });

  it('carries the test ids: the timeline, a lane per reading, the findings table', () => {
    expect(html).toMatch(/<svg [^>]*width="100%"[^>]*viewBox="0 0 [\d.]+ [\d.]+"[^>]*data-testid="timeline"/);
    for (const r of [...READINGS, 'reported']) expect(html).toContain(`data-testid="lane-${r}"`);
    for (const r of READINGS) expect(html).toContain(`data-testid="reading-${r}"`);
    const table = html.slice(html.indexOf('data-testid="findings"'), html.indexOf('</table>', html.indexOf('data-testid="findings"')));
    const rows = table.split('<tr>').length - 2; // minus the head row and the text before it
    expect(rows).toBe(report.runs.reduce((n, r) => n + r.findings.length, 0));
    expect(table).toContain('<code>000_5b12a92830bbfdb1.txt:14</code>');
  });

  it('stamps the provenance, and reads on a narrow screen and in print', () => {
    expect(html).toContain(`truce ${prov.version} · rules ${prov.rulesHash} · scenario ${prov.scenarioHash}`);
    expect(html).toContain('data-testid="provenance"');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/@media \(max-width: \d+px\)/);
    expect(html).toContain('@media print');
  });

  it('draws the statechart from the machine definition, with the states each reading entered', () => {
    expect(html).toContain('data-testid="statechart-svg"');
    for (const s of ['lifecycle.expired', 'lifecycle.collapsed', 'diplomatic.missed', 'us-backed.met'])
      expect(html).toContain(`data-state="${s}"`);
    expect(html).toContain('data-edge="lifecycle: inForce -&gt; expired"');
    expect(html).toContain('stateDiagram-v2'); // the Mermaid source, for reference
  });

  it('is byte-identical from run to run', async () => {
    expect(await runHtml(await runScenario(loaded), provenanceOf(loaded))).toBe(html);
  });
});

describe('the timeline picture (Vega-Lite)', () => {
  it('pre-shifts times to the scenario zone and says so on the axis', () => {
    expect(wallClock(Date.UTC(2026, 1, 2, 16), 'Europe/Kyiv')).toBe(Date.UTC(2026, 1, 2, 18));
    const spec = timelineSpec(report) as {
      vconcat: { layer: { encoding: { x: { title?: string | null } } }[] }[];
      data: { values: { kind: string; lane: string; start: number; end?: number; text?: string }[] };
    };
    expect(spec.vconcat[1]!.layer[0]!.encoding.x.title).toBe(
      'Europe/Kyiv wall-clock time (GMT+2): times are shifted to Europe/Kyiv and drawn as UTC',
    );
    const kremlinWindow = spec.data.values.find((d) => d.kind === 'window' && d.lane === 'kremlin')!;
    expect(kremlinWindow.end).toBe(Date.UTC(2026, 0, 31, 23)); // 1 Feb 00:00 Moscow = 31 Jan 23:00 Kyiv
    expect(
      spec.data.values.some(
        (d) => d.text === 'window [Sat 24 Jan 23:00 to Sat 31 Jan 23:00) = 25 Jan 00:00 to 1 Feb 00:00 GMT+3 as written',
      ),
    ).toBe(true);
    expect(spec.data.values.filter((d) => d.kind === 'phase').map((d) => `${d.lane} ${d.end! - d.start}`)).toEqual([
      `washington ${24 * 3600_000}`,
      `washington ${72 * 3600_000}`,
      `kyiv ${24 * 3600_000}`,
      `kyiv ${72 * 3600_000}`,
    ]);
  });

  it('renders the same SVG bytes every time, lanes marked for tests', async () => {
    const a = await timelineSvg(report);
    expect(await timelineSvg(await runScenario(loaded))).toBe(a);
    expect(a).toContain('data-testid="lane-kremlin"');
    expect(a).toContain('>Sat 24 Jan</text>');
    expect(a).toContain('>night 2-3 Feb: 496+ drones/missiles</text>');
  });
});

describe('a small scenario: a response that meets the diplomatic deadline', async () => {
  const events = [
    strike('hit', { start: '2026-02-02T23:00:00+02:00' }),
    strike('answer', {
      start: '2026-02-03T10:00:00+02:00',
      kind: 'response',
      phase: 'diplomatic',
      actor: 'ukraine',
      target: 'russia',
      places: [],
      targets: [],
    }),
  ];
  const inp = input(events);
  const rep = await runScenario(inp);
  const p = provenanceOf(inp);

  it('shows the phase as met in Markdown, its gantt bar and its path', () => {
    const md = runMarkdown(rep, p);
    expect(md).toContain(
      '| `diplomatic` | Mon 2 Feb 2026 23:00 (GMT+2) | Tue 3 Feb 2026 23:00 (GMT+2) | met (response `answer` at Tue 3 Feb 2026 10:00 (GMT+2)) |',
    );
    const tasks = checkGantt(ganttChart(rep, 'test'));
    expect(tasks.find((t) => t.id === 'p_r_diplomatic')).toMatchObject({ tags: [], text: 'diplomatic phase due Tue 3 Feb 23.00, met' });
    expect(readingStateDiagram(rep.runs[0]!, 'Europe/Kyiv')).toContain(
      'diplomatic_open --> diplomatic_met : Tue 3 Feb 10.00 response answer to the diplomatic phase by its deadline',
    );
    expect(md).not.toContain('## Where the readings diverge'); // one reading: nothing to compare
  });

  it('shows it as met in HTML, with the response on the timeline', async () => {
    const html = await runHtml(rep, p);
    expect(html).toContain('<span class="badge met">met</span>');
    expect(html).toContain('data-testid="lane-r"');
    expect(html).toContain('>Tue 3 Feb 10:00: response to the diplomatic phase</text>');
    expect(html).toContain('>answer</text>');
  });

  it('says so when nothing was found', async () => {
    const quiet = await runScenario(input([strike('far', { start: '2026-03-01T12:00:00+02:00' })]));
    const html = await runHtml(quiet, p);
    expect(html).toContain('No finding under any reading.');
    expect(runMarkdown(quiet, p)).toContain('No finding under this reading.');
  });
});

describe('compare reports', async () => {
  const cmp = compareReadings(report);

  it('compareMarkdown: the event x reading table first, then summary, timeline, findings and the stamp', async () => {
    const md = compareMarkdown(cmp, prov);
    expect(md.startsWith('# The one-week truce of late January 2026 and the strikes of 1-3 February: the readings compared\n')).toBe(true);
    expect(md.indexOf('## Where the readings diverge')).toBeLessThan(md.indexOf('## Summary per reading'));
    expect(md).toContain('| **final state** | **collapsed** | **expired** | **collapsed** |');
    expect(md).toContain('## Findings and their sources');
    expect(md).toContain(prov.scenarioHash);
    checkTables(md);
    checkGantt(mermaidBlocks(md)[0]!);
    expect(compareMarkdown(compareReadings(await runScenario(loaded)), prov)).toBe(md);
  });

  it('compareHtml: one self-contained page with the matrix, the timeline lanes and the findings', async () => {
    const html = await compareHtml(cmp, prov);
    expect(html).not.toMatch(/<script|\s(src|href)=/i);
    for (const id of ['matrix', 'timeline', 'findings', 'provenance', ...READINGS.map((r) => `lane-${r}`)])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html.indexOf('<section id="matrix"')).toBeLessThan(html.indexOf('<section id="timeline-section"'));
    expect(await compareHtml(compareReadings(await runScenario(loaded)), prov)).toBe(html);
  });
});

describe('the CLI writes the reports', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'truce-reports-'));

  it('run --format md prints Markdown; run --format html --out writes the page, the same bytes twice', async () => {
    const md = await runCliHere(['run', SCENARIO, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(runMarkdown(report, prov));
    const file = path.join(dir, 'run.html');
    const a = await runCliHere(['run', SCENARIO, '--format', 'html', '--out', file]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe('');
    const first = readFileSync(file, 'utf8');
    expect(first).toBe(await runHtml(report, prov));
    await runCliHere(['run', SCENARIO, '--format', 'html', '--out', file]);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });

  it('run --interpretation keeps one lane', async () => {
    const r = await runCliHere(['run', SCENARIO, '--interpretation', 'kremlin', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Reading `kremlin`');
    expect(r.stdout).not.toContain('## Reading `washington`');
  });
});

export type { RunReport };
