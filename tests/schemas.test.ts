import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, schemaText, SCHEMA_FILES, SCHEMA_FOR_FORMAT, type SchemaFileName } from '../src/schema/jsonSchemas.js';
import { packageRoot, writeSchemas } from '../tools/writeSchemas.js';
import { ROOT } from './helpers.js';

/**
 * The JSON Schemas in schemas/ are generated from the zod formats for editor support. These tests keep
 * the committed files in step with the formats and every shipped YAML file pointed at the right one.
 */

const SCHEMAS_DIR = path.join(ROOT, 'schemas');
const generated = jsonSchemas();
const STALE = 'schemas/ is stale: the zod formats changed; run `npm run schemas` and commit the result';

/** Every file under `dir` (recursively) whose name ends with one of `exts`, as paths relative to ROOT. */
function walk(dir: string, exts: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) return walk(abs, exts);
      return exts.some((e) => name.endsWith(e)) ? [path.relative(ROOT, abs)] : [];
    });
}

/** What the repository ships: seeds, scenarios (what-ifs included, whatever exists right now), rules. */
const SHIPPED_YAML = [...walk(path.join(ROOT, 'seeds'), ['.yaml', '.yml']), ...walk(path.join(ROOT, 'scenarios'), ['.yaml', '.yml'])];
const SHIPPED_RULES = walk(path.join(ROOT, 'rules'), ['.json']);

const formatOf = (data: unknown): unknown =>
  data !== null && typeof data === 'object' ? (data as { format?: unknown }).format : undefined;
/** A rule file without `format` is a single rule; the others say which format they are. */
const schemaForRule = (data: unknown): SchemaFileName => SCHEMA_FOR_FORMAT[String(formatOf(data))] ?? 'rule.schema.json';

describe('the committed JSON Schemas', () => {
  it('there is one generated schema per format the loader reads', () => {
    expect(Object.keys(generated).sort()).toEqual(Object.keys(SCHEMA_FILES).sort());
    expect(new Set(Object.values(SCHEMA_FOR_FORMAT))).toEqual(new Set(Object.keys(SCHEMA_FILES)));
  });

  for (const name of Object.keys(SCHEMA_FILES) as SchemaFileName[]) {
    it(`schemas/${name} is what the formats generate today`, () => {
      const file = path.join(SCHEMAS_DIR, name);
      expect(existsSync(file), `${STALE} (schemas/${name} is missing)`).toBe(true);
      // byte for byte: pretty JSON, trailing newline, so the diff in review is the real change
      expect(readFileSync(file, 'utf8') === schemaText(generated[name]), `${STALE} (schemas/${name} differs)`).toBe(true);
    });
  }

  it('schemas/ holds no schema that is no longer generated', () => {
    const present = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'));
    expect(
      present.filter((f) => !(f in generated)),
      `${STALE} (delete the leftover files)`,
    ).toEqual([]);
  });

  it('tools/writeSchemas.ts writes exactly the committed files, and leaves unchanged ones alone', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'truce-schemas-'));
    const first = writeSchemas(out);
    expect(first.map((f) => path.basename(f.file)).sort()).toEqual(Object.keys(SCHEMA_FILES).sort());
    expect(first.every((f) => f.changed)).toBe(true);
    for (const f of first)
      expect(readFileSync(f.file, 'utf8'), STALE).toBe(readFileSync(path.join(SCHEMAS_DIR, path.basename(f.file)), 'utf8'));
    expect(writeSchemas(out).some((f) => f.changed)).toBe(false);
  });

  // regression: tsc copies package.json into dist/ (src/version.ts imports it); the writer run from dist/tools must still find the real root
  it('the writer finds the package root from tools/ and from dist/tools/', () => {
    expect(packageRoot(path.join(ROOT, 'tools'))).toBe(ROOT);
    expect(packageRoot(path.join(ROOT, 'dist', 'tools'))).toBe(ROOT);
  });

  it('generating twice gives the same bytes (deterministic)', () => {
    const again = jsonSchemas();
    for (const name of Object.keys(generated) as SchemaFileName[]) expect(schemaText(again[name])).toBe(schemaText(generated[name]));
  });

  it('are draft-07 documents with a title, and defaults stay optional (io: input)', () => {
    for (const [name, schema] of Object.entries(generated)) {
      expect(schema.$schema, name).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.title, name).toEqual(expect.any(String));
    }
    const scenario = generated['scenario.schema.json'] as { required: string[]; properties: Record<string, unknown> };
    // timeZone, seeds, rules, events and expect have defaults: a file may leave them out
    for (const key of ['timeZone', 'seeds', 'rules', 'events', 'expect']) {
      expect(scenario.properties).toHaveProperty(key);
      expect(scenario.required).not.toContain(key);
    }
    expect(scenario.required).toEqual(expect.arrayContaining(['format', 'id', 'title', 'parties', 'interpretations']));
    // most truces have no enforcement plan: a scenario may leave it out
    expect(scenario.properties).toHaveProperty('plan');
    expect(scenario.required).not.toContain('plan');
  });

  // regression: the condition tree is recursive (z.lazy); it must come out as a named definition and a $ref, not inlined forever or as __schema0
  it('the recursive condition tree is a named definition referred to by $ref', () => {
    for (const name of ['rule.schema.json', 'conditions.schema.json'] as const) {
      const text = schemaText(generated[name]);
      expect(text, name).toContain('"$ref": "#/definitions/Condition"');
      expect((generated[name] as { definitions?: Record<string, unknown> }).definitions, name).toHaveProperty('Condition');
      expect(text, name).not.toMatch(/__schema\d/);
    }
  });
});

