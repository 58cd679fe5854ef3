import { STATUS_VALUES, type Question } from './schema.js';

export type AnswerValue = string | number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The values a status or choice question allows, in the order they are offered. */
export function allowedValues(question: Question): readonly string[] | undefined {
  if (question.type === 'status') return STATUS_VALUES;
  if (question.type === 'choice') return question.options.map((o) => o.value);
  return undefined;
}

/** Why a stored value is not a valid answer to the question, or undefined when it is. */
export function valueProblem(question: Question, value: unknown): string | undefined {
  switch (question.type) {
    case 'status':
    case 'choice': {
      const allowed = allowedValues(question) ?? [];
      return typeof value === 'string' && allowed.includes(value)
        ? undefined
        : `${JSON.stringify(value)} är inte ett tillåtet svar på ${question.id}; tillåtna: ${allowed.join(', ')}`;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${question.id} ska besvaras med ett tal`;
      if (question.integer && !Number.isInteger(value)) return `${question.id} ska besvaras med ett heltal`;
      if (question.min !== undefined && value < question.min) return `${question.id}: ${value} är mindre än ${question.min}`;
      if (question.max !== undefined && value > question.max) return `${question.id}: ${value} är större än ${question.max}`;
      return undefined;
    }
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? undefined : `${question.id} ska besvaras med ett datum, ÅÅÅÅ-MM-DD`;
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? undefined : `${question.id} ska besvaras med en text`;
  }
}

const STATUS_ALIASES: Record<string, string> = {
  'ej tillämplig': 'ej_tillamplig',
  ej_tillämplig: 'ej_tillamplig',
  'ej-tillamplig': 'ej_tillamplig',
  et: 'ej_tillamplig',
};

/**
 * Turns what a user typed (`Q=VALUE` on the command line, a CSV cell) into a stored value.
 * Returns the value, or a message that says what the question accepts.
 */
export function parseAnswerInput(question: Question, raw: string): { value: AnswerValue } | { error: string } {
  const text = raw.normalize('NFC').trim();
  let value: AnswerValue = text;
  if (question.type === 'status' || question.type === 'choice') {
    const lower = text.toLowerCase();
    value = STATUS_ALIASES[lower] ?? lower;
  } else if (question.type === 'number') {
    const n = Number(text.replace(',', '.'));
    value = text === '' ? Number.NaN : n;
  }
  const problem = valueProblem(question, value);
  return problem === undefined ? { value } : { error: problem };
}
