import type { Catalog } from '../catalog/load.js';
import type { LocalizedText, Question, Severity } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import { Assessor, reviewDateOf, scoreAnswers, type AssessmentInput, type ChecklistResult, type Gap } from '../engine/assess.js';
import { addMonths } from '../engine/dates.js';
import { assessYear, type Assessed, type Review, type Selection } from '../review.js';
import { yearsIn } from '../store/answers.js';
import { ORGANISATION_ID } from '../store/schema.js';
import { priorityOf, whyOf, type Priority } from './priority.js';
import type { ActionStatus, FollowUp } from './schema.js';
import { readPlan, withMovedIds } from './store.js';

/** One gap on one service, as a line of the handlingsplan. */
export interface Action {
  /** `<service>:<rule>`: the same gap on the same service keeps its id from year to year. */
  id: string;
  priority: Priority;
  why: string;
  service: string;
  checklist: string;
  control: string;
  rule: string;
  severity: Severity;
  finding: LocalizedText;
  action: LocalizedText;
  reference: string;
  owner: string | undefined;
  /** YYYY-MM-DD: the follow-up's date, else the review date plus the rule's deadline. */
  due: string;
  status: ActionStatus;
  recurring: boolean;
  /** The first year of the unbroken run of years in which the gap has been found. */
  firstSeen: number;
  /** Marked klar in an earlier year's plan, and found again. */
  reopened: boolean;
  /** Score points gained if the questions the rule tests were answered at their best. */
  effect: { control: number; service: number };
  followUp: FollowUp | undefined;
  /** What owner and due date are without a follow-up: the service's owner, the rule's deadline. */
  suggested: { owner: string | undefined; due: string };
}

export const actionId = (service: string, rule: string): string => `${service}:${rule}`;

export function gapIds(assessed: readonly Assessed[]): Set<string> {
  return new Set(
    assessed.flatMap((a) => a.result.checklists.flatMap((c) => c.controls.flatMap((k) => k.gaps.map((g) => actionId(a.service.id, g.rule.rule.name))))),
  );
}

/** The answer that scores best: ja, or the choice option with the highest score. */
function bestValue(question: Question): AnswerValue | undefined {
  if (question.type === 'status') return 'ja';
  if (question.type === 'choice') return [...question.options].sort((a, b) => b.score - a.score)[0]?.value;
  return undefined;
}

/** Score points the control and the service gain if the rule's questions were answered at their best. */
const answerValues = new WeakMap<object, Record<string, AnswerValue>>();

