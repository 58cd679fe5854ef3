import type { Applicability, ClassificationAspect, Question } from './schema.js';

/** A register answer that has not been found out yet: itself a gap to fill in. */
export const UNKNOWN = 'okänt';
export type Unknown = typeof UNKNOWN;

export const BOOLEAN_FIELDS = ['personalData', 'sensitiveData', 'thirdCountry', 'hasSupplier'] as const;
export type BooleanField = (typeof BOOLEAN_FIELDS)[number];

/**
 * What rules and applicability conditions may know about a service: the `service` fact.
 * Unknown register data is read conservatively: an unknown yes/no counts as yes (more is asked and
 * checked, never less), an unclassified service as level 3 in every aspect. `known` says which
 * values are real, so rules can flag what the register lacks and applicability can ask.
 */
export interface ServiceProfile {
  personalData: boolean;
  sensitiveData: boolean;
  thirdCountry: boolean;
  hasSupplier: boolean;
  classification: Record<ClassificationAspect | 'max', number>;
  known: Record<BooleanField | 'classification', boolean>;
}

/** The level an unclassified service is treated as, for rules and priority (PRODUCT.md). */
export const UNCLASSIFIED_LEVEL = 3;

export interface ProfileSource {
  personalData?: boolean | Unknown | undefined;
  sensitiveData?: boolean | Unknown | undefined;
  thirdCountry?: boolean | Unknown | undefined;
  /** A name, `okänt`, or absent / null for none. */
  supplier?: string | null | undefined;
  hasSupplier?: boolean | Unknown | undefined;
  /** Absent or null: not classified yet. */
  classification?: Partial<Record<ClassificationAspect, number>> | null | undefined;
}

function flag(value: boolean | Unknown | undefined, fallback: boolean): { value: boolean; known: boolean } {
  if (value === UNKNOWN) return { value: true, known: false };
  return { value: value ?? fallback, known: true };
}

export function profileOf(source: ProfileSource, defaults: ServiceProfile): ServiceProfile {
  const personalData = flag(source.personalData, defaults.personalData);
  const sensitiveData = flag(source.sensitiveData, defaults.sensitiveData);
  const thirdCountry = flag(source.thirdCountry, defaults.thirdCountry);
  const hasSupplier =
    source.hasSupplier !== undefined
      ? flag(source.hasSupplier, defaults.hasSupplier)
      : source.supplier === UNKNOWN
      ? { value: true, known: false }
      : { value: source.supplier !== undefined && source.supplier !== null ? source.supplier.trim() !== '' : defaults.hasSupplier, known: true };
  const classified = source.classification !== null && (source.classification !== undefined || defaults.known.classification);
  const level = (aspect: ClassificationAspect): number =>
    source.classification === null ? UNCLASSIFIED_LEVEL : source.classification?.[aspect] ?? defaults.classification[aspect];
  const K = level('K');
  const R = level('R');
  const T = level('T');
  const S = level('S');
  return {
    personalData: personalData.value,
    sensitiveData: sensitiveData.value,
    thirdCountry: thirdCountry.value,
    hasSupplier: hasSupplier.value,
    classification: { K, R, T, S, max: Math.max(K, R, T, S) },
    known: {
      personalData: personalData.known,
      sensitiveData: sensitiveData.known,
      thirdCountry: thirdCountry.known,
      hasSupplier: hasSupplier.known,
      classification: classified,
    },
  };
}

const ALL_KNOWN = { personalData: true, sensitiveData: true, thirdCountry: true, hasSupplier: true, classification: true };

/** What a stated "no" is: a service with none of it, level 1 (used where the register states nothing). */
export const EMPTY_PROFILE: ServiceProfile = {
  personalData: false,
  sensitiveData: false,
  thirdCountry: false,
  hasSupplier: false,
  classification: { K: 1, R: 1, T: 1, S: 1, max: 1 },
  known: ALL_KNOWN,
};

/** The service a rule example runs against unless it says otherwise (docs/authoring.md). */
export const EXAMPLE_PROFILE: ServiceProfile = {
  personalData: true,
  sensitiveData: false,
  thirdCountry: false,
  hasSupplier: true,
  classification: { K: 2, R: 2, T: 2, S: 2, max: 2 },
  known: ALL_KNOWN,
};

/** A condition on an unknown register value holds: the question is asked rather than skipped. */
function holds(condition: Applicability, profile: ServiceProfile): boolean {
  if ('equals' in condition) return !profile.known[condition.field] || profile[condition.field] === condition.equals;
  if (!profile.known.classification) return true;
  const aspect = condition.field.slice('classification.'.length) as ClassificationAspect | 'max';
  return profile.classification[aspect] >= condition.min;
}

export function appliesTo(question: Question, profile: ServiceProfile): boolean {
  return (question.appliesWhen ?? []).every((c) => holds(c, profile));
}
