/**
 * The pieces every three-way merge of a workspace file is made of: the identity of an entry (all
 * its fields equal), the union of two lists that grew from one base, and the decision for one keyed
 * entry (a question, an action, an incident, a service) that may have changed on either side.
 *
 * Every rule here is symmetric: merging B into A and A into B gives the same file, so two
 * reviewers who merge each other's branches end up with the same text and never conflict again
 * over what they have already merged.
 */

/** One merge decision worth telling the user (printed on stderr by `efterlev git merge-file`). */
export type Notes = string[];

export type Merged<T> = { ok: true; value: T; notes: Notes } | { ok: false; reason: string };

export const cannotMerge = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** A value as text with every object's keys sorted: two entries are the same when these are equal. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const sameEntry = (a: unknown, b: unknown): boolean => (a === undefined || b === undefined ? a === b : stableKey(a) === stableKey(b));

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Which of two versions is the later: by `at` (as a moment, so offsets compare right), and at
 * the very same moment by a fixed order of the versions' text, so the choice never depends on
 * which side is ours. Negative: `a` is the later.
 */
export function laterFirst(a: { at: string }, b: { at: string }): number {
  return Date.parse(b.at) - Date.parse(a.at) || byCodePoint(stableKey(b), stableKey(a));
}

/**
 * The union of two lists that both grew from `base` (a history, the observations): an entry is
 * the same when all its fields are equal, and it stands as many times as it does on the side
 * that has it most often, so nothing either side has is lost and nothing both have is doubled.
 * Entries in the base keep the base's order; the rest (and `extra`, e.g. an answer that lost a
 * conflict) follow in `order` (see `byTime`), and at last by their text.
 */
export function unite<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[], order: (a: T, b: T) => number, extra: readonly T[] = []): T[] {
  const entries = new Map<string, T>();
  const count = (list: readonly T[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const entry of list) {
      const key = stableKey(entry);
      if (!entries.has(key)) entries.set(key, entry);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const o = count(ours);
  const t = count(theirs);
  const x = count(extra);
  const wanted = new Map<string, number>();
  for (const key of entries.keys()) wanted.set(key, Math.max(o.get(key) ?? 0, t.get(key) ?? 0, Math.min(x.get(key) ?? 0, 1)));
  const result: T[] = [];
  for (const entry of base) {
    const key = stableKey(entry);
    const left = wanted.get(key) ?? 0;
    if (left > 0) {
      result.push(entry);
      wanted.set(key, left - 1);
    }
  }
  const rest = [...wanted].flatMap(([key, n]) => Array.from({ length: n }, () => ({ key, entry: entries.get(key)! })));
  rest.sort((a, b) => order(a.entry, b.entry) || byCodePoint(a.key, b.key));
  return [...result, ...rest.map((r) => r.entry)];
}

/** Entries in time order (`at` as a moment), then by the name of what they are about: a question, an action. */
export function byTime<T>(timeOf: (entry: T) => string, subjectOf: (entry: T) => string): (a: T, b: T) => number {
  return (a, b) => Date.parse(timeOf(a)) - Date.parse(timeOf(b)) || byCodePoint(subjectOf(a), subjectOf(b));
}

/** What became of one keyed entry in a three-way merge. */
export type Decision<T> =
  | { kind: 'kept'; value: T | undefined }
  /** Changed on one side and removed on the other: the changed one is kept. */
  | { kind: 'changed-over-removed'; value: T; removedBy: 'ours' | 'theirs' }
  /** Changed differently on both sides (or added differently on both). */
  | { kind: 'both'; ours: T; theirs: T };

/**
 * The three-way decision for one entry: the same on both sides, or changed on one side only,
 * takes that side (a removal too); changed on both sides is for the caller to settle.
 */
export function decide<T>(base: T | undefined, ours: T | undefined, theirs: T | undefined, same: (a: T | undefined, b: T | undefined) => boolean = sameEntry): Decision<T> {
  if (same(ours, theirs)) return { kind: 'kept', value: ours };
  if (same(ours, base)) return { kind: 'kept', value: theirs };
  if (same(theirs, base)) return { kind: 'kept', value: ours };
  if (ours === undefined) return { kind: 'changed-over-removed', value: theirs!, removedBy: 'ours' };
  if (theirs === undefined) return { kind: 'changed-over-removed', value: ours, removedBy: 'theirs' };
  return { kind: 'both', ours, theirs };
}

/** Every key of the records, in code-point order (the canonical writers sort again). */
export function keysOf(...records: readonly (Readonly<Record<string, unknown>> | undefined)[]): string[] {
  return [...new Set(records.flatMap((r) => (r === undefined ? [] : Object.keys(r))))].sort(byCodePoint);
}

/** A list of entries with ids as a record by id (the lists are checked for duplicate ids when parsed). */
export function byId<T>(list: readonly T[] | undefined, id: (entry: T) => string): Record<string, T> | undefined {
  return list === undefined ? undefined : Object.fromEntries(list.map((e) => [id(e), e]));
}

/** A moment as a reader wants it in a note: 2025-11-02 10:00 (UTC, as stored). */
export const shortMoment = (at: string): string => new Date(Date.parse(at)).toISOString().slice(0, 16).replace('T', ' ');
