import type { ControlResult } from '../engine/assess.js';

export interface FocusRecommendation {
  /** The organisation-level checklist the control belongs to. */
  checklist: string;
  control: string;
  score: number | null;
  /** Why: red this year, falling since last year, or both. */
  red: boolean;
  delta: number | null;
}

/** A control of an organisation-level checklist, with the checklist it belongs to. */
export type OrganisationControl = ControlResult & { checklist: string };

/**
 * The DSO control points to focus on next year: every red one (Avvikelse – stor), and every one
 * whose score fell since last year. Red first, lowest score first; then the steepest falls.
 */
export function recommendFocus(thisYear: readonly OrganisationControl[], lastYear: readonly OrganisationControl[] | undefined): FocusRecommendation[] {
  return thisYear
    .map((k) => {
      const before = lastYear?.find((p) => p.checklist === k.checklist && p.control === k.control)?.score;
      const delta = before === undefined || before === null || k.score === null ? null : Math.round((k.score - before) * 10) / 10;
      return { checklist: k.checklist, control: k.control, score: k.score, red: k.status === 'stor', delta };
    })
    .filter((r) => r.red || (r.delta !== null && r.delta < 0))
    .sort(
      (a, b) =>
        Number(b.red) - Number(a.red) ||
        (a.red ? (a.score ?? 0) - (b.score ?? 0) : (a.delta ?? 0) - (b.delta ?? 0)) ||
        a.control.localeCompare(b.control, 'en', { numeric: true }),
    );
}
