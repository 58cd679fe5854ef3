import { summarize, type Gap, type ServiceResult, type Totals } from './engine/assess.js';
import type { Severity } from './catalog/schema.js';
import { commonTotals } from './compare/compare.js';
import type { Action } from './plan/actions.js';

export interface GapRef {
  service: string;
  checklist: string;
  control: string;
  gap: Gap;
}

/** What `efterlev overview` shows: a year, how far its review has come, and the change since the year before. */
export interface Overview {
  year: number;
  previousYear: number | undefined;
  totals: Totals;
  /** Per checklist: the change since the year before, over the services assessed in both years. */
  change: Map<string, { delta: number | null; services: number }>;
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
  const common = commonTotals(previous, results);
  const change = new Map(
    common.to.checklists.map((to) => {
      const from = common.from.checklists.find((f) => f.checklist === to.checklist);
      const delta = from?.score == null || to.score === null ? null : Math.round((to.score - from.score) * 10) / 10;
      return [to.checklist, { delta, services: to.assessed }];
    }),
  );
  return { year, previousYear, totals: summarize(results), change, results, previous, topActions };
}
