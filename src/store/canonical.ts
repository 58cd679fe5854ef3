const NATURAL = /^([A-Z]+)(\d*)\.(\d+)$/;

/** Question ids in natural order: KP2.1 before KP10.1, LOG.2 before LOG.10. */
export function compareIds(a: string, b: string): number {
  const x = NATURAL.exec(a);
  const y = NATURAL.exec(b);
  if (x === null || y === null) return a < b ? -1 : a > b ? 1 : 0;
  return (
    (x[1]! < y[1]! ? -1 : x[1]! > y[1]! ? 1 : 0) ||
    Number(x[2] || 0) - Number(y[2] || 0) ||
    Number(x[3]) - Number(y[3])
  );
}

export function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareIds(a, b)));
}

/** The one way the store writes JSON: two-space indent, trailing newline. Key order is the caller's. */
export function stringify(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
