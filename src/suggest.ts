import { m } from './ui/i18n.js';
/**
 * "Menade du …?": the known id a mistyped one was most likely meant to be. Ids are compared
 * without case and (for question ids) without the dot, so `Telefoni` finds telefoni and `AVT1`
 * finds AVT.1; otherwise an id within two edits (a letter added, dropped, changed or two swapped).
 */

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

const simplify = (s: string): string => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The known ids closest to `given`: those equal to it but for case and punctuation, else those
 * within `maxDistance` edits (fewer for short ids, so that `ab` does not suggest everything).
 */
export function closest(given: string, known: readonly string[], maxDistance = 2): string[] {
  const g = simplify(given);
  if (g === '') return [];
  const same = known.filter((k) => simplify(k) === g);
  if (same.length > 0) return same;
  const limit = Math.min(maxDistance, Math.floor(g.length / 3));
  if (limit === 0) return [];
  const scored = known.map((k) => ({ k, d: Math.min(editDistance(given.toLowerCase(), k.toLowerCase()), editDistance(g, simplify(k))) })).filter((x) => x.d <= limit);
  const best = Math.min(...scored.map((x) => x.d));
  return scored.filter((x) => x.d === best).map((x) => x.k);
}

/** `Menade du telefoni?`, `Menade du AVT.1 eller AVT.2?`; undefined when nothing is close. */
export function didYouMean(given: string, known: readonly string[]): string | undefined {
  const found = closest(given, known);
  if (found.length === 0) return undefined;
  return m().e_didYouMean(found);
}
