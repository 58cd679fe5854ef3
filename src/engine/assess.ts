import type { Catalog, CatalogRule } from '../catalog/load.js';
import { appliesTo, type ServiceProfile } from '../catalog/profile.js';
import type { Checklist, Control, Question, Severity } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import { CompiledRules } from './compile.js';
import type { RuleInput } from './input.js';
import { addScored, answerPoints, emptySum, meanOfSum, scoreOfSum, statusOf, type ScoreSum, type Status } from './score.js';
import { answerGaps, registerSaysApplies } from './answer-gaps.js';
import { EMPTY_INCIDENT_FACTS, incidentFacts, type IncidentFacts } from '../incidents/facts.js';
import type { Incident } from '../incidents/schema.js';

export interface Gap {
  rule: CatalogRule;
  severity: Severity;
}

export interface ControlResult {
  control: string;
  /** Weighted mean × 100 over the answered applicable scored questions; null when there are none. */
  score: number | null;
  status: Status;
  /** Applicable questions with an answer. */
  answered: number;
  /** Questions that apply to the service. */
  total: number;
  /** Applicable legal-requirement questions without an answer: the control cannot be green. */
  legalUnanswered: number;
  /** Shared between results: never changed once made. */
  gaps: readonly Gap[];
}

/** How far a service's review has come in a year: ej påbörjad, pågår (n of m), klar. */
export type ReviewState = 'ej_påbörjad' | 'pågår' | 'klar';
export const REVIEW_STATES: readonly ReviewState[] = ['klar', 'pågår', 'ej_påbörjad'];

export interface Review {
  state: ReviewState;
  answered: number;
  applicable: number;
}

export function reviewOf(answered: number, applicable: number): Review {
  return { state: answered === 0 ? 'ej_påbörjad' : answered >= applicable ? 'klar' : 'pågår', answered, applicable };
}

export interface ChecklistResult {
  checklist: string;
  score: number | null;
  status: Status;
  review: Review;
  legalUnanswered: number;
  controls: ControlResult[];
}

export interface ServiceResult {
  service: string;
  year: number;
  /** Over the checklists assessed. */
  review: Review;
  checklists: ChecklistResult[];
}

const NO_GAPS: readonly Gap[] = Object.freeze([]);
const gapsByRule = new WeakMap<CatalogRule, Gap>();

/** The gap a rule gives: the same object wherever it fires (its severity is the rule's). */
function gapOf(rule: CatalogRule): Gap {
  let gap = gapsByRule.get(rule);
  if (gap === undefined) gapsByRule.set(rule, (gap = Object.freeze({ rule, severity: rule.rule.event.params.severity })));
  return gap;
}

/** One service's answers for one year, as the engine needs them. */
export interface AssessmentInput {
  service: string;
  profile: ServiceProfile;
  year: number;
  answers: Readonly<Record<string, { value: AnswerValue; at?: string }>>;
  previous: Readonly<Record<string, { value: AnswerValue }>>;
  /**
   * The service's incidents (the organisation's: all) and the years the register has a file for;
   * or, for a rule's example, the facts themselves.
   */
  incidents?: { list: readonly Incident[]; years: ReadonlySet<number> } | { facts: IncidentFacts } | undefined;
}

/**
 * The review date: the day of the latest answer that year, at most 31 December; else 31 December.
 * Only the last one asked is remembered (a service's checklists and gaps ask in a row): a cache
 * keyed by every service's answers would keep a city's files alive past the young generation.
 */
export function reviewDateOf(year: number, answers: AssessmentInput['answers']): string {
  if (lastReviewDate?.answers === answers && lastReviewDate.year === year) return lastReviewDate.date;
  const date = latestAnswerDay(year, answers);
  lastReviewDate = { answers, year, date };
  return date;
}

let lastReviewDate: { answers: object; year: number; date: string } | undefined;

function latestAnswerDay(year: number, answers: AssessmentInput['answers']): string {
  const end = `${year}-12-31`;
  let latest: string | undefined;
  for (const id in answers) {
    const day = answers[id]!.at?.slice(0, 10);
    if (day !== undefined && day <= end && (latest === undefined || day > latest)) latest = day;
  }
  return latest ?? end;
}

