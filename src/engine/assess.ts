import type { Catalog, CatalogRule } from '../catalog/load.js';
import { appliesTo, type ServiceProfile } from '../catalog/profile.js';
import type { Checklist, Severity } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import { RuleEvaluator } from './rules.js';
import { answerPoints, meanScore, statusOf, weightedScore, type Status, type Weighted } from './score.js';

export interface Gap {
  rule: CatalogRule;
  severity: Severity;
}

export interface ControlResult {
  control: string;
  /** null when every applicable question is ej_tillamplig or unscored. */
  score: number | null;
  status: Status;
  /** Applicable questions with an answer. */
  answered: number;
  /** Questions that apply to the service. */
  total: number;
  gaps: Gap[];
}

export interface ChecklistResult {
  checklist: string;
  score: number | null;
  status: Status;
  controls: ControlResult[];
}

export interface ServiceResult {
  service: string;
  year: number;
  checklists: ChecklistResult[];
}

/** One service's answers for one year, as the engine needs them. */
export interface AssessmentInput {
  service: string;
  profile: ServiceProfile;
  year: number;
  answers: Readonly<Record<string, { value: AnswerValue; at?: string }>>;
  previous: Readonly<Record<string, { value: AnswerValue }>>;
}

/** The review date: the day of the latest answer that year, at most 31 December; else 31 December. */
export function reviewDateOf(year: number, answers: AssessmentInput['answers']): string {
  const end = `${year}-12-31`;
  let latest: string | undefined;
  for (const { at } of Object.values(answers)) {
    const day = at?.slice(0, 10);
    if (day !== undefined && day <= end && (latest === undefined || day > latest)) latest = day;
  }
  return latest ?? end;
}

/** Scores services against the catalogue; one rule evaluator per checklist, built once. */
export class Assessor {
  private readonly evaluators = new Map<string, RuleEvaluator>();

  constructor(readonly catalog: Catalog) {
    for (const checklist of catalog.checklists) {
      this.evaluators.set(checklist.id, new RuleEvaluator(catalog.rulesByChecklist.get(checklist.id) ?? []));
    }
  }

  async assess(input: AssessmentInput, checklists: readonly Checklist[]): Promise<ServiceResult> {
    const results: ChecklistResult[] = [];
    for (const checklist of checklists) results.push(await this.assessChecklist(input, checklist));
    return { service: input.service, year: input.year, checklists: results };
  }

  private async assessChecklist(input: AssessmentInput, checklist: Checklist): Promise<ChecklistResult> {
    const applicable = new Map<string, AnswerValue>();
    const previous: Record<string, AnswerValue> = {};
    for (const control of checklist.controls) {
      for (const q of control.questions) {
        if (!appliesTo(q, input.profile)) continue;
        const a = input.answers[q.id];
        if (a !== undefined) applicable.set(q.id, a.value);
        const p = input.previous[q.id];
        if (p !== undefined) previous[q.id] = p.value;
      }
    }
    const fired = await this.evaluators.get(checklist.id)!.firedRules({
      answers: Object.fromEntries(applicable),
      previous,
      service: input.profile,
      year: input.year,
      reviewDate: reviewDateOf(input.year, input.answers),
    });
    const rules = this.catalog.rulesByChecklist.get(checklist.id) ?? [];

    const all: Weighted[] = [];
    const allSeverities: Severity[] = [];
    const controls: ControlResult[] = [];
    for (const control of checklist.controls) {
      const questions = control.questions.filter((q) => appliesTo(q, input.profile));
      if (questions.length === 0) continue;
      const scored: Weighted[] = [];
      for (const q of questions) {
        const points = answerPoints(q, applicable.get(q.id));
        if (points !== undefined) scored.push({ weight: q.weight, points });
      }
      const gaps = rules
        .filter((r) => r.control === control.id && fired.has(r.rule.name))
        .map((rule) => ({ rule, severity: rule.rule.event.params.severity }));
      const score = weightedScore(scored);
      all.push(...scored);
      allSeverities.push(...gaps.map((g) => g.severity));
      controls.push({
        control: control.id,
        score,
        status: statusOf(score, gaps.map((g) => g.severity)),
        answered: questions.filter((q) => applicable.has(q.id)).length,
        total: questions.length,
        gaps,
      });
    }
    const score = weightedScore(all);
    return { checklist: checklist.id, score, status: statusOf(score, allSeverities), controls };
  }
}

export interface ChecklistTotal {
  checklist: string;
  score: number | null;
  status: Status;
  services: number;
}

/** Organisation totals per checklist: the mean of the services' scores, the worst gaps among them. */
export function totals(results: readonly ServiceResult[]): ChecklistTotal[] {
  const byChecklist = new Map<string, ChecklistResult[]>();
  for (const r of results) {
    for (const c of r.checklists) byChecklist.set(c.checklist, [...(byChecklist.get(c.checklist) ?? []), c]);
  }
  return [...byChecklist].map(([checklist, list]) => {
    const score = meanScore(list.map((c) => c.score));
    const severities = list.flatMap((c) => c.controls.flatMap((k) => k.gaps.map((g) => g.severity)));
    return { checklist, score, status: statusOf(score, severities), services: list.length };
  });
}

export interface ControlTotal {
  checklist: string;
  control: string;
  score: number | null;
  status: Status;
  services: number;
  gaps: number;
}

/** Organisation totals per control: the mean of the services' scores, their gaps together. */
export function controlTotals(results: readonly ServiceResult[]): ControlTotal[] {
  const byControl = new Map<string, { checklist: string; control: string; list: ControlResult[] }>();
  for (const r of results) {
    for (const c of r.checklists) {
      for (const k of c.controls) {
        const key = `${c.checklist}/${k.control}`;
        const entry = byControl.get(key) ?? { checklist: c.checklist, control: k.control, list: [] };
        entry.list.push(k);
        byControl.set(key, entry);
      }
    }
  }
  return [...byControl.values()].map(({ checklist, control, list }) => {
    const score = meanScore(list.map((k) => k.score));
    const severities = list.flatMap((k) => k.gaps.map((g) => g.severity));
    return { checklist, control, score, status: statusOf(score, severities), services: list.length, gaps: severities.length };
  });
}
