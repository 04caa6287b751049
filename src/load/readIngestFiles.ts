import path from 'node:path';
import { InputError, sortProblems } from '../problem.js';
import { PlacesFile, type PlaceEntry } from '../schema/places.js';
import { GoldFile } from '../ingest/goldFile.js';
import { displayName, readText } from './files.js';
import { context, localise, readDoc, type LoadOptions } from './loadContext.js';

/** The files `truce ingest` and its evaluation read: an article, place hierarchies, gold annotations. */

/** An article as text: UTF-8, not empty. */
export function readArticle(articlePath: string, opts: LoadOptions = {}): { file: string; text: string } {
  const ctx = context(opts);
  const abs = path.resolve(ctx.cwd, articlePath);
  const file = displayName(abs, ctx.cwd);
  const { text, problems } = readText(abs, { cwd: ctx.cwd, maxFileBytes: ctx.maxFileBytes });
  if (text === undefined) throw new InputError(problems);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new InputError([
      {
        code: 'E_EMPTY',
        file,
        line: 1,
        col: 1,
        path: [],
        message: 'the article is empty; give a text file with the report, one paragraph a line',
      },
    ]);
  }
  return { file, text };
}

/**
 * Place hierarchies (truce.places/v1), merged in the order given. Issue 12's readPlaces does the same with
 * its cross-checks; this reader stands in for it until the two branches meet.
 */
export function readPlaceFiles(paths: string[], opts: LoadOptions = {}): PlaceEntry[] {
  const ctx = context(opts);
  const out: PlaceEntry[] = [];
  for (const p of paths) {
    const doc = readDoc(ctx, path.resolve(ctx.cwd, p), PlacesFile);
    if (doc) out.push(...doc.places);
  }
  if (ctx.problems.length > 0) throw new InputError(sortProblems(localise(ctx, ctx.problems)));
  return out;
}

export function readGold(goldPath: string, opts: LoadOptions = {}): GoldFile {
  const ctx = context(opts);
  const doc = readDoc(ctx, path.resolve(ctx.cwd, goldPath), GoldFile);
  if (!doc || ctx.problems.length > 0) throw new InputError(sortProblems(localise(ctx, ctx.problems)));
  return doc;
}
