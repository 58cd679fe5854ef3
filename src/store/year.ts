import { m as tr } from '../ui/i18n.js';
import { UsageError } from '../errors.js';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function checkYear(raw: string | number): number {
  const year = typeof raw === 'number' ? raw : /^\d{4}$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new UsageError(tr().e_badYearRange(String(raw), MIN_YEAR, MAX_YEAR));
  }
  return year;
}
