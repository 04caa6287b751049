import type { WorkbenchData } from './engine.js';

/**
 * The workbench page: one self-contained file, the scenario embedded as JSON, the engine and the page's
 * code as one inline script (which the page also hands to its Monte Carlo worker, as a blob). No request
 * leaves the page, so it works from file:// and can be mailed. The policy forbids every request; it allows
 * eval because the rules are compiled to one function (src/rules/compileRules.ts), as in the CLI.
 */
export function workbenchHtml(data: WorkbenchData, bundle: string): string {
  const title = `What if: ${data.base.scenario.title}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data:; connect-src 'none'">
<title>${escapeHtml(title)}</title>
</head>
<body>
<noscript>The workbench runs the truce engine in the page: it needs JavaScript.</noscript>
<div id="app" data-testid="app"><p>Loading the engine...</p></div>
<script type="application/json" id="truce-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>
<script id="truce-engine">${scriptSafe(bundle)}</script>
</body>
</html>
`;
}

/**
 * Nothing inside a script element may close it: "</script" is written "<\/script" (the same string or
 * regular expression to JavaScript). A "<!--" would put the parser in an escaped state: the bundle has none.
 */
function scriptSafe(text: string): string {
  if (text.includes('<!--')) throw new Error('the workbench bundle contains "<!--", which an inline script cannot carry');
  return text.replace(/<\/(script)/gi, '<\\/$1');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
