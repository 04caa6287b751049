import { z } from 'zod';
import { Count, Id, Instant, SourceRef } from './common.js';
import { DatasetRecordRef } from './source.js';
import { ATTACK_KINDS, ATTRIBUTIONS, EVENT_KINDS, attributionOf, isAttack } from './eventKinds.js';

// the zod-free lists and helpers live in eventKinds.ts (the hot path imports them without zod)
export { ATTACK_KINDS, ATTRIBUTIONS, EVENT_KINDS, attributionOf, isAttack };

export const EventKind = z.enum(EVENT_KINDS);

/** How the text pins the time: the interval must span everything the text allows. */
export const PRECISIONS = ['exact', 'hour', 'part-of-day', 'day', 'days', 'month'] as const;
export const Precision = z.enum(PRECISIONS);

export const PLACE_KINDS = ['capital', 'city', 'town', 'village', 'district', 'region', 'country', 'unknown'] as const;
export const PlaceKind = z.enum(PLACE_KINDS);

/** settlement: the text names the settlement (or a district of it); region: only "the X region". */
export const PLACE_PRECISIONS = ['settlement', 'region', 'country', 'unknown', 'near-settlement'] as const;
export const PlacePrecision = z.enum(PLACE_PRECISIONS);

export const TARGET_TYPES = [
  'energy',
  'residential',
  'non-residential',
  'civilian-infrastructure',
  'civilian-transport',
  'education',
  'health',
  'diplomatic',
  'civilians',
  'military',
] as const;
export const TargetType = z.enum(TARGET_TYPES);

/** How a strike was carried out, as a dataset's event type says (imports: seeds/import/mapping.yaml). */
export const MEANS = [
  'air-strike',
  'drone-strike',
  'missile',
  'artillery',
  'shelling',
  'armed-clash',
  'remote-explosive',
  'grenade',
  'suicide-bomb',
  'chemical-weapon',
  'direct-attack',
] as const;
export const Means = z.enum(MEANS);

/**
 * The means a truce is written in terms of: long-range strikes (missiles, long-range drones), air strikes
 * and guided bombs, artillery and shelling, ground assaults, and short-range (FPV) drones at the front.
 */
export const MEANS_CLASSES = ['long-range', 'air', 'artillery', 'ground-assault', 'short-range-drones'] as const;
export const MeansClass = z.enum(MEANS_CLASSES);

export const Attribution = z.enum(ATTRIBUTIONS);

/** the phases of the articles' plan (the seed scenario's); a phase id is any id of the scenario's plan */
export const PHASE_IDS = ['diplomatic', 'coalition', 'us-backed'] as const;
export const PhaseId = Id;

export const When = z.strictObject({
  start: Instant,
  end: Instant,
  precision: Precision,
  evidence: z.string().min(1),
});

export const Place = z.strictObject({
  name: z.string().min(1),
  /** for a district: the settlement it belongs to */
  settlement: z.string().min(1).optional(),
  /** admin-1 unit (oblast, or the city of Kyiv, which is its own admin-1 unit); absent when unknown */
  region: z.string().min(1).optional(),
  kind: PlaceKind,
  precision: PlacePrecision,
});

export const Munitions = z.strictObject({
  drones: Count.optional(),
  /** every missile, ballistic ones included */
  missiles: Count.optional(),
  /** the ballistic missiles among `missiles` */
  ballisticMissiles: Count.optional(),
  /** the cruise missiles among `missiles` */
  cruiseMissiles: Count.optional(),
  /** glide and guided aerial bombs (dropped by aircraft: an air strike) */
  guidedBombs: Count.optional(),
  /** artillery, mortar and rocket-artillery rounds */
  shells: Count.optional(),
  /** short-range first-person-view drones at the front (not counted in `drones`, the long-range ones) */
  fpvDrones: Count.optional(),
});

export const Casualties = z.strictObject({ killed: Count.optional(), injured: Count.optional() });

export const Event = z.strictObject({
  id: Id,
  kind: EventKind,
  actor: Id,
  target: Id.optional(),
  when: When,
  places: z.array(Place).default([]),
  /** places the text explicitly says were NOT hit ("no strikes on the Kyiv region") */
  placesExcluded: z.array(z.string().min(1)).default([]),
  /** what was hit, as the text says; empty means the text does not say */
  targets: z.array(TargetType).default([]),
  munitions: Munitions.optional(),
  casualties: Casualties.optional(),
  /** for `response` events: the enforcement phase this action answers */
  phase: PhaseId.optional(),
  /** means: what the record says was (or may have been) used */
  means: z.array(Means).optional(),
  /**
   * how far from the front line the event happened, in km (low/best/high; {low: 0, high: 0} on the line
   * itself); absent when the text does not say
   */
  frontDistanceKm: Count.optional(),
  /**
   * who did it, as the sources have it: confirmed (the default: the record states it as fact), claimed
   * (one side says so, unconfirmed), disputed (one side says so, the other denies it)
   */
  attribution: Attribution.optional(),
  /**
   * an aggregate report: this many incidents (low/best/high) over the period `when` spans ("2,935
   * violations on 20 April"), not one act; munitions and places are the period's totals
   */
  incidents: Count.optional(),
  /** the parties (or outlets' sources) that report the act */
  reportedBy: z.array(Id).optional(),
  /** the parties that deny it, or deny having done it */
  deniedBy: z.array(Id).optional(),
  sources: z.array(z.union([SourceRef, DatasetRecordRef])).min(1, { message: 'every event cites at least one article line' }),
  note: z.string().min(1),
  /** written by `truce ingest`: never counts in a run until an analyst removes the mark */
  draft: z.literal(true).optional(),
});

export type Event = z.infer<typeof Event>;
export type EventInput = z.input<typeof Event>;
export type Place = z.infer<typeof Place>;
export type When = z.infer<typeof When>;
export type TargetType = z.infer<typeof TargetType>;
export type PlaceKind = z.infer<typeof PlaceKind>;
export type PhaseId = z.infer<typeof PhaseId>;
export type EventKind = z.infer<typeof EventKind>;
export type MeansClass = z.infer<typeof MeansClass>;
export type Attribution = z.infer<typeof Attribution>;
