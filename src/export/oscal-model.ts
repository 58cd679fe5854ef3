import type { Catalog } from '../catalog/load.js';
import { appliesTo } from '../catalog/profile.js';
import type { Checklist, Control, Question } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import { incidentFactsOf, reviewDateOf, ruleInputOf, type ServiceResult } from '../engine/assess.js';
import type { Action } from '../plan/actions.js';
import { answersOf, assessmentInput, yearRegister, type Assessed, type Review } from '../review.js';
import type { RegisteredService } from '../store/register.js';
import type { Answer } from '../store/schema.js';

/** An applicable question with the answer the engine scored it by. */
export interface AnsweredQuestion {
  checklist: Checklist;
  control: Control;
  question: Question;
  value: AnswerValue;
  /** The stored answer (value, comment, evidence, by, at); absent when the incident register answered. */
  answer: Answer | undefined;
  /** Counted from the incident register (a `fromIncidents` question while the register covers the period). */
  fromIncidents: boolean;
}

export interface OscalService {
  service: RegisteredService;
  result: ServiceResult;
  /** YYYY-MM-DD: the day the service's figures are taken at. */
  reviewDate: string;
  /** The applicable questions with an answer, in catalogue order. */
  answered: AnsweredQuestion[];
}

/** What the OSCAL documents are made from: the year's results, its handlingsplan and register. */
export interface OscalModel {
  year: number;
  /** The organisation's name in the year's register: what the documents call it. */
  organisation: string;
  /** The organisation's name in today's register: the UUIDs' namespace, the same in every year's export. */
  identity: string;
  catalog: Catalog;
  services: OscalService[];
  /** The handlingsplan, in its order (accepted risks last). */
  actions: readonly Action[];
}

/**
 * Gathers the model for a year from the results the handlingsplan was built from: for every
 * service the answers exactly as the engine saw them (a count the incident register gives
 * replaces the typed one), so that the documents show what the figures rest on.
 */
export function oscalModel(review: Review, year: number, assessed: readonly Assessed[], actions: readonly Action[]): OscalModel {
  const services = assessed.map(({ service, result }): OscalService => {
    const stored = answersOf(review, year, service.id)?.answers ?? {};
    const input = assessmentInput(review, service, year, stored);
    const questions: { checklist: Checklist; control: Control; question: Question }[] = [];
    for (const c of result.checklists) {
      const checklist = review.catalog.checklists.find((k) => k.id === c.checklist)!;
      for (const control of checklist.controls) {
        for (const question of control.questions) if (appliesTo(question, service.profile)) questions.push({ checklist, control, question });
      }
    }
    const seen = ruleInputOf(input, questions.map((q) => q.question)).answers;
    const covered = incidentFactsOf(input).covered;
    const answered: AnsweredQuestion[] = [];
    for (const q of questions) {
      const value = seen[q.question.id];
      if (value === undefined) continue;
      const fromIncidents = q.question.type === 'number' && q.question.fromIncidents !== undefined && covered;
      answered.push({ ...q, value, answer: stored[q.question.id], fromIncidents });
    }
    return { service, result, reviewDate: reviewDateOf(year, input.answers), answered };
  });
  return {
    year,
    organisation: yearRegister(review, year).organisation.name,
    identity: review.register.organisation.name,
    catalog: review.catalog,
    services,
    actions,
  };
}
