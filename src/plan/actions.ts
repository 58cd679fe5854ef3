import type { Catalog, CatalogRule } from '../catalog/load.js';
import type { Checklist, ConditionNode, LocalizedText, Question, Severity } from '../catalog/schema.js';
import { allowedValues, type AnswerValue } from '../catalog/values.js';
import { applicableIn, Assessor, incidentFactsOf, questionPoints, ruleInputOf, scoreWithChange, type AssessmentInput, type QuestionPoints, type ChecklistResult, type Gap } from '../engine/assess.js';
import { compileCondition, type Predicate } from '../engine/compile.js';
import { addMonths, monthsBefore } from '../engine/dates.js';
import type { RuleInput } from '../engine/input.js';
import { answerPoints } from '../engine/score.js';
import { assessYear, forgetScoredYears, type Assessed, type Review, type Selection } from '../review.js';
import { yearsIn } from '../store/answers.js';
import { ORGANISATION_ID } from '../store/schema.js';
import { PRIORITIES, priorityOf, whyOf, type Priority, type PriorityFactors } from './priority.js';
import type { Lang } from '../ui/i18n.js';
import type { ActionStatus, FollowUp } from './schema.js';
import { readPlan, withMovedIds } from './store.js';

/**
 * One gap on one service, as a line of the handlingsplan. What the gap's rule says (checklist,
 * control, finding, action, reference, severity) is read from the rule, and the id made when asked:
 * a city's 240,000 actions each hold only what is their own.
 */
export class Action {
  service: string;
  /** The gap: its rule says what the action's finding, action, reference and severity are. */
  readonly gap: Gap;
  priority: Priority;
  /** The reason for the priority in Swedish, as the JSON gives it; `whyText` says it in a language. */
  why: string;
  /** What the priority and its reason are made of. */
  factors: PriorityFactors;
  owner: string | undefined;
  /** YYYY-MM-DD: the follow-up's date, else the suggested one (see suggestedMonths). */
  due: string;
  status: ActionStatus;
  recurring: boolean;
  /** The first year of the unbroken run of years in which the gap has been found. */
  firstSeen: number;
  /** Marked klar in an earlier year's plan, and found again. */
  reopened: boolean;
  /** Score points gained with the answer change that closes the gap (`fix`), re-scored; 0 without one. */
  effect: { control: number; service: number };
  /** The answer change the effect is computed with; null when no single answer change closes the gap. */
  fix: Fix | null;
  followUp: FollowUp | undefined;
  /** What owner and due date are without a follow-up: the service's owner, the review date plus the months of suggestedMonths. */
  suggested: { owner: string | undefined; due: string };

  // Each field set here by name (not Object.assign): V8 then keeps them inside the object, 144 bytes an action.
  constructor(s: ActionState) {
    this.service = s.service;
    this.gap = s.gap;
    this.priority = s.priority;
    this.why = s.why;
    this.factors = s.factors;
    this.owner = s.owner;
    this.due = s.due;
    this.status = s.status;
    this.recurring = s.recurring;
    this.firstSeen = s.firstSeen;
    this.reopened = s.reopened;
    this.effect = s.effect;
    this.fix = s.fix;
    this.followUp = s.followUp;
    this.suggested = s.suggested;
  }

  /** `<service>:<rule>`: the same gap on the same service keeps its id from year to year. */
  get id(): string {
    return actionId(this.service, this.rule);
  }
  get checklist(): string {
    return this.gap.rule.checklist;
  }
  get control(): string {
    return this.gap.rule.control;
  }
  get rule(): string {
    return this.gap.rule.rule.name;
  }
  get severity(): Severity {
    return this.gap.severity;
  }
  get finding(): LocalizedText {
    return this.gap.rule.rule.event.params.finding;
  }
  get action(): LocalizedText {
    return this.gap.rule.rule.event.params.action;
  }
  get reference(): string {
    return this.gap.rule.rule.event.params.reference;
  }

  /** The same action on a service named otherwise (a roll-up's `<organisation>/<service>`): its id follows. */
  onService(service: string): Action {
    return new Action({ ...this, service });
  }
}

