import { parse } from 'yaml';
import { Overlay } from '../schema/overlay.js';
import { zodProblems } from '../schema/zodProblems.js';

/** An overlay's text, parsed and checked like a file (the workbench's "load overlay"). */
export function parseOverlay(text: string): { ok: true; overlay: Overlay } | { ok: false; message: string } {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, message: `not YAML: ${(e as Error).message}` };
  }
  const r = Overlay.safeParse(doc);
  if (!r.success)
    return {
      ok: false,
      message: zodProblems('overlay', r.error.issues)
        .map((p) => `${p.path.join('.')}: ${p.message}`)
        .join('; '),
    };
  return { ok: true, overlay: r.data };
}
