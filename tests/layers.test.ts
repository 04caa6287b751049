import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The layer rules of docs/architecture.md, checked over the import graph of src/ so that they stay
 * true. Only runtime imports count (`import type` is erased by the compiler and loads nothing).
 * A module is named by its folder under src/ ('schema', 'load', ...) or, at the top of src/, by its
 * file ('problem.ts').
 */

const SRC = path.join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** 'schema' for src/schema/x.ts, 'problem.ts' for src/problem.ts */
const layerOf = (abs: string) => {
  const parts = path.relative(SRC, abs).split(path.sep);
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.js$/, '.ts');
};

interface Edge {
  from: string;
  /** a layer of ours, or a package / node: builtin */
  to: string;
  file: string;
}

function runtimeImports(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const c = n.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      const typeOnly =
        c !== undefined && (c.isTypeOnly || (!c.name && named !== undefined && named.length > 0 && named.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push(n.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      if (!n.isTypeOnly) out.push(n.moduleSpecifier.text);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const a = n.arguments[0];
      if (a && ts.isStringLiteral(a)) out.push(a.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const files = tsFiles(SRC);
const edges: Edge[] = files.flatMap((file) =>
  runtimeImports(file).map((spec) => ({
    from: layerOf(file),
    to: spec.startsWith('.') ? layerOf(path.resolve(path.dirname(file), spec)) : spec,
    file: path.relative(ROOT, file),
  })),
);
const ours = (to: string) => !to.startsWith('node:') && (to.endsWith('.ts') || files.some((f) => layerOf(f) === to));
/** what breaks a rule, as `file -> target` lines (empty when the rule holds) */
const breaking = (test: (e: Edge) => boolean) => edges.filter(test).map((e) => `${e.file} -> ${e.to}`);

describe('layers: which folder may import which (runtime imports of src/)', () => {
  it('finds the imports (the parser sees the graph it judges)', () => {
    expect(edges.some((e) => e.from === 'load' && e.to === 'schema')).toBe(true);
    expect(edges.some((e) => e.from === 'cli' && e.to === 'node:fs')).toBe(true);
  });

  it('src/schema imports nothing of the project but itself', () => {
    expect(breaking((e) => e.from === 'schema' && ours(e.to) && e.to !== 'schema')).toEqual([]);
  });

  it('rules, machine, run and time are pure: no file system, no loading, no CLI', () => {
    const pure = new Set(['rules', 'machine', 'run', 'time']);
    expect(breaking((e) => pure.has(e.from) && (e.to === 'load' || e.to === 'cli' || e.to.startsWith('node:fs') || e.to === 'fs'))).toEqual(
      [],
    );
  });

  it('overlay does not import load (load applies overlays: one direction only)', () => {
    expect(breaking((e) => e.from === 'overlay' && e.to === 'load')).toEqual([]);
  });

  it('no two folders import each other, but load and sources (the kept exception)', () => {
    // a scenario may name a dataset export as a seed: load's poolFor hands it to sources/exportSeed.ts,
    // which reads the export and its mapping through load's observed reader. Splitting that reader out
    // of load would end the cycle; until then it is the one allowed.
    const layerEdges = new Set(edges.filter((e) => ours(e.to) && e.from !== e.to).map((e) => `${e.from} ${e.to}`));
    const mutual = [...layerEdges]
      .map((k) => k.split(' '))
      .filter(([a, b]) => a! < b! && layerEdges.has(`${b} ${a}`))
      .map(([a, b]) => `${a} <-> ${b}`);
    expect(mutual).toEqual(['load <-> sources']);
  });

  it('nothing imports the CLI', () => {
    expect(breaking((e) => e.from !== 'cli' && e.to === 'cli')).toEqual([]);
  });

  it('only load reads files (node:fs elsewhere: the CLI, which writes outputs, and the listed exceptions)', () => {
    // src/load/observedFs.ts is the one reader; loadCache.ts keeps its own cache files (not user data,
    // and never observed: they are what the observations are checked against)
    const allowed = new Set(['src/load/observedFs.ts', 'src/load/loadCache.ts']);
    expect(
      breaking((e) => (e.to === 'node:fs' || e.to === 'node:fs/promises' || e.to === 'fs') && e.from !== 'cli' && !allowed.has(e.file)),
    ).toEqual([]);
  });

  it('only the CLI prints and sets exit codes', () => {
    // src/workbench/bundle.ts is a build step (npm run build runs it as a script), not library code
    const allowed = new Set(['src/workbench/bundle.ts']);
    const found = files
      .filter((f) => layerOf(f) !== 'cli' && !allowed.has(path.relative(ROOT, f)))
      .filter((f) => /\bconsole\.|process\.(stdout|stderr)\b|process\.exit/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f));
    expect(found).toEqual([]);
  });

  it("`import 'truce'` does not load vega (the charts live behind truce/report)", () => {
    const seen = new Set<string>();
    const heavy: string[] = [];
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of runtimeImports(file)) {
        if (spec.startsWith('.')) walk(path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'));
        else if (spec.startsWith('vega')) heavy.push(`${path.relative(ROOT, file)} -> ${spec}`);
      }
    };
    walk(path.join(SRC, 'index.ts'));
    expect(seen.size).toBeGreaterThan(20);
    expect(heavy).toEqual([]);
    // and the report entry does reach it: the walk would see a chart if there were one
    walk(path.join(SRC, 'reportEntry.ts'));
    expect(heavy.length).toBeGreaterThan(0);
  });
});

/**
 * Module-level state that outlives a run (#14): a cache keyed by object identity, a scratch array, a
 * reassigned `let`. A run's memos belong to its RunContext (src/run/runContext.ts), many runs' to a
 * RunsMemo their caller owns. Flagged, per top-level binding of a file:
 * - a WeakMap or WeakSet (keyed by identity, whatever its use);
 * - a Map or Set that the module changes, unless its key is a string or number (a pure function of a
 *   primitive key, such as zone offsets by zone and hour, may live with the module);
 * - an array the module changes (push, fill, an element assigned...);
 * - a `let` assigned anywhere but its declaration.
 */
export function moduleState(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const bindings = new Map<string, { decl: ts.VariableDeclaration; isLet: boolean }>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const isLet = (st.declarationList.flags & ts.NodeFlags.Let) !== 0;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) bindings.set(d.name.text, { decl: d, isLet });
  }
  const MUTATORS = new Set([
    'set',
    'add',
    'delete',
    'clear',
    'push',
    'pop',
    'shift',
    'unshift',
    'splice',
    'fill',
    'sort',
    'reverse',
    'copyWithin',
  ]);
  const mutated = new Set<string>();
  const reassigned = new Set<string>();
  const rootName = (e: ts.Expression): string | undefined => {
    while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    return ts.isIdentifier(e) ? e.text : undefined;
  };
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && MUTATORS.has(n.expression.name.text)) {
      const r = rootName(n.expression.expression);
      if (r !== undefined) mutated.add(r);
    }
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      n.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    ) {
      if (ts.isIdentifier(n.left)) reassigned.add(n.left.text);
      else {
        const r = rootName(n.left);
        if (r !== undefined) mutated.add(r);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const primitive = (t: ts.TypeNode | undefined) =>
    t !== undefined && (t.kind === ts.SyntaxKind.StringKeyword || t.kind === ts.SyntaxKind.NumberKeyword);
  const out: string[] = [];
  for (const [name, { decl, isLet }] of bindings) {
    const init = decl.initializer;
    const ctor = init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) ? init.expression.text : undefined;
    const annotated = decl.type && ts.isTypeReferenceNode(decl.type) ? decl.type : undefined;
    const kind = ctor ?? (annotated && ts.isIdentifier(annotated.typeName) ? annotated.typeName.text : undefined);
    const keyType = (init && ts.isNewExpression(init) ? init.typeArguments?.[0] : undefined) ?? annotated?.typeArguments?.[0];
    const isArray =
      (init !== undefined && (ts.isArrayLiteralExpression(init) || /^(new Array|Array\.|.*\.map\()/.test(init.getText(sf)))) ||
      (decl.type !== undefined &&
        (ts.isArrayTypeNode(decl.type) || (ts.isTypeOperatorNode(decl.type) && ts.isArrayTypeNode(decl.type.type))));
    if (kind === 'WeakMap' || kind === 'WeakSet') out.push(`${name}: ${kind} (keyed by identity)`);
    else if ((kind === 'Map' || kind === 'Set') && mutated.has(name) && !primitive(keyType))
      out.push(`${name}: ${kind} changed by the module, not keyed by a string or number`);
    else if (isArray && mutated.has(name)) out.push(`${name}: array changed by the module (scratch)`);
    else if (isLet && reassigned.has(name)) out.push(`${name}: let assigned by the module`);
  }
  return out.map((m) => `${fileName}: ${m}`);
}

describe('no module-level state in the pure core (a run owns its memos: src/run/runContext.ts)', () => {
  it('finds every kind of module-level state in a fixture, and nothing in one without', () => {
    const fixture = (f: string) => readFileSync(path.join(ROOT, 'tests/fixtures/caches', f), 'utf8');
    expect(moduleState('hidden.ts', fixture('hidden.ts.txt'))).toEqual([
      'hidden.ts: byObligation: WeakMap (keyed by identity)',
      'hidden.ts: byObject: Map changed by the module, not keyed by a string or number',
      'hidden.ts: untyped: Map changed by the module, not keyed by a string or number',
      'hidden.ts: seen: Set changed by the module, not keyed by a string or number',
      'hidden.ts: SCRATCH: array changed by the module (scratch)',
      'hidden.ts: last: let assigned by the module',
    ]);
    expect(moduleState('allowed.ts', fixture('allowed.ts.txt'))).toEqual([]);
  });

  it('rules, machine, run, time, schema and sample keep none', () => {
    const core = new Set(['rules', 'machine', 'run', 'time', 'schema', 'sample']);
    // a worker thread's entry is that thread's program: its state ends with the thread, as a run's does
    const threadEntries = new Set(['src/sample/sampleWorker.ts']);
    const found = files
      .filter((f) => core.has(layerOf(f)) && !threadEntries.has(path.relative(ROOT, f)))
      .flatMap((f) => moduleState(path.relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});