/** What an action is made with: its own fields. */
export type ActionState = Pick<Action, 'service' | 'gap' | 'priority' | 'why' | 'factors' | 'owner' | 'due' | 'status' | 'recurring' | 'firstSeen' | 'reopened' | 'effect' | 'fix' | 'followUp' | 'suggested'>;

/** The reason for an action's priority in the language shown: `stor · lagkrav · K3`, `major · legal requirement · K3`. */
export const whyText = (a: Pick<Action, 'why' | 'factors'>, lang: Lang): string => (lang === 'sv' ? a.why : whyOf(a.factors, lang));

export const actionId = (service: string, rule: string): string => `${service}:${rule}`;

/** The one change of an answer that closes a gap: a new value, or (for a legal requirement answered Ja) its evidence. */
export type Fix = { question: string; value: AnswerValue } | { question: string; evidence: true };

const compiledRules = new WeakMap<CatalogRule, Predicate>();

function predicateOf(rule: CatalogRule): Predicate {
  let test = compiledRules.get(rule);
  if (test === undefined) compiledRules.set(rule, (test = compileCondition(rule.rule.conditions)));
  return test;
}

/** Points an answer scores, 0–1; undefined for an unscored or unanswered one (as scoring counts it). */
const pointsOf = (question: Question, value: AnswerValue | undefined): number => answerPoints(question, value) ?? -1;

/** The value a fact reference in a rule resolves to: a date some months before the review date, another answer. */
function resolveValue(value: unknown, input: RuleInput): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('fact' in value)) return value;
  const ref = value as { fact: string; params?: Record<string, unknown>; path?: string };
  const question = ref.params?.['question'] as string | undefined;
  switch (ref.fact) {
    case 'reviewDate':
      return monthsBefore(input.reviewDate, (ref.params?.['monthsBack'] as number | undefined) ?? 0);
    case 'year':
      return input.year;
    case 'answer':
      return question === undefined ? undefined : input.answers[question];
    case 'previous':
      return question === undefined ? undefined : input.previous[question];
    default: {
      let current: unknown = ref.fact === 'service' ? input.service : ref.fact === 'incidents' ? input.incidents : undefined;
      for (const key of (ref.path ?? '$').slice(2).split('.').filter(Boolean)) current = current === null || typeof current !== 'object' ? undefined : (current as Record<string, unknown>)[key];
      return current;
    }
  }
}

/** The leaf conditions of a rule that read this year's answer to a question. */
function leavesReading(node: ConditionNode, question: string): ConditionNode[] {
  if (node.all) return node.all.flatMap((c) => leavesReading(c, question));
  if (node.any) return node.any.flatMap((c) => leavesReading(c, question));
  if (node.not) return leavesReading(node.not, question);
  return node.fact === 'answer' && node.params?.['question'] === question ? [node] : [];
}

const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The values to try for one question, nearest first. Status and choice: the better answers, best
 * first (never Ej tillämplig, never a worse answer). Number and date: for each condition on the
 * question, the nearest value that makes it false (`DRI.4 >= 3`: 2; `KON.3` before 12 months
 * before the review date: that date), within the question's bounds.
 */
function candidatesFor(question: Question, current: AnswerValue | undefined, rule: CatalogRule, input: RuleInput): AnswerValue[] {
  const allowed = allowedValues(question);
  if (allowed !== undefined) {
    const now = current === undefined ? -1 : pointsOf(question, current);
    return allowed
      .filter((v) => v !== 'ej_tillamplig' && v !== current && pointsOf(question, v) >= now)
      .sort((a, b) => pointsOf(question, b) - pointsOf(question, a));
  }
  const out: AnswerValue[] = [];
  for (const leaf of leavesReading(rule.rule.conditions, question.id)) {
    const limit = resolveValue(leaf.value, input);
    if (question.type === 'number' && typeof limit === 'number') {
      const step = question.integer ? 1 : 0.1;
      const round = (n: number) => Math.round(n * 10) / 10;
      const nearest: Record<string, number[]> = {
        greaterThanInclusive: [round(limit - step)],
        greaterThan: [limit],
        lessThan: [limit],
        lessThanInclusive: [round(limit + step)],
        equal: [round(limit - step), round(limit + step)],
        notEqual: [limit],
      };
      out.push(...(nearest[leaf.operator ?? ''] ?? []).filter((n) => (question.min === undefined || n >= question.min) && (question.max === undefined || n <= question.max)));
    } else if (question.type === 'date' && typeof limit === 'string') {
      if (leaf.operator === 'dateBefore') out.push(limit);
      else if (leaf.operator === 'dateOnOrAfter') out.push(dayBefore(limit));
      else if (leaf.operator === 'equal') out.push(dayBefore(limit));
    }
  }
  const distance = (v: AnswerValue) => (typeof v === 'number' && typeof current === 'number' ? Math.abs(v - current) : 0);
  return [...new Set(out)].filter((v) => v !== current).sort((a, b) => distance(a) - distance(b));
}

