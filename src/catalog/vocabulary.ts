/**
 * The rule language: the facts and operators a rule file may use. The engine implements exactly
 * these; the catalogue loader refuses anything else, so a typo fails at load time, not at run().
 */
export const RULE_FACTS = ['answer', 'previous', 'service', 'year', 'reviewDate', 'incidents'] as const;
export type RuleFact = (typeof RULE_FACTS)[number];

export const COMPARISON_OPERATORS = ['equal', 'notEqual'] as const;
export const MEMBERSHIP_OPERATORS = ['in', 'notIn'] as const;
export const NUMERIC_OPERATORS = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;
export const DATE_OPERATORS = ['dateBefore', 'dateOnOrAfter'] as const;
export const RULE_OPERATORS = [...COMPARISON_OPERATORS, ...MEMBERSHIP_OPERATORS, ...NUMERIC_OPERATORS, ...DATE_OPERATORS] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/**
 * Paths into the `service` fact, and the kind of value each gives. An unknown register value reads
 * as true (an unclassified service as level 3); `$.known.<field>` is false while it is unknown.
 */
export const SERVICE_PATHS: Record<string, 'boolean' | 'level'> = {
  '$.personalData': 'boolean',
  '$.sensitiveData': 'boolean',
  '$.thirdCountry': 'boolean',
  '$.hasSupplier': 'boolean',
  '$.known.personalData': 'boolean',
  '$.known.sensitiveData': 'boolean',
  '$.known.thirdCountry': 'boolean',
  '$.known.hasSupplier': 'boolean',
  '$.known.classification': 'boolean',
  '$.classification.K': 'level',
  '$.classification.R': 'level',
  '$.classification.T': 'level',
  '$.classification.S': 'level',
  '$.classification.max': 'level',
};

/**
 * Paths into the `incidents` fact: the incident register for the service (for the organisation:
 * every service) over the twelve months up to the review date.
 */
export const INCIDENT_PATHS: Record<string, 'boolean' | 'number'> = {
  '$.covered': 'boolean',
  '$.count.major_incident': 'number',
  '$.count.personuppgiftsincident': 'number',
  '$.count.informationssakerhetsincident': 'number',
  '$.count.betydande_incident': 'number',
  '$.maxImyDelayHours': 'number',
  '$.lateImyWithoutReason': 'number',
  '$.breachesWithoutDecision': 'number',
  '$.lateEarlyWarnings': 'number',
  '$.lateNotifications': 'number',
  '$.missingFinalReports': 'number',
};

export const MAX_MONTHS_BACK = 120;
