/**
 * The parts of the event format that code on the hot path needs at run time, without zod: loading zod
 * costs a command's start tens of milliseconds, and a run from the scenario cache, a Monte Carlo worker
 * or a report never validates. `event.ts` builds its zod enums from these lists.
 */
export const EVENT_KINDS = [
  'strike',
  'statement',
  'agreement-claim',
  'talks',
  'airspace-alert',
  'response',
  'shelling',
  'ground-assault',
  'air-strike',
] as const;

/** The kinds that are acts of hostility, the ones the rules judge (`is-attack` in rules/conditions.json). */
export const ATTACK_KINDS = ['strike', 'shelling', 'ground-assault', 'air-strike'] as const;
export const isAttack = (kind: string): boolean => (ATTACK_KINDS as readonly string[]).includes(kind);

export const ATTRIBUTIONS = ['confirmed', 'claimed', 'disputed'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/** An event's attribution: as stated, else disputed when someone denies it, else confirmed. */
export const attributionOf = (e: { attribution?: Attribution | undefined; deniedBy?: readonly unknown[] | undefined }): Attribution =>
  e.attribution ?? ((e.deniedBy?.length ?? 0) > 0 ? 'disputed' : 'confirmed');
