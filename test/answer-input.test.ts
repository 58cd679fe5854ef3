import { describe, expect, it } from 'vitest';
import { Question } from '../src/catalog/schema.js';
import { dateProblem, latestPastDate, parseAnswerInput } from '../src/catalog/values.js';
import { wholeMonthsBetween } from '../src/engine/dates.js';
import { resumeCommand } from '../src/questionnaire/session.js';

const base = { text: { sv: 'F?', en: 'Q?' }, help: { sv: 'H', en: 'H' }, legal: false, references: ['R'] };
const share = Question.parse({ ...base, id: 'KP6.2', type: 'number', min: 0, max: 100, unit: { sv: '%', en: '%' } });
const count = Question.parse({ ...base, id: 'DRI.4', type: 'number', min: 0, integer: true, unit: { sv: 'st', en: 'incidents' } });
const hours = Question.parse({ ...base, id: 'KON.4', type: 'number', min: 0 });
const reviewed = Question.parse({ ...base, id: 'BEH.3', type: 'date', notAfterReview: true });
const planned = Question.parse({ ...base, id: 'BEH.9', type: 'date' });
const value = (q: Question, raw: string, year?: number, now?: Date) => parseAnswerInput(q, raw, year === undefined ? undefined : { year, now });

describe('typed numbers', () => {
  it.each([['85 %', 85], ['85%', 85], ['85 procent', 85], ['85 Procent', 85], ['3,5', 3.5], [' 12 ', 12]])('%j is %d', (raw, n) => {
    expect(value(share, raw)).toEqual({ value: n });
  });
  it('takes the unit the question counts in, and nothing else', () => {
    expect(value(count, '7 st')).toEqual({ value: 7 });
    expect(value(count, '7 incidents')).toEqual({ value: 7 });
    expect(value(count, '7 %')).toEqual({ error: 'DRI.4 ska besvaras med ett tal' });
    expect(value(hours, '24 %')).toEqual({ error: 'KON.4 ska besvaras med ett tal' });
    expect(value(count, '3,5')).toEqual({ error: 'DRI.4 ska besvaras med ett heltal' });
    expect(value(share, '%')).toEqual({ error: 'KP6.2 ska besvaras med ett tal' });
    expect(value(share, '0x10')).toEqual({ error: 'KP6.2 ska besvaras med ett tal' });
  });
});

describe('typed dates', () => {
  it.each([
    ['2025-13-01', 'månad 13 finns inte'],
    ['2025-00-10', 'månad 0 finns inte'],
    ['2025-02-30', '30 februari finns inte'],
    ['2025-04-31', '31 april finns inte'],
    ['2025-02-29', '29 februari 2025 finns inte (inget skottår)'],
    ['2025-01-32', 'dag 32 finns inte'],
    ['14/3', 'skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-14'],
    ['2025-3-14', 'skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-14'],
  ])('%s: %s', (raw, message) => {
    expect(dateProblem(raw)).toBe(message);
  });
  it('accepts real dates, a leap day included', () => {
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem('2025-12-31')).toBeUndefined();
  });

  const now = new Date('2026-06-15T10:00:00Z');
  it('refuses a date after the review for something that has happened: after today, or after an earlier year', () => {
    expect(latestPastDate(2026, now)).toEqual({ date: '2026-06-15', label: 'i dag' });
    expect(latestPastDate(2025, now)).toEqual({ date: '2025-12-31', label: 'granskningsårets sista dag' });
    expect(value(reviewed, '2026-06-15', 2026, now)).toEqual({ value: '2026-06-15' });
    expect(value(reviewed, '2026-06-16', 2026, now)).toEqual({ error: 'BEH.3 gäller något som redan har hänt: 2026-06-16 ligger efter 2026-06-15 (i dag)' });
    expect(value(reviewed, '2026-01-10', 2025, now)).toEqual({ error: 'BEH.3 gäller något som redan har hänt: 2026-01-10 ligger efter 2025-12-31 (granskningsårets sista dag)' });
    expect(value(planned, '2027-01-10', 2026, now)).toEqual({ value: '2027-01-10' });
  });
});

describe('months of age', () => {
  it('counts whole months as the rules do', () => {
    expect(wholeMonthsBetween('2024-09-30', '2025-11-30')).toBe(14);
    expect(wholeMonthsBetween('2024-09-30', '2025-11-29')).toBe(13);
    expect(wholeMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(wholeMonthsBetween('2025-11-20', '2025-12-01')).toBe(0);
  });
});

describe('the resume line', () => {
  it('gives back what was given, quoted for the shell', () => {
    expect(resumeCommand({ year: 2025, service: 'webb' })).toBe('efterlev assess --year 2025 --service webb');
    expect(
      resumeCommand({ year: 2025, service: 'webb', checklist: 'itsak', control: 'LOG', all: true, reviewer: 'Anna Berg', dir: '/srv/efter lev', lang: 'en' }),
    ).toBe("efterlev assess --year 2025 --service webb --checklist itsak --control LOG --all --reviewer 'Anna Berg' --dir '/srv/efter lev' --lang en");
    expect(resumeCommand({ year: 2025, service: 'webb', reviewer: "O'Brien; rm -rf ~" })).toBe("efterlev assess --year 2025 --service webb --reviewer 'O'\\''Brien; rm -rf ~'");
  });
});
