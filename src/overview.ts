import { totals, type ChecklistTotal, type Gap, type ServiceResult } from './engine/assess.js';
import type { Severity } from './catalog/schema.js';
import type { Action } from './plan/actions.js';

export interface GapRef {
  service: string;
  checklist: string;
  control: string;
  gap: Gap;
}

/** What `efterlev` with no command shows: the latest year against the one before. */
export interface Overview {
  year: number;
  previousYear: number | undefined;
  totals: ChecklistTotal[];
  previousTotals: ChecklistTotal[];
  results: ServiceResult[];
  previous: ServiceResult[];
  topActions: Action[];
}

const SEVERITY_RANK: Record<Severity, number> = { stor: 0, mellan: 1, liten: 2 };

export function gapsBySeverity(results: readonly ServiceResult[]): GapRef[] {
  return results
    .flatMap((r) => r.checklists.flatMap((c) => c.controls.flatMap((k) => k.gaps.map((gap) => ({ service: r.service, checklist: c.checklist, control: k.control, gap })))))
    .sort((a, b) => SEVERITY_RANK[a.gap.severity] - SEVERITY_RANK[b.gap.severity] || a.service.localeCompare(b.service) || a.gap.rule.rule.name.localeCompare(b.gap.rule.rule.name));
}

export function buildOverview(year: number, results: ServiceResult[], previousYear: number | undefined, previous: ServiceResult[], topActions: Action[]): Overview {
  return { year, previousYear, totals: totals(results), previousTotals: totals(previous), results, previous, topActions };
}
