/**
 * `truce/report`: the reports that draw charts (Markdown and HTML load vega and vega-lite), kept out of
 * the main entry so that `import 'truce'` does not pay for them. Text and JSON reports stay in `truce`.
 */
export { runMarkdown } from './report/runMarkdown.js';
export { runHtml } from './report/runHtml.js';
