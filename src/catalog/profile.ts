import type { Applicability, ClassificationAspect, Question } from './schema.js';

/** What rules and applicability conditions may know about a service: the `service` fact. */
export interface ServiceProfile {
  personalData: boolean;
  sensitiveData: boolean;
  thirdCountry: boolean;
  hasSupplier: boolean;
  classification: Record<ClassificationAspect | 'max', number>;
}

export interface ProfileSource {
  personalData?: boolean | undefined;
  sensitiveData?: boolean | undefined;
  thirdCountry?: boolean | undefined;
  supplier?: string | undefined;
  hasSupplier?: boolean | undefined;
  classification?: Partial<Record<ClassificationAspect, number>> | undefined;
}

export function profileOf(source: ProfileSource, defaults: ServiceProfile): ServiceProfile {
  const K = source.classification?.K ?? defaults.classification.K;
  const R = source.classification?.R ?? defaults.classification.R;
  const T = source.classification?.T ?? defaults.classification.T;
  const S = source.classification?.S ?? defaults.classification.S;
  return {
    personalData: source.personalData ?? defaults.personalData,
    sensitiveData: source.sensitiveData ?? defaults.sensitiveData,
    thirdCountry: source.thirdCountry ?? defaults.thirdCountry,
    hasSupplier: source.hasSupplier ?? (source.supplier !== undefined ? source.supplier.trim() !== '' : defaults.hasSupplier),
    classification: { K, R, T, S, max: Math.max(K, R, T, S) },
  };
}

/** The profile of a registered service: everything not stated is false / level 1. */
export const EMPTY_PROFILE: ServiceProfile = {
  personalData: false,
  sensitiveData: false,
  thirdCountry: false,
  hasSupplier: false,
  classification: { K: 1, R: 1, T: 1, S: 1, max: 1 },
};

/** The service a rule example runs against unless it says otherwise (docs/authoring.md). */
export const EXAMPLE_PROFILE: ServiceProfile = {
  personalData: true,
  sensitiveData: false,
  thirdCountry: false,
  hasSupplier: true,
  classification: { K: 2, R: 2, T: 2, S: 2, max: 2 },
};

function holds(condition: Applicability, profile: ServiceProfile): boolean {
  if ('equals' in condition) return profile[condition.field] === condition.equals;
  const aspect = condition.field.slice('classification.'.length) as ClassificationAspect | 'max';
  return profile.classification[aspect] >= condition.min;
}

export function appliesTo(question: Question, profile: ServiceProfile): boolean {
  return (question.appliesWhen ?? []).every((c) => holds(c, profile));
}
