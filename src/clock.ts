/**
 * The time the tool runs at. EFTERLEV_NOW (an ISO date-time) fixes it, so that scenario tests and
 * demonstrations of a past season give the same results on any day.
 */
export function now(): Date {
  const fixed = process.env['EFTERLEV_NOW'];
  if (fixed !== undefined && fixed !== '') {
    const d = new Date(fixed);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

export const currentYear = (): number => now().getFullYear();
