import { now as clockNow } from '../clock.js';
import { STATUS_VALUES, type Question } from './schema.js';

export type AnswerValue = string | number;
type NumberQuestion = Extract<Question, { type: 'number' }>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** What is wrong with a typed date, said so that it can be fixed; undefined for a real YYYY-MM-DD date. */
export function dateProblem(value: string): string | undefined {
  const m = ISO_DATE.exec(value);
  if (m === null) return 'skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-14';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `månad ${month} finns inte`;
  if (day < 1 || day > 31) return `dag ${day} finns inte`;
  if (day > daysInMonth(year, month)) {
    return month === 2 && day === 29 ? `29 februari ${year} finns inte (inget skottår)` : `${day} ${MONTHS_SV[month - 1]} finns inte`;
  }
  return undefined;
}

export function isIsoDate(value: string): boolean {
  return dateProblem(value) === undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Today as the reviewer sees it. Answers are stamped in UTC, but a reviewer in Sweden who types
 * today's date just after midnight must not be told it lies in the future: take the later of the two.
 */
export function todayOf(now: Date): string {
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const utc = now.toISOString().slice(0, 10);
  return local > utc ? local : utc;
}

/** The latest date a thing that has happened can have, answered now for a review year: today, or the year's last day. */
export function latestPastDate(year: number, now: Date = clockNow()): { date: string; label: string } {
  const today = todayOf(now);
  const end = `${year}-12-31`;
  return today < end ? { date: today, label: 'i dag' } : { date: end, label: 'granskningsårets sista dag' };
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
    case 'date': {
      if (typeof value !== 'string') return `${question.id} ska besvaras med ett datum, ÅÅÅÅ-MM-DD`;
      const problem = dateProblem(value);
      return problem === undefined ? undefined : `${question.id}: ${problem}`;
    }
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

/** The unit words a typed number may end with: the question's own unit, and for % also "procent". */
function unitSuffixes(question: NumberQuestion): string[] {
  if (question.unit === undefined) return [];
  const units = [question.unit.sv, question.unit.en].map((u) => u.trim().toLowerCase());
  return units.includes('%') ? [...units, 'procent', 'percent'] : units;
}

/** "3,5" → 3.5, "85 %" → 85 when the question counts in %, "7 st" → 7 when it counts in st; else NaN. */
function parseNumber(question: NumberQuestion, text: string): number {
  let s = text.replace(/\s+/g, ' ').trim();
  const lower = s.toLowerCase();
  const unit = unitSuffixes(question).find((u) => lower.endsWith(u) && lower.length > u.length);
  if (unit !== undefined) s = s.slice(0, s.length - unit.length).trim();
  s = s.replace(',', '.');
  return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** When the answer is given: its review year, and now (for a date that must not lie after the review). */
export interface AnswerContext {
  year: number;
  now?: Date | undefined;
}

/**
 * Turns what a user typed (`Q=VALUE` on the command line, a CSV cell, the questionnaire) into a
 * stored value. Returns the value, or a message that says what is wrong and what the question accepts.
 * With a context, a date about something that has happened (`notAfterReview`) may not lie after
 * the review: today, or the year's last day for an earlier year.
 */
export function parseAnswerInput(question: Question, raw: string, context?: AnswerContext): { value: AnswerValue } | { error: string } {
  const text = raw.normalize('NFC').trim();
  let value: AnswerValue = text;
  if (question.type === 'status' || question.type === 'choice') {
    const lower = text.toLowerCase();
    value = STATUS_ALIASES[lower] ?? lower;
  } else if (question.type === 'number') {
    value = parseNumber(question, text);
  }
  const problem = valueProblem(question, value);
  if (problem !== undefined) return { error: problem };
  if (question.type === 'date' && question.notAfterReview && context !== undefined) {
    const latest = latestPastDate(context.year, context.now);
    if ((value as string) > latest.date) {
      return { error: `${question.id} gäller något som redan har hänt: ${value} ligger efter ${latest.date} (${latest.label})` };
    }
  }
  return { value };
}

/**
 * A count over a period (the last twelve months) is never carried forward from last year: a
 * question that says so, or one the incident register answers.
 */
export function isPerPeriod(question: Question): boolean {
  return question.perPeriod === true || (question.type === 'number' && question.fromIncidents !== undefined);
}
