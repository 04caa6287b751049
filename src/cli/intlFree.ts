import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Settings } from 'luxon';
import { assumeRootCollation } from '../collation.js';
import { defaultCache, writeWhole } from '../load/loadCache.js';
import { knownZones, knowZones } from '../schema/knownZones.js';
import { seedZoneHours, zoneHours } from '../time/interval.js';

/**
 * A cached start without ICU. ICU's first use costs 10-20 ms of a start (V8 lists the locales of each
 * service it starts and ICU loads their data: README, Cold start), and a run served by the scenario cache
 * asked it only three things, none of which needs it once answered:
 * - luxon's system locale, which luxon looks up for every date and duration it makes, while every string
 *   truce has luxon write is written in en-US whatever that locale is (`toFormat` and `toISO` take en-US
 *   unless given a locale; truce formats nothing with the system's words): luxon is told en-US;
 * - the order of short ids and names (compareText, src/collation.ts), known without ICU under the root
 *   collation, which the locale variables tell (rootCollationFromEnv);
 * - each zone's offset and short name for an hour (src/time/interval.ts keeps them per hour): kept in the
 *   cache folder from run to run, one file per build of node (its ICU and time-zone data decide them).
 * Outputs stay byte for byte the same (tests/cli-intl.test.ts runs commands with the file, without it and
 * with a damaged one).
 */

/** Locale values under which ICU's default collation is the root one (en-US; C and POSIX are en-US-POSIX). */
const ROOT_LOCALE = /^(?:C|POSIX|C\.[\w-]+|en_US(?:\.[\w-]+)?)$/;

/**
 * Whether ICU's default locale collates as the root does, from the variables it reads (LC_ALL, then
 * LC_MESSAGES, then LANG; LC_COLLATE too, to be safe): every one either unset or a C, POSIX or en_US
 * value. An empty value or any other locale: not known, ICU decides.
 */
export function rootCollationFromEnv(env: NodeJS.ProcessEnv): boolean {
  return ['LC_ALL', 'LC_MESSAGES', 'LC_COLLATE', 'LANG'].every((k) => env[k] === undefined || ROOT_LOCALE.test(env[k]));
}

/** more than this many hours are not kept (a long Monte Carlo run draws many): the next runs ask luxon */
const MAX_HOURS = 20_000;

type Hours = Record<string, (readonly [number, number | null, string?])[]>;
/** what the file holds: each zone's hours (src/time/interval.ts), and the names the zone check found valid */
interface Kept {
  hours: Hours;
  valid: string[];
}

/**
 * The file of zone hours for this node and this build of truce: node's version and ICU and time-zone data
 * decide the hours, the build what the file's entries mean (as for the scenario cache's entries); no hash:
 * loading crypto first costs a start more than the name saves. None when ICU's data come from elsewhere
 * (NODE_ICU_DATA), which the name cannot tell.
 */
function zonesFile(dir: string, build: string): string | undefined {
  if (process.env.NODE_ICU_DATA !== undefined) return undefined;
  const v = process.versions;
  const name = `zones-${build}-${process.version}-${process.arch}-icu${v.icu}-tz${v.tz}-u${v.unicode}.json`;
  return /^[\w.+-]+$/.test(name) ? path.join(dir, name) : undefined;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function read(file: string): Kept | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!isRecord(data) || !isRecord(data.hours) || !Array.isArray(data.valid) || !data.valid.every((z) => typeof z === 'string'))
      return undefined;
    return data as unknown as Kept;
  } catch {
    return undefined;
  }
}

const isHour = (e: unknown): e is readonly [number, number | null, string?] =>
  Array.isArray(e) &&
  Number.isInteger(e[0]) &&
  (e[1] === null
    ? e.length === 2
    : typeof e[1] === 'number' && Number.isFinite(e[1]) && (e.length === 2 || (e.length === 3 && typeof e[2] === 'string')));

/** Called once by the CLI, before a command runs. */
export function prepareIntlFree(): void {
  Settings.defaultLocale = 'en-US';
  assumeRootCollation(rootCollationFromEnv(process.env));
  const cache = defaultCache(process.cwd());
  if (cache === undefined) return;
  const file = zonesFile(cache.dir, cache.build);
  if (file === undefined) return;
  const kept = read(file);
  // an entry of any other shape is ignored whole: a damaged file is written again from what luxon says
  if (kept !== undefined) {
    for (const [zone, hours] of Object.entries(kept.hours)) if (Array.isArray(hours) && hours.every(isHour)) seedZoneHours(zone, hours);
    knowZones(kept.valid);
  }
  // hours, names and valid zones: what decides whether this run learned anything worth writing
  const size = (h: Hours) => Object.values(h).reduce((n, hs) => n + hs.reduce((m, e) => m + e.length, 0), 0) + knownZones().length;
  const before = size(zoneHours());
  process.once('exit', () => {
    const hours = zoneHours();
    if (size(hours) === before || Object.values(hours).reduce((n, h) => n + h.length, 0) > MAX_HOURS) return;
    writeWhole(file, JSON.stringify({ hours, valid: knownZones() } satisfies Kept));
  });
}
