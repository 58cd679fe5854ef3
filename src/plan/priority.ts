import type { Severity } from '../catalog/schema.js';
import type { ServiceProfile } from '../catalog/profile.js';
import { msg, t, type Lang } from '../ui/i18n.js';

export const PRIORITIES = [1, 2, 3, 4] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Everything that raises an action's priority. */
export interface PriorityFactors {
  severity: Severity;
  /** A question the rule tests is a legal requirement. */
  legal: boolean;
  /** The service's information classification (an unclassified service counts as level 3). */
  classification: ServiceProfile['classification'];
  /** False while the service is not classified: the why says so instead of naming a level. */
  classified?: boolean | undefined;
  /** The year since which the gap has been found every year, when before this year. */
  recurringSince?: number | undefined;
  /** The control is one of the DSO's focus control points. */
  focus: boolean;
}

const SEVERITY_POINTS: Record<Severity, number> = { stor: 5, mellan: 3, liten: 1 };

/**
 * Points: stor 5, mellan 3, liten 1; legal requirement +1; classification level 3 +1, level 4 +2;
 * recurring +2; DSO focus control point +1. Priority 1 from 7 points, 2 from 5, 3 from 3, else 4:
 * a stor gap is at least priority 2, and two or three raising factors lift a gap one or two steps.
 */
export function priorityPoints(f: PriorityFactors): number {
  const level = f.classification.max;
  return (
    SEVERITY_POINTS[f.severity] +
    (f.legal ? 1 : 0) +
    (level >= 4 ? 2 : level >= 3 ? 1 : 0) +
    (f.recurringSince !== undefined ? 2 : 0) +
    (f.focus ? 1 : 0)
  );
}

export function priorityOf(f: PriorityFactors): Priority {
  const points = priorityPoints(f);
  return points >= 7 ? 1 : points >= 5 ? 2 : points >= 3 ? 3 : 4;
}

/** The highest aspect of the classification, as `K3` (first of K, R, T, S at that level). */
export function highestAspect(c: ServiceProfile['classification']): string {
  const aspect = (['K', 'R', 'T', 'S'] as const).find((a) => c[a] === c.max) ?? 'K';
  return `${aspect}${c.max}`;
}

/** The short reason shown beside the priority, e.g. `stor · lagkrav · K3 · återkommande sedan 2024` (`major · legal requirement · …` in English). */
export function whyOf(f: PriorityFactors, lang: Lang = 'sv'): string {
  const m = msg(lang);
  return [
    t(`severity_${f.severity}`, lang),
    f.legal ? m.why_legal : undefined,
    f.classified === false ? m.why_unclassified : f.classification.max >= 3 ? highestAspect(f.classification) : undefined,
    f.recurringSince !== undefined ? m.why_recurring(f.recurringSince) : undefined,
    f.focus ? m.why_focus : undefined,
  ]
    .filter((x): x is string => x !== undefined)
    .join(' · ');
}
