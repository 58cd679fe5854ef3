import type { Catalog } from '../catalog/load.js';
import { appliesTo } from '../catalog/profile.js';
import { parseAnswerInput, valueProblem, type AnswerValue } from '../catalog/values.js';
import { describeControlCharacter, normaliseLineBreaks } from '../io/text.js';
import { checklistsFor } from './answers.js';
import type { RegisteredService } from './register.js';

export type ResolvedAnswer = { ok: true; question: string; value: AnswerValue; applies: boolean } | { ok: false; error: string };

/**
 * Checks one answer given from outside (command line, CSV, JSON) against the service's
 * catalogue: the question must exist for it and the value be one the question allows.
 * Text is parsed as a user types it (`Delvis`, `3,5`); a JSON number is taken as it is.
 */
export function resolveAnswer(catalog: Catalog, service: RegisteredService, questionId: string, raw: string | number): ResolvedAnswer {
  const id = questionId.trim().toUpperCase();
  const ref = catalog.questions.get(id);
  if (ref === undefined || !checklistsFor(catalog, service.id).some((c) => c.id === ref.checklist.id)) {
    return { ok: false, error: `'${id}': okänd fråga för ${service.id}` };
  }
  let value: AnswerValue;
  const control = typeof raw === 'string' ? describeControlCharacter(normaliseLineBreaks(raw)) : undefined;
  if (control !== undefined) return { ok: false, error: `svaret på ${id} ${control}` };
  if (typeof raw === 'number') {
    const problem = valueProblem(ref.question, raw);
    if (problem !== undefined) return { ok: false, error: problem };
    value = raw;
  } else {
    const parsed = parseAnswerInput(ref.question, normaliseLineBreaks(raw));
    if ('error' in parsed) return { ok: false, error: parsed.error };
    value = parsed.value;
  }
  return { ok: true, question: id, value, applies: appliesTo(ref.question, service.profile) };
}