interface Effect {
  effect: { control: number; service: number };
  fix: Fix | null;
}

interface RulesNow {
  before: RuleInput;
  /**
   * What the rules see with one answer tried in place of the service's own: `before` with its own
   * copy of the answers, changed for one try and put back after it (a city's gaps try half a
   * million values: one copy of the answers each was most of the effects' time).
   */
  trying: { input: RuleInput; answers: Record<string, AnswerValue> };
  firing: Set<string>;
  applicable: Set<string>;
  rules: readonly CatalogRule[];
}

/**
 * What the effects of one service's gaps share, worked out once for the service and dropped with
 * it: its answer values, what each checklist's rules see and which fire, each question's points.
 * (Caches keyed by a service's answers would keep a city's files alive past the young generation.)
 */
class ServiceEffects {
  private values: Record<string, AnswerValue> | undefined;
  private readonly rules = new Map<string, RulesNow>();
  private readonly points = new Map<string, QuestionPoints[]>();

  constructor(
    private readonly catalog: Catalog,
    private readonly input: AssessmentInput,
  ) {}

  private rulesNow(list: Checklist): RulesNow {
    let found = this.rules.get(list.id);
    if (found === undefined) {
      const { questions } = applicableIn(list, this.input.profile);
      const rules = this.catalog.rulesByChecklist.get(list.id) ?? [];
      const before = ruleInputOf(this.input, questions);
      const answers = { ...before.answers };
      found = { before, trying: { input: { ...before, answers }, answers }, firing: new Set(rules.filter((r) => predicateOf(r)(before)).map((r) => r.rule.name)), applicable: new Set(questions.map((q) => q.id)), rules };
      this.rules.set(list.id, found);
    }
    return found;
  }

  private pointsOf(list: Checklist): QuestionPoints[] {
    let found = this.points.get(list.id);
    if (found === undefined) {
      this.values ??= Object.fromEntries(Object.entries(this.input.answers).map(([id, a]) => [id, a.value]));
      this.points.set(list.id, (found = questionPoints(list, this.input.profile, this.values)));
    }
    return found;
  }

