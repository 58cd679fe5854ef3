import { m } from '../ui/i18n.js';
import type { Catalog } from '../catalog/load.js';
import { appliesTo } from '../catalog/profile.js';
import { parseAnswerInput, valueProblem, type AnswerContext, type AnswerValue } from '../catalog/values.js';
import { motivationReason } from '../engine/answer-gaps.js';
import { describeControlCharacter, normaliseLineBreaks } from '../io/text.js';
import { didYouMean } from '../suggest.js';
import { checklistsFor } from './answers.js';
import type { RegisteredService } from './register.js';
import { ORGANISATION_ID } from './schema.js';

export type ResolvedAnswer =
  | { ok: true; question: string; value: AnswerValue; applies: boolean }
  | { ok: false; error: string; missingMotivation?: true };

/** An answer as given from outside: its value, and the comment given with it. */
export interface GivenAnswer extends AnswerContext {
  comment?: string | undefined;
}

/**
 * Checks one answer given from outside (command line, CSV, JSON) against the service's
 * catalogue: the question must exist for it and the value be one the question allows.
 * Text is parsed as a user types it (`Delvis`, `3,5`); a JSON number is taken as it is.
 * "Ej tillämplig" where the register says the question applies is refused without a comment.
 */
export function resolveAnswer(catalog: Catalog, service: RegisteredService, questionId: string, raw: string | number, given: GivenAnswer): ResolvedAnswer {
  const id = questionId.trim().toUpperCase();
  const ref = catalog.questions.get(id);
  if (ref !== undefined && ref.checklist.appliesFrom !== undefined && given.year < ref.checklist.appliesFrom && ref.checklist.scope === (service.id === ORGANISATION_ID ? 'organisation' : 'service')) {
    return { ok: false, error: m().e_checklistFromLaterYear(id, ref.checklist.id, ref.checklist.appliesFrom, given.year) };
  }
  if (ref === undefined || !checklistsFor(catalog, service.id, given.year).some((c) => c.id === ref.checklist.id)) {
    const meant = didYouMean(id, checklistsFor(catalog, service.id, given.year).flatMap((c) => c.controls.flatMap((k) => k.questions.map((q) => q.id))));
    return { ok: false, error: `${m().e_unknownQuestion(id, service.id)}${meant ? ` (${meant})` : ''}` };
  }
  let value: AnswerValue;
  const control = typeof raw === 'string' ? describeControlCharacter(normaliseLineBreaks(raw)) : undefined;
  if (control !== undefined) return { ok: false, error: m().ans_controlIn(id, control) };
  if (typeof raw === 'number') {
    const problem = valueProblem(ref.question, raw);
    if (problem !== undefined) return { ok: false, error: problem };
    value = raw;
  } else {
    const parsed = parseAnswerInput(ref.question, normaliseLineBreaks(raw), given);
    if ('error' in parsed) return { ok: false, error: parsed.error };
    value = parsed.value;
  }
  const reason = motivationReason(ref.question, service.profile, value);
  if (reason !== undefined && !given.comment?.trim()) {
    return { ok: false, error: m().ans_needsMotivation(id, reason), missingMotivation: true };
  }
  return { ok: true, question: id, value, applies: appliesTo(ref.question, service.profile) };
}
