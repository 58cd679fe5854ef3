import type { LocalizedText } from '../catalog/schema.js';
import { en } from './messages/en.js';
import { sv, type Messages } from './messages/sv.js';

export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function text(value: LocalizedText, lang: Lang): string {
  return value[lang].normalize('NFC');
}

const CATALOGUES: Record<Lang, Messages> = { sv, en };

/** The keys whose message is a plain text (the others take parameters: use `msg(lang).key(…)`). */
export type MessageKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

/** The message catalogue of a language: `msg(lang).q_progress(3, 7, 40)`. */
export function msg(lang: Lang): Messages {
  return CATALOGUES[lang];
}

export function t(key: MessageKey, lang: Lang): string {
  return CATALOGUES[lang][key] as string;
}

/** A decimal number as the language writes it: "2,5" in Swedish, "2.5" in English. */
export function decimal(value: number | string, lang: Lang): string {
  return String(value).replace('.', CATALOGUES[lang].decimalMark);
}

let processLang: Lang = 'sv';

/**
 * The language of this run of the CLI, for the few texts made far from a command's context
 * (errors thrown in the store, commander's own messages). Set once from --lang; Swedish otherwise.
 */
export function setOutputLang(lang: Lang): void {
  processLang = lang;
}

export function outputLang(): Lang {
  return processLang;
}

/** The messages of this run's language (see outputLang). */
export const m = (): Messages => CATALOGUES[processLang];

const STATUS_ANSWER: Record<string, LocalizedText> = {
  ja: { sv: 'Ja', en: 'Yes' },
  delvis: { sv: 'Delvis', en: 'Partly' },
  nej: { sv: 'Nej', en: 'No' },
  ej_tillamplig: { sv: 'Ej tillämplig', en: 'Not applicable' },
};

export function statusAnswerLabel(value: string, lang: Lang): string {
  const label = STATUS_ANSWER[value];
  return label === undefined ? value : label[lang];
}

/**
 * "6 av 8 tjänster klara, 1 pågår, 1 ej påbörjad": how much a figure rests on, said everywhere;
 * counted in reviews ("7 av 9 granskningar klara") where the organisation's own review is one.
 */
export function reviewSummary(counts: { services: number; klar: number; pågår: number; ej_påbörjad: number }, lang: Lang, noun: 'services' | 'reviews' = 'services'): string {
  const l = CATALOGUES[lang];
  const word = noun === 'services' ? l.review_services(counts.services) : l.review_reviews(counts.services);
  return l.review_summary(counts.klar, counts.services, word, counts.pågår, counts.ej_påbörjad);
}

/** A service's own review state: "klar", "pågår (12 av 40)" ("pågår 12/40" in tables), "ej påbörjad". */
export function reviewStateLabel(review: { state: 'klar' | 'pågår' | 'ej_påbörjad'; answered: number; applicable: number }, lang: Lang, short = false): string {
  const label = t(`review_${review.state}`, lang);
  if (review.state !== 'pågår') return label;
  return short ? `${label} ${review.answered}/${review.applicable}` : `${label} (${CATALOGUES[lang].report_of(review.answered, review.applicable)})`;
}