  /**
   * What fixing a gap buys: the one answer change that closes it (the rule no longer fires, and no
   * other rule of the checklist starts to), re-scored; of several, the one that gains the most.
   * A gap no single answer closes (it rests on the register, the incident register, last year's
   * answer, or needs two answers changed) has no fix and an effect of 0.
   */
  effectOf(checklist: ChecklistResult, control: string, gap: Gap): Effect {
    const { catalog, input } = this;
    const list = catalog.checklists.find((c) => c.id === checklist.checklist)!;
    const delta = (a: number | null | undefined, b: number | null | undefined) => Math.round(((a ?? 0) - (b ?? 0)) * 10) / 10;
    const gainWith = (question: string, value: AnswerValue) => {
      const after = scoreWithChange(this.pointsOf(list), input.profile, control, question, value);
      return { control: delta(after.control, checklist.controls.find((k) => k.control === control)?.score), service: delta(after.total, checklist.score) };
    };

    if (gap.rule.builtin === 'underlag-saknas') return { effect: { control: 0, service: 0 }, fix: { question: gap.rule.questions[0]!, evidence: true } };
    if (gap.rule.builtin === 'ej-tillamplig-mot-registret') {
      const id = gap.rule.questions[0]!;
      const question = catalog.questions.get(id)?.question;
      const best = question === undefined ? undefined : candidatesFor(question, undefined, gap.rule, {} as RuleInput)[0];
      return best === undefined ? { effect: { control: 0, service: 0 }, fix: null } : { effect: gainWith(id, best), fix: { question: id, value: best } };
    }

    const { before, trying, firing, applicable, rules } = this.rulesNow(list);
    const fromRegister = incidentFactsOf(input).covered;
    let found: Effect | undefined;
    for (const id of gap.rule.questions) {
      const question = catalog.questions.get(id)?.question;
      if (question === undefined || !applicable.has(id)) continue;
      // A count the incident register answers is not changed by answering: the register is.
      if (question.type === 'number' && question.fromIncidents !== undefined && fromRegister) continue;
      for (const value of candidatesFor(question, before.answers[id], gap.rule, before)) {
        // Only the value changes: the answer keeps its date, so the review date stays.
        trying.answers[id] = value;
        const changed = trying.input;
        // Only a rule that reads the changed answer can start to fire (a rule's `questions` are all
        // it reads: a compared value may only name the review date).
        const closes = !predicateOf(gap.rule)(changed) && !rules.some((r) => !firing.has(r.rule.name) && r.questions.includes(id) && predicateOf(r)(changed));
        if (Object.hasOwn(before.answers, id)) trying.answers[id] = before.answers[id]!;
        else delete trying.answers[id];
        if (!closes) continue;
        const effect = gainWith(id, value);
        if (found === undefined || effect.service > found.effect.service || (effect.service === found.effect.service && effect.control > found.effect.control)) {
          found = { effect, fix: { question: id, value } };
        }
        break; // the nearest value that closes the gap, for this question
      }
    }
    return found ?? { effect: { control: 0, service: 0 }, fix: null };
  }
}

/**
 * The longest a suggested due date may be from the review date, by priority: P1 one month, P2
 * three, P3 six, P4 twelve. The rule's own deadline applies when it is shorter.
 */
export const PRIORITY_MONTHS: Record<Priority, number> = { 1: 1, 2: 3, 3: 6, 4: 12 };

/**
 * Suggested months to fix each action: the shorter of its priority's months and its rule's
 * deadline, then, per service, never more than any lower-priority action of the same service is
 * given, so a higher priority is never due later than a lower one (the review date is the
 * service's, the same for all its actions).
 */
export function suggestedMonths(actions: readonly { service: string; priority: Priority; deadlineMonths: number }[]): number[] {
  const months = actions.map((a) => Math.min(PRIORITY_MONTHS[a.priority], a.deadlineMonths));
  // Each service's actions by priority, in one pass: linear in the number of actions.
  const byService = new Map<string, number[][]>();
  actions.forEach((a, i) => {
    let tiers = byService.get(a.service);
    if (tiers === undefined) byService.set(a.service, (tiers = PRIORITIES.map(() => [])));
    tiers[PRIORITIES.indexOf(a.priority)]!.push(i);
  });
  for (const tiers of byService.values()) {
    let lowerMin = Infinity;
    for (let t = tiers.length - 1; t >= 0; t--) {
      const at = tiers[t]!;
      for (const i of at) months[i] = Math.min(months[i]!, lowerMin);
      for (const i of at) lowerMin = Math.min(lowerMin, months[i]!);
    }
  }
  return months;
}

/**
 * The DSO's focus control points for a year: the workspace's own list when it has one, else the
 * three lowest-scoring control points of the organisation the year before.
 */
export async function focusControls(review: Review, year: number): Promise<string[]> {
  const configured = review.register.organisation.focusControls;
  if (configured !== undefined) return configured;
  if (!yearsIn(review.ws).includes(year - 1)) return [];
  const [last] = await assessYear(review, year - 1, { service: ORGANISATION_ID });
  return (last?.result.checklists ?? [])
    .flatMap((c) => c.controls)
    .filter((k) => k.score !== null)
    .sort((a, b) => a.score! - b.score! || a.control.localeCompare(b.control, 'en', { numeric: true }))
    .slice(0, 3)
    .map((k) => k.control);
}


/** When each of a year's gaps was first found: `get('<service>:<rule>')`, as action ids are written. */
export interface FirstSeen {
  of(service: string, rule: string): number | undefined;
  get(id: string): number | undefined;
}

