import { now as clockNow } from '../clock.js';
import type { Catalog, CatalogRule } from '../catalog/load.js';
import type { Checklist, Question } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import { applicableIn, ruleInputOf, type AssessmentInput } from './assess.js';
import { compileCondition, type Predicate } from './compile.js';

export interface Foresight {
  /** The review date the service would have with the answer saved now. */
  reviewDate: string;
  /** The rules reading the question that fire with the answer and not without it. */
  rules: CatalogRule[];
}

/**
 * What an answer would do to a service's gaps before it is given: the checklist's rules that read
 * the question, evaluated with the service's answers plus the candidate and with the question
 * unanswered, both at the review date the answer would bring (saved now, it is the year's latest
 * answer: today, within the year). Each question's rules are compiled once.
 */
export class AnswerForesight {
  private readonly byQuestion = new Map<string, { rule: CatalogRule; test: Predicate }[]>();

  constructor(private readonly catalog: Catalog) {}

  private rulesReading(checklist: string, question: string): { rule: CatalogRule; test: Predicate }[] {
    const key = `${checklist}/${question}`;
    let rules = this.byQuestion.get(key);
    if (rules === undefined) {
      rules = (this.catalog.rulesByChecklist.get(checklist) ?? [])
        .filter((r) => r.questions.includes(question))
        .map((rule) => ({ rule, test: compileCondition(rule.rule.conditions) }));
      this.byQuestion.set(key, rules);
    }
    return rules;
  }

  gapsIf(input: AssessmentInput, checklist: Checklist, question: Question, value: AnswerValue, now: Date = clockNow()): Foresight {
    const rules = this.rulesReading(checklist.id, question.id);
    const { questions: applicable } = applicableIn(checklist, input.profile);
    const withIt = ruleInputOf({ ...input, answers: { ...input.answers, [question.id]: { value, at: now.toISOString() } } }, applicable);
    if (rules.length === 0) return { reviewDate: withIt.reviewDate, rules: [] };
    const others = Object.fromEntries(Object.entries(input.answers).filter(([id]) => id !== question.id));
    const without = { ...ruleInputOf({ ...input, answers: others }, applicable), reviewDate: withIt.reviewDate };
    return { reviewDate: withIt.reviewDate, rules: rules.filter((r) => r.test(withIt) && !r.test(without)).map((r) => r.rule) };
  }
}
