/**
 * Zone names known valid without asking luxon, which asks ICU (its first use costs a start 10-20 ms:
 * README, Cold start): the names the format's check found valid in this process, and those the CLI kept
 * from earlier runs of the same node (src/cli/intlFree.ts), whose ICU data decide. A pure memo keyed by
 * the name: which process asks changes nothing.
 */
const known = new Set<string>();

/** IANA names (with a '/': never the machine's own zone nor a fixed offset, which the check words apart). */
export function knowZones(names: Iterable<string>): void {
  for (const n of names) if (n.includes('/')) known.add(n);
}

export function isKnownZone(name: string): boolean {
  return known.has(name);
}

export function knownZones(): string[] {
  return [...known].sort();
}