/**
 * For each gap found this year: the first year of the unbroken run of years in which it has been
 * found, walking back year by year while some run continues. Kept per service and rule name (the
 * names are the catalogue's own strings): a city's 240,000 gaps need no id strings made for it.
 */
export async function firstSeenOf(review: Review, year: number, filter: Selection, current: readonly Assessed[], assessor: Assessor): Promise<FirstSeen> {
  const years = yearsIn(review.ws);
  const runs = new Map<string, Map<string, number>>();
  let open = 0;
  for (const a of current) {
    const rules = new Map<string, number>();
    for (const c of a.result.checklists) for (const k of c.controls) for (const g of k.gaps) rules.set(g.rule.rule.name, year);
    open += rules.size;
    runs.set(a.service.id, rules);
  }
  for (let y = year - 1; open > 0 && years.includes(y); y--) {
    open = 0;
    for (const a of await assessYear(review, y, filter, assessor)) {
      const rules = runs.get(a.service.id);
      if (rules === undefined) continue;
      for (const c of a.result.checklists) {
        for (const k of c.controls) {
          for (const g of k.gaps) {
            // Still in the run when found in every year walked back so far.
            if (rules.get(g.rule.rule.name) !== y + 1) continue;
            rules.set(g.rule.rule.name, y);
            open++;
          }
        }
      }
    }
  }
  const of = (service: string, rule: string) => runs.get(service)?.get(rule);
  return { of, get: (id) => of(id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)) };
}

export interface Handlingsplan {
  actions: Action[];
  /** The year's results the actions were taken from. */
  assessed: Assessed[];
}

/**
 * Computes the effect and fix of actions of a plan built without them (`buildActions(…, { effects:
 * false })`), reading their services' answers again: the overview needs them for the five it
 * shows, not for a city's 240,000.
 */
export function fillEffects(catalog: Catalog, plan: Handlingsplan, actions: readonly Action[]): void {
  // Each service's answers read once, however many of the actions are its.
  const ofService = new Map<string, ServiceEffects>();
  for (const a of actions) {
    const assessed = plan.assessed.find((s) => s.service.id === a.service);
    const checklist = assessed?.result.checklists.find((c) => c.checklist === a.checklist);
    const gap = checklist?.controls.find((k) => k.control === a.control)?.gaps.find((g) => g.rule.rule.name === a.rule);
    if (assessed === undefined || checklist === undefined || gap === undefined) continue;
    let effects = ofService.get(a.service);
    if (effects === undefined) ofService.set(a.service, (effects = new ServiceEffects(catalog, assessed.readInput())));
    const { effect, fix } = effects.effectOf(checklist, a.control, gap);
    a.effect = effect;
    a.fix = fix;
  }
}

const NO_EFFECT: Effect = Object.freeze({ effect: Object.freeze({ control: 0, service: 0 }), fix: null });
/** Replaced by each action's own once its service's due dates are settled. */
const NO_SUGGESTION: Action['suggested'] = Object.freeze({ owner: undefined, due: '' });

/**
 * The handlingsplan of a year: one action per gap, prioritised, with effect and follow-up. With
 * `effects: false` each action's effect is 0 and its fix null until fillEffects computes them
 * (priority, order and due dates do not depend on them). With `top: n` only the first n open
 * actions in the handlingsplan's order are kept, as they are made (the overview shows five of a
 * city's 240,000): the same as `splitAccepted(sortActions(actions)).open.slice(0, n)`. With
 * `forgetEarlierYears`, the results of the years before are dropped from the review once the
 * actions' first years are known.
 */
