import type { LoadOptions } from '../load/loadScenario.js';
import type { Globals } from './main.js';

export function loadOptions(g: Globals): LoadOptions {
  return { allowOutside: g.allowOutside, ...(g.articles !== undefined ? { articlesDir: g.articles } : {}) };
}
