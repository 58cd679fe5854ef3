import { NO_CONTROL_CHARACTERS } from '../io/text.js';
import { MAX_TEXT } from './limits.js';
import type { AnswerFile } from './schema.js';

/**
 * A fast check of a parsed answer file, for the commands that read thousands of them: it accepts
 * only what the zod schema (AnswerFile) accepts — never more — so a file it accepts needs no zod
 * run; anything it cannot vouch for goes to zod, which then gives the exact error. A property
 * test holds it to that (test/fast-check.test.ts).
 */

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isDateAndTime = (y: number, month: number, day: number, h: number, mi: number, s: number): boolean => {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && !leap ? 28 : DAYS[month - 1]!)) return false;
  return h <= 23 && mi <= 59 && s <= 59;
};

/** The digits of `v` from `at`, `n` of them; -1 when one is not a digit. */
function digits(v: string, at: number, n: number): number {
  let value = 0;
  for (let i = at; i < at + n; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** `2025-10-13T09:00:00.000Z`, the form the tool writes, checked without a match object. */
function isWrittenMoment(v: string): boolean {
  if (v.length !== 24 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 46 || v.charCodeAt(23) !== 90) return false;
  const y = digits(v, 0, 4), mo = digits(v, 5, 2), d = digits(v, 8, 2), h = digits(v, 11, 2), mi = digits(v, 14, 2), s = digits(v, 17, 2);
  return y >= 0 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && s >= 0 && digits(v, 20, 3) >= 0 && isDateAndTime(y, mo, d, h, mi, s);
}

function isMoment(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  if (isWrittenMoment(v)) return true;
  const m = MOMENT.exec(v);
  if (m === null) return false;
  const [, y, mo, d, h, mi, s, oh, om] = m;
  if (!isDateAndTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s))) return false;
  return oh === undefined || (Number(oh) <= 23 && Number(om) <= 59);
}

const isText = (v: unknown): v is string => typeof v === 'string' && NO_CONTROL_CHARACTERS.test(v);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

const ANSWER_KEYS = new Set(['value', 'comment', 'evidence', 'by', 'at']);

function isAnswer(v: unknown, extra?: string): boolean {
  if (!isPlainObject(v)) return false;
  for (const k in v) if (!ANSWER_KEYS.has(k) && k !== extra) return false;
  const { value, comment, evidence, by, at } = v;
  if (!(typeof value === 'number' ? Number.isFinite(value) : isText(value))) return false;
  if (comment !== undefined && !(isText(comment) && comment.length <= MAX_TEXT.comment)) return false;
  if (evidence !== undefined && !(isText(evidence) && evidence.length <= MAX_TEXT.evidence)) return false;
  return isText(by) && by.length > 0 && isMoment(at);
}

const FILE_KEYS = new Set(['service', 'year', 'catalog', 'answers', 'history']);

export function isPlainAnswerFile(v: unknown): v is AnswerFile {
  if (!isPlainObject(v)) return false;
  for (const k in v) if (!FILE_KEYS.has(k)) return false;
  const { service, year, catalog, answers, history } = v;
  if (typeof service !== 'string' || service.length === 0) return false;
  if (typeof year !== 'number' || !Number.isSafeInteger(year)) return false;
  if (catalog !== undefined) {
    if (!isPlainObject(catalog)) return false;
    for (const k in catalog) if (typeof catalog[k] !== 'string') return false;
  }
  if (!isPlainObject(answers)) return false;
  for (const k in answers) if (!isAnswer(answers[k])) return false;
  if (!Array.isArray(history)) return false;
  for (const h of history) {
    if (!isAnswer(h, 'question')) return false;
    const q = (h as Record<string, unknown>)['question'];
    if (typeof q !== 'string' || q.length === 0) return false;
  }
  return true;
}
