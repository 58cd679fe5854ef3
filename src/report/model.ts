import type { Catalog } from '../catalog/load.js';
import { summarize, type ChecklistTotal, type ControlTotal, type ReviewCounts, type ServiceResult } from '../engine/assess.js';
import type { Status } from '../engine/score.js';
import { commonTotals } from '../compare/compare.js';
import { gapsBySeverity, type GapRef } from '../overview.js';
import { splitAccepted, sortActions, type Action } from '../plan/actions.js';
import { PRIORITIES } from '../plan/priority.js';
import { ACTION_STATUSES, type ActionStatus } from '../plan/schema.js';
import type { Assessed } from '../review.js';
import { compareIds } from '../store/canonical.js';
import type { Observation } from '../store/observations.js';
import { ORGANISATION_ID } from '../store/schema.js';
import { coverageSummaries, type CoverageSummary } from '../coverage/coverage.js';
import { recommendFocus, type FocusRecommendation, type OrganisationControl } from './focus.js';

export interface DsoControlRow {
  /** The organisation-level checklist (dso, and every other one that applies that year). */
  checklist: string;
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
  /** Last year's mean over the services assessed then. */
  previous: number | null;
  /** The change over the services assessed in both years. */
  delta: number | null;
  byStatus: Record<Status, number>;
}

/** How many answers rest on evidence (a document, registration number or link). */
export interface EvidenceCount {
  answered: number;
  withEvidence: number;
  /** Legal requirements answered ja without evidence. */
  legalYesWithout: number;
}

export interface ReportModel {
  year: number;
  previousYear: number | undefined;
  organisation: string;
  /** How far the IT services' review has come. */
  review: ReviewCounts;
  /** The organisation's own (DSO) review. */
  organisationReview: ServiceResult['review'] | undefined;
  totals: { total: ChecklistTotal; previous: number | null; delta: number | null; deltaOver: number }[];
  evidence: EvidenceCount;
  dso: DsoControlRow[];
  areas: AreaRow[];
  majorGaps: GapRef[];
  actionsByPriority: { priority: number; total: number; byStatus: Record<ActionStatus, number> }[];
  topActions: Action[];
  acceptedRisks: Action[];
  focus: FocusRecommendation[];
  observations: Observation[];
  /** Per framework (checklists/frameworks), how the year's answers show its requirements met. */
  coverage: CoverageSummary[];
}

const delta = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : Math.round((b - a) * 10) / 10);
const results = (list: readonly Assessed[]): ServiceResult[] => list.map((a) => a.result);

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
  // Every organisation-level checklist that applies in the year, in catalogue order (dso first).
  const withChecklist = (r: ServiceResult): OrganisationControl[] => r.checklists.flatMap((c) => c.controls.map((k) => ({ ...k, checklist: c.checklist })));
  const orgControls = org === undefined ? [] : withChecklist(org.result);
  const orgControlsBefore = orgBefore === undefined ? undefined : withChecklist(orgBefore.result);

  const orgAnswers = org?.readInput().answers ?? {};
  const dso: DsoControlRow[] = orgControls.map((k) => {
    const previous = orgControlsBefore?.find((p) => p.checklist === k.checklist && p.control === k.control)?.score ?? null;
    const comments = Object.entries(orgAnswers)
      .filter(([q, a]) => q.startsWith(`${k.control}.`) && a.value !== 'ja' && (a as { comment?: string }).comment)
      .sort(([a], [b]) => compareIds(a, b))
      .map(([q, a]) => `${q}: ${(a as { comment?: string }).comment}`);
    return { checklist: k.checklist, control: k.control, score: k.score, status: k.status, previous, delta: delta(previous, k.score), comments };
  });

  const serviceResults = now.filter((r) => r.service !== ORGANISATION_ID);
  const servicesBefore = before.filter((r) => r.service !== ORGANISATION_ID);
  const areasNow = summarize(serviceResults).controls;
  const areasBefore = summarize(servicesBefore).controls;
  const areasCommon = commonTotals(servicesBefore, serviceResults);
  const areas: AreaRow[] = areasNow.map((total) => {
    const same = (p: ControlTotal) => p.checklist === total.checklist && p.control === total.control;
    const previous = areasBefore.find(same)?.score ?? null;
    return { total, previous, delta: delta(areasCommon.from.controls.find(same)?.score, areasCommon.to.controls.find(same)?.score), byStatus: total.byStatus };
  });

  const totalsNow = summarize(now).checklists;
  const totalsBefore = summarize(before).checklists;
  const totalsCommon = commonTotals(before, now);
  // The evidence is in the files, read again a service at a time.
  const evidence: EvidenceCount = { answered: 0, withEvidence: 0, legalYesWithout: 0 };
  for (const a of input.current) {
    for (const [q, answer] of Object.entries(a.readInput().answers) as [string, { value: unknown; evidence?: string }][]) {
      evidence.answered++;
      if (answer.evidence?.trim()) evidence.withEvidence++;
      else if (answer.value === 'ja' && input.catalog.questions.get(q)?.question.legal === true) evidence.legalYesWithout++;
    }
  }
  const sorted = sortActions(input.actions);
  const { open, accepted } = splitAccepted(sorted);
  return {
    year: input.year,
    previousYear: input.previousYear,
    organisation: input.organisation,
    review: summarize(serviceResults).review,
    organisationReview: org?.result.review,
    totals: totalsNow.map((total) => {
      const same = (p: ChecklistTotal) => p.checklist === total.checklist;
      return {
        total,
        previous: totalsBefore.find(same)?.score ?? null,
        delta: delta(totalsCommon.from.checklists.find(same)?.score, totalsCommon.to.checklists.find(same)?.score),
        deltaOver: totalsCommon.to.checklists.find(same)?.assessed ?? 0,
      };
    }),
    evidence,
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
    coverage: coverageSummaries(input.catalog, input.year, input.current),
  };
}
