import { totals, type ChecklistTotal, type Gap, type ServiceResult } from './engine/assess.js';
import type { Status } from './engine/score.js';
import type { Severity } from './catalog/schema.js';

export interface ControlRef {
  service: string;
  checklist: string;
  control: string;
  score: number | null;
  status: Status;
}

export interface GapRef {
  service: string;
  checklist: string;
  control: string;
  gap: Gap;
}

export interface Overview {
  year: number;
  previousYear: number | undefined;
  totals: ChecklistTotal[];
  previousTotals: ChecklistTotal[];
  results: ServiceResult[];
  weakestControls: ControlRef[];
  majorGaps: GapRef[];
}

const STATUS_RANK: Record<Status, number> = { stor: 0, mellan: 1, enligt_plan: 2 };
const SEVERITY_RANK: Record<Severity, number> = { stor: 0, mellan: 1, liten: 2 };

/** The controls most in need of attention: red first, then lowest score, then by name. */
export function weakestControls(results: readonly ServiceResult[], n: number): ControlRef[] {
  return results
    .flatMap((r) => r.checklists.flatMap((c) => c.controls.map((k) => ({ service: r.service, checklist: c.checklist, control: k.control, score: k.score, status: k.status }))))
    .filter((k) => k.status !== 'enligt_plan')
    .sort(
      (a, b) =>
        STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
        (a.score ?? 100) - (b.score ?? 100) ||
        a.service.localeCompare(b.service) ||
        a.control.localeCompare(b.control, 'en', { numeric: true }),
    )
    .slice(0, n);
}

export function gapsBySeverity(results: readonly ServiceResult[]): GapRef[] {
  return results
    .flatMap((r) => r.checklists.flatMap((c) => c.controls.flatMap((k) => k.gaps.map((gap) => ({ service: r.service, checklist: c.checklist, control: k.control, gap })))))
    .sort((a, b) => SEVERITY_RANK[a.gap.severity] - SEVERITY_RANK[b.gap.severity] || a.service.localeCompare(b.service) || a.gap.rule.rule.name.localeCompare(b.gap.rule.rule.name));
}

export function buildOverview(year: number, results: ServiceResult[], previousYear: number | undefined, previous: ServiceResult[]): Overview {
  return {
    year,
    previousYear,
    totals: totals(results),
    previousTotals: totals(previous),
    results,
    weakestControls: weakestControls(results, 5),
    majorGaps: gapsBySeverity(results).slice(0, 5),
  };
}