function scoreQuestions(questions: readonly Question[], answers: Readonly<Record<string, AnswerValue>>, profile: ServiceProfile, control: ScoreSum, total: ScoreSum): { answered: number; legalUnanswered: number } {
  let answered = 0;
  let legalUnanswered = 0;
  for (const q of questions) {
    const value = answers[q.id];
    if (value !== undefined) answered++;
    else if (q.legal) legalUnanswered++;
    const points = pointsFor(q, value, profile);
    if (points === undefined) continue;
    // The control and its checklist added up in one pass, in question order, as weightedScore adds.
    addScored(control, q.weight, points);
    addScored(total, q.weight, points);
  }
  return { answered, legalUnanswered };
}

export interface ApplicableControl {
  control: Control;
  /** The control's questions that apply to the service (never empty: a control none apply to is left out). */
  questions: Question[];
}

const applicableCache = new WeakMap<Checklist, Map<string, { controls: ApplicableControl[]; questions: Question[] }>>();

/**
 * A checklist's controls with the questions that apply to a service, and all those questions.
 * Applicability depends only on the register's facts, and a city's 10,000 services have a few
 * hundred combinations of them: each combination is worked out once.
 */
export function applicableIn(checklist: Checklist, profile: ServiceProfile): { readonly controls: readonly ApplicableControl[]; readonly questions: readonly Question[] } {
  const c = profile.classification;
  const k = profile.known;
  const key = `${+profile.personalData}${+profile.sensitiveData}${+profile.thirdCountry}${+profile.hasSupplier}|${c.K}${c.R}${c.T}${c.S}${c.max}|${+k.personalData}${+k.sensitiveData}${+k.thirdCountry}${+k.hasSupplier}${+k.classification}`;
  let byProfile = applicableCache.get(checklist);
  if (byProfile === undefined) applicableCache.set(checklist, (byProfile = new Map()));
  let found = byProfile.get(key);
  if (found === undefined) {
    const controls = checklist.controls.map((control) => ({ control, questions: control.questions.filter((q) => appliesTo(q, profile)) })).filter((a) => a.questions.length > 0);
    found = { controls, questions: controls.flatMap((a) => a.questions) };
    byProfile.set(key, found);
  }
  return found;
}

/** Points an answer to a question scores for a service (a contradicted Ej tillämplig as Nej), as scoring counts it. */
const pointsFor = (q: Question, value: AnswerValue | undefined, profile: ServiceProfile): number | undefined =>
  answerPoints(q, value, value === 'ej_tillamplig' && registerSaysApplies(q, profile));

/**
 * A checklist's scores for a service's answers with one answer changed, without rules: one
 * control's and the checklist's. What a fix would buy is this against the result as it stands.
 * It starts from each question's points (questionPoints, worked out once per service and
 * checklist); the sums run in question order, as scoring adds them, so the figures are the same.
 */
export function scoreWithChange(base: readonly QuestionPoints[], profile: ServiceProfile, control: string, question: string, value: AnswerValue): { control: number | null; total: number | null } {
  const total = emptySum();
  const ofControl = emptySum();
  for (const item of base) {
    const points = item.q.id === question ? pointsFor(item.q, value, profile) : item.points;
    if (points === undefined) continue;
    addScored(total, item.q.weight, points);
    if (item.control === control) addScored(ofControl, item.q.weight, points);
  }
  return { control: scoreOfSum(ofControl), total: scoreOfSum(total) };
}

/** A question that applies to a service, its control, and the points its answer scores. */
export interface QuestionPoints {
  q: Question;
  control: string;
  points: number | undefined;
}

/** The points of each applicable question of a checklist, in question order: what scoreWithChange starts from. */
export function questionPoints(checklist: Checklist, profile: ServiceProfile, answers: Readonly<Record<string, AnswerValue>>): QuestionPoints[] {
  return applicableIn(checklist, profile).controls.flatMap(({ control: c, questions }) => questions.map((q) => ({ q, control: c.id, points: pointsFor(q, answers[q.id], profile) })));
}

const factsCache = new WeakMap<object, { reviewDate: string; facts: IncidentFacts }>();

