/**
 * The facts a rule may read, each derived for one event under one reading (see deriveFacts).
 * Kept apart from the derivation so that validation can name them without loading the engine.
 */
export const FACT_DOCS = {
  kind: 'the event kind: strike, shelling, ground-assault, air-strike (the attacks), statement, agreement-claim, talks, airspace-alert, response',
  actor: 'the party that acted',
  target: 'the party acted against (may be absent)',
  eventTime: 'the event interval [start, end) in epoch ms',
  window: "the reading's window with its inclusive flags",
  obligated: 'whether the actor has an obligation under this reading',
  conditional: 'whether that obligation holds only while the counterparty complies',
  conditionStatus: 'none (unconditional), holds, lapsed or uncertain (the counterparty breach overlaps the event)',
  placeScope: 'certain, possible or none: do the places hit fall in the protected places?',
  targetScope: 'certain, possible or none: do the things hit fall in the protected target types?',
  scope: 'the stronger of placeScope and targetScope',
  enforcementApplies: "whether the plan's phases are set in motion by this actor's violations",
  actorFirstViolation: "the interval of the actor's first certain violation under this reading, or null; params min/max bound a gap",
  munitionsLow: 'drones plus missiles, low figures',
  munitionsBest: 'drones plus missiles, best figures (low where no best)',
  munitionsHigh: 'drones plus missiles, high figures (null when a count has no ceiling)',
  dronesLow: 'drones, low figure',
  missilesLow: 'missiles, ballistic included, low figure',
  ballisticLow: 'ballistic missiles, low figure',
  regionsLow: 'distinct admin-1 regions the event certainly reached',
  killedLow: 'people killed, low figure',
  injuredLow: 'people injured, low figure',
  meansScope:
    'certain, possible or none: were the means used among those the obligation forbids? (certain when it names none; folded into placeScope, targetScope and scope)',
  areaScope:
    "certain, possible or none: did the event happen in the obligation's area (front line, rear)? (certain when it names none; folded into the scopes)",
  guidedBombsLow: 'guided bombs, low figure',
  shellsLow: 'artillery shells, low figure',
  fpvDronesLow: 'FPV drones, low figure (not in dronesLow or munitionsLow)',
  aggregate: 'whether the event is an aggregate report of many incidents over a period (incidents given), not one act',
  incidentsLow: 'incidents an aggregate report counts, low figure (1 for a single act)',
  evidence:
    'how the reading counts the act by its attribution: violation (confirmed, or claimed/disputed under a standard that counts it), possible, or exclude',
} as const;

export type FactName = keyof typeof FACT_DOCS;
export const KNOWN_FACTS: ReadonlySet<string> = new Set(Object.keys(FACT_DOCS));
