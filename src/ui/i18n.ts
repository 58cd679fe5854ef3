import type { LocalizedText } from '../catalog/schema.js';

export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function text(value: LocalizedText, lang: Lang): string {
  return value[lang].normalize('NFC');
}

const MESSAGES = {
  status_enligt_plan: { sv: 'Enligt plan', en: 'On track' },
  status_mellan: { sv: 'Avvikelse – mellan/liten', en: 'Deviation – medium/minor' },
  status_stor: { sv: 'Avvikelse – stor', en: 'Deviation – major' },
  status_ej_bedomd: { sv: 'ej bedömd', en: 'not assessed' },
  review_klar: { sv: 'klar', en: 'done' },
  review_pågår: { sv: 'pågår', en: 'in progress' },
  review_ej_påbörjad: { sv: 'ej påbörjad', en: 'not started' },
  severity_stor: { sv: 'stor', en: 'major' },
  severity_mellan: { sv: 'mellan', en: 'medium' },
  severity_liten: { sv: 'liten', en: 'minor' },
  control: { sv: 'Kontroll', en: 'Control' },
  score: { sv: 'Poäng', en: 'Score' },
  status: { sv: 'Status', en: 'Status' },
  answered: { sv: 'Besvarade', en: 'Answered' },
  gaps: { sv: 'Brister', en: 'Gaps' },
  service: { sv: 'Tjänst', en: 'Service' },
  notAssessed: { sv: 'ej bedömd', en: 'not assessed' },
  organisation: { sv: 'Organisationen', en: 'Organisation' },
  year: { sv: 'År', en: 'Year' },
  changeSince: { sv: 'Sedan', en: 'Since' },
  overviewTitle: { sv: 'Efterlevnadskontroll', en: 'Compliance review' },
  question: { sv: 'Fråga', en: 'Question' },
  answer: { sv: 'Svar', en: 'Answer' },
  comment: { sv: 'Kommentar', en: 'Comment' },
  evidence: { sv: 'Underlag', en: 'Evidence' },
  by: { sv: 'Av', en: 'By' },
  at: { sv: 'Datum', en: 'Date' },
  historyCount: { sv: 'tidigare värden i historiken', en: 'earlier values in the history' },
  notApplicableHere: { sv: 'gäller inte tjänsten', en: 'does not apply to the service' },
  id: { sv: 'Id', en: 'Id' },
  name: { sv: 'Namn', en: 'Name' },
  owner: { sv: 'Ansvarig', en: 'Owner' },
  supplier: { sv: 'Leverantör', en: 'Supplier' },
  personalData: { sv: 'Personuppg.', en: 'Personal data' },
  classification: { sv: 'Klassning', en: 'Classification' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  sensitive: { sv: 'känsliga', en: 'sensitive' },
  thirdCountry: { sv: 'tredje land', en: 'third country' },
} as const satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

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

/** "6 av 8 tjänster klara, 1 pågår, 1 ej påbörjad": how much a figure rests on, said everywhere. */
export function reviewSummary(counts: { services: number; klar: number; pågår: number; ej_påbörjad: number }, lang: Lang, noun: { sv: [string, string]; en: [string, string] } = { sv: ['tjänst', 'tjänster'], en: ['service', 'services'] }): string {
  const word = (n: number) => (n === 1 ? noun[lang][0] : noun[lang][1]);
  return lang === 'sv'
    ? `${counts.klar} av ${counts.services} ${word(counts.services)} klara, ${counts.pågår} pågår, ${counts.ej_påbörjad} ej påbörjade`.replace(/ 1 ej påbörjade$/, ' 1 ej påbörjad')
    : `${counts.klar} of ${counts.services} ${word(counts.services)} done, ${counts.pågår} in progress, ${counts.ej_påbörjad} not started`;
}

/** A service's own review state: "klar", "pågår (12 av 40)" ("pågår 12/40" in tables), "ej påbörjad". */
export function reviewStateLabel(review: { state: 'klar' | 'pågår' | 'ej_påbörjad'; answered: number; applicable: number }, lang: Lang, short = false): string {
  const label = t(`review_${review.state}`, lang);
  if (review.state !== 'pågår') return label;
  return short ? `${label} ${review.answered}/${review.applicable}` : `${label} (${review.answered} ${lang === 'sv' ? 'av' : 'of'} ${review.applicable})`;
}