describe('shipped YAML files point editors at their schema', () => {
  const HEADER = /^# yaml-language-server: \$schema=(\S+)\r?$/;

  it('there are shipped YAML files to check', () => {
    expect(SHIPPED_YAML).toEqual(expect.arrayContaining([path.join('seeds', 'events.yaml'), path.join('scenarios', 'jan-feb-2026.yaml')]));
  });

  for (const rel of SHIPPED_YAML) {
    it(`${rel} starts with a yaml-language-server $schema line for its format`, () => {
      const text = readFileSync(path.join(ROOT, rel), 'utf8').replace(/^\uFEFF/, '');
      const first = text.split('\n')[0] ?? '';
      const m = HEADER.exec(first);
      expect(
        m,
        `${rel}: the first line must be "# yaml-language-server: $schema=<relative path>/<format>.schema.json", got ${JSON.stringify(first)}`,
      ).not.toBeNull();
      const target = path.resolve(path.dirname(path.join(ROOT, rel)), m![1]!);
      expect(existsSync(target), `${rel}: $schema=${m![1]} does not exist (resolved to ${target})`).toBe(true);
      const format = formatOf(parse(text));
      const want = SCHEMA_FOR_FORMAT[String(format)];
      expect(want, `${rel}: unknown format ${JSON.stringify(format)}`).toBeDefined();
      expect(path.relative(SCHEMAS_DIR, target), `${rel} is ${String(format)}`).toBe(want);
    });
  }
});

/**
 * What an editor would do with the schema: an editor must not flag the shipped files (a pattern too
 * strict would put squiggles on good data), and must flag a typo. z.fromJSONSchema stands in for the
 * editor's validator (no JSON Schema library is installed).
 */
describe('the schemas accept every shipped file and refuse a typo', () => {
  const validators = new Map<SchemaFileName, z.ZodType>();
  const validator = (name: SchemaFileName) => {
    if (!validators.has(name))
      validators.set(name, z.fromJSONSchema(generated[name] as Parameters<typeof z.fromJSONSchema>[0]) as z.ZodType);
    return validators.get(name)!;
  };
  const load = (rel: string): unknown =>
    JSON.parse(JSON.stringify(parse(readFileSync(path.join(ROOT, rel), 'utf8').replace(/^\uFEFF/, ''))));

  for (const rel of [...SHIPPED_YAML, ...SHIPPED_RULES]) {
    it(`${rel} validates against its schema`, () => {
      const data = load(rel);
      const name = rel.endsWith('.json') ? schemaForRule(data) : SCHEMA_FOR_FORMAT[String(formatOf(data))];
      expect(name, rel).toBeDefined();
      const r = validator(name!).safeParse(data);
      expect(r.success ? [] : r.error.issues.slice(0, 5), rel).toEqual([]);
    });
  }

  it('a misspelt key and a date-time with no offset are flagged in the editor', () => {
    const data = load(path.join('scenarios', 'jan-feb-2026.yaml')) as Record<string, unknown> & {
      interpretations: { window: { start: string } }[];
    };
    data.interpretaton = [];
    data.interpretations[0]!.window.start = '2026-01-29T00:00:00';
    const r = validator('scenario.schema.json').safeParse(data);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('interpretations.0.window.start');
    expect(r.error!.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it('a rule with an unknown finding type is flagged in the editor', () => {
    const data = load(path.join('rules', 'broader-attack.json')) as { event: { type: string } };
    data.event.type = 'violaton';
    expect(validator('rule.schema.json').safeParse(data).success).toBe(false);
  });
});
