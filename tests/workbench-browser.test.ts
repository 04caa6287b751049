import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, runCliHere } from './helpers.js';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from './browser-check.js';

/**
 * The workbench in headless Chromium (Debian's package, driven by playwright-core), scripted as an analyst
 * works: one browser, one page, reset between steps. Every request other than the page itself is blocked.
 * Screenshots of each step go to test-artifacts/workbench/ (gitignored), or $TRUCE_ARTIFACTS.
 */
if (!hasChromium) {
  console.warn(
    `workbench browser test skipped: ${CHROMIUM} does not exist (install Debian's chromium package, e.g. apt-get install -y chromium, to run it)`,
  );
}

const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const STRIKE = 'ru-strike-2026-02-02-03';
const shots = process.env.TRUCE_ARTIFACTS
  ? path.join(process.env.TRUCE_ARTIFACTS, 'workbench')
  : path.join(ROOT, 'test-artifacts', 'workbench');

describe.skipIf(!hasChromium)('the what-if workbench in a real browser', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'truce-workbench-browser-'));
  const file = path.join(dir, 'what-if.html');
  let context: BrowserContext;
  let page: Page;
  const blocked: string[] = [];
  const errors: string[] = [];
  const shot = async (name: string, fullPage = true) => {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage });
  };
  const text = (testid: string) => page.getByTestId(testid).textContent();
  const waitText = (testid: string, want: string) =>
    page.waitForFunction(([id, w]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === w, [testid, want] as const, {
      timeout: 10_000,
    });
  const reset = async () => {
    await page.getByTestId('reset').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="overlay-yaml"]')?.textContent?.includes('changes: []'));
    await waitText('final-washington', 'collapsed');
  };
  const runJson = () =>
    page.evaluate(() =>
      (
        window as unknown as { truceWorkbench: { runJson(): Promise<{ runs: unknown[]; divergences: unknown[]; events: unknown[] }> } }
      ).truceWorkbench.runJson(),
    );

  beforeAll(async () => {
    const r = await runCliHere(['workbench', SCENARIO, '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'truce-chromium-profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      offline: true,
      acceptDownloads: true,
    });
    const url = pathToFileURL(file).href;
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url || u.startsWith('blob:')) return route.continue();
      blocked.push(u);
      return route.abort('blockedbyclient');
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('opens from file:// with no request and shows the CLI verdicts of the scenario', async () => {
    await shot('01-open');
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    // README table: washington and kyiv collapse, kremlin expires
    expect(await text('final-washington')).toBe('collapsed');
    expect(await text('final-kremlin')).toBe('expired');
    expect(await text('final-kyiv')).toBe('collapsed');
    expect(await text(`cell-${STRIKE}-washington`)).toBe('VIOLATION');
    expect(await text('phase-washington-diplomatic')).toBe('missed');
  });

  it('washington window from 26 January: the 2-3 February violation goes, the state expires (as truce sweep says); nothing moves on the page', async () => {
    const ids = ['timeline', 'final-states', 'matrix', 'phases', 'findings', 'explain', 'diff', 'sample-bars'];
    const boxes = async () => Promise.all(ids.map(async (id) => JSON.stringify(await page.getByTestId(id).boundingBox())));
    const before = await boxes();
    await page.getByTestId('window-start-washington').fill('2026-01-26T00:00');
    await waitText('final-washington', 'expired');
    expect(await text(`cell-${STRIKE}-washington`)).toBe('-');
    expect(await text('phase-washington-diplomatic')).toBe('not reached');
    expect(await boxes(), 'layout shift when the verdicts changed').toEqual(before);
    // the card was drawn again from the new run; the keyboard's place is kept
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('window-start-washington');
    const sweep = await runCliHere([
      'sweep',
      SCENARIO,
      '-i',
      'washington',
      '--vary',
      'interpretations.washington.window.start=2026-01-26T00:00:00+02:00..2026-01-26T00:00:00+02:00:PT24H',
      '--format',
      'json',
    ]);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(sweep.stdout).toContain('"expired"');
    const page26 = await runJson();
    const washington = page26.runs.find((r) => (r as { interpretation: string }).interpretation === 'washington') as {
      findings: { type: string }[];
      finalState: string;
    };
    expect(washington.finalState).toBe('expired');
    expect(washington.findings.filter((f) => f.type === 'violation')).toEqual([]);
    expect(await page.getByTestId('overlay-yaml').textContent()).toContain('path: interpretations.washington.window.start');
    await shot('02-washington-from-26-january');
    // the first screen, as the README shows it (docs/workbench.png)
    await shot('02-washington-from-26-january-screen', false);
  });

  it('Kyiv left out of the 2-3 February strike: the same runs as scenarios/whatif/no-kyiv-strike.yaml', async () => {
    await reset();
    await page.getByTestId(`event-${STRIKE}`).locator('summary').click();
    // the what-if takes out the city and its region (no-kyiv-strike.yaml)
    await page.getByTestId(`remove-place-${STRIKE}-Kyiv`).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="overlay-yaml"]')?.textContent?.includes('updateEvent'));
    await page.getByTestId(`remove-place-${STRIKE}-Kyiv region`).click();
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="remove-place-${id}-Kyiv region"]`), STRIKE);
    const excluded = page.getByTestId(`excluded-${STRIKE}`);
    await excluded.fill('Kyiv, Kyiv region');
    await excluded.press('Enter');
    await waitText('final-washington', 'expired');
    await page.waitForFunction(() => document.querySelector('[data-testid="overlay-yaml"]')?.textContent?.includes('placesExcluded'));
    const cli = await runCliHere(['run', 'scenarios/whatif/no-kyiv-strike.yaml', '--format', 'json', '--no-cache']);
    expect(cli.code, cli.stderr).toBe(0);
    const want = JSON.parse(cli.stdout) as { runs: unknown[]; divergences: unknown[]; events: unknown[] };
    const got = await runJson();
    expect(got.runs).toEqual(want.runs);
    expect(got.divergences).toEqual(want.divergences);
    expect(got.events).toEqual(want.events);
    expect(await text(`cell-${STRIKE}-washington`)).toBe('possible');
    expect(await text(`cell-${STRIKE}-kyiv`)).toBe('VIOLATION');
    await shot('03-no-kyiv-strike');
  });

  it('a diplomatic response at noon on 3 February meets the diplomatic phase; the downloaded overlay gives the same truce diff', async () => {
    await reset();
    await page.getByTestId('add-event-box').locator('summary').click();
    await page.getByTestId('new-kind').selectOption('response');
    await page.getByTestId('new-actor').selectOption('ukraine');
    await page.getByTestId('new-target').selectOption('russia');
    await page.getByTestId('new-phase').selectOption('diplomatic');
    await page.getByTestId('new-start').fill('2026-02-03T12:00');
    await page.getByTestId('add-event').click();
    await waitText('phase-washington-diplomatic', 'met');
    expect(await text('phase-kyiv-diplomatic')).toBe('met');
    expect(await text('phase-kremlin-diplomatic')).toBe('not reached');
    await shot('04-diplomatic-response');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const cli = await runCliHere(['diff', SCENARIO, saved]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('diplomatic');
    expect(await text('diff')).toBe(cli.stdout);
    const cliJson = await runCliHere(['run', saved, '--format', 'json', '--no-cache']);
    expect((await runJson()).runs).toEqual((JSON.parse(cliJson.stdout) as { runs: unknown[] }).runs);

    // loaded back into a reset page, the overlay gives the same page
    const yaml = await text('overlay-yaml');
    await reset();
    await page.getByTestId('load-overlay').setInputFiles(saved);
    await waitText('phase-washington-diplomatic', 'met');
    expect(await text('overlay-yaml')).toBe(yaml);
    expect(readFileSync(saved, 'utf8')).toBe(yaml);
  });

  it('a cell of the table, chosen with the keyboard, shows truce explain for that event and reading', async () => {
    await reset();
    await page.getByTestId(`cell-${STRIKE}-kremlin`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="explain"]')?.textContent?.includes('Reading "kremlin"'));
    const cli = await runCliHere(['explain', SCENARIO, '--event', STRIKE, '--interpretation', 'kremlin']);
    expect(cli.code, cli.stderr).toBe(0);
    // the first two lines name the scenario as run (the page's carries the overlay's id) and its stamp
    const body = (s: string) => s.split('\n').slice(2).join('\n');
    expect(body((await text('explain'))!)).toBe(body(cli.stdout));
    await shot('05-explain');
  });

  it('Monte Carlo in a web worker: the same draws as truce sample, with progress', async () => {
    await page.getByTestId('sample-draws').fill('300');
    await page.getByTestId('sample-seed').fill('7');
    await page.getByTestId('sample-run').click();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="sample-text"]')?.textContent ?? '').includes('== kyiv'),
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('sample-progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);
    const cli = await runCliHere(['sample', SCENARIO, '-n', '300', '--seed', '7', '--workers', '1']);
    expect(cli.code, cli.stderr).toBe(0);
    const body = (s: string) => s.split('\n').slice(2).join('\n');
    expect(body((await text('sample-text'))!)).toBe(body(cli.stdout));
    expect(errors).toEqual([]);
    await shot('06-monte-carlo');
  });

  it('every kind of change runs and is recorded; together they give what truce diff and truce run give of the overlay', async () => {
    await reset();
    const yaml = () => page.getByTestId('overlay-yaml').textContent();
    const recorded = async (what: string) => {
      await page.waitForFunction((w) => document.querySelector('[data-testid="overlay-yaml"]')?.textContent?.includes(w), what, {
        timeout: 10_000,
      });
      expect(await page.getByTestId('status').getAttribute('class'), `${what}: ${await text('status')}`).not.toContain('bad');
    };
    await page.getByTestId('endInclusive-kremlin').check();
    await recorded('interpretations.kremlin.window.endInclusive');
    await page.getByTestId('agreement-kremlin').selectOption('agreed');
    await recorded('interpretations.kremlin.agreement.status');
    await page.getByTestId('scope-washington-0-placeKinds-town').uncheck();
    await recorded('interpretations.washington.obligations.0.refrainFrom.placeKinds');
    await page.getByTestId('condition-kyiv-1').selectOption('');
    await recorded('interpretations.kyiv.obligations.1');
    await page.getByTestId('window-end-kyiv').fill('2026-02-04T00:00');
    await recorded('end: 2026-02-04T00:00:00+02:00');
    await page.getByTestId('copy-washington').click();
    await recorded('setInterpretation');
    expect(await text('final-washington-2')).toBeTruthy();
    await page.getByTestId('event-ru-strike-2026-02-01-miners').locator('summary').click();
    const shift = page.getByTestId('shift-ru-strike-2026-02-01-miners');
    await shift.fill('24');
    await shift.press('Enter');
    await recorded('shiftEvent');
    await page.getByTestId(`event-${STRIKE}`).locator('summary').click();
    await page.getByTestId(`target-${STRIKE}-military`).check();
    await recorded('targets');
    const drones = page.getByTestId(`count-${STRIKE}-munitions-drones-low`);
    await drones.fill('100');
    await drones.press('Enter');
    await recorded('munitions');
    const deadline = page.getByTestId('deadline-diplomatic');
    await deadline.fill('PT12H');
    await deadline.press('Enter');
    await recorded('plan.phases.diplomatic.deadline');
    // a deadline counted from the response to an earlier phase (issue 13's monitoring mechanisms)
    await page.getByTestId('counted-us-backed').selectOption('responseTo:diplomatic');
    await recorded('responseTo: diplomatic');
    await page.getByTestId('phase-applies-coalition').uncheck();
    await recorded('path: plan.phases');
    await page.getByTestId('applies-to-ukraine').check();
    await recorded('plan.appliesTo');
    // the Kremlin's window dragged a day to the right on the timeline
    const win = page.getByTestId('window-kremlin');
    await win.scrollIntoViewIfNeeded();
    const box = (await win.boundingBox())!;
    const day = ((await page.getByTestId('timeline').boundingBox())!.width - 0) / 16;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + day, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await recorded('path: interpretations.kremlin.window\n');
    await shot('08-many-changes');

    const saved = path.join(dir, 'many.yaml');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toBe(await yaml());
    const diff = await runCliHere(['diff', SCENARIO, saved]);
    expect(diff.code, diff.stderr).toBe(0);
    expect(await text('diff')).toBe(diff.stdout);
    const run = await runCliHere(['run', saved, '--format', 'json', '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    const want = JSON.parse(run.stdout) as { runs: unknown[]; events: unknown[]; divergences: unknown[] };
    const got = await runJson();
    expect(got.runs).toEqual(want.runs);
    expect(got.events).toEqual(want.events);
    expect(got.divergences).toEqual(want.divergences);
    expect(errors).toEqual([]);
  });

  it('a change that cannot run says why and keeps the last verdicts; a file that is not an overlay is refused with the reason', async () => {
    await reset();
    const deadline = page.getByTestId('deadline-diplomatic');
    await deadline.fill('tomorrow');
    await deadline.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.classList.contains('bad'));
    expect(await text('status')).toMatch(/^Not run: .*deadline/);
    expect(await text('final-washington')).toBe('collapsed');
    await deadline.fill('PT48H');
    await deadline.press('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-testid="status"]')?.classList.contains('bad'));
    expect(await text('phase-washington-diplomatic')).toBe('missed');
    await page
      .getByTestId('load-overlay')
      .setInputFiles({ name: 'notes.yaml', mimeType: 'application/yaml', buffer: Buffer.from('format: truce.scenario/v1\nid: x\n') });
    await page.waitForFunction(() => (document.querySelector('[data-testid="load-message"]')?.textContent ?? '') !== '');
    expect(await text('load-message')).toMatch(/^notes\.yaml: .*format/);
    expect(errors).toEqual([]);
  });

  it('readable on a phone: no sideways scroll, the verdicts still there', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect(await page.getByTestId('final-washington').isVisible()).toBe(true);
    await shot('07-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(blocked).toEqual([]);
  });
});