function effectOf(catalog: Catalog, input: AssessmentInput, checklist: ChecklistResult, control: string, gap: Gap) {
  let values = answerValues.get(input.answers);
  if (values === undefined) {
    values = Object.fromEntries(Object.entries(input.answers).map(([id, a]) => [id, a.value]));
    answerValues.set(input.answers, values);
  }
  // The fixed answers over the service's own, without copying them for every gap.
  const answers: Record<string, AnswerValue> = Object.create(values) as Record<string, AnswerValue>;
  for (const id of gap.rule.questions) {
    const question = catalog.questions.get(id)?.question;
    const best = question === undefined ? undefined : bestValue(question);
    if (best !== undefined) answers[id] = best;
  }
  const list = catalog.checklists.find((c) => c.id === checklist.checklist)!;
  const after = scoreAnswers(list, input.profile, answers);
  const delta = (a: number | null | undefined, b: number | null | undefined) => Math.round(((a ?? 0) - (b ?? 0)) * 10) / 10;
  return {
    control: delta(after.controls.get(control), checklist.controls.find((k) => k.control === control)?.score),
    service: delta(after.total, checklist.score),
  };
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


/**
 * For each gap found this year: the first year of the unbroken run of years in which it has been
 * found, walking back year by year while some run continues.
 */
export async function firstSeenOf(review: Review, year: number, filter: Selection, current: readonly Assessed[], assessor: Assessor): Promise<Map<string, number>> {
  const years = yearsIn(review.ws);
  const firstSeen = new Map([...gapIds(current)].map((id) => [id, year]));
  let open = new Set(firstSeen.keys());
  for (let y = year - 1; open.size > 0 && years.includes(y); y--) {
    const found = gapIds(await assessYear(review, y, filter, assessor));
    open = new Set([...open].filter((id) => found.has(id)));
    for (const id of open) firstSeen.set(id, y);
  }
  return firstSeen;
}

export interface Handlingsplan {
  actions: Action[];
  /** The year's results the actions were taken from. */
  assessed: Assessed[];
}

/** The handlingsplan of a year: one action per gap, prioritised, with effect and follow-up. */
export async function buildActions(review: Review, year: number, filter: Selection): Promise<Handlingsplan> {
  const assessor = new Assessor(review.catalog);
  const current = await assessYear(review, year, filter, assessor);
  const plan = withMovedIds(readPlan(review.ws, year), review.catalog.migrations);
  const earlierYears = yearsIn(review.ws).filter((y) => y < year).sort((a, b) => b - a);
  const earlierPlans = earlierYears.map((y) => withMovedIds(readPlan(review.ws, y), review.catalog.migrations));
  const focus = new Set(await focusControls(review, year));

  const firstSeen = await firstSeenOf(review, year, filter, current, assessor);

  const actions: Action[] = [];
  for (const { service, input, result } of current) {
    const reviewDate = reviewDateOf(year, input.answers);
    for (const checklist of result.checklists) {
      for (const control of checklist.controls) {
        for (const gap of control.gaps) {
          const params = gap.rule.rule.event.params;
          const id = actionId(service.id, gap.rule.rule.name);
          const since = firstSeen.get(id) ?? year;
          const followUp = plan.actions[id];
          const factors = {
            severity: gap.severity,
            legal: gap.rule.questions.some((q) => review.catalog.questions.get(q)?.question.legal === true),
            classification: service.profile.classification,
            classified: service.profile.known.classification,
            recurringSince: since < year ? since : undefined,
            focus: service.id === ORGANISATION_ID && focus.has(control.control),
          };
          actions.push({
            id,
            priority: priorityOf(factors),
            why: whyOf(factors),
            service: service.id,
            checklist: checklist.checklist,
            control: control.control,
            rule: gap.rule.rule.name,
            severity: gap.severity,
            finding: params.finding,
            action: params.action,
            reference: params.reference,
            owner: followUp?.owner ?? service.owner,
            due: followUp?.due ?? addMonths(reviewDate, params.deadlineMonths),
            status: followUp?.status ?? 'ej_påbörjad',
            recurring: since < year,
            firstSeen: since,
            reopened: earlierPlans.find((p) => p.actions[id] !== undefined)?.actions[id]?.status === 'klar',
            effect: effectOf(review.catalog, input, checklist, control.control, gap),
            followUp,
            suggested: { owner: service.owner, due: addMonths(reviewDate, params.deadlineMonths) },
          });
        }
      }
    }
  }
  return { actions, assessed: current };
}

const SEVERITY_RANK: Record<Severity, number> = { stor: 0, mellan: 1, liten: 2 };

/** Priority first; then, with `byEffect`, what a fix buys; then a fixed order. */
export function sortActions(actions: readonly Action[], byEffect = false): Action[] {
  return [...actions].sort(
    (a, b) =>
      a.priority - b.priority ||
      (byEffect ? b.effect.service - a.effect.service || b.effect.control - a.effect.control : 0) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.service.localeCompare(b.service) ||
      a.rule.localeCompare(b.rule),
  );
}

/** Accepted risks are listed apart, after the open actions, never dropped. */
export function splitAccepted(actions: readonly Action[]): { open: Action[]; accepted: Action[] } {
  return { open: actions.filter((a) => a.status !== 'accepterad_risk'), accepted: actions.filter((a) => a.status === 'accepterad_risk') };
}
