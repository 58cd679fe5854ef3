import type { Catalog, CatalogRule } from '../catalog/load.js';
import { appliesTo, type ServiceProfile } from '../catalog/profile.js';
import type { Checklist, Question, Severity } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import { CompiledRules } from './compile.js';
import type { RuleInput } from './input.js';
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
const reviewDates = new WeakMap<object, { year: number; date: string }>();

export function reviewDateOf(year: number, answers: AssessmentInput['answers']): string {
  const cached = reviewDates.get(answers);
  if (cached?.year === year) return cached.date;
  const date = computeReviewDate(year, answers);
  reviewDates.set(answers, { year, date });
  return date;
}

function computeReviewDate(year: number, answers: AssessmentInput['answers']): string {
  const end = `${year}-12-31`;
  let latest: string | undefined;
  for (const { at } of Object.values(answers)) {
    const day = at?.slice(0, 10);
    if (day !== undefined && day <= end && (latest === undefined || day > latest)) latest = day;
  }
  return latest ?? end;
}

function scoreQuestions(questions: readonly Question[], answers: Readonly<Record<string, AnswerValue>>): { scored: Weighted[]; answered: number } {
  const scored: Weighted[] = [];
  let answered = 0;
  for (const q of questions) {
    const value = answers[q.id];
    if (value !== undefined) answered++;
    const points = answerPoints(q, value);
    if (points !== undefined) scored.push({ weight: q.weight, points });
  }
  return { scored, answered };
}

/**
 * The scores alone, without rules: per control and for the checklist, for a service's answers.
 * What a fix would buy is this, with the fixed answers, against the result as it stands.
 */
export function scoreAnswers(checklist: Checklist, profile: ServiceProfile, answers: Readonly<Record<string, AnswerValue>>): { controls: Map<string, number | null>; total: number | null } {
  const controls = new Map<string, number | null>();
  const all: Weighted[] = [];
  for (const control of checklist.controls) {
    const questions = control.questions.filter((q) => appliesTo(q, profile));
    if (questions.length === 0) continue;
    const { scored } = scoreQuestions(questions, answers);
    controls.set(control.id, weightedScore(scored));
    all.push(...scored);
  }
  return { controls, total: weightedScore(all) };
}

/** What the rules see of a service: its answers to the questions that apply, this year and last. */
export function ruleInputOf(input: AssessmentInput, applicable: readonly Question[]): RuleInput {
  const answers: Record<string, AnswerValue> = {};
  const previous: Record<string, AnswerValue> = {};
  for (const q of applicable) {
    const a = input.answers[q.id];
    if (a !== undefined) answers[q.id] = a.value;
    const p = input.previous[q.id];
    if (p !== undefined) previous[q.id] = p.value;
  }
  return { answers, previous, service: input.profile, year: input.year, reviewDate: reviewDateOf(input.year, input.answers) };
}

/** Evaluates one checklist's rules for one service: the rules that fire, by name. */
export interface RuleSet {
  firedRules(input: RuleInput): Set<string> | Promise<Set<string>>;
}

/**
 * Builds a checklist's rule set: by default the rule JSON compiled to plain closures (compile.ts);
 * `(rules) => new ReferenceRules(rules)` runs json-rules-engine instead (reference.ts). Both give
 * the same gaps; a test holds them to it over thousands of generated answer sets.
 */
export type RuleSetFactory = (rules: readonly CatalogRule[]) => RuleSet;

/** Scores services against the catalogue; one rule evaluator per checklist, built once. */
export class Assessor {
  private readonly ruleSets = new Map<string, RuleSet>();
  private readonly rulesByControl = new Map<string, Map<string, CatalogRule[]>>();

  constructor(
    readonly catalog: Catalog,
    makeRuleSet: RuleSetFactory = (rules) => new CompiledRules(rules),
  ) {
    for (const checklist of catalog.checklists) {
      const rules = catalog.rulesByChecklist.get(checklist.id) ?? [];
      this.ruleSets.set(checklist.id, makeRuleSet(rules));
      const byControl = new Map<string, CatalogRule[]>();
      for (const r of rules) byControl.set(r.control, [...(byControl.get(r.control) ?? []), r]);
      this.rulesByControl.set(checklist.id, byControl);
    }
  }

  async assess(input: AssessmentInput, checklists: readonly Checklist[]): Promise<ServiceResult> {
    const results: ChecklistResult[] = [];
    for (const checklist of checklists) results.push(await this.assessChecklist(input, checklist));
    return { service: input.service, year: input.year, checklists: results };
  }

  private async assessChecklist(input: AssessmentInput, checklist: Checklist): Promise<ChecklistResult> {
    const applicableControls = checklist.controls.map((control) => ({ control, questions: control.questions.filter((q) => appliesTo(q, input.profile)) }));
    const ruleInput = ruleInputOf(input, applicableControls.flatMap((c) => c.questions));
    const answers = ruleInput.answers;
    const fired = await this.ruleSets.get(checklist.id)!.firedRules(ruleInput);
    const byControl = this.rulesByControl.get(checklist.id)!;

    const all: Weighted[] = [];
    const allSeverities: Severity[] = [];
    const controls: ControlResult[] = [];
    for (const { control, questions } of applicableControls) {
      if (questions.length === 0) continue;
      const { scored, answered } = scoreQuestions(questions, answers);
      const gaps: Gap[] = [];
      for (const rule of byControl.get(control.id) ?? []) {
        if (fired.has(rule.rule.name)) gaps.push({ rule, severity: rule.rule.event.params.severity });
      }
      const score = weightedScore(scored);
      const severities = gaps.map((g) => g.severity);
      all.push(...scored);
      allSeverities.push(...severities);
      controls.push({ control: control.id, score, status: statusOf(score, severities), answered, total: questions.length, gaps });
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
