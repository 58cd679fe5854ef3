import { appliesTo, type ServiceProfile } from '../catalog/profile.js';
import type { Checklist, Control, Question } from '../catalog/schema.js';

/** One question to ask, with where it stands in the walk. */
export interface Step {
  checklist: Checklist;
  control: Control;
  question: Question;
  /** 1-based position of the control among the walked controls, and their count. */
  controlNumber: number;
  controlCount: number;
  /** 1-based position of the question in its control (applicable questions only), and their count. */
  questionNumber: number;
  questionCount: number;
}

export interface WalkSelection {
  checklist?: string | undefined;
  control?: string | undefined;
}

/** Whether the selection (`--checklist`, `--control`) takes in a checklist's control. */
export function selects(selection: WalkSelection, checklist: string, control: string): boolean {
  return (selection.checklist === undefined || checklist === selection.checklist) && (selection.control === undefined || control === selection.control.toUpperCase());
}

/** The applicable questions of the selected checklists and controls, control by control. */
export function stepsFor(checklists: readonly Checklist[], profile: ServiceProfile, selection: WalkSelection = {}): Step[] {
  const controls = checklists
    .flatMap((checklist) => checklist.controls.map((control) => ({ checklist, control })))
    .filter(({ checklist, control }) => selects(selection, checklist.id, control.id))
    .map(({ checklist, control }) => ({ checklist, control, questions: control.questions.filter((q) => appliesTo(q, profile)) }))
    .filter((c) => c.questions.length > 0);
  return controls.flatMap(({ checklist, control, questions }, ci) =>
    questions.map((question, qi) => ({
      checklist,
      control,
      question,
      controlNumber: ci + 1,
      controlCount: controls.length,
      questionNumber: qi + 1,
      questionCount: questions.length,
    })),
  );
}

/** Where a session starts: the first unanswered question, or the first of all with `--all`. */
export function startIndex(steps: readonly Step[], answered: ReadonlySet<string>, all: boolean): number {
  if (all) return 0;
  const first = steps.findIndex((s) => !answered.has(s.question.id));
  return first === -1 ? steps.length : first;
}

/** Share of the walked questions that have an answer, 0–100. */
export function progressPercent(steps: readonly Step[], answered: ReadonlySet<string>): number {
  if (steps.length === 0) return 100;
  return Math.round((steps.filter((s) => answered.has(s.question.id)).length / steps.length) * 100);
}
