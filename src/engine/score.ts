import type { Question, Severity } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';

/** The seeds' three status colours, and `ej_bedomd` (nothing assessed yet, no colour). */
export const STATUSES = ['enligt_plan', 'mellan', 'stor', 'ej_bedomd'] as const;
export type Status = (typeof STATUSES)[number];
/** The statuses that carry a colour: what is counted in distributions. */
export const ASSESSED_STATUSES = ['enligt_plan', 'mellan', 'stor'] as const;
export type AssessedStatus = (typeof ASSESSED_STATUSES)[number];

/** Below this score a control is red (Avvikelse – stor); from GREEN_FROM it may be green. */
export const RED_BELOW = 50;
export const GREEN_FROM = 80;

/**
 * Points for one answer, 0–1, or undefined when the question is left out of scoring: unanswered
 * (ej bedömd, never 0), ej_tillamplig, and the unscored types number, date and text.
 * `contradicted`: ej_tillamplig on a question the register says applies counts as nej, so that
 * calling it not applicable never raises a score.
 */
export function answerPoints(question: Question, value: AnswerValue | undefined, contradicted = false): number | undefined {
  if (value === undefined) return undefined;
  switch (question.type) {
    case 'status':
      if (value === 'ej_tillamplig') return contradicted ? 0 : undefined;
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

/** Scored answers being added up: weight × points and the weights, in the order they come. */
export interface ScoreSum {
  sum: number;
  weights: number;
}

export const emptySum = (): ScoreSum => ({ sum: 0, weights: 0 });

export function addScored(to: ScoreSum, weight: number, points: number): void {
  to.sum += weight * points;
  to.weights += weight;
}

/** Weighted mean × 100 of what was added, rounded to one decimal; null when nothing was. */
export const scoreOfSum = (s: ScoreSum): number | null => (s.weights === 0 ? null : Math.round((s.sum / s.weights) * 1000) / 10);

/** Weighted mean × 100, rounded to one decimal; null when nothing is scored. */
export function weightedScore(items: readonly Weighted[]): number | null {
  const total = emptySum();
  for (const { weight, points } of items) addScored(total, weight, points);
  return scoreOfSum(total);
}

/** The mean of the scores given, rounded to one decimal; null when there are none. */
export const meanOfSum = (sum: number, count: number): number | null => (count === 0 ? null : Math.round((sum / count) * 10) / 10);

export function meanScore(scores: readonly (number | null)[]): number | null {
  const present = scores.filter((s): s is number => s !== null);
  return meanOfSum(present.reduce((a, b) => a + b, 0), present.length);
}

/** How much of a control (or checklist) has been answered. */
export interface Coverage {
  /** Applicable questions with an answer. */
  answered: number;
  /** Applicable questions marked as a legal requirement and not yet answered. */
  legalUnanswered: number;
}

/**
 * A `stor` gap makes red whatever the score; any other gap, or a legal requirement not yet
 * answered, keeps it from green. Nothing answered and no gap: ej bedömd, no colour.
 */
export function statusOf(score: number | null, severities: readonly Severity[], coverage: Coverage): Status {
  if (severities.includes('stor') || (score !== null && score < RED_BELOW)) return 'stor';
  if (severities.length > 0 || (score !== null && score < GREEN_FROM)) return 'mellan';
  if (coverage.answered === 0) return 'ej_bedomd';
  if (coverage.legalUnanswered > 0) return 'mellan';
  return 'enligt_plan';
}
