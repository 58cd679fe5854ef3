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