export async function buildActions(review: Review, year: number, filter: Selection, options: { effects?: boolean; top?: number; forgetEarlierYears?: boolean } = {}): Promise<Handlingsplan> {
  const assessor = new Assessor(review.catalog);
  const later = options.effects === false;
  // The year before first: it is needed for the recurring gaps, and scored first its files are
  // read once (this year's rules read last year's answers from what scoring it kept).
  if (yearsIn(review.ws).includes(year - 1)) await assessYear(review, year - 1, filter, assessor);
  // Effects and fixes are few distinct values over a city's 240,000 actions: one frozen object each.
  const sharedEffects = new Map<string, Effect['effect']>();
  const sharedFixes = new Map<string, Fix>();
  const shared = ({ effect, fix }: Effect): Effect => {
    const e = `${effect.control}|${effect.service}`;
    if (!sharedEffects.has(e)) sharedEffects.set(e, Object.freeze({ ...effect }));
    let f: Fix | null = null;
    if (fix !== null) {
      const key = 'evidence' in fix ? `${fix.question}\u0000` : `${fix.question}\u0001${typeof fix.value}\u0001${fix.value}`;
      if (!sharedFixes.has(key)) sharedFixes.set(key, Object.freeze({ ...fix }));
      f = sharedFixes.get(key)!;
    }
    return { effect: sharedEffects.get(e)!, fix: f };
  };

  // The effects need every answer of the service: computed while the file is in memory, kept
  // per service in the order of its gaps (no id strings made for a city's 240,000 gaps).
  // (A year this command scored before keeps no input: effectOfGap reads those answers again.)
  const effects = new Map<Assessed, Effect[]>();
  const current = await assessYear(review, year, filter, assessor, later ? undefined : (a, input) => {
    const of = new ServiceEffects(review.catalog, input);
    const list: Effect[] = [];
    for (const checklist of a.result.checklists) for (const control of checklist.controls) for (const gap of control.gaps) list.push(shared(of.effectOf(checklist, control.control, gap)));
    effects.set(a, list);
  });
  const plan = withMovedIds(readPlan(review.ws, year), review.catalog.migrations);
  const earlierYears = yearsIn(review.ws).filter((y) => y < year).sort((a, b) => b - a);
  const earlierPlans = earlierYears.map((y) => withMovedIds(readPlan(review.ws, y), review.catalog.migrations));
  const focus = new Set(await focusControls(review, year));

  const firstSeen = await firstSeenOf(review, year, filter, current, assessor);
  // A command that needs nothing more of the earlier years frees their results before a city's actions are made.
  if (options.forgetEarlierYears === true) forgetScoredYears(review, { before: year });
  const whyTexts = new Map<string, string>();
  const dueDates = new Map<string, string>();
  const dueDate = (reviewDate: string, months: number): string => {
    const key = `${reviewDate}|${months}`;
    let due = dueDates.get(key);
    if (due === undefined) dueDates.set(key, (due = addMonths(reviewDate, months)));
    return due;
  };

  const actions: Action[] = [];
  const keep = options.top === undefined ? (a: Action) => void actions.push(a) : keepFirst(actions, options.top);
  for (const assessed of current) {
    const { service, result, reviewDate } = assessed;
    // A year scored before this call kept no input: its services' answers are read again.
    let ofService: ServiceEffects | undefined;
    const computed = effects.get(assessed);
    effects.delete(assessed);
    const effectOfGap = (nth: number, checklist: ChecklistResult, control: string, gap: Gap): Effect =>
      computed?.[nth] ?? shared((ofService ??= new ServiceEffects(review.catalog, assessed.readInput())).effectOf(checklist, control, gap));
    const suggestions = new Map<string, Action['suggested']>();
    // The service's actions share their factors where they are the same.
    const prioritiesOfService = new Map<string, { factors: PriorityFactors; priority: Priority; why: string }>();
    const made: Action[] = [];
    const deadlines: number[] = [];
    for (const checklist of result.checklists) {
      for (const control of checklist.controls) {
        for (const gap of control.gaps) {
          const params = gap.rule.rule.event.params;
          const id = actionId(service.id, gap.rule.rule.name);
          const since = firstSeen.of(service.id, gap.rule.rule.name) ?? year;
          const followUp = plan.actions[id];
          const legal = isLegal(review.catalog, gap.rule);
          const recurringSince = since < year ? since : undefined;
          const isFocus = service.id === ORGANISATION_ID && focus.has(control.control);
          const key = `${gap.severity}|${legal}|${recurringSince}|${isFocus}`;
          let priority = prioritiesOfService.get(key);
          if (priority === undefined) {
            const factors = { severity: gap.severity, legal, classification: service.profile.classification, classified: service.profile.known.classification, recurringSince, focus: isFocus };
            const why = whyOf(factors);
            if (!whyTexts.has(why)) whyTexts.set(why, why);
            priority = { factors, priority: priorityOf(factors), why: whyTexts.get(why)! };
            prioritiesOfService.set(key, priority);
          }
          const { effect, fix } = later ? NO_EFFECT : effectOfGap(made.length, checklist, control.control, gap);
          deadlines.push(params.deadlineMonths);
          made.push(
            new Action({
              service: service.id,
              gap,
              priority: priority.priority,
              why: priority.why,
              factors: priority.factors,
              owner: followUp?.owner ?? service.owner,
              due: followUp?.due ?? '',
              status: followUp?.status ?? 'ej_påbörjad',
              recurring: since < year,
              firstSeen: since,
              reopened: earlierPlans.find((p) => p.actions[id] !== undefined)?.actions[id]?.status === 'klar',
              effect,
              fix,
              followUp,
              suggested: NO_SUGGESTION,
            }),
          );
        }
      }
    }
    // Due dates are capped within a service (suggestedMonths): settled once its actions are made.
    const months = suggestedMonths(made.map((a, i) => ({ service: a.service, priority: a.priority, deadlineMonths: deadlines[i]! })));
    made.forEach((a, i) => {
      const due = dueDate(reviewDate, months[i]!);
      let suggested = suggestions.get(due);
      if (suggested === undefined) suggestions.set(due, (suggested = Object.freeze({ owner: service.owner, due })));
      a.suggested = suggested;
      if (a.followUp?.due === undefined) a.due = due;
      keep(a);
    });
  }
  return { actions, assessed: current };
}

