import { z } from 'zod';
import { Id, Instant, IsoDuration, SourceRef, TimeZone } from './common.js';
import {
  MeansClass,
  PlaceKind,
  TargetType,
  type MeansClass as MeansClassT,
  type PlaceKind as PlaceKindT,
  type TargetType as TargetTypeT,
} from './event.js';

/** A claim, by one party and as one source reports it, about whether the truce was accepted. */
export const AgreementClaim = z.strictObject({
  by: Id,
  /**
   * declared: a unilateral declaration by `by`; rejected: an outright refusal; accepted-with-conditions:
   * acceptance on the terms in `conditions`; joined: `by` joined a truce others made, on `on`
   */
  claim: z.enum([
    'accepted',
    'declined-to-confirm',
    'reciprocated',
    'requested',
    'declared',
    'rejected',
    'accepted-with-conditions',
    'joined',
  ]),
  /** for accepted-with-conditions: the conditions, in the analyst's words */
  conditions: z.array(z.string().min(1)).optional(),
  /** when the claim took effect (a party joining later: its own date) */
  on: Instant.optional(),
  sources: z.array(SourceRef).min(1),
  note: z.string().optional(),
});

/**
 * A later period of the window: a renewal or extension, from the end of the one before, or from its own
 * `start` after it (the time between is a gap the truce does not cover).
 */
export const WindowPeriod = z
  .strictObject({
    /**
     * when this period starts (inclusive): absent, at the end of the period before; later, after a gap; never
     * earlier (periods do not overlap)
     */
    start: Instant.optional(),
    /** give `end`, `duration` (counted from the period's start) or `open: true`, exactly one */
    end: Instant.optional(),
    duration: IsoDuration.optional(),
    /** no end stated: the period runs until the window's `endedBy`, which an open end requires */
    open: z.literal(true).optional(),
    /** as the window's: the period's end belongs to it (true), or its whole last day does (`day`) */
    endInclusive: z.union([z.boolean(), z.literal('day')]).default(false),
    /** the zone its duration and day end are counted in (default: the window's) */
    timeZone: TimeZone.optional(),
    basis: z.string().min(1),
    sources: z.array(SourceRef).min(1),
  })
  .superRefine((w, ctx) => {
    if ([w.end, w.duration, w.open].filter((x) => x !== undefined).length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'a period gives `end`, `duration` or `open: true`, exactly one of them' });
    }
  });

/** A party's word that the truce is over, before its stated end: the window closes then. */
export const WindowEndedBy = z.strictObject({
  party: Id,
  /** from this instant the truce no longer binds (the end of the window, exclusive) */
  at: Instant,
  basis: z.string().min(1),
  sources: z.array(SourceRef).min(1),
});

export const Window = z
  .strictObject({
    start: Instant,
    /** give `end`, `duration` (counted from `start`) or `open: true`, exactly one */
    end: Instant.optional(),
    duration: IsoDuration.optional(),
    /**
     * no end stated ("until further notice"): the window runs until a party declares it over, so an open
     * end requires `endedBy` (a truce still open at the end of the record cannot be said yet)
     */
    open: z.literal(true).optional(),
    startInclusive: z.boolean().default(true),
    /**
     * true: the end instant itself belongs to the window (one instant more, nothing else); `day`: the
     * window runs through the whole calendar day on which `end` (or start + duration) falls, in the
     * reading's zone, to the next midnight exclusive ("until 1 February" read as "1 February included")
     */
    endInclusive: z.union([z.boolean(), z.literal('day')]).default(false),
    /**
     * the IANA zone the window's duration and day ends are counted in (default: the reading's
     * `timeZone`, else the scenario's): "30 days from 18 March, Moscow time" ends at a Moscow midnight
     */
    timeZone: TimeZone.optional(),
    basis: z.string().min(1),
    /**
     * the window's later periods, in order: the truce extended or renewed, each from the end of the one
     * before or from its own later `start` (a gap); the window (its start to `end`/`duration`) is the first
     * period, the last period's end the window's end
     */
    renewals: z.array(WindowPeriod).optional(),
    /** a party declared the truce over before its stated end: the window ends at that instant */
    endedBy: WindowEndedBy.optional(),
  })
  .superRefine((w, ctx) => {
    if ([w.end, w.duration, w.open].filter((x) => x !== undefined).length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'a window gives `end`, `duration` or `open: true`, exactly one of them' });
    }
  });

