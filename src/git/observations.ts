import { m } from '../ui/i18n.js';
import type { ObservationFile } from '../store/observations.js';
import { byTime, cannotMerge, unite, type Merged } from './core.js';

/**
 * Merges a year's special observations. They are only ever added, so the merge is their union:
 * the base's in its order, then those added on either side by time; one added on both sides
 * (every field the same) stands once.
 */
export function mergeObservationFiles(base: ObservationFile | undefined, ours: ObservationFile, theirs: ObservationFile): Merged<ObservationFile> {
  if (ours.year !== theirs.year || (base !== undefined && base.year !== ours.year)) {
    return cannotMerge(m().gm_differentYears(ours.year, theirs.year, base?.year));
  }
  const observations = unite(
    base?.observations ?? [],
    ours.observations,
    theirs.observations,
    byTime((o) => o.at, (o) => o.text),
  );
  return { ok: true, value: { year: ours.year, observations }, notes: [] };
}