const legalRules = new WeakMap<CatalogRule, boolean>();

/** Whether a rule tests a legal requirement (one of its questions is one). */
function isLegal(catalog: Catalog, rule: CatalogRule): boolean {
  let legal = legalRules.get(rule);
  if (legal === undefined) legalRules.set(rule, (legal = rule.questions.some((q) => catalog.questions.get(q)?.question.legal === true)));
  return legal;
}

/** Keeps in `kept` the first `n` open actions in the handlingsplan's order, of those it is given. */
function keepFirst(kept: Action[], n: number): (a: Action) => void {
  return (a) => {
    if (a.status === 'accepterad_risk' || n <= 0) return;
    if (kept.length === n && compareActions(a, kept[n - 1]!) >= 0) return;
    let at = kept.length;
    while (at > 0 && compareActions(a, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, a);
    if (kept.length > n) kept.pop();
  };
}

const SEVERITY_RANK: Record<Severity, number> = { stor: 0, mellan: 1, liten: 2 };

const localeOrder = (x: string, y: string): number => x.localeCompare(y);

/**
 * The handlingsplan's order: priority first; then, with `byEffect`, what a fix buys; then
 * severity, service and rule (in `collate` order of the texts: localeCompare unless ranked).
 */
export function compareActions(a: Action, b: Action, byEffect = false, collate: (x: string, y: string) => number = localeOrder): number {
  return (
    a.priority - b.priority ||
    (byEffect ? b.effect.service - a.effect.service || b.effect.control - a.effect.control : 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    collate(a.service, b.service) ||
    collate(a.rule, b.rule)
  );
}

/**
 * Each distinct text's place in localeCompare order (texts it holds equal share a place): a
 * city's 240,000 actions are sorted by these numbers, not by millions of collations.
 */
function collationRanks(texts: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(texts)].sort(localeOrder);
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((text, i) => {
    if (i > 0 && localeOrder(sorted[i - 1]!, text) !== 0) rank++;
    ranks.set(text, rank);
  });
  return ranks;
}

/** The actions in the handlingsplan's order (compareActions). */
export function sortActions(actions: readonly Action[], byEffect = false): Action[] {
  const ranks = collationRanks(actions.flatMap((a) => [a.service, a.rule]));
  const ranked = (x: string, y: string) => ranks.get(x)! - ranks.get(y)!;
  return [...actions].sort((a, b) => compareActions(a, b, byEffect, ranked));
}

/** Accepted risks are listed apart, after the open actions, never dropped. */
export function splitAccepted(actions: readonly Action[]): { open: Action[]; accepted: Action[] } {
  return { open: actions.filter((a) => a.status !== 'accepterad_risk'), accepted: actions.filter((a) => a.status === 'accepterad_risk') };
}