/** The incident register's facts for a service at its review date (computed once per input). */
export function incidentFactsOf(input: AssessmentInput): IncidentFacts {
  const reviewDate = reviewDateOf(input.year, input.answers);
  if (input.incidents === undefined) return EMPTY_INCIDENT_FACTS;
  if ('facts' in input.incidents) return input.incidents.facts;
  const cached = factsCache.get(input.incidents);
  if (cached?.reviewDate === reviewDate) return cached.facts;
  const facts = incidentFacts(input.incidents.list, reviewDate, input.incidents.years);
  factsCache.set(input.incidents, { reviewDate, facts });
  return facts;
}

/**
 * What the rules see of a service: its answers to the questions that apply, this year and last.
 * A count question the incident register can answer (`fromIncidents`) is answered from it when
 * the register covers the twelve months: the register, not a number typed from memory.
 */
export function ruleInputOf(input: AssessmentInput, applicable: readonly Question[]): RuleInput {
  const answers: Record<string, AnswerValue> = {};
  const previous: Record<string, AnswerValue> = {};
  const incidents = incidentFactsOf(input);
  const started = Object.keys(input.answers).length > 0;
  for (const q of applicable) {
    const a = input.answers[q.id];
    // Only once the service's review has started: a service nobody has begun stays ej påbörjad.
    if (q.type === 'number' && q.fromIncidents !== undefined && incidents.covered && started) answers[q.id] = incidents.count[q.fromIncidents];
    else if (a !== undefined) answers[q.id] = a.value;
    const p = input.previous[q.id];
    if (p !== undefined) previous[q.id] = p.value;
  }
  return { answers, previous, service: input.profile, year: input.year, reviewDate: reviewDateOf(input.year, input.answers), incidents };
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
    const answered = results.reduce((n, c) => n + c.review.answered, 0);
    const applicable = results.reduce((n, c) => n + c.review.applicable, 0);
    return { service: input.service, year: input.year, review: reviewOf(answered, applicable), checklists: results };
  }

  private async assessChecklist(input: AssessmentInput, checklist: Checklist): Promise<ChecklistResult> {
    const applicable = applicableIn(checklist, input.profile);
    const ruleInput = ruleInputOf(input, applicable.questions);
    const answers = ruleInput.answers;
    const fired = await this.ruleSets.get(checklist.id)!.firedRules(ruleInput);
    const byControl = this.rulesByControl.get(checklist.id)!;

    const all = emptySum();
    const allSeverities: Severity[] = [];
    const controls: ControlResult[] = [];
    let answeredAll = 0;
    let applicableAll = 0;
    let legalUnansweredAll = 0;
    for (const { control, questions } of applicable.controls) {
      const sum = emptySum();
      const { answered, legalUnanswered } = scoreQuestions(questions, answers, input.profile, sum, all);
      const found: Gap[] = [];
      for (const rule of byControl.get(control.id) ?? []) {
        if (fired.has(rule.rule.name)) found.push(gapOf(rule));
      }
      for (const g of answerGaps(checklist, control, questions, input)) found.push(gapOf(g.rule));
      // A city's year has 100,000 controls: one empty list for all without a gap, the others as long as they are.
      const gaps = found.length === 0 ? NO_GAPS : found.slice();
      const score = scoreOfSum(sum);
      const severities = gaps.map((g) => g.severity);
      for (const s of severities) allSeverities.push(s);
      answeredAll += answered;
      applicableAll += questions.length;
      legalUnansweredAll += legalUnanswered;
      controls.push({ control: control.id, score, status: statusOf(score, severities, { answered, legalUnanswered }), answered, total: questions.length, legalUnanswered, gaps });
    }
    const score = scoreOfSum(all);
    return {
      checklist: checklist.id,
      score,
      status: statusOf(score, allSeverities, { answered: answeredAll, legalUnanswered: legalUnansweredAll }),
      review: reviewOf(answeredAll, applicableAll),
      legalUnanswered: legalUnansweredAll,
      controls,
    };
  }
}

// ---- totals: the one function every command and export takes its figures from -------------

export interface ReviewCounts {
  /** Services in scope. */
  services: number;
  klar: number;
  pågår: number;
  ej_påbörjad: number;
}

export interface ChecklistTotal {
  checklist: string;
  /** Mean of the scores of the services assessed (with at least one scored answer). */
  score: number | null;
  status: Status;
  /** Services whose score is in the mean. */
  assessed: number;
  review: ReviewCounts;
  gaps: number;
}

