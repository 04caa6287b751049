import { z } from 'zod';
import { CalendarDate, Id, Instant, IsoDuration, TimeZone } from './common.js';
import { Overlay } from './overlay.js';
import { ConditionsFile, Condition, RuleFile } from './rule.js';
import { Scenario } from './scenario.js';
import { SeedFile } from './seedFile.js';
import { ActorsFile, ImportMapping } from './importFiles.js';
import { PlacesFile } from './places.js';

/**
 * JSON Schemas of the file formats, for editors (yaml-language-server, VS Code): completion, hover and
 * red squiggles while typing. Generated from the zod schemas, which stay the one definition; the checks
 * written as superRefine (real dates, known time zones, count order, cross-file references) do not carry
 * over and are left to `truce validate`.
 *
 * Written to schemas/ by tools/writeSchemas.ts (`npm run schemas`); tests/schemas.test.ts fails when
 * the committed files are stale.
 */

/** The formats and the file each schema is written to, in schemas/. */
export const SCHEMA_FILES = {
  'scenario.schema.json': { schema: Scenario, title: 'truce scenario (truce.scenario/v1)' },
  'overlay.schema.json': { schema: Overlay, title: 'truce what-if overlay (truce.overlay/v1)' },
  'seed.schema.json': { schema: SeedFile, title: 'truce seed file: sources and events (truce.seed/v1)' },
  'rule.schema.json': { schema: RuleFile, title: 'truce rule, or a family of rules (truce.rules/v1)' },
  'conditions.schema.json': { schema: ConditionsFile, title: 'truce shared rule conditions (truce.conditions/v1)' },
  'import-mapping.schema.json': { schema: ImportMapping, title: 'truce import: dataset codes to truce terms (truce.import-mapping/v1)' },
  'actors.schema.json': { schema: ActorsFile, title: 'truce import: dataset actors to scenario parties (truce.actors/v1)' },
  'places.schema.json': { schema: PlacesFile, title: 'truce place hierarchy (truce.places/v1)' },
} as const;

export type SchemaFileName = keyof typeof SCHEMA_FILES;

/** Which schema a data file's `format` key calls for. */
export const SCHEMA_FOR_FORMAT: Readonly<Record<string, SchemaFileName>> = {
  'truce.scenario/v1': 'scenario.schema.json',
  'truce.overlay/v1': 'overlay.schema.json',
  'truce.seed/v1': 'seed.schema.json',
  'truce.rules/v1': 'rule.schema.json',
  'truce.conditions/v1': 'conditions.schema.json',
  'truce.import-mapping/v1': 'import-mapping.schema.json',
  'truce.actors/v1': 'actors.schema.json',
  'truce.places/v1': 'places.schema.json',
};

/**
 * What the editor can show for the string formats whose real check is a superRefine. The patterns are
 * only a first filter (an editor cannot know that 30 February does not exist); validate has the last word.
 */
function registry() {
  const reg = z.registry<{ id?: string; description?: string; pattern?: string; examples?: unknown[] }>();
  // the condition tree is recursive (z.lazy): a named definition keeps the $ref readable ("Condition", not "__schema0")
  reg.add(Condition, {
    id: 'Condition',
    description: 'a json-rules-engine condition: { all }, { any }, { not }, { condition: name } or a leaf { fact, operator, value }',
  });
  reg.add(Id, { description: 'lowercase letters, digits and dashes', examples: ['ru-strike-2026-02-03'] });
  reg.add(Instant, {
    description: 'an ISO-8601 date-time with its UTC offset (a bare local time is refused)',
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*(Z|[+-]\\d{2}:\\d{2})$',
    examples: ['2026-02-03T00:00:00+02:00'],
  });
  reg.add(CalendarDate, { description: 'an ISO-8601 calendar date', pattern: '^\\d{4}-\\d{2}-\\d{2}', examples: ['2026-02-03'] });
  reg.add(IsoDuration, { description: 'an ISO-8601 duration', pattern: '^P', examples: ['PT24H', 'P7D'] });
  reg.add(TimeZone, { description: 'an IANA time zone name', examples: ['Europe/Kyiv', 'Europe/Moscow'] });
  return reg;
}

/**
 * Every schema, by file name. `io: 'input'` describes what a file may say (keys with defaults are
 * optional), not what the loader returns. Draft-07 because it is what every YAML/JSON editor plugin
 * reads. Deterministic: the same zod schemas give the same objects, key for key.
 */
export function jsonSchemas(): Record<SchemaFileName, Record<string, unknown>> {
  const metadata = registry();
  const out = {} as Record<SchemaFileName, Record<string, unknown>>;
  for (const [file, { schema, title }] of Object.entries(SCHEMA_FILES) as [SchemaFileName, (typeof SCHEMA_FILES)[SchemaFileName]][]) {
    const json = z.toJSONSchema(schema, {
      io: 'input',
      target: 'draft-7',
      metadata,
      unrepresentable: 'any',
      cycles: 'ref',
      reused: 'inline',
    }) as Record<string, unknown>;
    const { $schema, ...rest } = json;
    out[file] = { $schema, title, ...rest };
  }
  return out;
}

/** The bytes written for a schema: pretty JSON with a trailing newline (what tests compare against). */
export function schemaText(schema: unknown): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
