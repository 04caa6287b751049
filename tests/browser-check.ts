import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

/**
 * Opens an HTML report from disk in headless Chromium (Debian's package, driven by playwright-core; no
 * browser download), with every network request blocked and recorded, and reports what a reader would see.
 */

export const CHROMIUM = process.env.TRUCE_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go: $TRUCE_ARTIFACTS, or a folder under the system's temp folder. */
export function artifactDir(): string {
  const dir = process.env.TRUCE_ARTIFACTS ?? path.join(tmpdir(), 'truce-artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface BrowserCheck {
  /** every request the page attempted other than the report file itself (all were aborted) */
  blockedRequests: string[];
  consoleErrors: string[];
  /** data-testid -> visible with a non-empty box */
  visible: Record<string, boolean>;
  boxes: Record<string, { width: number; height: number } | null>;
  findingRows: number;
  /** at a phone's width: how far the page overflows sideways, in px (0: none) */
  narrowOverflow: number;
  /** visible when printed */
  visibleInPrint: Record<string, boolean>;
  screenshots: string[];
}

/** One headless Chromium for a test file's checks (starting it is most of a check's cost); close it after. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Each check in a context of its own (a fresh profile: no cache, storage or routes of an earlier check),
 * in the browser the file shares.
 */
export async function checkReport(browser: Browser, file: string, testIds: string[], name: string): Promise<BrowserCheck> {
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
  const blockedRequests: string[] = [];
  const consoleErrors: string[] = [];
  try {
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url) return route.continue();
      if (!blockedRequests.includes(u)) blockedRequests.push(u);
      return route.abort('blockedbyclient');
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (req) => {
      if (req.url() !== url && !blockedRequests.includes(req.url())) blockedRequests.push(req.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
    await page.goto(url, { waitUntil: 'load' });

    const visible: Record<string, boolean> = {};
    const boxes: BrowserCheck['boxes'] = {};
    for (const id of testIds) {
      const loc = page.getByTestId(id).first();
      visible[id] = (await loc.count()) > 0 && (await loc.isVisible());
      const box = visible[id] ? await loc.boundingBox() : null;
      boxes[id] = box ? { width: box.width, height: box.height } : null;
    }
    const findingRows = await page.locator('[data-testid="findings"] tbody tr').count();

    const dir = artifactDir();
    const screenshots = [path.join(dir, `${name}.png`), path.join(dir, `${name}-timeline.png`), path.join(dir, `${name}-narrow.png`)];
    await page.screenshot({ path: screenshots[0]!, fullPage: true });
    if (visible.timeline ?? (await page.getByTestId('timeline').first().isVisible())) {
      await page.getByTestId('timeline').first().screenshot({ path: screenshots[1]! });
    }

    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('timeline').first().scrollIntoViewIfNeeded();
    const narrowOverflow = await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
    await page.screenshot({ path: screenshots[2]!, fullPage: false });

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    const visibleInPrint: Record<string, boolean> = {};
    for (const id of testIds) visibleInPrint[id] = await page.getByTestId(id).first().isVisible();

    return { blockedRequests, consoleErrors, visible, boxes, findingRows, narrowOverflow, visibleInPrint, screenshots };
  } finally {
    await context.close();
  }
}
