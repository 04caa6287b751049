/**
 * The workbench's budgets, in the real browser (Debian's chromium through playwright-core): the page ready
 * from file://, a recompute after an analyst's change, the file's size. Figures, never assertions.
 * `BENCH_WORKBENCH=0` skips it; it is skipped, saying so, where chromium is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/cli/main.js');
const CHROMIUM = process.env.TRUCE_CHROMIUM ?? '/usr/bin/chromium';

type Line = (label: string, value: string, target?: string) => void;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchWorkbench(line: Line, reps: number): Promise<void> {
  console.log('\nthe what-if workbench (`truce workbench scenarios/jan-feb-2026.yaml`), in headless Chromium from file://');
  if (process.env.BENCH_WORKBENCH === '0') return console.log('skipped (BENCH_WORKBENCH=0)');
  if (!existsSync(CHROMIUM)) return console.log(`skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-bench-workbench-'));
  const file = path.join(dir, 'what-if.html');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const made = spawnSync(process.execPath, [CLI, 'workbench', 'scenarios/jan-feb-2026.yaml', '--out', file], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (made.status !== 0) throw new Error(`truce workbench failed: ${made.stderr}`);
    const bytes = statSync(file).size;
    const ready: number[] = [];
    const recompute: number[] = [];
    const engine: number[] = [];
    for (let i = 0; i < reps; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('body[data-ready="true"]');
      ready.push(await page.evaluate(() => (window as unknown as { truceWorkbench: { readyAt: number } }).truceWorkbench.readyAt));
      // an analyst's change: the washington window's start, through its date input, back and forth
      for (let k = 0; k < 4; k++) {
        await page.evaluate(() => (document.querySelector('[data-testid="status"]')!.textContent = ''));
        await page.getByTestId('window-start-washington').fill(k % 2 === 0 ? '2026-01-26T00:00' : '2026-01-27T00:00');
        await page.waitForFunction(() => (document.querySelector('[data-testid="status"]')?.textContent ?? '') !== '');
        const [all, run] = await page.evaluate(() => {
          const w = (window as unknown as { truceWorkbench: { lastRecomputeMs: number; lastRunMs: number } }).truceWorkbench;
          return [w.lastRecomputeMs, w.lastRunMs];
        });
        recompute.push(all!);
        engine.push(run!);
      }
      await page.close();
    }
    line('workbench page ready from file:// (ms)', median(ready).toFixed(0), 'target < 1,000');
    line(
      '  recompute after a change, engine and redraw (ms)',
      median(recompute).toFixed(1),
      `target < 50; the engine alone ${median(engine).toFixed(1)} ms`,
    );
    line('  file size (KB)', (bytes / 1024).toFixed(0), 'target < 1,536 (1.5 MB)');
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node dist/bench/workbench.js`: this part alone
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchWorkbench((l, v, t = '') => console.log(`${l.padEnd(58)} ${v.padStart(16)}  ${t}`), Number(process.env.BENCH_REPS ?? 5));
}
