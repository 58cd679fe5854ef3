import type { CatalogRule } from '../catalog/load.js';
import { appliesTo, type ServiceProfile } from '../catalog/profile.js';
import type { Checklist, Control, LocalizedText, Question } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import { msg } from '../ui/i18n.js';

/**
 * Gaps that come from how a question was answered rather than from a catalogue rule: the same
 * for every catalogue, so they are built in. Each has a stable name per question, so the action
 * keeps its id from year to year like any rule's.
 *
 * - `<Q>-ej-tillamplig-mot-registret`: "ej tillämplig" on a question the register says applies
 *   (its appliesWhen holds on known register values). Scored as nej, so it never raises a score.
 * - `<Q>-underlag-saknas`: a legal requirement answered "ja" with no evidence named.
 */
export type AnswerGapKind = 'ej-tillamplig-mot-registret' | 'underlag-saknas';

const FIELD_TEXT: Record<string, LocalizedText> = {
  personalData: { sv: 'behandlar personuppgifter', en: 'processes personal data' },
  sensitiveData: { sv: 'behandlar känsliga personuppgifter', en: 'processes sensitive personal data' },
  thirdCountry: { sv: 'överför personuppgifter till tredje land', en: 'transfers personal data to a third country' },
  hasSupplier: { sv: 'har en extern leverantör', en: 'has an external supplier' },
};

/** What the register says of the service that makes the question apply: "behandlar personuppgifter och …". */
export function conditionText(q: Question, lang: 'sv' | 'en'): string {
  return (q.appliesWhen ?? [])
    .map((c) => {
      if ('equals' in c) {
        const text = FIELD_TEXT[c.field]![lang];
        return c.equals ? text : `${msg(lang).explain_not} ${text}`;
      }
      const aspect = c.field.slice('classification.'.length);
      return msg(lang).ag_classification(aspect, c.min);
    })
    .join(` ${msg(lang).q_and} `);
}

/** Whether the register says the question applies: it has conditions, and they hold on what the register knows. */
export function registerSaysApplies(question: Question, profile: ServiceProfile): boolean {
  const conditions = question.appliesWhen ?? [];
  if (conditions.length === 0 || !appliesTo(question, profile)) return false;
  return conditions.every((c) => ('equals' in c ? profile.known[c.field] : profile.known.classification));
}

/**
 * "Ej tillämplig" on a question the register says applies needs a motivation (product rule):
 * the reason to show when one is needed for this value, undefined when it is not.
 */
export function motivationReason(question: Question, profile: ServiceProfile, value: AnswerValue): string | undefined {
  if (value !== 'ej_tillamplig' || !registerSaysApplies(question, profile)) return undefined;
  return `enligt tjänsteregistret gäller ${question.id} tjänsten (tjänsten ${conditionText(question, 'sv')})`;
}

const cache = new Map<string, CatalogRule>();

function builtinRule(checklist: Checklist, control: Control, question: Question, kind: AnswerGapKind): CatalogRule {
  const key = `${checklist.id}/${question.id}/${kind}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const refs = question.references.join('; ');
  const params =
    kind === 'ej-tillamplig-mot-registret'
      ? {
          severity: 'mellan' as const,
          finding: {
            sv: `${question.id} är besvarad Ej tillämplig, men enligt tjänsteregistret gäller frågan (tjänsten ${conditionText(question, 'sv')}).`,
            en: `${question.id} is answered Not applicable, but by the service register the question applies (the service ${conditionText(question, 'en')}).`,
          },
          action: {
            sv: `Besvara ${question.id} med Ja, Delvis eller Nej, eller rätta tjänsteregistret om uppgiften där är fel (efterlev service set).`,
            en: `Answer ${question.id} with Yes, Partly or No, or correct the service register if it is wrong (efterlev service set).`,
          },
          reference: refs,
          deadlineMonths: 3,
        }
      : {
          severity: 'liten' as const,
          finding: {
            sv: `${question.id} är ett lagkrav och besvarat Ja utan underlag.`,
            en: `${question.id} is a legal requirement answered Yes without evidence.`,
          },
          action: {
            sv: `Ange underlaget som visar att kravet är uppfyllt (dokument, diarienummer eller länk) i svaret på ${question.id}.`,
            en: `Name the evidence that shows the requirement is met (document, registration number or link) in the answer to ${question.id}.`,
          },
          reference: refs,
          deadlineMonths: 3,
        };
  const rule: CatalogRule = {
    checklist: checklist.id,
    control: control.id,
    rule: { name: `${question.id}-${kind}`, conditions: { all: [] }, event: { type: 'gap', params }, examples: { fires: [], passes: [] } },
    file: '(inbyggd kontroll)',
    pointer: '',
    questions: [question.id],
    builtin: kind,
  };
  cache.set(key, rule);
  return rule;
}

export interface AnsweredInput {
  profile: ServiceProfile;
  answers: Readonly<Record<string, { value: AnswerValue; evidence?: string | undefined }>>;
}

/** The answer gaps of one control's applicable questions. */
export function answerGaps(checklist: Checklist, control: Control, applicable: readonly Question[], input: AnsweredInput): { rule: CatalogRule; severity: 'mellan' | 'liten' }[] {
  const gaps: { rule: CatalogRule; severity: 'mellan' | 'liten' }[] = [];
  for (const q of applicable) {
    const answer = input.answers[q.id];
    if (answer === undefined) continue;
    if (answer.value === 'ej_tillamplig' && registerSaysApplies(q, input.profile)) {
      gaps.push({ rule: builtinRule(checklist, control, q, 'ej-tillamplig-mot-registret'), severity: 'mellan' });
    } else if (q.legal && answer.value === 'ja' && !answer.evidence?.trim()) {
      gaps.push({ rule: builtinRule(checklist, control, q, 'underlag-saknas'), severity: 'liten' });
    }
  }
  return gaps;
}
