/** json-rules-engine's built-in operators. */
export const ENGINE_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

/** Our temporal operators, named as in Drools Fusion and DMN FEEL. */
export const TEMPORAL_OPERATORS = ['during', 'overlaps', 'before', 'after', 'mayFollow'] as const;

export const KNOWN_OPERATORS: ReadonlySet<string> = new Set<string>([...ENGINE_OPERATORS, ...TEMPORAL_OPERATORS]);