export interface ControlTotal {
  checklist: string;
  control: string;
  score: number | null;
  status: Status;
  /** Services whose score for the control is in the mean. */
  assessed: number;
  /** Services the control applies to. */
  services: number;
  gaps: number;
  byStatus: Record<Status, number>;
}

export interface Totals {
  review: ReviewCounts;
  checklists: ChecklistTotal[];
  controls: ControlTotal[];
}

const emptyByStatus = (): Record<Status, number> => ({ enligt_plan: 0, mellan: 0, stor: 0, ej_bedomd: 0 });

/**
 * The organisation's figures over a set of service results: per checklist and per control, the
 * mean over the services assessed, with how many that is and how far each service's review has
 * come. Overview, score, compare, report, the exports' summary and assess all take their totals
 * from here, so a figure means the same everywhere at any point of the season.
 */
export function summarize(results: readonly ServiceResult[]): Totals {
  const byChecklist = new Map<string, Tally & { reviews: ReviewCounts }>();
  const byControl = new Map<string, Tally & { checklist: string; control: string; services: number; byStatus: Record<Status, number> }>();
  const reviews = emptyReviewCounts();
  for (const r of results) {
    countReview(reviews, r.review);
    for (const c of r.checklists) {
      let list = byChecklist.get(c.checklist);
      if (list === undefined) byChecklist.set(c.checklist, (list = { ...emptyTally(), reviews: emptyReviewCounts() }));
      countReview(list.reviews, c.review);
      tally(list, c.score, c.review.answered, c.legalUnanswered);
      for (const k of c.controls) {
        const key = `${c.checklist}/${k.control}`;
        let entry = byControl.get(key);
        if (entry === undefined) byControl.set(key, (entry = { ...emptyTally(), checklist: c.checklist, control: k.control, services: 0, byStatus: emptyByStatus() }));
        tally(entry, k.score, k.answered, k.legalUnanswered);
        entry.services++;
        entry.byStatus[k.status]++;
        for (const g of k.gaps) {
          list.gaps++;
          entry.gaps++;
          if (g.severity === 'stor') list.stor = entry.stor = true;
        }
      }
    }
  }
  const checklists = [...byChecklist].map(([checklist, t]): ChecklistTotal => {
    const score = meanOf(t);
    return { checklist, score, status: tallyStatus(t, score), assessed: t.scored, review: t.reviews, gaps: t.gaps };
  });
  const controls = [...byControl.values()].map((t): ControlTotal => {
    const score = meanOf(t);
    return { checklist: t.checklist, control: t.control, score, status: tallyStatus(t, score), assessed: t.scored, services: t.services, gaps: t.gaps, byStatus: t.byStatus };
  });
  return { review: reviews, checklists, controls };
}

/** What a total is made of, gathered in one pass over the results (a city has 100,000 controls a year). */
interface Tally {
  /** The scores in the mean, summed in the order of the results (as meanScore sums them). */
  sum: number;
  scored: number;
  answered: number;
  legalUnanswered: number;
  gaps: number;
  stor: boolean;
}

const emptyTally = (): Tally => ({ sum: 0, scored: 0, answered: 0, legalUnanswered: 0, gaps: 0, stor: false });
const emptyReviewCounts = (): ReviewCounts => ({ services: 0, klar: 0, pågår: 0, ej_påbörjad: 0 });

function tally(t: Tally, score: number | null, answered: number, legalUnanswered: number): void {
  if (score !== null) {
    t.sum += score;
    t.scored++;
  }
  t.answered += answered;
  t.legalUnanswered += legalUnanswered;
}

function countReview(counts: ReviewCounts, review: Review): void {
  counts.services++;
  counts[review.state]++;
}

/** meanScore of the tallied scores. */
const meanOf = (t: Tally): number | null => meanOfSum(t.sum, t.scored);

/** statusOf over the tallied gaps: whether one is stor, and whether there is any. */
const tallyStatus = (t: Tally, score: number | null): Status =>
  statusOf(score, t.stor ? ['stor'] : t.gaps > 0 ? ['mellan'] : [], { answered: t.answered, legalUnanswered: t.legalUnanswered });
