import type { Question, Severity } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';

export const STATUSES = ['enligt_plan', 'mellan', 'stor'] as const;
export type Status = (typeof STATUSES)[number];

/** Below this score a control is red (Avvikelse – stor); from GREEN_FROM it may be green. */
export const RED_BELOW = 50;
export const GREEN_FROM = 80;

/**
 * Points for one answer, 0–1, or undefined when the question is left out of scoring:
 * ej_tillamplig, and the unscored types number, date and text. Unanswered counts 0 (ej bedömd).
 */
export function answerPoints(question: Question, value: AnswerValue | undefined): number | undefined {
  switch (question.type) {
    case 'status':
      if (value === 'ej_tillamplig') return undefined;
      return value === 'ja' ? 1 : value === 'delvis' ? 0.5 : 0;
    case 'choice':
      return question.options.find((o) => o.value === value)?.score ?? 0;
    default:
      return undefined;
  }
}

export interface Weighted {
  weight: number;
  points: number;
}

/** Weighted mean × 100, rounded to one decimal; null when nothing is scored. */
export function weightedScore(items: readonly Weighted[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { weight, points } of items) {
    sum += weight * points;
    weights += weight;
  }
  return weights === 0 ? null : Math.round((sum / weights) * 1000) / 10;
}

export function meanScore(scores: readonly (number | null)[]): number | null {
  const present = scores.filter((s): s is number => s !== null);
  return present.length === 0 ? null : Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10;
}

/** A `stor` gap makes red whatever the score; any other gap keeps it from green. */
export function statusOf(score: number | null, severities: readonly Severity[]): Status {
  if (severities.includes('stor') || (score !== null && score < RED_BELOW)) return 'stor';
  if (severities.length > 0 || (score !== null && score < GREEN_FROM)) return 'mellan';
  return 'enligt_plan';
}