/**
 * Where an obligation applies: the whole country (the default), the front line with a zone `km` wide
 * along it, or the rear (farther than `km` from the front). Named regions are `places` terms.
 */
export const Area = z.union([
  z.literal('whole-country'),
  z.strictObject({ frontLine: z.strictObject({ km: z.number().min(0) }) }),
  z.strictObject({ rear: z.strictObject({ km: z.number().min(0) }) }),
]);
export type Area = z.infer<typeof Area>;

/** What a party refrains from: places, kinds of place, target types, or all hostilities, limited by means and area. */
export const RefrainFrom = z.union([
  /** `refrainFrom: all`: every act of hostility against `towards`, wherever and whatever it hits */
  z.literal('all').transform(() => ({
    places: [] as string[],
    placeKinds: [] as PlaceKindT[],
    targets: [] as TargetTypeT[],
    all: true,
    means: undefined as MeansClassT[] | undefined,
    area: undefined as Area | undefined,
  })),
  z.strictObject({
    places: z.array(z.string().min(1)).default([]),
    placeKinds: z.array(PlaceKind).default([]),
    targets: z.array(TargetType).default([]),
    /** true: all hostilities against `towards` (the lists then add nothing) */
    all: z.boolean().default(false),
    /**
     * only acts by these means are covered (absent: any means); with no places, kinds or targets, every
     * act by these means against `towards` ("no long-range strikes")
     */
    means: z.array(MeansClass).min(1).optional(),
    /** only acts in this area are covered (absent: the whole country); alone, every act there ("a frontline ceasefire") */
    area: Area.optional(),
  }),
]);

/**
 * What a reciprocal obligation hangs on: `counterparty-complies`, the counterparty keeping its own pledge
 * under the reading; `counterparty-refrains`, the counterparty's conduct ("only if the other side does the
 * same"): its acts within `from` against the bound party, whether or not it pledged anything.
 */
export const Condition = z.union([
  z.strictObject({ while: z.literal('counterparty-complies'), counterparty: Id }),
  z.strictObject({ while: z.literal('counterparty-refrains'), counterparty: Id, from: RefrainFrom }),
]);

export const Obligation = z.strictObject({
  party: Id,
  /** the party whose places and assets are protected */
  towards: Id,
  refrainFrom: RefrainFrom,
  /** reciprocal obligations hold only while the counterparty keeps the truce */
  condition: Condition.optional(),
  /**
   * when this obligation starts, inside the reading's window (a party that joined later is bound from its
   * own date); absent: from the window's start
   */
  effective: Instant.optional(),
  basis: z.enum(['stated', 'inferred']).default('stated'),
  sources: z.array(SourceRef).min(1),
  note: z.string().optional(),
});

/** How a claimed or disputed act counts. */
export const EVIDENCE_COUNTS = ['violation', 'possible', 'exclude'] as const;
/**
 * The reading's standard of evidence: whether an act only claimed, or claimed and denied, counts as a
 * violation (as if confirmed), as a possible violation at most, or not at all.
 */
export const Evidence = z.strictObject({
  claimed: z.enum(EVIDENCE_COUNTS).default('violation'),
  disputed: z.enum(EVIDENCE_COUNTS).default('possible'),
});

export const Interpretation = z.strictObject({
  id: Id,
  label: z.string().min(1),
  heldBy: z.array(z.strictObject({ party: Id, who: z.string().min(1), sources: z.array(SourceRef).min(1) })).min(1),
  agreement: z.strictObject({
    /** declared: one party's unilateral truce; rejected: the other side refused it (the reading still states what was offered) */
    status: z.enum(['agreed', 'claimed', 'disputed', 'declared', 'rejected']),
    claims: z.array(AgreementClaim).default([]),
  }),
  /** the zone the reading states its times in (default: the scenario's); its window counts durations and days in it */
  timeZone: TimeZone.optional(),
  window: Window,
  /** the standard of evidence for claimed and disputed acts (default: claimed ones count, disputed ones are possible) */
  evidence: Evidence.optional(),
  obligations: z.array(Obligation).min(1),
  note: z.string().optional(),
});

export type Interpretation = z.infer<typeof Interpretation>;
export type Obligation = z.infer<typeof Obligation>;
export type Evidence = z.infer<typeof Evidence>;
export type WindowSpec = z.infer<typeof Window>;
export type WindowPeriod = z.infer<typeof WindowPeriod>;
export type AgreementClaim = z.infer<typeof AgreementClaim>;
