/** The same day n months later (n < 0: earlier), clamped to the end of a shorter month. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

const monthsBeforeCache = new Map<string, string>();

/** The same day n months earlier; rules ask this of the same few review dates again and again. */
export function monthsBefore(isoDate: string, months: number): string {
  const key = `${isoDate}|${months}`;
  let date = monthsBeforeCache.get(key);
  if (date === undefined) {
    date = addMonths(isoDate, -months);
    if (monthsBeforeCache.size > 10_000) monthsBeforeCache.clear();
    monthsBeforeCache.set(key, date);
  }
  return date;
}

/** Whole months from one date to a later one, as the rules count them: the largest n with addMonths(from, n) ≤ to. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [y1, m1] = from.split('-').map(Number) as [number, number];
  const [y2, m2] = to.split('-').map(Number) as [number, number];
  let n = (y2 - y1) * 12 + (m2 - m1);
  while (n > 0 && addMonths(from, n) > to) n--;
  return Math.max(n, 0);
}
