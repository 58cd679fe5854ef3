/** Question ids in natural order: KP2.1 before KP10.1, LOG.2 before LOG.10. */
export const compareIds = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

export function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareIds(a, b)));
}

/** The one way the store writes JSON: two-space indent, trailing newline. Key order is the caller's. */
export function stringify(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
