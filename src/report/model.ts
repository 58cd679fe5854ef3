import type { Catalog } from '../catalog/load.js';
import { controlTotals, totals, type ChecklistTotal, type ControlTotal, type ServiceResult } from '../engine/assess.js';
import type { Status } from '../engine/score.js';
import { gapsBySeverity, type GapRef } from '../overview.js';
import { splitAccepted, sortActions, type Action } from '../plan/actions.js';
import { PRIORITIES } from '../plan/priority.js';
import { ACTION_STATUSES, type ActionStatus } from '../plan/schema.js';
import type { Assessed } from '../review.js';
import { compareIds } from '../store/canonical.js';
import type { Observation } from '../store/observations.js';
import { ORGANISATION_ID } from '../store/schema.js';
import { recommendFocus, type FocusRecommendation } from './focus.js';

export interface DsoControlRow {
  control: string;
  score: number | null;
  status: Status;
  previous: number | null;
  delta: number | null;
  /** The organisation's comments on the control's answers that are not ja, as `KP3.2: …`. */
  comments: string[];
}

export interface AreaRow {
  total: ControlTotal;
  previous: number | null;
  delta: number | null;
  byStatus: Record<Status, number>;
}

export interface ReportModel {
  year: number;
  previousYear: number | undefined;
  organisation: string;
  services: number;
  totals: { total: ChecklistTotal; previous: number | null }[];
  dso: DsoControlRow[];
  areas: AreaRow[];
  majorGaps: GapRef[];
  actionsByPriority: { priority: number; total: number; byStatus: Record<ActionStatus, number> }[];
  topActions: Action[];
  acceptedRisks: Action[];
  focus: FocusRecommendation[];
  observations: Observation[];
}

const delta = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : Math.round((b - a) * 10) / 10);
const results = (list: readonly Assessed[]): ServiceResult[] => list.filter((a) => Object.keys(a.input.answers).length > 0).map((a) => a.result);

/** Everything the annual report says, computed once; the renderers only lay it out. */
export function buildReport(input: {
  catalog: Catalog;
  organisation: string;
  year: number;
  current: readonly Assessed[];
  previousYear: number | undefined;
  previous: readonly Assessed[];
  actions: readonly Action[];
  observations: readonly Observation[];
}): ReportModel {
  const now = results(input.current);
  const before = results(input.previous);
  const org = input.current.find((a) => a.service.id === ORGANISATION_ID);
  const orgBefore = input.previous.find((a) => a.service.id === ORGANISATION_ID);
  const orgControls = org?.result.checklists.flatMap((c) => c.controls) ?? [];
  const orgControlsBefore = orgBefore?.result.checklists.flatMap((c) => c.controls);

  const dso: DsoControlRow[] = orgControls.map((k) => {
    const previous = orgControlsBefore?.find((p) => p.control === k.control)?.score ?? null;
    const comments = Object.entries(org?.input.answers ?? {})
      .filter(([q, a]) => q.startsWith(`${k.control}.`) && a.value !== 'ja' && (a as { comment?: string }).comment)
      .sort(([a], [b]) => compareIds(a, b))
      .map(([q, a]) => `${q}: ${(a as { comment?: string }).comment}`);
    return { control: k.control, score: k.score, status: k.status, previous, delta: delta(previous, k.score), comments };
  });

  const serviceResults = now.filter((r) => r.service !== ORGANISATION_ID);
  const areasBefore = controlTotals(before.filter((r) => r.service !== ORGANISATION_ID));
  const areas: AreaRow[] = controlTotals(serviceResults).map((total) => {
    const previous = areasBefore.find((p) => p.checklist === total.checklist && p.control === total.control)?.score ?? null;
    const byStatus: Record<Status, number> = { enligt_plan: 0, mellan: 0, stor: 0 };
    for (const r of serviceResults) {
      const k = r.checklists.find((c) => c.checklist === total.checklist)?.controls.find((c) => c.control === total.control);
      if (k) byStatus[k.status]++;
    }
    return { total, previous, delta: delta(previous, total.score), byStatus };
  });

  const totalsBefore = totals(before);
  const sorted = sortActions(input.actions);
  const { open, accepted } = splitAccepted(sorted);
  return {
    year: input.year,
    previousYear: input.previousYear,
    organisation: input.organisation,
    services: serviceResults.length,
    totals: totals(now).map((total) => ({ total, previous: totalsBefore.find((p) => p.checklist === total.checklist)?.score ?? null })),
    dso,
    areas,
    majorGaps: gapsBySeverity(now).filter((g) => g.gap.severity === 'stor'),
    actionsByPriority: PRIORITIES.map((priority) => {
      const mine = sorted.filter((a) => a.priority === priority);
      return {
        priority,
        total: mine.length,
        byStatus: Object.fromEntries(ACTION_STATUSES.map((s) => [s, mine.filter((a) => a.status === s).length])) as Record<ActionStatus, number>,
      };
    }),
    topActions: open.slice(0, 10),
    acceptedRisks: accepted,
    focus: recommendFocus(orgControls, orgControlsBefore),
    observations: [...input.observations],
  };
}
