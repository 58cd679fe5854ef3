import type { Catalog } from '../catalog/load.js';
import { appliesTo } from '../catalog/profile.js';
import type { ConditionNode } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import type { AssessmentInput } from '../engine/assess.js';
import { monthsBefore } from '../engine/dates.js';
import type { RuleInput } from '../engine/input.js';
import { answerPoints } from '../engine/score.js';
import { reviewDateOf } from '../engine/assess.js';
import { checklistsFor } from '../store/answers.js';
import { EMPTY_INCIDENT_FACTS } from '../incidents/facts.js';

/** The simplest evaluator there is: the rule JSON walked directly, every time. The benchmark's yardstick. */
function fact(name: string, params: Record<string, unknown> | undefined, path: string | undefined, input: RuleInput): unknown {
  if (name === 'answer' || name === 'previous') {
    const values = name === 'answer' ? input.answers : input.previous;
    const q = params!['question'] as string;
    return Object.hasOwn(values, q) ? values[q] : null;
  }
  if (name === 'service' || name === 'incidents') return path!.slice(2).split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], name === 'service' ? input.service : input.incidents);
  if (name === 'year') return input.year;
  return monthsBefore(input.reviewDate, (params?.['monthsBack'] as number | undefined) ?? 0);
}

function holds(node: ConditionNode, input: RuleInput): boolean {
  if (node.all) return node.all.every((c) => holds(c, input));
  if (node.any) return node.any.some((c) => holds(c, input));
  if (node.not) return !holds(node.not, input);
  const a = fact(node.fact!, node.params, node.path, input);
  const v = node.value;
  const ref = typeof v === 'object' && v !== null && !Array.isArray(v) && 'fact' in v ? (v as { fact: string; params?: Record<string, unknown>; path?: string }) : undefined;
  const b = ref ? fact(ref.fact, ref.params, ref.path, input) : v;
  switch (node.operator) {
    case 'equal': return a === b;
    case 'notEqual': return a !== null && a !== b;
    case 'in': return (b as unknown[]).includes(a);
    case 'notIn': return a !== null && !(b as unknown[]).includes(a);
    case 'lessThan': return typeof a === 'number' && a < (b as number);
    case 'lessThanInclusive': return typeof a === 'number' && a <= (b as number);
    case 'greaterThan': return typeof a === 'number' && a > (b as number);
    case 'greaterThanInclusive': return typeof a === 'number' && a >= (b as number);
    case 'dateBefore': return typeof a === 'string' && typeof b === 'string' && a < b;
    default: return typeof a === 'string' && typeof b === 'string' && a >= b;
  }
}

/** Rules and control scores for every input, in the plainest code: returns a checksum of the work. */
export function plainScore(catalog: Catalog, inputs: readonly AssessmentInput[]): number {
  let checksum = 0;
  for (const input of inputs) {
    for (const checklist of checklistsFor(catalog, input.service, input.year)) {
      const answers: Record<string, AnswerValue> = {};
      const previous: Record<string, AnswerValue> = {};
      for (const control of checklist.controls) {
        let sum = 0;
        let weights = 0;
        for (const q of control.questions) {
          if (!appliesTo(q, input.profile)) continue;
          const a = input.answers[q.id];
          if (a !== undefined) answers[q.id] = a.value;
          const p = input.previous[q.id];
          if (p !== undefined) previous[q.id] = p.value;
          const points = answerPoints(q, a?.value);
          if (points !== undefined) {
            sum += points * q.weight;
            weights += q.weight;
          }
        }
        checksum += weights === 0 ? 0 : sum / weights;
      }
      const ruleInput: RuleInput = { answers, previous, service: input.profile, year: input.year, reviewDate: reviewDateOf(input.year, input.answers), incidents: EMPTY_INCIDENT_FACTS };
      for (const r of catalog.rulesByChecklist.get(checklist.id) ?? []) if (holds(r.rule.conditions, ruleInput)) checksum += 1;
    }
  }
  return checksum;
}
