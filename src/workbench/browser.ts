/// <reference lib="dom" />
import { applyOverlay, diffOf, evaluate, explainOf, newSession, runJsonOf, type WorkbenchData } from './engine.js';
import { sampleInRanges, type SampleRequest } from './sampleWorker.js';
import { parseOverlay } from './parseOverlay.js';
import { startPage } from './page.js';

/**
 * The one script of the workbench page, also run as its Monte Carlo worker (the page hands its own text
 * to a blob worker) and, in tests, in Node: the engine is on `globalThis.truceEngine` everywhere; the page
 * starts only where there is a document.
 */

/** What `truce run --format json OVERLAY` prints, for an overlay's text over the page's scenario. */
async function runOverlayText(data: WorkbenchData, text: string) {
  const o = parseOverlay(text);
  if (!o.ok) throw new Error(o.message);
  const e = await evaluate(data, o.overlay.changes, o.overlay);
  if (!e.ok) throw new Error(e.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '));
  return runJsonOf(data, e.input, e.report);
}

async function runBase(data: WorkbenchData) {
  const e = await evaluate(data, []);
  if (!e.ok) throw new Error('the embedded scenario does not run');
  return runJsonOf(data, e.input, e.report);
}

const engine = { applyOverlay, evaluate, runJsonOf, diffOf, explainOf, parseOverlay, runOverlayText, runBase };
(globalThis as unknown as { truceEngine: typeof engine }).truceEngine = engine;

const g = globalThis as unknown as {
  document?: Document;
  importScripts?: unknown;
  postMessage?: (m: unknown) => void;
  onmessage?: unknown;
};
if (typeof g.importScripts === 'function' && g.document === undefined) {
  // a web worker: one sample request at a time
  const session = newSession();
  g.onmessage = (ev: MessageEvent<SampleRequest>) => {
    sampleInRanges(ev.data, (m) => g.postMessage!(m), session).catch((err: unknown) =>
      g.postMessage!({ kind: 'error', message: String(err) }),
    );
  };
} else if (g.document !== undefined) {
  startPage();
}
