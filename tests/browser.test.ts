import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliHere } from './helpers.js';
import { CHROMIUM, checkReport, hasChromium, launchChromium } from './browser-check.js';

/**
 * The HTML reports in a real browser: headless Chromium from Debian's package (/usr/bin/chromium), no
 * network. Skipped, with a warning, where the browser is not installed (apt-get install chromium).
 */
if (!hasChromium) {
  console.warn(
    `browser check skipped: ${CHROMIUM} does not exist (install Debian's chromium package, e.g. apt-get install -y chromium, to run it)`,
  );
}

const SCENARIO = 'scenarios/jan-feb-2026.yaml';
const READINGS = ['washington', 'kremlin', 'kyiv'];

describe('the HTML reports in headless Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'truce-browser-'));
  // one browser for both reports, each checked in a fresh context
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (hasChromium) browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(!hasChromium)(
    'truce run --format html: opens from disk without network; the timeline, every lane and the findings show',
    async () => {
      const file = path.join(dir, 'run.html');
      const r = await runCliHere(['run', SCENARIO, '--format', 'html', '--out', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(file, 'utf8')).toContain('data-testid="timeline"');

      const ids = ['timeline', ...READINGS.map((id) => `lane-${id}`), 'findings', 'statechart-svg', 'provenance'];
      const check = await checkReport(browser!, file, ids, 'truce-run-report');
      console.log(`browser check screenshots: ${check.screenshots.join(', ')}`);

      expect(check.blockedRequests, 'the page tried to reach the network').toEqual([]);
      expect(check.consoleErrors).toEqual([]);
      for (const id of ids) expect(check.visible[id], `${id} visible`).toBe(true);
      // the picture is drawn at a readable size, and every lane has height
      expect(check.boxes.timeline!.width).toBeGreaterThan(900);
      expect(check.boxes.timeline!.height).toBeGreaterThan(400);
      for (const id of READINGS) expect(check.boxes[`lane-${id}`]!.height, id).toBeGreaterThan(40);
      expect(check.findingRows).toBe(9);
      expect(check.narrowOverflow, 'sideways scrolling on a phone').toBe(0);
      for (const id of ['timeline', 'findings', ...READINGS.map((x) => `lane-${x}`)])
        expect(check.visibleInPrint[id], `${id} in print`).toBe(true);
    },
  );

  it.skipIf(!hasChromium)('truce compare --format html: the same checks', async () => {
    const file = path.join(dir, 'compare.html');
    const r = await runCliHere(['compare', SCENARIO, '--format', 'html', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    const ids = ['matrix', 'timeline', ...READINGS.map((id) => `lane-${id}`), 'findings'];
    const check = await checkReport(browser!, file, ids, 'truce-compare-report');
    console.log(`browser check screenshots: ${check.screenshots.join(', ')}`);
    expect(check.blockedRequests).toEqual([]);
    expect(check.consoleErrors).toEqual([]);
    for (const id of ids) expect(check.visible[id], `${id} visible`).toBe(true);
    expect(check.narrowOverflow).toBe(0);
  });
});
