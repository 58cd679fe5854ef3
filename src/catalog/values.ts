import { m as messages } from '../ui/i18n.js';
import { now as clockNow } from '../clock.js';
import { STATUS_VALUES, type Question } from './schema.js';

export type AnswerValue = string | number;
type NumberQuestion = Extract<Question, { type: 'number' }>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** What is wrong with a typed date, said so that it can be fixed; undefined for a real YYYY-MM-DD date. */
export function dateProblem(value: string): string | undefined {
  const m = ISO_DATE.exec(value);
  const t = messages();
  if (m === null) return t.v_dateFormat;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return t.v_noMonth(month);
  if (day < 1 || day > 31) return t.v_noDay(day);
  if (day > daysInMonth(year, month)) {
    return month === 2 && day === 29 ? t.v_noLeapDay(year) : t.v_noSuchDate(day, month);
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
  return today < end ? { date: today, label: messages().v_today } : { date: end, label: messages().v_yearEnd };
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
        : messages().v_notAllowed(JSON.stringify(value), question.id, allowed);
    }
    case 'number': {
      const t = messages();
      if (typeof value !== 'number' || !Number.isFinite(value)) return t.v_number(question.id);
      if (question.integer && !Number.isInteger(value)) return t.v_integer(question.id);
      if (question.min !== undefined && value < question.min) return t.v_min(question.id, value, question.min);
      if (question.max !== undefined && value > question.max) return t.v_max(question.id, value, question.max);
      return undefined;
    }
    case 'date': {
      if (typeof value !== 'string') return messages().v_date(question.id);
      const problem = dateProblem(value);
      return problem === undefined ? undefined : `${question.id}: ${problem}`;
    }
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? undefined : messages().v_text(question.id);
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
      return { error: messages().v_happened(question.id, String(value), latest.date, latest.label) };
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
